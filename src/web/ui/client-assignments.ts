/**
 * UI pages: assignments, one assignment (settings, uploads, the live submissions table), the pair overview with its histogram.
 * Browser JavaScript (ES2017, no build step), served by ui-routes.ts. Kept free of backticks and
 * template placeholders so it can live in this String.raw literal.
 */
export const CLIENT_ASSIGNMENTS_JS = String.raw`(function () {
  'use strict';
  var O = window.Origo;
  var h = O.h;
  var enc = encodeURIComponent;
  var BOOLS = [['check_peers', 'Compare submissions with each other'], ['check_repository', "Compare with the organisation's repository"], ['add_to_repository', 'Add checked submissions to the repository'], ['exclude_quotes', 'Exclude quotations'], ['exclude_references', 'Exclude the reference list'], ['ai_detection', 'Score AI-generated text (when a model is installed)']];

  function table(head, rows, caption) {
    return h('table', null, caption ? h('caption', null, caption) : null,
      h('thead', null, h('tr', null, head.map(function (x) { return h('th', { scope: 'col' }, x); }))),
      h('tbody', null, rows));
  }

  /**
   * A caller that may read no assignments (a student): its own submissions, each with its report
   * once checked (the API lists only the caller's own documents to it).
   */
  function ownSubmissions(main) {
    main.append(h('h1', null, 'Your submissions'));
    var holder = h('div', { id: 'submissions', 'aria-live': 'polite' });
    main.append(holder);
    return O.api('GET', '/api/v1/documents?limit=500').then(function (r) {
      if (!r.items.length) { holder.append(h('p', null, 'You have no submissions yet.')); return; }
      holder.append(table(['Title', 'Status', 'Similarity', 'Report'], r.items.map(function (d) {
        return h('tr', { 'data-document': d.id, 'data-status': d.status }, h('td', null, d.title), h('td', { class: 'st-' + d.status }, d.status),
          h('td', { class: 'num' }, d.similarity === null || d.similarity === undefined ? '' : d.similarity + '%'),
          h('td', { class: 'actions' }, d.status === 'done' && O.can('reports.read') ? h('button', { type: 'button', onclick: function () { O.openViewer(d.id, 'view'); } }, 'View')
            : d.status === 'failed' ? h('span', null, d.reason || 'failed') : d.status === 'done' ? '' : h('span', null, 'waiting for the check')));
      }), 'Submissions (' + r.total + ')'));
    });
  }

  O.route(/^#\/assignments$/, function (main) {
    if (!O.can('assignments.read')) return ownSubmissions(main);
    main.append(h('h1', null, 'Assignments'));
    var list = h('div', { 'aria-live': 'polite' });
    var name = h('input', { type: 'text', required: true, maxlength: 200 });
    var kind = h('select', null, h('option', { value: 'text' }, 'Text (essays, theses)'), h('option', { value: 'code' }, 'Source code'));
    var course = h('select', null, h('option', { value: '' }, 'No course'));
    O.api('GET', '/api/v1/courses?limit=500').then(function (r) { r.items.forEach(function (c) { course.appendChild(h('option', { value: c.id }, c.name)); }); }).catch(function () {});
    var form = h('form', { class: 'card', onsubmit: function (e) {
      e.preventDefault();
      O.api('POST', '/api/v1/assignments', { name: name.value, kind: kind.value, course_id: course.value || undefined }).then(function (a) { location.hash = '#/assignments/' + enc(a.id); }).catch(O.fail);
    } }, h('h2', null, 'New assignment'), O.field('Name', name), O.field('Kind', kind), O.field('Course', course), h('button', { type: 'submit' }, 'Create assignment'));
    O.add(main, list, O.can('assignments.create') ? form : null);
    return O.api('GET', '/api/v1/assignments?limit=500').then(function (r) {
      if (!r.items.length) { list.append(h('p', null, 'No assignments yet.')); return; }
      list.append(table(['Name', 'Kind', 'Created'], r.items.map(function (a) {
        return h('tr', null, h('td', null, h('a', { href: '#/assignments/' + enc(a.id) }, a.name)), h('td', null, a.kind), h('td', null, a.created_at.slice(0, 10)));
      })));
    });
  });

  function settingsForm(a, refresh) {
    var s = a.settings;
    var inputs = {};
    var fields = BOOLS.map(function (b) {
      inputs[b[0]] = h('input', { type: 'checkbox', checked: !!s[b[0]] });
      return h('div', { class: 'check' }, inputs[b[0]], h('label', null, b[1]));
    });
    fields.forEach(function (f) { f.querySelector('label').setAttribute('for', f.querySelector('input').id = 'set-' + Math.random().toString(36).slice(2)); });
    inputs.min_match_words = h('input', { type: 'number', min: 1, max: 1000, value: s.min_match_words });
    inputs.exclude_small_sources_percent = h('input', { type: 'number', min: 0, max: 100, step: 'any', value: s.exclude_small_sources_percent });
    inputs.excluded_phrases = h('textarea', { rows: 3 });
    inputs.excluded_phrases.value = (s.excluded_phrases || []).join('\n');
    inputs.template_text = h('textarea', { rows: 3 });
    inputs.template_text.value = s.template_text || '';
    inputs.language = h('input', { type: 'text', value: s.language || '' });
    return h('form', { class: 'card', onsubmit: function (e) {
      e.preventDefault();
      var patch = {};
      BOOLS.forEach(function (b) { patch[b[0]] = inputs[b[0]].checked; });
      patch.min_match_words = Number(inputs.min_match_words.value);
      patch.exclude_small_sources_percent = Number(inputs.exclude_small_sources_percent.value);
      patch.excluded_phrases = inputs.excluded_phrases.value.split('\n').map(function (x) { return x.trim(); }).filter(Boolean);
      patch.template_text = inputs.template_text.value;
      patch.language = inputs.language.value.trim() || null;
      // The API re-checks the submissions already checked when a change alters scores.
      O.api('PATCH', '/api/v1/assignments/' + enc(a.id), { settings: patch }).then(function () {
        O.say('Settings saved. Submissions already checked are checked again under the new settings.');
        refresh();
      }).catch(O.fail);
    } }, h('details', null, h('summary', null, 'Settings'), fields,
      O.field('Shortest match (words)', inputs.min_match_words),
      O.field('Leave out sources under (percent)', inputs.exclude_small_sources_percent),
      O.field('Phrases never counted (one per line, at most 15)', inputs.excluded_phrases),
      O.field('Template or starter code (never counted)', inputs.template_text),
      O.field('Programming language (code; empty to detect)', inputs.language),
      h('button', { type: 'submit' }, 'Save settings')));
  }

  /** An author's name from a file name: "ada_lovelace-essay1.docx" gives "ada lovelace essay1". */
  function guessAuthor(name) {
    return name.replace(/\.[^.]+$/, '').replace(/[_\-.]+/g, ' ').replace(/\s+/g, ' ').trim();
  }

  function uploadForm(a, refresh) {
    var files = h('input', { type: 'file', multiple: true, required: true });
    var title = h('input', { type: 'text', placeholder: 'Defaults to the file name' });
    var author = h('input', { type: 'text' });
    var single = h('div', null, O.field('Title', title), O.field('Author', author));
    // Several files: one Author field per file, filled from its name (students' files are usually
    // named after them) and editable; titles default to the file names.
    var perFile = h('div', { class: 'per-file', hidden: true });
    var authors = [];
    files.addEventListener('change', function () {
      var chosen = Array.prototype.slice.call(files.files);
      authors = chosen.map(function (file) { return h('input', { type: 'text', value: guessAuthor(file.name) }); });
      perFile.replaceChildren(chosen.length > 1 ? h('fieldset', null, h('legend', null, 'Authors'), chosen.map(function (file, i) { return O.field('Author of ' + file.name, authors[i]); })) : '');
      perFile.hidden = chosen.length < 2;
      single.hidden = chosen.length > 1;
    });
    var progress = h('ul', { class: 'progress', 'aria-live': 'polite' });
    return h('form', { class: 'card', onsubmit: function (e) {
      e.preventDefault();
      var chosen = Array.prototype.slice.call(files.files);
      var chain = Promise.resolve();
      chosen.forEach(function (file, i) {
        var bar = h('progress', { max: 100, value: 0, 'aria-label': 'Upload of ' + file.name });
        var label = h('span', null, file.name);
        progress.appendChild(h('li', null, label, ' ', bar));
        chain = chain.then(function () {
          return O.upload('/api/v1/assignments/' + enc(a.id) + '/documents', file, { title: chosen.length === 1 ? title.value : '', author: chosen.length === 1 ? author.value : (authors[i] ? authors[i].value.trim() : '') }, function (p) { bar.value = Math.round(p * 100); })
            .then(function () { label.textContent = file.name + ' uploaded'; refresh(); })
            .catch(function (err) { label.textContent = file.name + ': ' + err.message; });
        });
      });
      chain.then(function () { files.value = ''; perFile.replaceChildren(); perFile.hidden = true; single.hidden = false; });
    } }, h('h2', null, a.kind === 'code' ? 'Upload submissions (a ZIP of code per student)' : 'Upload documents'),
      O.field('Files', files), a.kind === 'code' ? h('p', { class: 'hint' }, 'One ZIP of source files per student, or single source files. Each file becomes one submission.') : null, single, perFile, h('button', { type: 'submit' }, 'Upload'), progress);
  }

  function submissionsTable(a, holder) {
    return function refresh() {
      return O.api('GET', '/api/v1/assignments/' + enc(a.id) + '/documents?limit=500').then(function (r) {
        var rows = r.items.map(function (d) {
          var done = d.status === 'done';
          var label = ' ' + d.title;
          var recheck = done && O.can('documents.recheck') ? h('button', { type: 'button', 'aria-label': 'Re-check' + label, onclick: function () {
            O.api('POST', '/api/v1/documents/' + enc(d.id) + '/recheck').then(function () { O.say(d.title + ' is being checked again.'); refresh(); }).catch(O.fail);
          } }, 'Re-check') : null;
          var remove = O.can('documents.delete') ? h('button', { type: 'button', class: 'danger', 'aria-label': 'Delete' + label, onclick: function () {
            if (!window.confirm('Delete ' + d.title + '? Its file, text and reports are removed for good.')) return;
            O.api('DELETE', '/api/v1/documents/' + enc(d.id)).then(function () { O.say(d.title + ' deleted.'); refresh(); }).catch(O.fail);
          } }, 'Delete') : null;
          var actions = done ? [
            h('button', { type: 'button', onclick: function () { O.openViewer(d.id, 'view'); } }, 'View'),
            O.can('reports.edit') ? h('button', { type: 'button', onclick: function () { O.openViewer(d.id, 'edit'); } }, 'Edit') : null,
            h('button', { type: 'button', class: 'link', onclick: function () { O.download('/api/v1/documents/' + enc(d.id) + '/report.pdf', d.title + '.pdf'); } }, 'PDF'),
            h('button', { type: 'button', class: 'link', onclick: function () { O.download('/api/v1/documents/' + enc(d.id) + '/report.summary.pdf', d.title + '.summary.pdf'); } }, 'Summary'),
            h('button', { type: 'button', class: 'link', onclick: function () { O.download('/api/v1/documents/' + enc(d.id) + '/report.docx', d.title + '.docx'); } }, 'DOCX'),
            h('button', { type: 'button', class: 'link', onclick: function () { O.download('/api/v1/documents/' + enc(d.id) + '/report.html', d.title + '.html'); } }, 'HTML'),
          ] : d.status === 'failed' ? [h('span', null, d.reason || 'failed')] : [h('span', null, 'waiting for the check')];
          actions.push(recheck, remove);
          return h('tr', { 'data-document': d.id, 'data-status': d.status },
            h('td', null, d.title), h('td', null, d.author || ''), h('td', { class: 'st-' + d.status }, d.status),
            h('td', { class: 'num' }, d.similarity === null ? '' : d.similarity + '%'), h('td', { class: 'actions' }, actions));
        });
        holder.replaceChildren(rows.length ? table(['Title', 'Author', 'Status', 'Similarity', 'Report'], rows, 'Submissions (' + r.total + ')') : h('p', null, 'No submissions yet.'));
        return r.items;
      });
    };
  }

  O.route(/^#\/assignments\/([^/]+)$/, function (main, params) {
    return O.api('GET', '/api/v1/assignments/' + enc(params[0])).then(function (a) {
      var holder = h('div', { id: 'submissions', 'aria-live': 'polite' });
      var refresh = submissionsTable(a, holder);
      O.add(main, h('h1', null, a.name),
        h('p', null, a.kind === 'code' ? 'Source-code assignment. ' : 'Text assignment. ', h('a', { href: '#/assignments/' + enc(a.id) + '/overview' }, 'Overview of similar pairs')),
        O.can('assignments.manage') ? settingsForm(a, refresh) : null,
        O.can('documents.submit') ? uploadForm(a, refresh) : null,
        O.can('assignments.manage') && O.can('documents.recheck') ? h('p', null, h('button', { type: 'button', onclick: function () {
          O.api('POST', '/api/v1/assignments/' + enc(a.id) + '/recheck').then(function (r) { O.say(r.queued + ' submission' + (r.queued === 1 ? ' is' : 's are') + ' being checked again.'); refresh(); }).catch(O.fail);
        } }, 'Re-check all submissions')) : null,
        holder);
      // The table updates every 1.5 s while checks run, and every 6 s otherwise: a finished
      // submission's score still changes when a later peer upload re-checks it.
      var last = Date.now();
      O.every(1500, function () {
        var busy = holder.querySelector('tr[data-status="queued"],tr[data-status="converting"],tr[data-status="converted"],tr[data-status="checking"]');
        if (busy || !holder.querySelector('table') || Date.now() - last > 6000) { last = Date.now(); refresh().catch(function () {}); }
      });
      return refresh();
    });
  });

  O.route(/^#\/assignments\/([^/]+)\/overview$/, function (main, params) {
    return Promise.all([O.api('GET', '/api/v1/assignments/' + enc(params[0])), O.api('GET', '/api/v1/assignments/' + enc(params[0]) + '/pairs')]).then(function (r) {
      var a = r[0];
      var pairs = r[1].pairs;
      main.append(h('h1', null, 'Similar pairs: ' + a.name), h('p', null, h('a', { href: '#/assignments/' + enc(a.id) }, 'Back to the submissions')));
      if (!pairs.length) { main.append(h('p', null, 'No pairs of submissions share passages (yet).')); return; }
      var buckets = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
      pairs.forEach(function (p) { buckets[Math.min(9, Math.floor(p.similarity / 10))]++; });
      var max = Math.max.apply(null, buckets);
      main.append(h('figure', { class: 'histogram' },
        h('figcaption', null, 'Pairs by similarity (' + pairs.length + (pairs.length === 1 ? ' pair)' : ' pairs)')),
        h('ol', { class: 'bars' }, buckets.map(function (n, i) {
          return h('li', null, h('span', { class: 'bar', style: 'height:' + Math.round((n / max) * 100) + '%' , 'aria-hidden': 'true' }), h('span', { class: 'bl' }, i * 10 + '–' + (i * 10 + 10) + '%: ' + n));
        }))));
      main.append(table(['Rank', 'Submission A', 'Submission B', 'Similarity', 'A in B', 'B in A', 'Matches', ''], pairs.map(function (p, i) {
        return h('tr', null, h('td', { class: 'num' }, i + 1), h('td', null, p.a.title), h('td', null, p.b.title), h('td', { class: 'num' }, p.similarity + '%'),
          h('td', { class: 'num' }, p.a_in_b === null ? '–' : p.a_in_b + '%'), h('td', { class: 'num' }, p.b_in_a === null ? '–' : p.b_in_a + '%'), h('td', { class: 'num' }, p.matches),
          h('td', null, h('button', { type: 'button', onclick: function () { O.openViewer(p.a.id, 'view', p.b.id); } }, 'Compare')));
      }), 'Pairs ranked by similarity'));
    });
  });
})();
`;
