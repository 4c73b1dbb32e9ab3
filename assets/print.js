/* Printing a page (Ctrl+P, the browser's menu): the charts are redrawn at the width of an
   A4 page's text, so none is cut at the right edge, and the address of the view is
   written under the page (style.css @media print shows it). After printing the charts
   follow the window again. */
(function () {
  "use strict";
  var WIDTH = 680; // px: A4 portrait less the page margins (186 mm = 703 px), less a border
  var TALLEST = 760; // px: a chart and its card's title and summary fit one printed page
  var HEIGHT = 380; // px: a chart of the default height, in proportion to the page's width
  var printed = [];
  var printing = false;

  /* A chart taller than a page (many bars with their names) is printed smaller, whole,
     rather than cut across two pages. */
  function fitPage(gd) {
    var height = gd._fullLayout ? gd._fullLayout.height : 0;
    gd.style.zoom = printing && height > TALLEST ? String(TALLEST / height) : "";
  }

  function before() {
    printing = true;
    var url = document.getElementById("print-url");
    if (url) { url.textContent = window.location.href; }
    if (!window.Plotly || printed.length) { return; }
    document.querySelectorAll(".js-plotly-plot").forEach(function (gd) {
      if (!gd._fullLayout || gd.closest("[hidden]")) { return; }
      printed.push([gd, {
        width: gd.layout.width === undefined ? null : gd.layout.width,
        height: gd.layout.height === undefined ? null : gd.layout.height
      }, gd.style.height]);
      /* Drawn at once (a print takes its picture right after this event), and the box
         keeps the width should the window's resize handler measure it again. */
      gd.style.width = WIDTH + "px";
      if (!gd.__sltPrintWatch && gd.on) {
        gd.__sltPrintWatch = true;
        gd.on("plotly_afterplot", function () { fitPage(gd); });
      }
      var height = gd.layout.height ? gd._fullLayout.height : HEIGHT;
      gd.style.height = height + "px";
      window.Plotly.relayout(gd, {width: WIDTH, height: height});
      fitPage(gd);
    });
  }
  function after() {
    printing = false;
    var graphs = printed;
    printed = [];
    graphs.forEach(function (item) {
      var gd = item[0];
      if (!gd.isConnected) { return; }
      gd.style.width = "";
      gd.style.zoom = "";
      gd.style.height = item[2];
      window.Plotly.relayout(gd, item[1]).then(function () { window.Plotly.Plots.resize(gd); });
    });
  }
  window.addEventListener("beforeprint", before);
  window.addEventListener("afterprint", after);
  /* Print emulation (and browsers that print without the events) switch the media query. */
  var query = window.matchMedia ? window.matchMedia("print") : null;
  if (query && query.addEventListener) {
    query.addEventListener("change", function (e) { if (e.matches) { before(); } else { after(); } });
  }
})();
