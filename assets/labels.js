/* No two text labels of a chart overlap, at any width. The server places the direct
   labels for a typical plot height; on a narrower or shorter chart some may collide, and
   years on the time axis may not fit side by side. After each draw, labels are checked
   with their real bounding boxes, in drawing order: a label that would overlap one
   already shown is hidden (the legend under the chart still names every series), and a
   year that would overlap the previous one is left out (the axis keeps its first year). */
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
  function tidy(gd) {
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
