/* On a narrow screen the filters fold into their "Velg visning" line (which says what is
   chosen), so the first chart is on the first screen. The panel is open in the HTML, so
   without JavaScript, and on wider screens, every control shows. Each panel is folded
   once, when it appears; after that the visitor decides. */
(function () {
  var narrow = window.matchMedia("(max-width: 700px)");
  function fold() {
    if (!narrow.matches) return;
    document.querySelectorAll("details.controls:not([data-folded])").forEach(function (panel) {
      panel.open = false;
      panel.setAttribute("data-folded", "");
    });
  }
  new MutationObserver(fold).observe(document.documentElement, {childList: true, subtree: true});
  document.addEventListener("DOMContentLoaded", fold);
})();
