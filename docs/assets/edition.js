/* The edition's one script (no inline script: it works under script-src 'self').
   A ГОСТ reference gives the date the reader accessed the page: show today's date. */
document.querySelectorAll("time[data-edition-today]").forEach(function (time) {
  var today = new Date();
  var pad = function (n) { return String(n).padStart(2, "0"); };
  time.dateTime = today.getFullYear() + "-" + pad(today.getMonth() + 1) + "-" + pad(today.getDate());
  time.textContent = pad(today.getDate()) + "." + pad(today.getMonth() + 1) + "." + today.getFullYear();
});
