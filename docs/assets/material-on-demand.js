/* Material's own script, when the reader first needs it.
 *
 * Everything a reader sees on arrival is HTML and CSS: the text, the navigation, the
 * drawer and its toggles, the language switch, the edition's own controls (the scripts
 * after this one). Material's bundle adds what answers a reader's moves: the palette
 * toggle, the header's section title and the contents following the scroll, the "back
 * to top" button, the tooltips, its keyboard shortcuts. Run at load, its start is the
 * page's one long task on a phone (Lighthouse, mobile: 120–250 ms of the main thread,
 * all of the total blocking time; bench/lighthouse.md). So overrides/main.html keeps
 * Material's <script> inert (a data block, type="edition/on-demand", its address in
 * data-src: not fetched, not run) and this script runs it at the reader's first move:
 * a pointer, a key, a touch, the wheel, a scroll or a focus.
 *
 * A click on what Material answers (the cite block's copy button) before its script has
 * started is handed to it once it has.
 *
 * Material starts on DOMContentLoaded, which has fired by then: the event is sent again
 * once the bundle has run (the edition's scripts do not listen for it). While Material
 * reads the head, the hreflang alternates are hidden from it: Material's language switch
 * fetches a sitemap.xml beside every <link rel="alternate"> to send a switch to the same
 * page; keep-place.js does that job, and beside the head's per-page alternates
 * (partials/edition/head.html) no sitemap exists: each fetch would be a 404. Crawlers
 * read the HTML, where they always stand. Without JavaScript nothing changes.
 */
(function () {
  "use strict";

  var held = document.querySelector('script[type="edition/on-demand"][data-src]');
  if (!held) return;
  var MOVES = ["pointerdown", "pointermove", "keydown", "touchstart", "wheel", "scroll", "focusin"];
  var MATERIALS = "[data-clipboard-target], [data-clipboard-text]";  // what Material's script answers on click
  var started = false, ready = false, clicked = null;

  function start() {
    if (started) return;
    started = true;
    MOVES.forEach(function (type) { window.removeEventListener(type, start, true); });
    var alternates = document.querySelectorAll('head link[rel="alternate"][hreflang]');
    Array.prototype.forEach.call(alternates, function (link) { link.rel = "edition-alternate"; });
    var script = document.createElement("script");
    script.src = held.dataset.src;  // relative to the page, as the <script> Material's template writes
    script.addEventListener("load", function () {
      document.dispatchEvent(new Event("DOMContentLoaded"));
      Array.prototype.forEach.call(alternates, function (link) { link.rel = "alternate"; });
      ready = true;
      // A click that came before Material could answer it (the cite block's copy button: the
      // press that started Material was that click's): given to Material now, while the
      // reader's gesture still allows copying.
      if (clicked) clicked.click();
      clicked = null;
    });
    held.after(script);
  }

  MOVES.forEach(function (type) { window.addEventListener(type, start, {capture: true, passive: true}); });
  document.addEventListener("click", function (event) {
    var target = !ready && event.target.closest && event.target.closest(MATERIALS);
    if (target) clicked = target;
  }, true);
})();
