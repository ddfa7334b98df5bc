/* A sentence revised since an earlier version (hooks/text/revisions.py): its button
 * "rev. N" shows or hides, in place, the wording before version N (the span after it). */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".edition-revision__toggle");
    if (!button) return;
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    button.nextElementSibling.hidden = !open;
  });
})();
