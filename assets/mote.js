/* Møtemodus (/mote): step between the slides the server rendered, keep ?lysbilde=N in
   the address bar, toggle full screen on the deck; and "Legg til i møtet" on chart cards.

   The agenda is base64url(JSON [[path, {query}, chart], …]), the same text
   dashboard/web/agenda.py reads; it is kept in localStorage only so that buttons on
   several pages can build one agenda, and always travels in the /mote URL. */
(function () {
  "use strict";
  var STORE = "slt-mote-agenda";
  var PATH = "/mote";

  /* ---------------------------------------------------------------- agenda text */
  function encode(items) {
    var bytes = new TextEncoder().encode(JSON.stringify(items));
    var bin = "";
    bytes.forEach(function (b) { bin += String.fromCharCode(b); });
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function decode(text) {
    try {
      var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
      while (b64.length % 4) { b64 += "="; }
      var bin = atob(b64), bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
      var items = JSON.parse(new TextDecoder().decode(bytes));
      return Array.isArray(items) ? items : [];
    } catch (e) { return []; }
  }
  function stored() {
    try { return decode(localStorage.getItem(STORE) || ""); } catch (e) { return []; }
  }
  function store(text) {
    try {
      if (text) { localStorage.setItem(STORE, text); } else { localStorage.removeItem(STORE); }
    } catch (e) { /* private mode: the link still carries the agenda */ }
  }
  function lang() { return document.documentElement.lang === "en" ? "en" : "nb"; }
  function agendaHref(text) {
    var q = new URLSearchParams();
    if (text) { q.set("agenda", text); }
    if (lang() === "en") { q.set("lang", "en"); }
    var s = q.toString();
    return PATH + (s ? "?" + s : "");
  }

  /* ---------------------------------------------------------------- "Legg til i møtet" */
  function addToMeeting(button) {
    var query = {};
    new URLSearchParams(button.getAttribute("data-query") || "").forEach(function (v, k) {
      query[k] = v;
    });
    var items = stored();
    items.push([window.location.pathname, query, button.getAttribute("data-chart")]);
    var text = encode(items);
    store(text);
    var status = document.getElementById(button.getAttribute("data-status"));
    if (status) {
      status.textContent = "";
      status.appendChild(document.createTextNode(
        (button.getAttribute("data-added") || "").replace("{n}", String(items.length)) + " "));
      var link = document.createElement("a");
      link.href = agendaHref(text);
      link.className = "mote-open";
      link.textContent = button.getAttribute("data-open") || PATH;
      status.appendChild(link);
    }
  }

  /* ---------------------------------------------------------------- the deck */
  function deck() { return document.getElementById("mote-deck"); }
  function slides(d) { return d ? d.querySelectorAll(".mote-slide") : []; }
  function current(d) { return parseInt(d.getAttribute("data-current") || "1", 10) || 1; }
  /* The deck's identity: its URL without the slide number (a new agenda is a new deck). */
  function deckKey(loc) {
    var q = new URLSearchParams(loc.search);
    q.delete("lysbilde");
    q.sort();
    return loc.pathname + "?" + q.toString();
  }
  function slideOf(loc) {
    var n = parseInt(new URLSearchParams(loc.search).get("lysbilde") || "1", 10);
    return isNaN(n) || n < 1 ? 1 : n;
  }
  var shownKey = null;

  function show(d, n, announce) {
    var all = slides(d);
    if (!all.length) { return; }
    n = Math.max(1, Math.min(all.length, n));
    all.forEach(function (s, i) {
      if (i + 1 === n) { s.removeAttribute("hidden"); } else { s.setAttribute("hidden", ""); }
    });
    d.setAttribute("data-current", String(n));
    var slide = all[n - 1];
    var h1 = document.querySelector(".page-mote h1");
    document.title = slide.getAttribute("data-heading") + (h1 ? " – " + h1.textContent : "");
    var live = document.getElementById("mote-live");
    if (announce && live) {
      live.textContent = slide.getAttribute("data-counter") + ": " +
        slide.getAttribute("data-heading");
    }
    /* A chart drawn while hidden has no size: let Plotly measure again. */
    window.dispatchEvent(new Event("resize"));
    return n;
  }
  function go(n) {
    var d = deck();
    if (!d) { return; }
    var total = slides(d).length;
    n = Math.max(1, Math.min(total, n));
    if (n === current(d)) { return; }
    show(d, n, true);
    var q = new URLSearchParams(window.location.search);
    q.set("lysbilde", String(n));
    window.history.pushState({mote: n}, "", window.location.pathname + "?" + q.toString());
    shownKey = deckKey(window.location);
    /* The shell's language link was made for the URL Dash last saw: keep it on this slide. */
    var other = document.getElementById("lang-link");
    if (other && other.getAttribute("href")) {
      var parts = other.getAttribute("href").split("?"), oq = new URLSearchParams(parts[1] || "");
      oq.set("lysbilde", String(n));
      other.setAttribute("href", parts[0] + "?" + oq.toString());
    }
  }

  function toggleFullscreen() {
    var d = deck();
    if (!d) { return; }
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (d.requestFullscreen) {
      d.requestFullscreen().catch(function () { /* refused: the deck stays in the page */ });
    }
  }
  document.addEventListener("fullscreenchange", function () {
    var d = deck();
    if (!d) { return; }
    var on = document.fullscreenElement === d;
    d.classList.toggle("is-fullscreen", on);
    d.querySelectorAll("[data-mote=fullscreen]").forEach(function (b) {
      b.setAttribute("aria-pressed", on ? "true" : "false");
      b.textContent = b.getAttribute(on ? "data-on" : "data-off");
    });
    window.dispatchEvent(new Event("resize"));
  });

  /* Open another /mote URL through Dash (no reload); then focus `focusId` in the new
     deck (the one whose agenda is the link's), so a keyboard user keeps their place. */
  function navigate(href, focusId) {
    window.history.pushState({}, "", href);
    shownKey = deckKey(window.location);
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
    var wanted = new URLSearchParams(href.split("?")[1] || "").get("agenda") || "";
    if (!focusId || !wanted) { return; }
    var tries = 0;
    (function look() {
      var d = deck(), el = document.getElementById(focusId);
      if (d && el && d.getAttribute("data-agenda") === wanted) {
        /* "Flytt opp" on what is now the first item is disabled: its other button then */
        var item = el.closest("li");
        if (el.disabled && item) { el = item.querySelector("button:not([disabled])") || el; }
        el.focus();
      } else if (tries++ < 50) {
        setTimeout(look, 100);
      }
    })();
  }

  var FORWARD = {ArrowRight: 1, PageDown: 1, " ": 1, Spacebar: 1};
  var BACK = {ArrowLeft: 1, PageUp: 1};
  document.addEventListener("keydown", function (e) {
    var d = deck();
    if (!d || e.altKey || e.ctrlKey || e.metaKey) { return; }
    var target = e.target;
    var tag = target && target.tagName ? target.tagName.toLowerCase() : "";
    if (tag === "input" || tag === "textarea" || tag === "select" || (target && target.isContentEditable)) {
      return;
    }
    var onControl = tag === "button" || tag === "a" || tag === "summary";
    if (e.key in FORWARD && !(e.key === " " && onControl)) {
      go(current(d) + 1);
    } else if (e.key in BACK) {
      go(current(d) - 1);
    } else if (e.key === "Home") {
      go(1);
    } else if (e.key === "End") {
      go(slides(d).length);
    } else if (e.key === "f" || e.key === "F") {
      toggleFullscreen();
    } else {
      return;
    }
    e.preventDefault();
  });

  document.addEventListener("click", function (e) {
    var el = e.target && e.target.closest ? e.target.closest("button, a") : null;
    if (!el) { return; }
    if (el.classList.contains("mote-add")) {
      addToMeeting(el);
      return;
    }
    var action = el.getAttribute("data-mote");
    var d = deck();
    if (action && d) {
      if (action === "next") { go(current(d) + 1); }
      if (action === "prev") { go(current(d) - 1); }
      if (action === "fullscreen") { toggleFullscreen(); }
      return;
    }
    if (el.getAttribute("data-goto") && d) {
      e.preventDefault();
      go(parseInt(el.getAttribute("data-goto"), 10));
      d.focus({preventScroll: false});
      return;
    }
    if (el.classList.contains("mote-edit") && el.getAttribute("data-href")) {
      if (el.getAttribute("data-clear")) { store(""); }
      navigate(el.getAttribute("data-href"), el.getAttribute("data-focus"));
      return;
    }
    if (el.id === "mote-shell-link") {
      var text = encode(stored());
      if (stored().length) { el.setAttribute("href", agendaHref(text)); }
    }
  }, true);

  /* Back/forward between slides of the same deck: show the slide without asking Dash
     (a re-render would end full screen). Registered before Dash's own listener, which
     runs for everything else (another deck, another page). */
  window.addEventListener("popstate", function (e) {
    var d = deck();
    if (d && shownKey !== null && deckKey(window.location) === shownKey) {
      show(d, slideOf(window.location), true);
      e.stopImmediatePropagation();
    } else if (window.location.pathname === PATH) {
      shownKey = deckKey(window.location); /* Dash renders this deck now */
    }
  });

  /* The deck fills the window below where it starts (style.css: --mote-top), so a slide
     never runs past the bottom of a laptop's window and the chart takes what is left. */
  var lastTop = null;
  function fit() {
    var d = deck();
    if (!d || document.fullscreenElement) { return; }
    var top = Math.ceil(d.getBoundingClientRect().top + window.scrollY + 8);
    if (top !== lastTop) {
      lastTop = top;
      document.documentElement.style.setProperty("--mote-top", top + "px");
    }
  }
  window.addEventListener("resize", fit);

  /* A deck rendered by Dash (first load, another agenda): remember which deck is shown,
     and keep the agenda it shows as the one "Legg til i møtet" adds to. */
  var seen = null, lastAgenda = null;
  function watch() {
    var d = deck();
    fit();
    if (!d) { seen = null; return; }
    if (d !== seen) {
      seen = d;
      shownKey = deckKey(window.location);
    }
    var text = d.getAttribute("data-agenda");
    if (text && text !== lastAgenda) {
      lastAgenda = text;
      store(text);
    }
  }
  new MutationObserver(watch).observe(document.documentElement, {childList: true, subtree: true});
})();
