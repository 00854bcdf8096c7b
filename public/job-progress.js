// The machine-translation progress bar on the review page: live through Server-Sent Events
// (GET /api/v1/jobs/:id/events), falling back to polling GET /api/v1/jobs/:id.
(function () {
  'use strict';
  var box = document.getElementById('job');
  if (!box) return;
  var url = '/api/v1/jobs/' + box.dataset.jobId;
  var ended = false;

  function text(id, value) {
    var el = document.getElementById(id);
    if (el) el.textContent = value;
  }

  function show(p) {
    var bar = document.getElementById('job-progress');
    if (bar) { bar.max = p.total; bar.value = p.done; }
    text('job-done', p.done);
    text('job-remaining', Math.max(0, p.total - p.done));
    text('job-cost', p.billedCharacters + ' characters billed · ' + p.cachedSegments + ' from cache · ' + p.memorySegments + ' from approved versions');
  }

  // Reload to show the drafts (or why the job stopped), unless that would lose unsaved edits.
  function finish(p) {
    if (ended) return;
    ended = true;
    var dirty = Array.prototype.some.call(document.querySelectorAll('tr.segment'), function (r) { return r.dirty; });
    if (!dirty) { window.location.reload(); return; }
    box.textContent = p.state === 'done'
      ? 'Machine translation finished: save your edits, then reload to see the drafts.'
      : 'Machine translation stopped: ' + p.error;
    if (p.state === 'failed') box.classList.add('failed');
  }

  function handle(p) {
    show(p);
    if (p.state === 'done' || p.state === 'failed') finish(p);
  }

  function poll() {
    if (ended) return;
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (res) { return res.json(); })
      .then(function (p) { handle(p); if (!ended) setTimeout(poll, 1000); })
      .catch(function () { setTimeout(poll, 3000); });
  }

  if (!window.EventSource) { poll(); return; }
  var source = new EventSource(url + '/events');
  source.onmessage = function (e) {
    var p = JSON.parse(e.data);
    if (p.state === 'done' || p.state === 'failed') source.close();
    handle(p);
  };
  // The browser reconnects by itself after a dropped connection; a refused stream closes for good.
  source.onerror = function () {
    if (source.readyState === EventSource.CLOSED && !ended) poll();
  };
})();
