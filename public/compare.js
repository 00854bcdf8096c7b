// "Compare engines" on the review page: every configured engine's draft of one segment, side by side
// with its glossary compliance; "Use this" puts a draft into the target. Ctrl+Shift+E on a segment opens it.
(function () {
  'use strict';
  var root = document.getElementById('review');
  var dialog = document.getElementById('compare-dialog');
  if (!root || !dialog || root.dataset.editable !== 'true') return;
  var documentId = root.dataset.documentId;
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var status = dialog.querySelector('.compare-status');
  var list = dialog.querySelector('.compare-results');
  var current = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function use(row, text) {
    var area = row.querySelector('textarea');
    area.value = text;
    // review.js marks the row dirty on input and saves it when the field is left.
    area.dispatchEvent(new Event('input', { bubbles: true }));
    dialog.close();
    area.focus();
  }

  function compliance(r) {
    if (r.error) return el('span', 'badge err', 'failed');
    if (r.termsOk) return el('span', 'badge ok', 'glossary ✓');
    var parts = [];
    if (r.missingTerms.length) parts.push('missing: ' + r.missingTerms.join(', '));
    if (r.forbiddenTerms.length) parts.push('forbidden: ' + r.forbiddenTerms.join(', '));
    return el('span', 'badge warn', 'glossary ✗ ' + parts.join('; '));
  }

  function render(row, results) {
    list.textContent = '';
    results.forEach(function (r) {
      var item = el('li', 'compare-result');
      item.dataset.engine = r.engine;
      var head = el('div', 'compare-result-head');
      head.appendChild(el('strong', '', r.label));
      head.appendChild(compliance(r));
      head.appendChild(el('span', 'muted small', r.error ? '' : r.cached ? 'from cache' : r.billedCharacters + ' characters billed'));
      item.appendChild(head);
      if (r.error) {
        item.appendChild(el('p', 'message error', r.error));
      } else {
        item.appendChild(el('p', 'compare-text', r.text)).lang = 'en';
        var button = el('button', 'use', 'Use this');
        button.type = 'button';
        button.addEventListener('click', function () { use(row, r.text); });
        item.appendChild(button);
      }
      list.appendChild(item);
    });
  }

  function open(row) {
    current = row;
    dialog.querySelector('.compare-source').textContent = row.querySelector('td.source').textContent;
    list.textContent = '';
    status.textContent = 'Translating with every engine…';
    if (!dialog.open) dialog.showModal();
    fetch('/api/v1/documents/' + documentId + '/segments/' + row.dataset.id + '/compare', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Accept: 'application/json' },
      body: '{}',
    }).then(function (res) {
      return res.json().then(function (data) { return { ok: res.ok, data: data }; });
    }).then(function (r) {
      if (current !== row) return;
      if (!r.ok) { status.textContent = r.data.error ? r.data.error.message : 'Could not compare'; return; }
      status.textContent = '';
      render(row, r.data.results);
      var first = list.querySelector('button.use');
      if (first) first.focus();
    }).catch(function () {
      if (current === row) status.textContent = 'Could not reach the server. Try again.';
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('tr.segment'), function (row) {
    var cell = row.querySelector('td.state');
    if (!cell) return;
    var button = el('button', 'compare-open link small', 'Compare engines');
    button.type = 'button';
    button.title = 'Ctrl+Shift+E';
    button.addEventListener('click', function () { open(row); });
    cell.appendChild(button);
  });

  document.addEventListener('keydown', function (e) {
    if (!(e.ctrlKey || e.metaKey) || !e.shiftKey || (e.key !== 'E' && e.key !== 'e')) return;
    var row = e.target && e.target.closest ? e.target.closest('tr.segment') : null;
    if (!row) return;
    e.preventDefault();
    open(row);
  });
})();
