// The console's own script (no inline scripts anywhere: the Content-Security-Policy forbids them).
// Copy buttons, and focus on the new page's heading after htmx swaps a page in (so screen readers follow).
(function () {
  'use strict';

  function announce(text) {
    var live = document.getElementById('live');
    if (!live) return;
    live.textContent = '';
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'offscreen';
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand('copy');
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error('copy refused'));
    });
  }

  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('[data-copy-target]') : null;
    if (!button) return;
    event.preventDefault();
    var source = document.getElementById(button.getAttribute('data-copy-target'));
    if (!source) return;
    copyText(source.textContent.trim()).then(function () {
      button.setAttribute('data-copied', 'true');
      announce(button.getAttribute('data-copied-text') || '');
    }, function () {
      announce(button.getAttribute('data-copy-failed-text') || '');
    });
  });

  document.addEventListener('htmx:afterSettle', function (event) {
    var detail = event.detail || {};
    if (!detail.boosted || !detail.target || detail.target !== document.body) return;
    var heading = document.querySelector('main h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  });
})();
