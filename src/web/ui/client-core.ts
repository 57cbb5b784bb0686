/**
 * The UI client core: API calls with the login token, DOM helper, uploads with progress, hash router, sign-in page.
 * Browser JavaScript (ES2017, no build step), served by ui-routes.ts. Kept free of backticks and
 * template placeholders so it can live in this String.raw literal.
 */
export const CLIENT_CORE_JS = String.raw`(function () {
  'use strict';
  var Origo = (window.Origo = {});
  var TOKEN = 'origo.token';
  var ME = 'origo.me';
  var timers = [];
  Origo.token = function () { return sessionStorage.getItem(TOKEN); };
  Origo.me = function () { try { return JSON.parse(sessionStorage.getItem(ME) || 'null'); } catch (e) { return null; } };
  /** Whether the caller may take a policy action: the permissions GET /api/v1/me listed (the table the API enforces). */
  Origo.can = function (action) { var me = Origo.me(); return !!(me && me.permissions && me.permissions.indexOf(action) >= 0); };
  Origo.signOut = function () { sessionStorage.removeItem(TOKEN); sessionStorage.removeItem(ME); location.hash = '#/login'; };
  /** The words of an API error body: its message, and which fields are wrong and why when it names them. */
  Origo.errorText = function (j, status) {
    if (!(j && j.error && j.error.message)) return 'HTTP ' + status;
    var fields = j.error.details && j.error.details.fields;
    // Fields the message names already ("password must be at least 8 characters") are not repeated.
    var why = fields && typeof fields === 'object' ? Object.keys(fields).filter(function (k) { return j.error.message.toLowerCase().indexOf(k.replace(/_/g, ' ')) < 0; })
      .map(function (k) { return k.replace(/_/g, ' ') + ' ' + fields[k]; }) : [];
    return j.error.message + (why.length ? ': ' + why.join('; ') + '.' : '');
  };
  /** Calls the native API with the stored login token; rejects with the API's error message. */
  Origo.api = function (method, path, body) {
    var headers = { authorization: 'Bearer ' + Origo.token() };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(path, { method: method, headers: headers, body: body !== undefined ? JSON.stringify(body) : undefined }).then(function (r) {
      return r.text().then(function (t) {
        var j = null;
        try { j = t ? JSON.parse(t) : null; } catch (e) { j = null; }
        if (r.status === 401 && path !== '/api/v1/auth/login' && path !== '/api/v1/auth/first-start') { Origo.signOut(); }
        if (!r.ok) { var err = new Error(Origo.errorText(j, r.status)); err.status = r.status; err.body = j; throw err; }
        return j;
      });
    });
  };
  /** Creates an element: h('p', {class: 'x'}, 'text', child). Text is always set as text, never as HTML. */
  Origo.h = function (tag, attrs) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k.indexOf('on') === 0 && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'text') el.textContent = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    });
    return Origo.add.apply(null, [el].concat(Array.prototype.slice.call(arguments, 2)));
  };
  /**
   * Appends children (nodes, text, lists of them) to an element, leaving out null, undefined and
   * false: the DOM's own append would show them as the words "null" and "false".
   */
  Origo.add = function (el) {
    for (var i = 1; i < arguments.length; i++) {
      var c = arguments[i];
      (Array.isArray(c) ? c : [c]).forEach(function (x) {
        if (x === null || x === undefined || x === false) return;
        el.appendChild(typeof x === 'string' || typeof x === 'number' ? document.createTextNode(String(x)) : x);
      });
    }
    return el;
  };
  var h = Origo.h;
  var uid = 0;
  /** A labelled form field. */
  Origo.field = function (label, input) {
    if (!input.id) input.id = 'f' + (++uid);
    return h('div', { class: 'field' }, h('label', { for: input.id }, label), input);
  };
  Origo.say = function (text, isError) {
    var s = document.getElementById('status');
    s.textContent = text;
    s.className = isError ? 'status error' : 'status';
  };
  var flash = null;
  /** A message shown on the next page (after a navigation). */
  Origo.flash = function (text) { flash = text; };
  Origo.fail = function (err) { Origo.say(err && err.message ? err.message : String(err), true); };
  Origo.every = function (ms, fn) { timers.push(setInterval(fn, ms)); };
  /** Downloads an authenticated file (PDF, DOCX, HTML). */
  Origo.download = function (path, name) {
    return fetch(path, { headers: { authorization: 'Bearer ' + Origo.token() } }).then(function (r) {
      if (!r.ok) return r.json().then(function (j) { throw new Error(j.error ? j.error.message : 'HTTP ' + r.status); });
      return r.blob().then(function (b) {
        var a = h('a', { href: URL.createObjectURL(b), download: name });
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      });
    }).catch(Origo.fail);
  };
  /** Uploads one file as multipart with a progress callback (0..1). */
  Origo.upload = function (path, file, fields, onProgress) {
    return new Promise(function (resolve, reject) {
      var form = new FormData();
      Object.keys(fields || {}).forEach(function (k) { if (fields[k]) form.append(k, fields[k]); });
      form.append('file', file, file.name);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      xhr.setRequestHeader('authorization', 'Bearer ' + Origo.token());
      xhr.upload.onprogress = function (e) { if (e.lengthComputable) onProgress(e.loaded / e.total); };
      xhr.onload = function () {
        var j = null;
        try { j = JSON.parse(xhr.responseText); } catch (e) { j = null; }
        if (xhr.status >= 200 && xhr.status < 300) { onProgress(1); resolve(j); }
        else reject(new Error(j && j.error ? Origo.errorText(j, xhr.status) : 'Upload failed (HTTP ' + xhr.status + ')'));
      };
      xhr.onerror = function () { reject(new Error('Upload failed: the server did not answer.')); };
      xhr.send(form);
    });
  };
  /** Opens the interactive viewer through a fresh signed link. */
  Origo.openViewer = function (docId, mode, sourceId) {
    return Origo.api('POST', '/api/v1/documents/' + encodeURIComponent(docId) + '/viewer-links', { mode: mode }).then(function (r) { location.assign(r.url + (sourceId ? '#src=' + encodeURIComponent(sourceId) : '')); }).catch(Origo.fail);
  };

  var routes = [];
  Origo.route = function (pattern, render) { routes.push({ pattern: pattern, render: render }); };

  function nav(me) {
    var links = [['#/assignments', Origo.can('assignments.read') ? 'Assignments' : 'Your submissions']];
    if (Origo.can('courses.read')) links.push(['#/courses', 'Courses']);
    if (Origo.can('users.manage')) links.push(['#/users', 'Users']);
    if (Origo.can('organisations.read')) links.push(['#/organisations', 'Organisations']);
    if (me && me.user) links.push(['#/set-password', 'Password']);
    var here = location.hash.split('/').slice(0, 2).join('/');
    return h('nav', { class: 'top', 'aria-label': 'Main' },
      h('span', { class: 'brand' }, 'Origo'),
      h('ul', null, links.map(function (l) { return h('li', null, h('a', { href: l[0], 'aria-current': here === l[0] ? 'page' : null }, l[1])); })),
      h('span', { class: 'who' }, me && me.user ? me.user.name + ' (' + me.role + ')' : me ? me.role : ''),
      h('button', { type: 'button', class: 'link', onclick: Origo.signOut }, 'Sign out'));
  }

  function render() {
    timers.forEach(clearInterval);
    timers = [];
    var header = document.getElementById('top');
    var main = document.getElementById('main');
    main.replaceChildren();
    Origo.say(flash || '');
    flash = null;
    var hash = location.hash || '#/assignments';
    var open = hash === '#/login' || hash.indexOf('#/first-start/') === 0;
    if (!Origo.token() && !open) { location.hash = '#/login'; return; }
    // Signed in by a first-start link and no password chosen yet: that comes first.
    var me0 = Origo.me();
    if (Origo.token() && !open && me0 && me0.user && !me0.user.has_password && hash !== '#/set-password') { location.hash = '#/set-password'; return; }
    header.replaceChildren(Origo.token() ? nav(Origo.me()) : h('span', { class: 'brand' }, 'Origo'));
    for (var i = 0; i < routes.length; i++) {
      var m = routes[i].pattern.exec(hash);
      if (m) {
        Promise.resolve(routes[i].render(main, m.slice(1).map(decodeURIComponent))).catch(Origo.fail).then(function () {
          var h1 = main.querySelector('h1');
          if (h1) { h1.setAttribute('tabindex', '-1'); h1.focus(); }
        });
        return;
      }
    }
    main.appendChild(h('h1', null, 'Not found'));
  }
  Origo.render = render;
  window.addEventListener('hashchange', render);
  document.addEventListener('DOMContentLoaded', render);

  Origo.route(/^#\/login$/, function (main) {
    var email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
    var password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
    var form = h('form', { class: 'card narrow', onsubmit: function (e) {
      e.preventDefault();
      Origo.api('POST', '/api/v1/auth/login', { email: email.value, password: password.value }).then(function (r) {
        sessionStorage.setItem(TOKEN, r.token);
        return Origo.api('GET', '/api/v1/me');
      }).then(function (me) {
        sessionStorage.setItem(ME, JSON.stringify(me));
        location.hash = '#/assignments';
      }).catch(Origo.fail);
    } }, Origo.field('Email', email), Origo.field('Password', password), h('button', { type: 'submit' }, 'Sign in'));
    main.append(h('h1', null, 'Sign in'), form);
  });

  /** Keeps a login (token and the caller) and returns the caller. */
  function keepSession(token) {
    sessionStorage.setItem(TOKEN, token);
    return Origo.api('GET', '/api/v1/me').then(function (me) { sessionStorage.setItem(ME, JSON.stringify(me)); return me; });
  }

  // The first-start link printed by a new installation: redeemed once, it signs the administrator in.
  Origo.route(/^#\/first-start\/([A-Za-z0-9_-]+)$/, function (main, params) {
    main.append(h('h1', null, 'Welcome to Origo'), h('p', null, 'Signing you in…'));
    return Origo.api('POST', '/api/v1/auth/first-start', { token: params[0] }).then(function (r) {
      return keepSession(r.token);
    }).then(function () {
      // The link is spent: keep it out of the history and go on to choosing a password.
      history.replaceState(null, '', '#/set-password');
      render();
    }, function (err) {
      main.replaceChildren(h('h1', null, 'This link does not work'), h('p', null, err.message), h('p', null, h('a', { href: '#/login' }, 'Sign in with email and password')));
    });
  });

  Origo.route(/^#\/set-password$/, function (main) {
    var me = Origo.me();
    if (!me || !me.user) { main.append(h('h1', null, 'Password'), h('p', null, 'Only a signed-in user has a password.')); return; }
    var first = !me.user.has_password;
    var email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true, value: me.user.email || '' });
    var password = h('input', { type: 'password', name: 'new-password', autocomplete: 'new-password', required: true, minlength: 8 });
    var again = h('input', { type: 'password', name: 'repeat-password', autocomplete: 'new-password', required: true, minlength: 8 });
    var form = h('form', { class: 'card narrow', onsubmit: function (e) {
      e.preventDefault();
      if (password.value !== again.value) { Origo.say('The two passwords differ.', true); return; }
      Origo.api('PATCH', '/api/v1/users/' + encodeURIComponent(me.user.id), { email: email.value, password: password.value }).then(function () {
        // A password change ends every login made before it (this one too): sign in with the new one.
        return Origo.api('POST', '/api/v1/auth/login', { email: email.value, password: password.value });
      }).then(function (r) {
        return keepSession(r.token);
      }).then(function (now) {
        Origo.flash('Password saved. From now on, sign in with ' + now.user.email + ' and this password.');
        location.hash = '#/assignments';
      }).catch(Origo.fail);
    } },
      Origo.field('Email (you sign in with it)', email),
      Origo.field('New password (at least 8 characters)', password),
      Origo.field('Repeat the password', again),
      h('button', { type: 'submit' }, 'Save password'));
    Origo.add(main, h('h1', null, first ? 'Choose your password' : 'Change your password'),
      first ? h('p', null, 'You are signed in as ' + me.user.name + ' (' + me.role + ') through a one-time link. Choose the email and password you will sign in with from now on.') : null,
      form);
  });
})();
`;
