/* No two text labels of a chart overlap, at any width. The server places the direct
   labels for a typical plot height; on a narrower or shorter chart some may collide, and
   years on the time axis may not fit side by side. After each draw, labels are checked
   with their real bounding boxes: the series labels in the right margin are first pushed
   apart (top to bottom, by the pixels they overlap); a label that would still overlap
   one already shown is hidden (the legend under the chart still names every series), and
   a year that would overlap the previous one is left out (the axis keeps its first year). */
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
  function tidy(gd) {
    if (spread(gd)) return;  // drawn again: tidied then
    thin(Array.from(gd.querySelectorAll(".annotation-text-g")));
    thin(Array.from(gd.querySelectorAll(".xtick text")));
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
