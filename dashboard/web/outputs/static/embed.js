/* SLT-statistikk embed: draw the chart over its static image, follow the colour scheme,
   and tell the host page our height ({"slt-height": {"<chart>": px}}, see host.js). */
(function () {
  "use strict";
  var root = document.documentElement;
  var main = document.getElementById("slt-embed");
  if (!main) return;
  var chart = main.getAttribute("data-chart");
  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  var last = 0;

  function height() {
    var style = window.getComputedStyle(document.body);
    return Math.ceil(main.getBoundingClientRect().bottom + window.scrollY + parseFloat(style.marginBottom || 0));
  }
  function post() {
    if (window.parent === window) return;
    var h = height();
    if (h === last) return;
    last = h;
    var message = { "slt-height": {} };
    message["slt-height"][chart] = h;
    window.parent.postMessage(message, "*");
  }
  function theme() {
    var forced = root.getAttribute("data-theme");
    if (forced === "light" || forced === "dark") return forced;
    return dark && dark.matches ? "dark" : "light";
  }
  function draw() {
    var data = document.getElementById("slt-figure");
    var graph = document.getElementById("graph");
    if (!data || !graph || !window.Plotly) { post(); return; }
    var figures = JSON.parse(data.textContent);
    var figure = figures[theme()] || figures.light;
    main.classList.add("drawn");
    window.Plotly.react(graph, figure.data, figure.layout, {
      displayModeBar: false, responsive: true, displaylogo: false
    }).then(function () { hideTester(); post(); }, function () { main.classList.remove("drawn"); post(); });
  }
  // Plotly leaves an off-screen measuring <svg id="js-plotly-tester"> in <body>: graphics
  // without a name to a screen reader (IBM Equal Access: svg_graphics_labelled). The chart
  // itself is named by the figure's caption and table.
  function hideTester() {
    var tester = document.getElementById("js-plotly-tester");
    if (tester) {
      tester.setAttribute("aria-hidden", "true");
      tester.setAttribute("focusable", "false");
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
  if (dark && dark.addEventListener) dark.addEventListener("change", draw);
  if (window.ResizeObserver) new ResizeObserver(post).observe(main);
  main.addEventListener("toggle", post, true);
  window.addEventListener("load", post);
  window.addEventListener("resize", post);
})();
