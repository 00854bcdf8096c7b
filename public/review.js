// The review editor: saves segments through API v1 without reloading, keyboard first.
(function () {
  'use strict';
  var root = document.getElementById('review');
  if (!root) return;
  var documentId = root.dataset.documentId;
  var editable = root.dataset.editable === 'true';
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.segment'));

  function areaOf(row) { return row.querySelector('textarea'); }
  function say(row, text, kind) {
    var box = row.querySelector('.message');
    box.textContent = text || '';
    box.className = 'message' + (kind ? ' ' + kind : '');
  }

  function renderDiff(row, parts) {
    var box = row.querySelector('.diff');
    box.textContent = '';
    if (!parts.some(function (p) { return p.op !== 'same'; })) return;
    parts.forEach(function (p) {
      var el = document.createElement(p.op === 'added' ? 'ins' : p.op === 'removed' ? 'del' : 'span');
      el.textContent = p.text;
      box.appendChild(el);
    });
  }

  function setStatus(row, status) {
    row.dataset.status = status;
    row.className = row.className.replace(/status-\w+/, 'status-' + status);
    row.querySelector('.badge.status').textContent = status;
    updateProgress();
  }

  function updateProgress() {
    var done = rows.filter(function (r) { return r.dataset.status !== 'draft'; }).length;
    var bar = document.getElementById('progress');
    bar.value = done;
    document.getElementById('progress-text').textContent = done + ' of ' + rows.length + ' confirmed';
    var approve = document.getElementById('approve');
    if (approve) {
      var busy = !!document.getElementById('job');
      approve.disabled = done !== rows.length || busy;
      document.getElementById('approve-hint').textContent = approve.disabled ? 'Confirm every segment to approve' : '';
    }
  }

  // Saves are chained per segment so a fast typist's edits arrive in order with the right version.
  function save(row, status) {
    var previous = row.saving || Promise.resolve();
    row.saving = previous.then(function () { return send(row, status); });
    return row.saving;
  }

  function send(row, status) {
    var area = areaOf(row);
    var body = { target: area.value, version: Number(row.dataset.version) };
    if (status) body.status = status;
    say(row, 'Saving…');
    return fetch('/api/v1/documents/' + documentId + '/segments/' + row.dataset.id, {
      method: 'PATCH',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Accept: 'application/json' },
      body: JSON.stringify(body),
    }).then(function (res) {
      return res.json().then(function (data) { return { res: res, data: data }; });
    }).then(function (r) {
      if (r.res.ok) {
        row.dataset.version = r.data.version;
        row.dirty = area.value !== r.data.target;
        setStatus(row, r.data.status);
        renderDiff(row, r.data.diff);
        say(row, status ? 'Confirmed' : 'Saved', 'ok');
        return true;
      }
      if (r.res.status === 409 && r.data.error.code === 'stale_version') {
        var current = r.data.error.details.segment;
        // Keep the translator's text; adopt the new version so confirming again overwrites knowingly.
        row.dataset.version = current.version;
        say(row, 'Changed elsewhere to: “' + current.target + '”. Your text is kept; save again to replace it.', 'warn');
        return false;
      }
      say(row, r.data.error ? r.data.error.message : 'Could not save', 'error');
      return false;
    }).catch(function () {
      say(row, 'Could not reach the server; your text is still here. Try again.', 'error');
      return false;
    });
  }

  function focusRow(row) {
    if (!row) return;
    var area = areaOf(row);
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
    row.scrollIntoView({ block: 'center' });
  }

  function nextUnconfirmed(from) {
    var start = rows.indexOf(from);
    for (var i = 1; i <= rows.length; i++) {
      var r = rows[(start + i) % rows.length];
      if (r.dataset.status === 'draft') return r;
    }
    return null;
  }

  function confirm(row) {
    return save(row, 'translated').then(function (ok) {
      if (ok) focusRow(nextUnconfirmed(row) || row);
    });
  }

  rows.forEach(function (row, i) {
    var area = areaOf(row);
    area.addEventListener('focus', function () { row.classList.add('current'); });
    area.addEventListener('blur', function () {
      row.classList.remove('current');
      if (row.dirty && editable) save(row);
    });
    area.addEventListener('input', function () { row.dirty = true; say(row, ''); });
    area.addEventListener('keydown', function (e) {
      if (!editable) return;
      var key = e.key;
      if ((e.ctrlKey || e.metaKey) && key === 'Enter') { e.preventDefault(); confirm(row); }
      else if ((e.ctrlKey || e.metaKey) && (key === 's' || key === 'S') && !e.shiftKey) { e.preventDefault(); save(row); }
      else if (e.altKey && key === 'ArrowDown') { e.preventDefault(); focusRow(rows[i + 1]); }
      else if (e.altKey && key === 'ArrowUp') { e.preventDefault(); focusRow(rows[i - 1]); }
      else if ((e.ctrlKey || e.metaKey) && e.shiftKey && (key === 'M' || key === 'm')) {
        e.preventDefault();
        area.value = area.dataset.mt;
        row.dirty = true;
      }
    });
    var button = row.querySelector('button.confirm');
    if (button) button.addEventListener('click', function () { confirm(row); });
  });

  window.addEventListener('beforeunload', function (e) {
    if (rows.some(function (r) { return r.dirty; })) { e.preventDefault(); e.returnValue = ''; }
  });

  // While machine translation runs, poll its job and reload when it finishes.
  var job = document.getElementById('job');
  if (job) {
    var poll = function () {
      fetch('/api/v1/jobs/' + job.dataset.jobId, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (res) { return res.json(); })
        .then(function (j) {
          document.getElementById('job-done').textContent = j.done;
          if (j.state === 'done' || j.state === 'failed') {
            if (rows.some(function (r) { return r.dirty; })) {
              job.textContent = j.state === 'done' ? 'Machine translation finished: reload to see the drafts.' : 'Machine translation failed: ' + j.error;
            } else {
              window.location.reload();
            }
          } else {
            setTimeout(poll, 700);
          }
        })
        .catch(function () { setTimeout(poll, 3000); });
    };
    setTimeout(poll, 500);
  }

  var firstOpen = rows.filter(function (r) { return r.dataset.status === 'draft'; })[0];
  if (editable && firstOpen && !job) focusRow(firstOpen);
})();
