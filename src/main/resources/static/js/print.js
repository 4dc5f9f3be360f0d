// The print button of the case page: shown only where it works (with JavaScript), it opens the
// browser's print dialog; the print style sheet in app.css decides what goes on paper. Folded
// sections are opened for printing (by the button or the browser's menu) and folded again after.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () {
    window.print();
  });
});
var openedForPrint = [];
window.addEventListener('beforeprint', function () {
  document.querySelectorAll('details.fold:not([open])').forEach(function (details) {
    details.open = true;
    openedForPrint.push(details);
  });
});
window.addEventListener('afterprint', function () {
  openedForPrint.forEach(function (details) {
    details.open = false;
  });
  openedForPrint = [];
});
