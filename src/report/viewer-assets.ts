/** The viewer's stylesheet and script, inlined into every viewer page so a saved report works offline. */
export const VIEWER_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
header.report-head{padding:12px 16px;border-bottom:1px solid #ccc;display:flex;flex-wrap:wrap;gap:8px 24px;align-items:baseline}
header.report-head h1{font-size:1.25rem;margin:0}
.score{font-size:1.1rem}.score strong{font-size:1.4rem}
.meta{color:#444;font-size:.9rem;margin:0}
.filters{padding-left:1.2rem}
.downloads a{margin-right:12px}
.viewer{display:grid;grid-template-columns:minmax(180px,240px) 1fr 1fr;gap:0;height:calc(100vh - 90px)}
.sources{border-right:1px solid #ccc;overflow:auto;padding:8px}
.sources h2,.pane h2{font-size:1rem;margin:4px 0 8px}
.sources ol{list-style:none;margin:0;padding:0}
.sources li{margin:0 0 6px}
.source-btn{display:flex;justify-content:space-between;gap:8px;width:100%;text-align:left;padding:6px 8px;border:1px solid #888;border-radius:4px;background:#fff;color:#1a1a1a;font:inherit;cursor:pointer}
.source-btn[aria-pressed="true"]{border-color:#004a99;background:#e6f0fb;font-weight:600}
.source-btn.excluded{text-decoration:line-through;color:#555}
.edit-btn{margin-top:2px;font:inherit;font-size:.85rem;padding:2px 8px;border:1px solid #8a1c1c;color:#8a1c1c;background:#fff;border-radius:4px;cursor:pointer}
.pane{overflow:auto;padding:8px 16px;border-right:1px solid #ccc}
.text{white-space:pre-wrap;word-wrap:break-word}
.code .text{font:13px/1.45 ui-monospace,Menlo,Consolas,monospace;white-space:pre}
.line{display:flex}.ln{flex:0 0 3.5em;color:#555;text-align:right;padding-right:1em;user-select:none}.lc{white-space:pre}
.file-head{font-weight:600;background:#eee;padding:2px 6px;margin:8px 0 2px}
mark.m{color:inherit;cursor:pointer;border-radius:2px}
.ai-shade{background-image:repeating-linear-gradient(135deg,rgba(90,60,160,.16) 0 6px,rgba(90,60,160,.05) 6px 12px);border-bottom:2px dotted #5a3ca0}
mark.c0{background:#ffe08a}mark.c1{background:#b9e4c9}mark.c2{background:#c9d7ff}mark.c3{background:#ffc9de}mark.c4{background:#d9c9ff}mark.c5{background:#c2eef0}
mark.excluded{background:none;text-decoration:underline dashed #777}
mark.active{outline:3px solid #b00020;outline-offset:1px}
mark:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #004a99;outline-offset:2px}
.tools{position:sticky;top:0;background:#fff;padding:4px 0;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.notice{color:#444}
@media (max-width:760px){
 .viewer{display:block;height:auto}
 .sources{border-right:0;border-bottom:1px solid #ccc}
 .pane{border-right:0;border-bottom:1px solid #ccc;max-height:60vh}
}
@media print{.viewer{display:block;height:auto}.pane{max-height:none;overflow:visible}.edit-btn,.tools button{display:none}}
`;

/** Browser script: selecting sources and matches, and (edit mode) excluding them. Plain ES2017. */
export const VIEWER_JS = `
(function () {
  var cfg = JSON.parse(document.getElementById('viewer-config').textContent);
  var current = null;
  var activeMatch = null;
  function sel(q) { return Array.prototype.slice.call(document.querySelectorAll(q)); }
  function showSource(id) {
    current = id;
    sel('.source-text').forEach(function (el) { el.hidden = el.getAttribute('data-source') !== id; });
    sel('.source-btn').forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-source') === id)); });
    var t = document.getElementById('source-title');
    var s = cfg.sources[id];
    if (t) t.textContent = s ? 'Source: ' + s.title + ' (' + s.similarity + '%)' : 'Source';
  }
  function scrollTo(el) { if (el) el.scrollIntoView({ block: 'center', behavior: 'auto' }); }
  function activate(id) {
    var src = cfg.matches[id];
    if (!src) return;
    if (src !== current) showSource(src);
    activeMatch = id;
    sel('mark.active').forEach(function (m) { m.classList.remove('active'); });
    sel('mark[data-match~="' + id + '"]').forEach(function (m) { m.classList.add('active'); });
    scrollTo(document.getElementById('s-' + id));
    scrollTo(document.getElementById('o-' + id));
    var label = document.getElementById('active-match');
    if (label) label.textContent = cfg.labels[id] || id;
    var ex = document.getElementById('exclude-match');
    if (ex) { ex.hidden = false; ex.textContent = cfg.excludedMatches.indexOf(id) >= 0 ? 'Restore this match' : 'Exclude this match'; }
  }
  function pick(mark) {
    var ids = (mark.getAttribute('data-match') || '').split(' ');
    var here = ids.filter(function (i) { return cfg.matches[i] === current; });
    activate(here[0] || ids[0]);
  }
  document.addEventListener('click', function (e) {
    var mark = e.target.closest && e.target.closest('mark.m');
    if (mark) { pick(mark); return; }
    var btn = e.target.closest && e.target.closest('.source-btn');
    if (btn) {
      var id = btn.getAttribute('data-source');
      showSource(id);
      var first = cfg.firstMatch[id];
      if (first) activate(first);
    }
  });
  document.addEventListener('keydown', function (e) {
    if ((e.key === 'Enter' || e.key === ' ') && e.target.matches && e.target.matches('mark.m')) { e.preventDefault(); pick(e.target); }
  });
  function edit(body) {
    var status = document.getElementById('edit-status');
    if (status) status.textContent = 'Saving…';
    fetch(cfg.editUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (r) {
        if (!r.ok) { if (status) status.textContent = (r.body.error && r.body.error.message) || 'The change was not saved.'; return; }
        if (status) status.textContent = 'Saved: similarity is now ' + r.body.similarity + '%.';
        location.reload();
      })
      .catch(function () { if (status) status.textContent = 'The change was not saved.'; });
  }
  if (cfg.editUrl) {
    sel('[data-exclude-source]').forEach(function (b) {
      b.addEventListener('click', function () { edit({ exclude_sources: [b.getAttribute('data-exclude-source')] }); });
    });
    sel('[data-restore-source]').forEach(function (b) {
      b.addEventListener('click', function () { edit({ restore_sources: [b.getAttribute('data-restore-source')] }); });
    });
    var ex = document.getElementById('exclude-match');
    if (ex) ex.addEventListener('click', function () {
      if (!activeMatch) return;
      edit(cfg.excludedMatches.indexOf(activeMatch) >= 0 ? { restore_matches: [activeMatch] } : { exclude_matches: [activeMatch] });
    });
  }
  // "#src=<source id>" in the address opens that source first.
  var want = (location.hash.match(/src=([^&]+)/) || [])[1];
  want = want ? decodeURIComponent(want) : null;
  var start = want && cfg.sources[want] ? want : cfg.initialSource;
  if (start) showSource(start);
})();
`;
