/* No two text labels of a chart overlap, at any width. The server places the direct
   labels for a typical plot height; on a narrower or shorter chart some may collide, and
   years on the time axis may not fit side by side. After each draw, labels are checked
   with their real bounding boxes: the series labels in the right margin are first pushed
   apart (top to bottom, by the pixels they overlap); a label that would still overlap
   one already shown is hidden (the legend under the chart still names every series), and
   a year that would overlap the previous one is left out (the axis keeps its first year).
   Event numbers and "break in series" labels that would overlap are raised by a line,
   or hidden where that does not help (the line stays, and the footnote under the chart
   says what it marks). The values above grouped columns are all shown or all hidden:
   hidden while any of them is wider than its column (a phone), since a few values among
   gaps read as the whole story; every value is in the hover text and in the table under
   the chart.
   The same script runs on the pages, in embeds (/embed/, which load it beside Plotly) and
   on Møtemodus slides, so every surface fits its labels the same way. Also: a label
   placed inside the plot (a series that ends before the last year) is hidden where it
   would cross the plot's edge, a tick label or another label; a label that would leave
   the drawing is hidden; and a legend that Plotly would cut off (it scrolls when it is
   taller than it is given) makes the chart taller until every entry shows. */
(function () {
  function overlaps(a, b) {
    return !(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top);
  }
  function inside(box, area) {
    return box.left >= area.left - 1 && box.right <= area.right + 1 &&
      box.top >= area.top - 1 && box.bottom <= area.bottom + 1;
  }
  /* Hide each item that overlaps one kept before it, an obstacle, or leaves its `area`
     (`bounds(el)` gives the area an item must stay in, or null for anywhere). */
  function thin(items, obstacles, bounds) {
    var kept = (obstacles || []).slice();
    items.forEach(function (el) {
      el.style.visibility = "";
      el.removeAttribute("data-thinned");
      var box = el.getBoundingClientRect();
      if (!box.width || !box.height) return;
      var area = bounds ? bounds(el) : null;
      if ((area && !inside(box, area)) || kept.some(function (k) { return overlaps(k, box); })) {
        el.style.visibility = "hidden";
        el.setAttribute("data-thinned", "");
      } else {
        kept.push(box);
      }
    });
  }
  /* Push the margin labels apart; true when the chart was asked to redraw. */
  function spread(gd) {
    var notes = (gd.layout && gd.layout.annotations) || [];
    var items = [];
    gd.querySelectorAll("g.annotation").forEach(function (g) {
      var note = notes[Number(g.getAttribute("data-index"))];
      var text = g.querySelector(".annotation-text-g");
      if (!note || !text || note.name !== "series-label" || note.xref !== "paper") return;
      var box = text.getBoundingClientRect();
      if (!box.height) return;  // not laid out (a hidden slide): nothing to push apart
      items.push({i: Number(g.getAttribute("data-index")), top: box.top, height: box.height,
                  shift: note.yshift || 0});
    });
    items.sort(function (a, b) { return a.top - b.top; });
    var update = {}, moved = false, floor = -Infinity;
    items.forEach(function (item) {
      var top = item.top;
      if (top < floor + 2) {
        var down = floor + 2 - top;
        update["annotations[" + item.i + "].yshift"] = item.shift - down;
        top += down;
        moved = true;
      }
      floor = top + item.height;
    });
    if (moved && window.Plotly && window.Plotly.relayout) {
      window.Plotly.relayout(gd, update);
      return true;
    }
    return false;
  }
  /* Shape labels, split into event numbers and "break in series" labels (placed after them). */
  function shapeLabels(gd) {
    var shapes = (gd.layout && gd.layout.shapes) || [];
    var events = [], breaks = [];
    gd.querySelectorAll(".shape-label").forEach(function (g) {
      var shape = shapes[Number(g.getAttribute("data-index"))];
      (shape && shape.name === "break" ? breaks : events).push(g);
    });
    return {events: events, breaks: breaks};
  }
  function boxesOf(items) {
    return items
      .filter(function (el) { return el.style.visibility !== "hidden"; })
      /* getBoundingClientRect includes a CSS transform (a raised event number) */
      .map(function (el) { return el.getBoundingClientRect(); })
      .filter(function (box) { return box.width && box.height; });
  }
  /* Values above grouped columns: all shown, or all hidden while one is wider than its bar. */
  function fitValues(gd) {
    var data = gd.data || [];
    var columns = data.length && data.every(function (t) {
      return t.type === "bar" && t.orientation !== "h" && t.textposition === "outside";
    });
    if (!columns) return;
    var texts = Array.from(gd.querySelectorAll(".barlayer .point text.bartext"));
    texts.forEach(function (el) { el.style.visibility = ""; el.removeAttribute("data-thinned"); });
    var tooWide = texts.some(function (el) {
      var bar = el.parentNode && el.parentNode.querySelector("path");
      if (!bar) return false;
      return el.getBoundingClientRect().width > bar.getBoundingClientRect().width + 1;
    });
    gd.toggleAttribute("data-values-hidden", tooWide);
    if (tooWide) texts.forEach(function (el) {
      el.style.visibility = "hidden";
      el.setAttribute("data-thinned", "");
    });
  }
  /* Event numbers close together (e.g. 2019-08 and 2020-01 on a phone) are stacked: one
     that would overlap a number already placed is raised by a line (the server leaves a
     line of room above the plot); one that still overlaps is hidden (its footnote under
     the chart still says what happened when). Break labels are placed the same way after
     the event numbers, also kept clear of the series labels. */
  function stack(labels, kept) {
    kept = kept || [];
    labels.forEach(function (g) {
      g.style.transform = "";
      g.style.visibility = "";
      g.removeAttribute("data-thinned");
      var box = g.getBoundingClientRect();
      if (!box.width || !box.height) return;
      var clash = function (b) { return kept.some(function (k) { return overlaps(k, b); }); };
      if (!clash(box)) { kept.push(box); return; }
      var up = box.height + 1;
      var raised = {left: box.left, right: box.right, top: box.top - up, bottom: box.bottom - up};
      if (!clash(raised)) {
        g.style.transform = "translateY(" + (-up) + "px)";
        kept.push(raised);
      } else {
        g.style.visibility = "hidden";
        g.setAttribute("data-thinned", "");
      }
    });
  }
  /* Plotly gives a legend at most part of the chart's height and scrolls the rest out of
     sight (a phone, long series names): grow the chart until the whole legend shows.
     True when the chart was asked to redraw. */
  function fitLegend(gd) {
    var full = gd._fullLayout;
    var legend = full && full.legend;
    if (!legend || !window.Plotly || !(legend._height > 0) || !(legend._effHeight > 0)) return false;
    gd.__sltLegendTries = gd.__sltLegendTries || 0;
    if (legend._height - legend._effHeight <= 1 || gd.__sltLegendTries >= 6) return false;
    gd.__sltLegendTries += 1;
    /* The legend gets a share of the chart's height: grow the chart by that share. */
    var height = Math.ceil(full.height * legend._height / legend._effHeight) + 4;
    /* The chart's box grows and Plotly sizes to it (a fixed layout height would also fix
       the width: the chart would no longer follow its container). */
    gd.style.height = height + "px";
    if (gd.parentNode && gd.parentNode.classList.contains("dash-graph")) {
      gd.parentNode.style.height = height + "px";
    }
    window.Plotly.Plots.resize(gd);
    return true;
  }
  /* Names beside horizontal bars wrapped for the width the chart is drawn at (a phone's
     18 characters a line made 4-5 line names on a desktop page, and a chart taller than
     a printed page), and the chart as tall as its names and bars then need. True when
     the chart was asked to redraw. */
  function fitNames(gd) {
    var data = gd.data || [], layout = gd.layout || {}, full = gd._fullLayout;
    var axis = layout.yaxis || {};
    if (!full || !data.length || data[0].type !== "bar" || data[0].orientation !== "h" ||
        !Array.isArray(axis.ticktext)) return false;
    var size = (axis.tickfont && axis.tickfont.size) || 14;
    var chars = Math.max(14, Math.floor(0.4 * full.width / (size * 0.6)));
    var wrapped = axis.ticktext.map(function (name) { return wrap(String(name), chars); });
    if (wrapped.join("|") === axis.ticktext.join("|")) return false;
    var lines = Math.max.apply(null, wrapped.map(function (n) { return n.split("<br>").length; }));
    var bars = layout.barmode === "stack" ? 1 : data.length;
    var slot = Math.max(lines * size * 1.3 + 6, bars * (size * 0.86 * 1.3 + 2) / 0.75);
    var around = full.height - full._size.h;
    var height = Math.ceil(Math.max(around + wrapped.length * slot, 300));
    gd.style.height = height + "px";
    if (gd.parentNode && gd.parentNode.classList.contains("dash-graph")) {
      gd.parentNode.style.height = height + "px";
    }
    window.Plotly.relayout(gd, {"yaxis.ticktext": wrapped, height: height, autosize: true});
    return true;
  }
  function wrap(name, chars) {
    var words = name.split("<br>").join(" ").split(" "), out = [], line = "";
    words.forEach(function (word) {
      if (line && (line + " " + word).length > chars) { out.push(line); line = word; }
      else { line = line ? line + " " + word : word; }
    });
    if (line) out.push(line);
    return out.join("<br>");
  }
  function visibleBoxes(nodes) {
    return Array.from(nodes)
      .filter(function (el) { return getComputedStyle(el).visibility !== "hidden"; })
      .map(function (el) { return el.getBoundingClientRect(); })
      .filter(function (box) { return box.width && box.height; });
  }
  function tidy(gd) {
    /* A chart that is not shown (a hidden slide) has no boxes to measure: it is tidied
       when it is drawn at its size (Møtemodus resizes on showing a slide). */
    var size = gd.getBoundingClientRect();
    if (!size.width || !size.height) return;
    if (fitNames(gd)) return;  // drawn again: tidied then
    if (fitLegend(gd)) return;  // drawn again: tidied then
    if (spread(gd)) return;  // drawn again: tidied then
    var svg = gd.querySelector(".main-svg");
    var plot = gd.querySelector(".bglayer .bg, .draglayer .nsewdrag");
    var page = svg ? svg.getBoundingClientRect() : null;
    var area = plot ? plot.getBoundingClientRect() : null;
    var notes = gd.layout && gd.layout.annotations || [];
    thin(Array.from(gd.querySelectorAll(".xtick text")));
    var ticks = visibleBoxes(gd.querySelectorAll(".xtick text, .ytick text"));
    /* A label in the right margin stays in the drawing; one placed at a data point
       (a series that ends early) stays inside the plot area. */
    thin(Array.from(gd.querySelectorAll(".annotation-text-g")), ticks, function (el) {
      var g = el.closest(".annotation");
      var note = g ? notes[Number(g.getAttribute("data-index"))] : null;
      return note && note.xref !== "paper" && note.name === "series-label" ? area : page;
    });
    var labels = Array.from(gd.querySelectorAll(".annotation-text-g"));
    var shapes = shapeLabels(gd);
    stack(shapes.events);
    stack(shapes.breaks, boxesOf(shapes.events).concat(boxesOf(labels)));
    fitValues(gd);
    /* The size the labels were last fitted at (tests wait for it after a resize). */
    gd.setAttribute("data-fitted", Math.round(size.width) + "x" + Math.round(size.height));
  }
  function watch() {
    document.querySelectorAll(".js-plotly-plot:not([data-labels])").forEach(function (gd) {
      if (typeof gd.on !== "function") return;
      gd.setAttribute("data-labels", "");
      gd.on("plotly_afterplot", function () { tidy(gd); });
      tidy(gd);
    });
  }
  new MutationObserver(watch).observe(document.documentElement, {childList: true, subtree: true});
  document.addEventListener("DOMContentLoaded", watch);
})();
