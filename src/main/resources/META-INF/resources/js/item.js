// An item's page (#18): the keyboard shortcuts listed on the page, and the reply shown as the customer will read it
// while the moderator writes it. Without this script every action works as a plain form, and "Preview" reloads.
(function () {
  'use strict';

  function typing(target) {
    return target.closest && target.closest('input, textarea, select, [contenteditable]');
  }

  function unfold(details) {
    details.open = true;
    var field = details.querySelector('select, textarea, input:not([type=hidden])');
    (field || details.querySelector('summary')).focus();
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) {
      return;
    }
    var take = document.getElementById('take');
    var next = document.getElementById('next-item');
    var help = document.querySelector('details.shortcuts');
    var action = /^[a-z]$/.test(e.key) && document.querySelector('details.action[data-key="' + e.key + '"]');
    if (e.key === 't' && take) {
      e.preventDefault();
      take.requestSubmit();
    } else if (e.key === 'n' && next) {
      e.preventDefault();
      window.location.assign(next.href);
    } else if (e.key === '?' && help) {
      e.preventDefault();
      help.open = true;
      help.querySelector('summary').focus();
    } else if (action) {
      e.preventDefault();
      unfold(action);
    }
  });

  var form = document.querySelector('form[action$="/reply"]');
  var out = document.getElementById('reply-preview');
  if (!form || !out) {
    return;
  }
  var url = form.getAttribute('action').replace(/\/reply$/, '/preview');
  var timer = null;
  var latest = 0;
  function refresh() {
    var mine = ++latest;
    fetch(url, {
      method: 'POST', credentials: 'same-origin', headers: { 'X-Preview': 'fragment' },
      body: new URLSearchParams(new FormData(form))
    }).then(function (r) { return r.text(); }).then(function (html) {
      if (mine === latest) {
        out.innerHTML = html;
      }
    }).catch(function () { /* the Preview button still works */ });
  }
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  });
  form.addEventListener('change', function () {
    clearTimeout(timer);
    refresh();
  });
})();
