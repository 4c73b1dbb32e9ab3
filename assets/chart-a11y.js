/* Charts as accessible objects (WCAG 1.1.1, 4.1.2). Plotly draws its charts as several
   unnamed <svg> elements, which screen readers meet as empty graphics (IBM Equal Access:
   svg_graphics_labelled). Each chart's container becomes one image named by the card's
   heading and described by its summary sentence (the <figcaption> beside it); Plotly's
   SVGs inside are hidden from assistive technology. The numbers themselves are in the
   card's table ("Vis som tabell") and its CSV. Re-applied whenever Plotly redraws.
   Plotly also leaves an off-screen measuring <svg id="js-plotly-tester"> in <body>:
   hidden the same way (it is never visible). */
(function () {
  function set(el, name, value) {
    if (el.getAttribute(name) !== value) { el.setAttribute(name, value); }
  }
  function label() {
    var tester = document.getElementById("js-plotly-tester");
    if (tester) {
      set(tester, "aria-hidden", "true");
      set(tester, "focusable", "false");
    }
    document.querySelectorAll(".chart-card[data-chart] .graph").forEach(function (graph) {
      var chart = graph.closest(".chart-card").getAttribute("data-chart");
      set(graph, "role", "img");
      if (document.getElementById(chart + "-title")) {
        set(graph, "aria-labelledby", chart + "-title");
      }
      if (document.getElementById(chart + "-summary")) {
        set(graph, "aria-describedby", chart + "-summary");
      }
      graph.querySelectorAll("svg").forEach(function (svg) {
        set(svg, "aria-hidden", "true");
        set(svg, "focusable", "false");
      });
    });
  }
  var queued = false;
  var observer = new MutationObserver(function () {
    if (queued) { return; }
    queued = true;
    window.requestAnimationFrame(function () { queued = false; label(); });
  });
  function start() {
    label();
    observer.observe(document.body, {childList: true, subtree: true});
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
