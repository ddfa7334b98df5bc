/* The "not found" page (overrides/404.html) in the reader's language, with the closest page.
 *
 * The page carries every language's message, each marked with its lang; without this
 * script they all show, the build's language first. Here:
 * - the address is read below the site's base path (data-base), lower-cased, without
 *   index.html, .html, .md, repeated or trailing slashes; a folder named after the default
 *   language (/ru/…) is dropped, since that language lives at the root;
 * - it is matched against every page of the site (data-pages: assets/not-found.json,
 *   written by hooks/plumbing/not_found.py) by edit distance (optimal string alignment: insertions,
 *   deletions, substitutions and swaps of two neighbours count one each); the closest page
 *   is shown when at most a third of its address differs (bench/not_found_typos.py
 *   measures this rule on mistyped addresses of every page and on foreign ones);
 * - the reader's language is the address's first folder when it names a language, else
 *   the suggested page's language, else the default: its message goes first, and the
 *   document's title follows it.
 */
(function () {
  "use strict";

  var box = document.querySelector(".edition-not-found[data-pages]");
  if (!box) return;
  var base = box.getAttribute("data-base") || "/";
  var fallback = box.getAttribute("data-default");
  var messages = box.querySelectorAll(".edition-not-found__message[data-lang]");
  var languages = Array.prototype.map.call(messages, function (m) { return m.getAttribute("data-lang"); });

  function normalise(path) {
    try { path = decodeURIComponent(path); } catch (error) { /* keep it as it came */ }
    path = path.toLowerCase();
    path = path.indexOf(base.toLowerCase()) === 0 ? path.slice(base.length) : path;
    path = path.replace(/\/+/g, "/").replace(/(^|\/)index\.html?$/, "$1").replace(/\.(html?|md)$/, "");
    var parts = path.split("/").filter(Boolean);
    if (parts[0] === fallback) parts.shift();
    return parts.join("/");
  }

  function distance(a, b) {  // optimal string alignment distance
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) { d[i] = [i]; }
    for (j = 0; j <= b.length; j++) { d[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length][b.length];
  }

  function closest(address, pages) {
    var best = null, bestDistance = Infinity;
    pages.forEach(function (page) {
      var key = page.url.replace(/\/+$/, "");
      var d = distance(address, key);
      if (d < bestDistance) { best = page; bestDistance = d; }
    });
    var key = best ? best.url.replace(/\/+$/, "") : "";
    return best && bestDistance <= Math.max(1, Math.floor(key.length / 3)) ? best : null;
  }

  function putFirst(lang) {
    var message = box.querySelector('.edition-not-found__message[data-lang="' + lang + '"]');
    if (!message) return;
    box.insertBefore(message, box.firstElementChild);
    document.title = message.getAttribute("data-title") || document.title;
  }

  function suggest(page) {
    Array.prototype.forEach.call(box.querySelectorAll(".edition-not-found__suggestion"), function (line) {
      var link = document.createElement("a");
      link.href = base + page.url;
      link.textContent = page.title;
      link.lang = link.hreflang = page.lang;
      link.className = "edition-not-found__page";
      line.append(" ", link);
      line.hidden = false;
    });
  }

  var address = normalise(location.pathname);
  var first = address.split("/")[0];
  var reader = languages.indexOf(first) >= 0 ? first : null;
  if (reader) putFirst(reader);

  fetch(box.getAttribute("data-pages"))
    .then(function (response) { return response.ok ? response.json() : { pages: [] }; })
    .then(function (data) {
      var page = closest(address, data.pages || []);
      if (!page) return;
      suggest(page);
      if (!reader) putFirst(page.lang);
    })
    .catch(function () { /* the message and the title pages' links stand without a suggestion */ });
})();
