/* Every sentence knows its counterpart in the other language.
 *
 * hooks/text/sentences.py gives each sentence of the article a span with an id that is the same
 * in both languages (policy-coordination-p2-s3). This script adds (while the browser is idle, a
 * few at a time, so that no long task holds up the page), after each sentence, a
 * small control (no text of its own: copying the text copies the text only). In each
 * paragraph one control is in the Tab order; the arrow keys ← → (Home, End) move between the
 * paragraph's sentences.
 *
 * On a page of the article, a click or tap on a sentence, or Enter on its control, shows the
 * other language's sentence in a popover (marked with its lang), with a link to it on the
 * other page; Escape, a click elsewhere or Tab out of it close it, and focus goes back to
 * the control. The texts load on first use from the other page's sentences.json, which the
 * head's <meta name="edition-sentences"> names with the interface words
 * (overrides/partials/edition/sentences.html). On a parallel page (hooks/forms/parallel.py, where
 * ids inside a cell start with the cell's language: ru-policy-coordination-p2-s3), hovering,
 * focusing or tapping a sentence highlights its counterpart in the other cell of the row,
 * and Enter on its control moves there. Without JavaScript, nothing changes: every sentence
 * id is a link target on both pages.
 */
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="edition-sentences"]');
  var article = document.querySelector("article.md-content__inner");
  if (!meta || !article) return;
  var parallel = !!article.querySelector(".edition-parallel");
  var sentences = article.querySelectorAll(".edition-s[id]");
  if (!sentences.length || (!parallel && !meta.content)) return;
  var words = meta.dataset;
  var SENTENCE = /-s(\d+)$/;

  function make(tag, className, parent) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (parent) parent.appendChild(element);
    return element;
  }

  /* The controls: one after each sentence, grouped by paragraph (the id without -sN). */
  var keys = make("span", "", document.body);
  keys.id = "edition-s-keys";
  keys.hidden = true;
  keys.textContent = words.keys;
  var groups = {};
  var added = 0;

  function addControl(sentence) {
    var control = make("button", "edition-s__control");
    control.type = "button";
    control.setAttribute("aria-label", (parallel ? words.pair : words.show).replace("{n}", sentence.id.match(SENTENCE)[1]));
    control.setAttribute("aria-describedby", keys.id);
    if (!parallel) {
      control.setAttribute("aria-haspopup", "dialog");
      control.setAttribute("aria-expanded", "false");
    }
    var group = sentence.id.replace(SENTENCE, "");
    control.tabIndex = groups[group] ? -1 : 0;
    (groups[group] = groups[group] || []).push(control);
    control.edition = {sentence: sentence, group: groups[group]};
    sentence.edition = control;
    sentence.after(control);
  }

  /* Added while the browser is idle, a few at a time, so that the page's first paint and its
   * scripts are not held up by one long task; all at once when a reader uses one before. */
  function addControls(deadline) {
    while (added < sentences.length && (!deadline || deadline.timeRemaining() > 2)) addControl(sentences[added++]);
    if (added < sentences.length) idle(addControls);
  }
  function idle(work) {
    if (window.requestIdleCallback) window.requestIdleCallback(work, {timeout: 1000});
    else window.setTimeout(function () { work({timeRemaining: function () { return 8; }}); }, 16);
  }
  function ready(sentence) {
    if (!sentence.edition) addControls(null);
    return sentence;
  }
  idle(addControls);

  function current(control) {
    control.edition.group.forEach(function (other) { other.tabIndex = other === control ? 0 : -1; });
  }

  article.addEventListener("keydown", function (event) {
    var control = event.target.closest && event.target.closest(".edition-s__control");
    if (!control || event.altKey || event.ctrlKey || event.metaKey) return;
    var group = control.edition.group;
    var at = group.indexOf(control);
    var to = {ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: group.length - 1}[event.key];
    if (to === undefined) return;
    event.preventDefault();
    var next = group[Math.max(0, Math.min(group.length - 1, to))];
    current(next);
    next.focus();
  });

  article.addEventListener("focusin", function (event) {
    if (event.target.edition && event.target.edition.group) current(event.target);
  });

  /* A click on a sentence's own text (not a link in it, not the end of a selection). */
  function clickedSentence(event) {
    if (event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
    if (event.target.closest("a, button, input, select, textarea, summary")) return null;
    if (String(window.getSelection && window.getSelection()).trim()) return null;
    return event.target.closest(".edition-s[id]");
  }

  if (parallel) pairs(); else popover();

  /* --- Parallel page: a sentence and its counterpart, highlighted together ------------- */
  function pairs() {
    var shown = [], hovered = null, focused = null, tapped = null;

    function counterpart(sentence) {
      ready(sentence);
      var cell = sentence.closest(".edition-parallel__cell");
      var row = cell && cell.parentElement;
      if (!row || sentence.id.indexOf(cell.lang + "-") !== 0) return null;
      var key = sentence.id.slice(cell.lang.length + 1);
      for (var i = 0; i < row.children.length; i++) {
        var other = row.children[i];
        var found = other !== cell && other.lang && document.getElementById(other.lang + "-" + key);
        if (found && other.contains(found)) return found;
      }
      return null;
    }

    function render() {
      var sentence = hovered || focused || tapped;
      shown.forEach(function (s) { s.classList.remove("edition-s--paired"); });
      var other = sentence && counterpart(sentence);
      shown = sentence && other ? [sentence, other] : [];
      shown.forEach(function (s) { s.classList.add("edition-s--paired"); });
    }

    function sentenceOf(target) {
      var control = target.closest && target.closest(".edition-s__control");
      return control ? control.edition.sentence : target.closest && target.closest(".edition-s[id]");
    }

    article.addEventListener("mouseover", function (event) { hovered = sentenceOf(event.target); render(); });
    article.addEventListener("mouseleave", function () { hovered = null; render(); });
    article.addEventListener("focusin", function (event) { focused = sentenceOf(event.target); render(); });
    article.addEventListener("focusout", function () { focused = null; render(); });
    article.addEventListener("click", function (event) {
      var control = event.target.closest(".edition-s__control");
      if (control) {
        var other = counterpart(control.edition.sentence);
        if (other && other.edition) {
          current(other.edition);
          other.edition.focus();
          other.scrollIntoView({block: "nearest"});
        }
        return;
      }
      var sentence = clickedSentence(event);
      if (sentence) ready(sentence);
      tapped = sentence && sentence !== tapped ? sentence : null;
      render();
    });
  }

  /* --- Page of the article: the counterpart in a popover ------------------------------- */
  function popover() {
    var box, title, text, link, close, open = null, loading = null;

    function load() {
      if (!loading) {
        loading = fetch(meta.content, {credentials: "same-origin"}).then(function (response) {
          if (!response.ok) throw new Error(response.status + " " + meta.content);
          return response.json();
        });
        loading.catch(function () { loading = null; });  // try again next time
      }
      return loading;
    }

    function build() {
      box = make("div", "edition-s-popover", document.body);
      box.id = "edition-s-popover";
      box.setAttribute("role", "dialog");
      box.setAttribute("aria-labelledby", "edition-s-popover-title");
      box.setAttribute("aria-describedby", "edition-s-popover-text");
      box.tabIndex = -1;
      box.hidden = true;
      title = make("p", "edition-s-popover__title", box);
      title.id = "edition-s-popover-title";
      title.textContent = words.title;
      text = make("p", "edition-s-popover__text", box);
      text.id = "edition-s-popover-text";
      var links = make("p", "edition-s-popover__links", box);
      link = make("a", "", links);
      link.hreflang = words.lang;
      link.textContent = words.open;
      close = make("button", "edition-s-popover__close", box);
      close.type = "button";
      close.setAttribute("aria-label", words.close);
      close.textContent = "×";
      close.addEventListener("click", function () { hide(true); });
      box.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
          event.preventDefault();
          hide(true);
        } else if (event.key === "Tab") {
          // Out of the popover, back to where it opened: the page's order goes on from there.
          var first = event.shiftKey && (document.activeElement === box || document.activeElement === link);
          var last = !event.shiftKey && document.activeElement === close;
          if (first || last) {
            event.preventDefault();
            hide(true);
          }
        }
      });
    }

    /* Below the sentence (the reader sees both), or above it if there is no room below. */
    function place(sentence, point) {
      var rects = sentence.getClientRects();
      var first = rects[0], last = rects[rects.length - 1];
      box.style.left = "0px";
      box.style.top = "0px";
      var size = box.getBoundingClientRect();
      var width = document.documentElement.clientWidth;
      var left = Math.max(8, Math.min((point ? point.x : last.right) - size.width / 2, width - size.width - 8));
      var top = last.bottom + 6;
      var header = document.querySelector(".md-header");
      var room = header ? header.getBoundingClientRect().bottom : 0;
      if (top + size.height > window.innerHeight && first.top - size.height - 6 > room) top = first.top - size.height - 6;
      box.style.left = left + window.scrollX + "px";
      box.style.top = top + window.scrollY + "px";
    }

    function show(sentence, point, value) {
      if (!box) build();
      if (open) hide(false);
      var found = typeof value === "string";
      text.textContent = found ? value : words.failed;
      text.lang = found ? words.lang : document.documentElement.lang;
      link.parentNode.hidden = !found;
      link.href = words.page + "#" + sentence.id;
      box.dataset.sentence = sentence.id;
      box.hidden = false;
      place(sentence, point);
      open = sentence;
      sentence.classList.add("edition-s--open");
      sentence.edition.setAttribute("aria-expanded", "true");
      sentence.edition.setAttribute("aria-controls", box.id);
      current(sentence.edition);
      box.focus({preventScroll: true});
      box.scrollIntoView({block: "nearest"});
    }

    function hide(restore) {
      if (!open) return;
      var control = open.edition;
      open.classList.remove("edition-s--open");
      control.setAttribute("aria-expanded", "false");
      box.hidden = true;
      open = null;
      if (restore) control.focus({preventScroll: true});
    }

    function ask(sentence, point) {
      ready(sentence);
      if (open === sentence) {
        hide(true);
        return;
      }
      sentence.classList.add("edition-s--busy");
      load().then(function (texts) { return texts[sentence.id]; }, function () { return null; }).then(function (value) {
        sentence.classList.remove("edition-s--busy");
        show(sentence, point, value);
      });
    }

    article.addEventListener("click", function (event) {
      var control = event.target.closest(".edition-s__control");
      if (control) {
        ask(control.edition.sentence, null);
        return;
      }
      var sentence = clickedSentence(event);
      if (sentence) ask(sentence, {x: event.clientX, y: event.clientY});
    });

    document.addEventListener("pointerdown", function (event) {
      if (!open || box.contains(event.target)) return;
      var sentence = event.target.closest && event.target.closest(".edition-s[id]");
      var control = event.target.closest && event.target.closest(".edition-s__control");
      if (sentence === open || (control && control.edition.sentence === open)) return;  // the click toggles it
      hide(true);
    });

    document.addEventListener("focusin", function (event) {
      if (open && !box.contains(event.target) && event.target !== open.edition) hide(false);
    });

    document.addEventListener("keydown", function (event) {
      if (open && event.key === "Escape") hide(true);
    });
  }
})();
