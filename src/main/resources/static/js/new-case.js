// The new case's website list narrows to the chosen respondent's sites. Without this script the
// list shows every respondent's sites grouped by body, and the server refuses a site of another body.
(function () {
  'use strict';
  var respondent = document.getElementById('f-respondentOrgCode');
  var website = document.getElementById('f-websiteUrl');
  if (!respondent || !website) {
    return;
  }
  var groups = Array.prototype.slice.call(website.querySelectorAll('optgroup'));

  function narrow() {
    var chosen = website.value;
    groups.forEach(function (group) {
      if (group.parentNode) {
        group.parentNode.removeChild(group);
      }
    });
    groups.forEach(function (group) {
      if (!respondent.value || group.getAttribute('data-org') === respondent.value) {
        website.appendChild(group);
      }
    });
    // a site of another body is not kept chosen: it would be refused
    website.value = chosen;
    if (website.value !== chosen) {
      website.value = '';
    }
  }

  respondent.addEventListener('change', narrow);
  narrow();
}());
