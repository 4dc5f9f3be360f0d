// The deadline an order's period gives, shown as the period is typed: asks GET /api/calendar/deadline
// (the same calendar the order uses) and writes the answer where the preview button's answer stands.
(function () {
  'use strict';
  var box = document.getElementById('deadline-preview');
  if (!box) {
    return;
  }
  var field = document.getElementById(box.dataset.periodField);
  if (!field) {
    return;
  }
  var timer = null;
  var asked = 0;

  function line(id, className, text) {
    var p = document.getElementById(id);
    if (text === null) {
      if (p) {
        p.remove();
      }
      return;
    }
    if (!p) {
      p = document.createElement('p');
      p.id = id;
      if (className) {
        p.className = className;
      }
      box.appendChild(p);
    }
    p.textContent = text;
  }

  function show(answer) {
    line('deadline-preview-problem', 'field-error', null);
    line('deadline-preview-date', null,
        box.dataset.textDeadline.replace('{days}', answer.days).replace('{date}', answer.deadline));
    line('deadline-preview-missing', 'warning',
        answer.missingYears.length ? box.dataset.textMissing.replace('{years}', answer.missingYears.join('、')) : null);
  }

  function refused() {
    line('deadline-preview-date', null, null);
    line('deadline-preview-missing', 'warning', null);
    line('deadline-preview-problem', 'field-error', box.dataset.textRange);
  }

  function ask() {
    var typed = field.value.trim();
    var days = typed === '' ? box.dataset.defaultPeriod : typed;
    if (!/^\d{1,2}$/.test(days) || +days < 1 || +days > 60) {
      refused();
      return;
    }
    var mine = ++asked;
    fetch(box.dataset.url + '?days=' + encodeURIComponent(days), {
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin'
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (answer) {
      if (mine !== asked) {
        return; // a later keystroke asked again
      }
      if (answer) {
        show(answer);
      } else {
        refused();
      }
    }).catch(function () {
      // the preview button still answers without the script
    });
  }

  field.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 250);
  });
}());
