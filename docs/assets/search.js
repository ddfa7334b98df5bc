/* The edition's search: a dialog over Pagefind's JavaScript API (no dependencies).
   Pagefind loads lazily, on the first opening, and picks the index of the page's
   <html lang>, so results are in the reader's language. Markup: partials/search-pagefind.html.
   Opens with the header button, "/" or "s", or Ctrl/Cmd+K; Esc closes. */
(function () {
  "use strict";
  var dialog = document.getElementById("edition-search");
  var opener = document.querySelector("[data-edition-search-open]");
  if (!dialog || !opener || typeof dialog.showModal !== "function") return;
  var input = dialog.querySelector("input");
  var status = dialog.querySelector("[role=status]");
  var list = dialog.querySelector("ol");
  var closer = dialog.querySelector("[data-edition-search-close]");
  var text = dialog.dataset;
  var pagefind = null;
  var latest = "";
  var returnFocus = null;

  opener.hidden = false;

  function load() {
    if (!pagefind) {
      var bundle = new URL(text.bundle, location.href).href;
      pagefind = import(bundle + "pagefind.js").then(function (module) {
        return module.options({ baseUrl: new URL(text.root, location.href).pathname }).then(function () {
          return module;
        });
      });
      pagefind.catch(function () { status.textContent = text.failed; });
    }
    return pagefind;
  }

  function open() {
    if (dialog.open) return;
    returnFocus = document.activeElement;
    dialog.showModal();
    input.focus();
    input.select();
    load();
  }

  function counted(n) {
    if (n === 0) return text.none;
    if (n === 1) return text.one;
    return text.other.replace("#", String(n));
  }

  function item(data) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    var title = document.createElement("span");
    var excerpt = document.createElement("span");
    link.className = "edition-search__link";
    link.href = data.url;
    title.className = "edition-search__title";
    title.textContent = data.meta.title || data.url;
    excerpt.className = "edition-search__excerpt";
    excerpt.innerHTML = data.excerpt; /* Pagefind's excerpt: escaped page text with <mark> */
    link.append(title, excerpt);
    li.append(link);
    return li;
  }

  function search() {
    var query = input.value.trim();
    latest = query;
    if (!query) {
      list.replaceChildren();
      list.dataset.query = "";
      status.textContent = text.placeholder;
      return;
    }
    load().then(function (module) {
      return module.debouncedSearch(query, {}, 150);
    }).then(function (found) {
      if (found === null || query !== latest) return null; /* a newer query is under way */
      return Promise.all(found.results.slice(0, 10).map(function (r) { return r.data(); })).then(function (datas) {
        if (query !== latest) return;
        list.replaceChildren.apply(list, datas.map(item));
        status.textContent = counted(found.results.length);
        list.dataset.query = query; /* what the list shows results for */
      });
    }).catch(function () { status.textContent = text.failed; });
  }

  opener.addEventListener("click", open);
  closer.addEventListener("click", function () { dialog.close(); });
  /* Focus goes back where it was; never left on the field of a closed dialog, where the
     next "/" or "s" would count as typing. */
  dialog.addEventListener("close", function () {
    if (returnFocus && returnFocus !== document.body && document.contains(returnFocus)) {
      returnFocus.focus();
    } else if (dialog.contains(document.activeElement)) {
      document.activeElement.blur();
    }
  });
  input.addEventListener("input", search);
  dialog.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.click();
  });
  /* A click on the backdrop (outside the dialog's box) closes it. */
  dialog.addEventListener("click", function (event) {
    if (event.target !== dialog) return;
    var box = dialog.getBoundingClientRect();
    var inside = event.clientX >= box.left && event.clientX <= box.right &&
      event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) dialog.close();
  });
  document.addEventListener("keydown", function (event) {
    if (dialog.open || event.altKey || event.isComposing) return;
    var target = event.target;
    var typing = !dialog.contains(target) && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    var shortcut = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k";
    var key = !event.ctrlKey && !event.metaKey && (event.key === "/" || event.key === "s");
    if (shortcut || (key && !typing)) {
      event.preventDefault();
      event.stopPropagation();
      open();
    }
  }, true);
})();
