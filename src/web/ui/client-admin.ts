/**
 * UI pages: courses, users and organisations.
 * Browser JavaScript (ES2017, no build step), served by ui-routes.ts. Kept free of backticks and
 * template placeholders so it can live in this String.raw literal.
 */
export const CLIENT_ADMIN_JS = String.raw`(function () {
  'use strict';
  var O = window.Origo;
  var h = O.h;

  function listPage(main, o) {
    main.append(h('h1', null, o.title));
    var holder = h('div', { 'aria-live': 'polite' });
    var inputs = o.canCreate === false ? [] : o.fields.map(function (f) { return { key: f[0], input: f[2](), label: f[1] }; });
    var form = h('form', { class: 'card', onsubmit: function (e) {
      e.preventDefault();
      var body = {};
      inputs.forEach(function (f) { var v = f.input.value.trim(); if (v) body[f.key] = v; });
      O.api('POST', o.path, o.shape ? o.shape(body) : body).then(function (r) {
        O.say(o.created(r));
        form.reset();
        load();
      }).catch(O.fail);
    } }, h('h2', null, o.createTitle), inputs.map(function (f) { return O.field(f.label, f.input); }), h('button', { type: 'submit' }, o.createTitle));
    function load() {
      return O.api('GET', o.path + '?limit=500').then(function (r) {
        holder.replaceChildren(h('table', null, h('caption', null, o.title + ' (' + r.total + ')'),
          h('thead', null, h('tr', null, o.columns.map(function (c) { return h('th', { scope: 'col' }, c[0]); }))),
          h('tbody', null, r.items.map(function (x) { return h('tr', null, o.columns.map(function (c) { return h('td', null, c[1](x)); })); }))));
      });
    }
    O.add(main, holder, o.canCreate === false ? null : form);
    return load();
  }
  var text = function () { return h('input', { type: 'text' }); };

  O.route(/^#\/courses$/, function (main) {
    return listPage(main, {
      title: 'Courses', path: '/api/v1/courses', createTitle: 'Create course',
      canCreate: O.can('courses.create'),
      fields: [['name', 'Name', text], ['code', 'Code', text]],
      columns: [['Name', function (c) { return c.name; }], ['Code', function (c) { return c.code || ''; }], ['Created', function (c) { return c.created_at.slice(0, 10); }]],
      created: function (c) { return 'Course ' + c.name + ' created.'; },
    });
  });

  O.route(/^#\/users$/, function (main) {
    return listPage(main, {
      title: 'Users', path: '/api/v1/users', createTitle: 'Create user',
      // Only a caller the API lets manage users is offered the form (an instructor sees itself only).
      canCreate: O.can('users.manage'),
      fields: [
        ['email', 'Email', function () { return h('input', { type: 'email', autocomplete: 'off' }); }],
        ['name', 'Name', text],
        ['role', 'Role', function () { return h('select', null, h('option', { value: 'instructor' }, 'Instructor'), h('option', { value: 'student' }, 'Student'), h('option', { value: 'admin' }, 'Administrator')); }],
        ['password', 'Password (at least 8 characters)', function () { return h('input', { type: 'password', autocomplete: 'new-password' }); }],
      ],
      columns: [['Name', function (u) { return u.name; }], ['Email', function (u) { return u.email || ''; }], ['Role', function (u) { return u.role; }], ['Active', function (u) { return u.active ? 'yes' : 'no'; }]],
      created: function (u) { return 'User ' + u.name + ' created.'; },
    });
  });

  O.route(/^#\/organisations$/, function (main) {
    var me = O.me();
    return listPage(main, {
      title: 'Organisations', path: '/api/v1/organisations', createTitle: 'Create organisation',
      canCreate: O.can('organisations.create'),
      fields: [
        ['name', 'Name', text],
        ['admin_email', 'Administrator email', function () { return h('input', { type: 'email', autocomplete: 'off' }); }],
        ['admin_password', 'Administrator password', function () { return h('input', { type: 'password', autocomplete: 'new-password' }); }],
      ],
      shape: function (b) { return b.admin_email ? { name: b.name, admin: { email: b.admin_email, password: b.admin_password } } : { name: b.name }; },
      columns: [['Name', function (o) { return o.name; }], ['Id', function (o) { return o.id; }], ['Created', function (o) { return o.created_at.slice(0, 10); }]],
      created: function (o) { return 'Organisation ' + o.name + ' created.' + (o.admin_api_key ? ' Its administrator API key (shown only now): ' + o.admin_api_key : ''); },
    });
  });
})();
`;
