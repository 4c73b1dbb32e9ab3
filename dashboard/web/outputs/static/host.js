/* SLT-statistikk: size embedded charts to their content on the host page.
   The embed posts {"slt-height": {"<chart>": px}}; the iframe that sent it gets that height.
   Without this script the iframe keeps its height attribute (the chart still fits). */
(function () {
  "use strict";
  if (window.__sltEmbedHost) return;
  window.__sltEmbedHost = true;
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src, window.location.href).origin : null;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || !data["slt-height"]) return;
    if (origin && event.origin !== origin) return;
    var frames = document.getElementsByTagName("iframe");
    for (var chart in data["slt-height"]) {
      var h = Number(data["slt-height"][chart]);
      if (!(h > 0 && h < 20000)) continue;
      for (var i = 0; i < frames.length; i++) {
        if (frames[i].contentWindow === event.source) {
          frames[i].style.height = h + "px";
          frames[i].setAttribute("height", String(h));
        }
      }
    }
  });
})();
