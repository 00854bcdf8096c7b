// The review editor: saves segments through API v1 without reloading, keyboard first.
(function () {
  'use strict';
  var root = document.getElementById('review');
  if (!root) return;
  var documentId = root.dataset.documentId;
  var editable = root.dataset.editable === 'true';
  var canOverride = root.dataset.canOverride === 'true';
  var canEditGlossary = root.dataset.canEditGlossary === 'true';
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
      var blocking = root.querySelectorAll('li.issue[data-blocking="true"]').length;
      approve.disabled = done !== rows.length || busy || blocking > 0;
      document.getElementById('approve-hint').textContent = done !== rows.length || busy
        ? 'Confirm every segment to approve'
        : blocking > 0 ? blocking + ' check' + (blocking === 1 ? '' : 's') + ' to fix or override before approval' : '';
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
        if (r.data.issues) renderIssues(row, r.data.issues);
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

  // Targets grow with their text so a long sentence is read whole, without scrolling inside the box.
  // CSS does it where the browser knows `field-sizing: content`; elsewhere the boxes are measured.
  var sizedByCss = window.CSS && CSS.supports('field-sizing', 'content');
  function fitHeight(area) {
    if (!sizedByCss) fitHeights([area]);
  }

  // All writes, then all reads, then all writes: one layout for the whole page. Measuring each box
  // in turn forced a layout per segment, and a 2,000-segment page took 40 s to become usable.
  function fitHeights(areas) {
    if (sizedByCss) return;
    areas.forEach(function (area) { area.style.height = 'auto'; });
    var heights = areas.map(function (area) { return area.scrollHeight; });
    areas.forEach(function (area, i) { area.style.height = heights[i] + 2 + 'px'; });
  }

  rows.forEach(function (row, i) {
    var area = areaOf(row);
    area.addEventListener('focus', function () { row.classList.add('current'); });
    area.addEventListener('blur', function () {
      row.classList.remove('current');
      if (row.dirty && editable) save(row);
    });
    area.addEventListener('input', function () { row.dirty = true; say(row, ''); renderTermPreview(row); fitHeight(area); });
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
  fitHeights(rows.map(areaOf));
  renderPreviewsWhenSeen(rows);

  // A row's term preview is drawn when the row comes near the screen: a long document is ready to
  // type in without first drawing two thousand previews nobody is looking at.
  function renderPreviewsWhenSeen(pending) {
    if (!('IntersectionObserver' in window)) { pending.forEach(renderTermPreview); return; }
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        seen.unobserve(entry.target);
        renderTermPreview(entry.target);
      });
    }, { rootMargin: '800px 0px' });
    pending.forEach(function (row) { seen.observe(row); });
  }

  // ---- Glossary terms and QA checks (issue 3): target preview, issue lists, overrides, names to add.

  function jsonRequest(method, url, body) {
    return fetch(url, {
      method: method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Accept: 'application/json' },
      body: JSON.stringify(body),
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) { return { res: res, data: data }; });
    });
  }

  function errorText(r, fallback) {
    return r.data && r.data.error && r.data.error.message ? r.data.error.message : fallback + ' (HTTP ' + r.res.status + ')';
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function isWordChar(c) { return !!c && /[\p{L}\p{M}\p{N}]/u.test(c); }

  // The target with the glossary's official English marked: a textarea cannot hold markup, so this line shows it.
  function renderTermPreview(row) {
    var box = row.querySelector('.term-preview');
    if (!box) return;
    var forms = JSON.parse(row.dataset.termForms || '[]');
    var text = areaOf(row).value;
    box.textContent = '';
    if (!forms.length || !text.trim()) { box.hidden = true; return; }
    var plain = text.replace(/[\u2018\u2019\u02BC]/g, "'");
    var marks = [];
    forms.forEach(function (official) {
      var form = official.replace(/[\u2018\u2019\u02BC]/g, "'");
      for (var at = plain.indexOf(form); at !== -1; at = plain.indexOf(form, at + 1)) {
        var end = at + form.length;
        var plural = /^(?:es|s)(?![\p{L}\p{M}\p{N}])/u.exec(plain.slice(end, end + 3));
        if (plural) end += plural[0].length;
        if (isWordChar(plain[at - 1]) || isWordChar(plain[end])) continue;
        if (marks.some(function (m) { return at < m.end && m.start < end; })) continue;
        marks.push({ start: at, end: end });
      }
    });
    marks.sort(function (a, b) { return a.start - b.start; });
    var pos = 0;
    marks.forEach(function (m) {
      box.appendChild(document.createTextNode(text.slice(pos, m.start)));
      box.appendChild(el('mark', 'term', text.slice(m.start, m.end)));
      pos = m.end;
    });
    box.appendChild(document.createTextNode(text.slice(pos)));
    box.hidden = false;
  }

  // Same markup as views/review/issues.ejs.
  function issueItem(issue) {
    var li = el('li', 'issue ' + issue.severity + (issue.override ? ' overridden' : ''));
    li.dataset.issueId = issue.id;
    li.dataset.blocking = String(issue.blocking);
    li.appendChild(el('span', 'badge severity', issue.override ? 'overridden' : issue.severity));
    li.appendChild(document.createTextNode(' '));
    li.appendChild(el('span', 'issue-message', issue.message));
    if (issue.override) {
      li.appendChild(document.createTextNode(' '));
      li.appendChild(el('span', 'override-note muted small', '— ' + issue.override.by + ': ' + issue.override.reason));
    } else if (canOverride) {
      li.appendChild(document.createTextNode(' '));
      var button = el('button', 'link override', 'Override…');
      button.type = 'button';
      button.title = 'Accept this as it is, with a reason that is kept';
      li.appendChild(button);
    }
    return li;
  }

  function renderIssues(row, issues) {
    var list = row.querySelector('ul.issues');
    list.textContent = '';
    issues.forEach(function (issue) { list.appendChild(issueItem(issue)); });
    list.hidden = issues.length === 0;
    updateProgress();
  }

  function openOverride(li) {
    if (li.querySelector('form')) return;
    var form = el('form', 'override-form');
    var input = el('input');
    input.name = 'reason';
    input.required = true;
    input.minLength = 3;
    input.maxLength = 1000;
    input.placeholder = 'Reason (kept with the issue)';
    input.setAttribute('aria-label', 'Reason for the override');
    var submit = el('button', 'primary', 'Override');
    submit.type = 'submit';
    var cancel = el('button', 'link', 'Cancel');
    cancel.type = 'button';
    var note = el('span', 'form-message small');
    form.appendChild(input);
    form.appendChild(submit);
    form.appendChild(cancel);
    form.appendChild(note);
    li.appendChild(form);
    li.querySelector('button.override').hidden = true;
    input.focus();
    cancel.addEventListener('click', function () {
      form.remove();
      li.querySelector('button.override').hidden = false;
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      submit.disabled = true;
      jsonRequest('POST', '/api/v1/documents/' + documentId + '/issues/' + li.dataset.issueId + '/override', { reason: input.value })
        .then(function (r) {
          if (!r.res.ok) { note.textContent = errorText(r, 'Could not override'); submit.disabled = false; return; }
          li.replaceWith(issueItem(r.data));
          updateProgress();
        })
        .catch(function () { note.textContent = 'Could not reach the server.'; submit.disabled = false; });
    });
  }

  root.addEventListener('click', function (e) {
    var target = e.target;
    if (target.matches && target.matches('button.override')) openOverride(target.closest('li.issue'));
    if (target.matches && target.matches('button.add-term')) openAddName(target.closest('li.name'));
  });

  // "Add to glossary": the editor checks the suggested English (and gender) before it is posted.
  function openAddName(li) {
    if (!canEditGlossary || li.querySelector('form')) return;
    var form = el('form', 'add-name-form');
    var en = el('input');
    en.name = 'en';
    en.required = true;
    en.value = li.dataset.en;
    en.setAttribute('aria-label', 'Official English for ' + li.dataset.ru);
    var gender = el('select');
    gender.name = 'gender';
    gender.setAttribute('aria-label', 'Gender');
    ['male', 'female'].forEach(function (g) {
      var option = el('option', '', g);
      option.value = g;
      option.selected = li.dataset.gender === g;
      gender.appendChild(option);
    });
    // The glossary wants to know where each spelling comes from; the editor replaces this with the real source.
    var source = el('input');
    source.name = 'source';
    source.required = true;
    source.value = 'Review of document ' + documentId + ' (transliteration, to confirm)';
    source.setAttribute('aria-label', 'Where the spelling comes from');
    var save = el('button', 'primary', 'Add');
    save.type = 'submit';
    var cancel = el('button', 'link', 'Cancel');
    cancel.type = 'button';
    form.appendChild(en);
    form.appendChild(gender);
    form.appendChild(source);
    form.appendChild(save);
    form.appendChild(cancel);
    li.querySelector('button.add-term').hidden = true;
    li.insertBefore(form, li.querySelector('.message'));
    en.focus();
    en.select();
    cancel.addEventListener('click', function () {
      form.remove();
      li.querySelector('button.add-term').hidden = false;
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      save.disabled = true;
      var box = li.querySelector('.message');
      jsonRequest('POST', '/api/v1/glossary', { ru: li.dataset.ru, en: en.value.trim(), type: 'person', gender: gender.value, source: source.value.trim() })
        .then(function (r) {
          if (!r.res.ok) {
            box.textContent = errorText(r, 'Could not add to the glossary');
            box.className = 'message error';
            save.disabled = false;
            return;
          }
          form.remove();
          li.classList.add('added');
          box.textContent = 'Added as “' + en.value.trim() + '”. Open documents are checked again; reload to see it highlighted.';
          box.className = 'message ok';
        })
        .catch(function () { box.textContent = 'Could not reach the server.'; box.className = 'message error'; save.disabled = false; });
    });
  }

  window.addEventListener('beforeunload', function (e) {
    if (rows.some(function (r) { return r.dirty; })) { e.preventDefault(); e.returnValue = ''; }
  });

  // Job progress (and the reload when machine translation finishes) is job-progress.js's work.
  var job = document.getElementById('job');

  var firstOpen = rows.filter(function (r) { return r.dataset.status === 'draft'; })[0];
  if (editable && firstOpen && !job) focusRow(firstOpen);
})();
