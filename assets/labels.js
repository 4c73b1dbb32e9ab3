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
   the chart. */
(function () {
  function overlaps(a, b) {
    return !(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top);
  }
  function thin(items) {
    var kept = [];
    items.forEach(function (el) {
      el.style.visibility = "";
      el.removeAttribute("data-thinned");
      var box = el.getBoundingClientRect();
      if (!box.width || !box.height) return;
      if (kept.some(function (k) { return overlaps(k, box); })) {
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
  function tidy(gd) {
    if (spread(gd)) return;  // drawn again: tidied then
    var notes = Array.from(gd.querySelectorAll(".annotation-text-g"));
    var shapes = shapeLabels(gd);
    thin(notes);
    stack(shapes.events);
    stack(shapes.breaks, boxesOf(shapes.events).concat(boxesOf(notes)));
    thin(Array.from(gd.querySelectorAll(".xtick text")));
    fitValues(gd);
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
