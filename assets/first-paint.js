/* Text before the JavaScript (dashboard/web/layout/first_paint.py): the served document
   shows the view as HTML while Dash builds the live page, hidden, beside it. Once the
   live page is there and its charts are drawn, the first paint is removed in one step
   and the live page takes its place (same markup, same size: nothing moves). */
(function () {
  "use strict";
  var first = document.getElementById("slt-first-paint");
  var app = document.getElementById("react-entry-point");
  if (!first || !app) { return; }
  function ready() {
    var page = app.querySelector(".page");
    if (!page) { return false; }
    var graphs = page.querySelectorAll(".dash-graph");
    for (var i = 0; i < graphs.length; i++) {
      if (!graphs[i].querySelector(".main-svg")) { return false; }
    }
    return true;
  }
  function swap() {
    if (!first.isConnected) { return; }
    observer.disconnect();
    var y = window.scrollY;
    first.remove();
    window.scrollTo(0, y);
  }
  var observer = new MutationObserver(function () { if (ready()) { swap(); } });
  observer.observe(app, { childList: true, subtree: true });
  // Never keep the live page hidden: after 20 s it is shown as it is.
  setTimeout(swap, 20000);
})();
