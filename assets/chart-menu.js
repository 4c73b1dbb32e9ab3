/* One menu per chart (dashboard/web/chart_menu.py): a disclosure button and a list.
   Keyboard: Enter/Space open, arrow keys move, Home/End, Esc closes and returns focus.
   Event delegation on the document, because Dash re-renders the cards. */
(function () {
  "use strict";
  function items(list) { return Array.prototype.slice.call(list.querySelectorAll(".chart-menu-item")); }
  function listOf(button) { return document.getElementById(button.getAttribute("aria-controls")); }
  function close(button, focus) {
    var list = listOf(button);
    if (!list) return;
    list.hidden = true;
    button.setAttribute("aria-expanded", "false");
    if (focus) button.focus();
  }
  function closeAll(except) {
    var open = document.querySelectorAll('.chart-menu-button[aria-expanded="true"]');
    for (var i = 0; i < open.length; i++) if (open[i] !== except) close(open[i], false);
  }
  function open(button) {
    closeAll(button);
    var list = listOf(button);
    list.hidden = false;
    button.setAttribute("aria-expanded", "true");
    var first = items(list)[0];
    if (first) first.focus();
  }
  function say(menu, text) {
    var status = menu.querySelector(".chart-menu-status");
    if (status) { status.textContent = ""; setTimeout(function () { status.textContent = text; }, 50); }
  }
  function showPanel(menu, kind) {
    var panels = menu.querySelectorAll(".chart-panel");
    var shown = null;
    for (var i = 0; i < panels.length; i++) {
      var mine = panels[i].classList.contains("chart-panel-" + kind);
      panels[i].hidden = !mine;
      if (mine) shown = panels[i];
    }
    if (!shown) return;
    if (kind === "share") {
      var url = window.location.href;
      var input = shown.querySelector(".share-url");
      if (input) input.value = url;
      /* The QR code of the address now (the view may have changed since the page was
         drawn), made on the first opening: nothing is fetched for a panel never opened. */
      var slot = shown.querySelector(".share-qr-slot");
      var qr = shown.querySelector(".share-qr");
      if (!qr && slot) {
        qr = document.createElement("img");
        qr.className = "share-qr";
        qr.alt = slot.getAttribute("data-alt") || "";
        qr.width = 160;
        qr.height = 160;
        slot.appendChild(qr);
      }
      if (qr) qr.src = "/qr.svg?url=" + encodeURIComponent(window.location.pathname + window.location.search);
      var system = shown.querySelector(".share-system");
      if (system) system.hidden = !navigator.share;
    }
    shown.focus();
  }
  function copy(menu, field, done) {
    var el = document.getElementById(field);
    if (!el) return;
    var finish = function () { say(menu, done); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(el.value).then(finish, function () { el.select(); finish(); });
    } else {
      el.select();
      try { document.execCommand("copy"); } catch (e) { /* selected for the reader to copy */ }
      finish();
    }
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    var button = target.closest ? target.closest(".chart-menu-button") : null;
    if (button) {
      if (button.getAttribute("aria-expanded") === "true") close(button, false); else open(button);
      return;
    }
    var menu = target.closest ? target.closest(".chart-menu") : null;
    if (!menu) { closeAll(null); return; }
    var menuButton = menu.querySelector(".chart-menu-button");
    var actionEl = target.closest("[data-action]");
    var copyEl = target.closest("[data-copy]");
    if (copyEl) { copy(menu, copyEl.getAttribute("data-copy"), copyEl.getAttribute("data-done")); return; }
    /* A download (image, CSV, Excel) stays on the page: focus back on the menu button. */
    if (target.closest(".chart-menu-list a")) { close(menuButton, true); return; }
    if (!actionEl) return;
    var action = actionEl.getAttribute("data-action");
    var card = menu.closest(".chart-card");
    if (action === "fullscreen") {
      close(menuButton, true);  // the button is in the card: focus goes along to full screen
      lastButton = menuButton;
      if (document.fullscreenElement) document.exitFullscreen();
      else if (card && card.requestFullscreen) card.requestFullscreen().catch(function () {});
    } else if (action === "about" || action === "embed" || action === "share") {
      close(menuButton, false);
      showPanel(menu, action);
    } else if (action === "close") {
      var panel = actionEl.closest(".chart-panel");
      if (panel) panel.hidden = true;
      menuButton.focus();
    } else if (action === "system-share" && navigator.share) {
      navigator.share({ title: document.title, url: window.location.href }).catch(function () {});
    }
  });
  /* Leaving full screen (Esc, the browser) drops focus to the body: back to the button. */
  var lastButton = null;
  document.addEventListener("fullscreenchange", function () {
    if (!document.fullscreenElement && lastButton && lastButton.isConnected) {
      lastButton.focus();
      lastButton = null;
    }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!target.closest) return;
    var menu = target.closest(".chart-menu");
    if (!menu) return;
    var menuButton = menu.querySelector(".chart-menu-button");
    var list = target.closest(".chart-menu-list");
    var panel = target.closest(".chart-panel");
    if (event.key === "Escape") {
      if (list) { close(menuButton, true); event.preventDefault(); }
      else if (panel) { panel.hidden = true; menuButton.focus(); event.preventDefault(); }
      return;
    }
    if (target === menuButton && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      open(menuButton);
      event.preventDefault();
      return;
    }
    if (!list) return;
    var all = items(list);
    var i = all.indexOf(target);
    var next = null;
    if (event.key === "ArrowDown") next = all[(i + 1) % all.length];
    else if (event.key === "ArrowUp") next = all[(i - 1 + all.length) % all.length];
    else if (event.key === "Home") next = all[0];
    else if (event.key === "End") next = all[all.length - 1];
    else if (event.key === "Tab") { close(menuButton, false); return; }
    if (next) { next.focus(); event.preventDefault(); }
  });
})();
