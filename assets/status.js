/* Status messages (WCAG 4.1.3): after a filter change has re-rendered the page, say what
   is shown now in the shell's one polite live region (#view-status), e.g. "Viser
   2013–2020 for Bærum" / "Showing 2013–2020 for Bærum", followed by the control that
   changed ("Hva telles: Personer"). The words come from the region's data-view and
   data-for attributes (set by the server from the words catalog, in the page's
   language); the values are read from the controls as shown. */
(function () {
  var REGION = "view-status";
  var changedAt = 0, changed = null, timer = null;

  function text(el) { return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; }

  function choice(control) {
    /* The checked option's label text of a radio group, or "" */
    var input = control && control.querySelector("input:checked");
    return input ? text(input.closest("label")) : "";
  }

  function years() {
    var fields = Array.prototype.slice.call(
      document.querySelectorAll("#main .controls .control-year input"));
    var values = fields.map(function (f) { return f.value; }).filter(Boolean);
    if (values.length === 2) { return values[0] + "\u2013" + values[1]; }
    if (values.length === 1) { return values[0]; }
    return choice(document.querySelector("#main .controls [id$='-aar']"));
  }

  function sentence(region) {
    var view = region.getAttribute("data-view") || "{what}";
    var kommune = choice(document.querySelector("#main .controls [id$='-kommune']"));
    var what = [years(), kommune ? (region.getAttribute("data-for") || "") + " " + kommune : ""]
      .filter(Boolean).join(" ").trim();
    var parts = [what ? view.replace("{what}", what) : ""];
    var fieldset = changed && changed.closest("fieldset");
    if (fieldset && !/-kommune$|-aar$/.test((fieldset.querySelector("[id]") || {}).id || "")) {
      var legend = text(fieldset.querySelector("legend"));
      var picked = changed.type === "checkbox"
        ? Array.prototype.map.call(fieldset.querySelectorAll("input:checked"), function (i) {
            return text(i.closest("label"));
          }).join(", ")
        : choice(fieldset);
      if (legend && picked) { parts.push(legend + ": " + picked); }
    }
    return parts.filter(Boolean).join(". ") + ".";
  }

  function announce() {
    timer = null;
    var region = document.getElementById(REGION);
    if (!region) { return; }
    var message = sentence(region);
    changedAt = 0;
    changed = null;
    /* Clear first, so the same sentence twice is still announced. */
    region.textContent = "";
    window.setTimeout(function () { region.textContent = message; }, 50);
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("#main .controls")) {
      changedAt = Date.now();
      changed = target;
    }
  }, true);

  new MutationObserver(function (mutations) {
    if (!changedAt || Date.now() - changedAt > 15000) { return; }
    var inContent = mutations.some(function (m) {
      var node = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      return node && node.closest && node.closest("#main .content");
    });
    if (!inContent) { return; }
    if (timer) { window.clearTimeout(timer); }
    timer = window.setTimeout(announce, 400);
  }).observe(document.documentElement, {childList: true, subtree: true});
})();
