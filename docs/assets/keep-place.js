/* The language switch keeps the reader's place.
 *
 * Passages carry the same ids in every language (hooks/text/paragraph_ids.py). When the
 * reader picks a language in the header's switcher, the link gets the id of the
 * passage at the top of the viewport (or the one in the URL fragment, when it is in
 * view) as its fragment, and the page's query (the table's filters), so the other
 * language opens at the same place. Without JavaScript the link still leads to the
 * same page in the other language. Sentences have shared ids too (hooks/text/sentences.py):
 * when the address names a sentence (#policy-coordination-p2-s3), the switch keeps it,
 * and a sentence is a place like any passage (tests/test_browser_sentences.py).
 *
 * The offer of the other language: a reader whose browser prefers the other edition's
 * language, and not this page's, is offered the same place in it once (a small bilingual
 * box, overrides/partials/edition/language-offer.html). Never a redirect: the page stays
 * what was asked for. Chosen or dismissed, it does not come back (localStorage, no cookie,
 * nothing sent). Nothing without JavaScript, nothing for crawlers (their user agents), and
 * it is fixed at the bottom of the window, so nothing on the page moves
 * (tests/test_browser_language_offer.py).
 */
(function () {
  "use strict";

  var SWITCH = "a.md-select__link[hreflang]";

  function candidates() {
    return Array.prototype.filter.call(
      document.querySelectorAll("article.md-content__inner [id]"),
      function (el) { return el.getClientRects().length > 0; }
    );
  }

  function inView(el) {
    var box = el.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  }

  /* The fragment the reader came with or followed. Material's navigation.tracking
     rewrites the address to the current heading's id as one scrolls (replaceState,
     no hashchange event), so location.hash alone would name the section, not the
     passage. */
  var arrived = location.hash;
  window.addEventListener("hashchange", function () { arrived = location.hash; });

  /* The passage under the reader's eyes: the fragment's, if it is in view; else the
     innermost element that spans the line just below the header, else the first
     element below that line. */
  function placeId() {
    var hash = decodeURIComponent(arrived.slice(1));
    var target = hash && document.getElementById(hash);
    if (target && inView(target)) return hash;
    if (window.scrollY < 1) return "";
    var header = document.querySelector(".md-header");
    var line = (header ? header.getBoundingClientRect().bottom : 0) + 4;
    var spanning = null;
    var below = null;
    var all = candidates();
    all.forEach(function (el) {
      var box = el.getBoundingClientRect();
      if (box.top <= line && box.bottom > line) spanning = el;
      else if (box.top > line && !below) below = el;
    });
    var found = spanning || below;
    // The page's first element (its title) is the top of the page: no fragment needed.
    return found && found !== all[0] ? found.id : "";
  }

  function keepPlace(event) {
    var link = event.target.closest && event.target.closest(SWITCH);
    if (!link) return;
    var url = new URL(link.getAttribute("href"), location.href);
    url.search = location.search;
    url.hash = placeId();
    link.href = url.href;
    // Material's own handler (on <body>) would rebuild the address from the sitemap and
    // drop the fragment, or send a page missing from the sitemap to the home page; the
    // link's own address (the page's alternate, from mkdocs-static-i18n) is right.
    if (event.type === "click") event.stopPropagation();
  }

  ["click", "auxclick", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, keepPlace, true);
  });

  var OFFERED = "edition-language-offer";   // localStorage: "chosen" or "dismissed"
  var CRAWLER = /bot|crawl|spider|slurp|lighthouse|preview/i;

  function remember(value) {
    try { localStorage.setItem(OFFERED, value); } catch (e) { /* storage off: the offer may come back */ }
  }

  function primary(tag) { return String(tag || "").toLowerCase().split("-")[0]; }

  function offer() {
    var stored = null;
    try { stored = localStorage.getItem(OFFERED); } catch (e) { return; }
    if (stored || CRAWLER.test(navigator.userAgent)) return;
    var wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]).map(primary);
    var here = primary(document.documentElement.lang);
    if (wanted.indexOf(here) >= 0) return;
    var template = Array.prototype.find.call(document.querySelectorAll("template.edition-language-offer"), function (t) {
      return wanted.indexOf(primary(t.dataset.lang)) >= 0;
    });
    var other = template && document.querySelector(SWITCH + '[hreflang="' + template.dataset.lang + '"]');
    if (!other) return;
    var box = template.content.firstElementChild.cloneNode(true);
    var link = box.querySelector("a");
    link.addEventListener("click", function () {
      var url = new URL(other.getAttribute("href"), location.href);
      url.search = location.search;
      url.hash = placeId();
      link.href = url.href;
      remember("chosen");
    });
    box.querySelector("button").addEventListener("click", function () {
      remember("dismissed");
      box.remove();
    });
    document.body.appendChild(box);
  }

  // Choosing a language in the header's switcher is an answer too.
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(SWITCH)) remember("chosen");
  }, true);

  // After the page's first paint and its own work: the offer is never in the way of the text.
  (window.requestIdleCallback || function (run) { setTimeout(run, 1); })(offer);
})();
