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
  /* Dash's number steppers are labelled in English; name them in the page's language. */
  var STEPPER = {
    nb: {"dash-stepper-decrement": "Ett år tidligere", "dash-stepper-increment": "Ett år senere"},
    en: {"dash-stepper-decrement": "One year earlier", "dash-stepper-increment": "One year later"}
  };
  function label(root) {
    var names = STEPPER[document.documentElement.lang === "en" ? "en" : "nb"];
    (root.querySelectorAll ? root.querySelectorAll(".year-input button") : []).forEach(function (b) {
      Object.keys(names).forEach(function (cls) {
        if (b.classList.contains(cls) && b.getAttribute("aria-label") !== names[cls]) {
          b.setAttribute("aria-label", names[cls]);
        }
      });
    });
  }
  var observer = new MutationObserver(function () { clean(document); label(document); });
  function start() {
    clean(document);
    observer.observe(document.body, {
      childList: true, subtree: true, attributes: true,
      attributeFilter: ["role", "aria-selected", "aria-label", "lang"]
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
