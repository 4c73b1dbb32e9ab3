/* Dark mode for the charts on the pages: under prefers-color-scheme: dark every chart's
   light colours are swapped for their dark counterparts (dashboard.images.DARK_COLOURS,
   served as /farger.json: one list of colours, in Python). Dash draws the light figure;
   after each draw this re-draws it dark, once (a dark paper is left alone). */
(function () {
  "use strict";
  if (!window.matchMedia) return;
  var query = window.matchMedia("(prefers-color-scheme: dark)");
  var colours = null;
  var loading = null;

  function load() {
    if (!loading) {
      loading = fetch("/farger.json").then(function (r) { return r.json(); }).then(function (m) {
        colours = m.dark;
      });
    }
    return loading;
  }
  function swap(text) {
    var lower = text.toLowerCase();
    if (colours[lower]) return colours[lower];
    if (lower.indexOf("color:") >= 0) {
      for (var light in colours) {
        text = text.split("color:" + light).join("color:" + colours[light]);
        text = text.split("color:" + light.toUpperCase()).join("color:" + colours[light]);
      }
    }
    return text;
  }
  function copy(value) {
    if (typeof value === "string") return swap(value);
    if (Array.isArray(value)) return value.map(copy);
    if (value && typeof value === "object" && !ArrayBuffer.isView(value)) {
      var out = {};
      for (var key in value) {
        if (Object.prototype.hasOwnProperty.call(value, key) && key.charAt(0) !== "_") {
          out[key] = copy(value[key]);
        }
      }
      return out;
    }
    return value;
  }
  function isLight(gd) {
    var paper = gd.layout && gd.layout.paper_bgcolor;
    return typeof paper === "string" && colours && colours[paper.toLowerCase()] !== undefined;
  }
  function recolour(gd) {
    if (!query.matches || !window.Plotly || !gd.layout) return;
    load().then(function () {
      if (!isLight(gd)) return;
      window.Plotly.react(gd, copy(gd.data), copy(gd.layout), gd._context || {});
    });
  }
  function watch(gd) {
    if (gd.__sltDark) return;
    gd.__sltDark = true;
    if (gd.on) gd.on("plotly_afterplot", function () { recolour(gd); });
    recolour(gd);
  }
  function scan() {
    var graphs = document.querySelectorAll(".js-plotly-plot");
    for (var i = 0; i < graphs.length; i++) watch(graphs[i]);
  }
  new MutationObserver(function () { if (query.matches) scan(); }).observe(document.documentElement, {
    childList: true, subtree: true
  });
  if (query.addEventListener) {
    query.addEventListener("change", function () {
      if (query.matches) scan(); else window.location.reload();
    });
  }
})();
