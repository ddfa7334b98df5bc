/* Filters for the data tables (overrides/edition/table.html renders the controls, laid
 * out from the first paint, so nothing moves when this script starts; without JavaScript
 * the CSS hides them and the full table stays).
 *
 * A row is shown when its type (data-type) and one of the countries it concerns
 * (data-covers) match the chosen filters. A group of rows of one type keeps its type
 * cell on its first shown row, spanning the shown rows; a group with none is hidden.
 * The state lives in the address (?type=…&country=…), so it can be linked, and is
 * restored on load; the count of shown rows is announced (role=status).
 */
(function () {
  "use strict";

  function setUp(form) {
    // The table beside the form (on a parallel page one figure per language shares the id).
    var figure = form.closest("figure") || document.getElementById(form.getAttribute("data-table"));
    var table = figure && figure.querySelector("table");
    if (!table) return;
    var rows = table.querySelectorAll("tbody > tr");
    var status = form.querySelector(".edition-filter__status");
    var fields = ["type", "country"];

    function choose(params) {
      fields.forEach(function (field) {
        var select = form.elements[field];
        var wanted = params.get(field) || "";
        var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
        select.value = known ? wanted : "";
      });
    }

    function apply(record) {
      var type = form.elements.type.value;
      var country = form.elements.country.value;
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies, function (body) {
        var header = body.querySelector("th[scope=rowgroup]");
        var visible = [];
        Array.prototype.forEach.call(body.rows, function (row) {
          var match = (!type || row.getAttribute("data-type") === type) &&
            (!country || (row.getAttribute("data-covers") || "").split(" ").indexOf(country) >= 0);
          row.hidden = !match;
          if (match) visible.push(row);
        });
        body.hidden = visible.length === 0;
        if (header && visible.length) {
          if (header.parentNode !== visible[0]) visible[0].insertBefore(header, visible[0].firstChild);
          header.rowSpan = visible.length;
        }
        shown += visible.length;
      });
      form.toggleAttribute("data-filtered", shown < rows.length);  // print shows the count only then
      status.textContent = status.getAttribute("data-template")
        .replace("{shown}", shown).replace("{total}", rows.length);
      if (record) {
        var url = new URL(location.href);
        fields.forEach(function (field) {
          var value = form.elements[field].value;
          if (value) url.searchParams.set(field, value); else url.searchParams.delete(field);
        });
        history.replaceState(history.state, "", url.href);
      }
    }

    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    choose(new URLSearchParams(location.search));
    // With no filter in the address the page is already what apply() would make of it
    // (every row shown, the status counting them all: overrides/edition/table.html); on the
    // heaviest page, both tables of a parallel page, redoing it is a long task on a phone.
    if (fields.some(function (field) { return form.elements[field].value; })) apply(false);
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.edition-filter[data-table]"), setUp);
})();
