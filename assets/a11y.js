/* Dash 4 renders RadioItems/Checklist as role="listbox" with role="option" labels that
   wrap native inputs: screen readers then announce a list box whose options contain
   radio buttons (axe: nested-interactive, aria-input-field-name). Our controls are
   native radios/checkboxes in a <fieldset> with a <legend>, so the extra roles are
   removed and the native semantics speak for themselves. */
(function () {
  function clean(root) {
    var lists = root.querySelectorAll ? root.querySelectorAll(".choices[role]") : [];
    lists.forEach(function (list) {
      list.removeAttribute("role");
      list.querySelectorAll("[role=option]").forEach(function (option) {
        option.removeAttribute("role");
        option.removeAttribute("aria-selected");
      });
    });
  }
  var observer = new MutationObserver(function () { clean(document); });
  function start() {
    clean(document);
    observer.observe(document.body, {
      childList: true, subtree: true, attributes: true, attributeFilter: ["role", "aria-selected"]
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
