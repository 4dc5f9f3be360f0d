// A rejection's new period: shows the deadline a period in working days gives, as the number is typed. The server lists the
// date for every allowed period (the working-day calendar is the server's); without this script
// the page shows the date of the default period.
(function () {
  'use strict';
  document.querySelectorAll('output[data-deadlines]').forEach(function (output) {
    var input = document.getElementById(output.getAttribute('for'));
    var dates = JSON.parse(output.getAttribute('data-deadlines'));
    if (!input) {
      return;
    }
    function show() {
      var text = input.value.trim();
      // left empty, the period is the default one
      if (text === '') {
        text = output.getAttribute('data-default-period');
      }
      var days = /^\d+$/.test(text) ? parseInt(text, 10) : NaN;
      output.value = days >= 1 && days <= dates.length ? dates[days - 1] : output.getAttribute('data-invalid');
    }
    input.addEventListener('input', show);
    show();
  });
}());
