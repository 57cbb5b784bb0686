import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';
import { principalOf } from '../request-auth.js';
import { IdResolver, apiKeyView, organisationView, unitView, userView, pageView } from '../views.js';
import { objectBody, paging, param, query } from '../request-input.js';
import { AppError, invalid } from '../../services/errors.js';
import { permissionsOf, require as requireAction } from '../../services/policy.js';

/** Login, the caller, organisations, units, users and API keys. */
export function identityRoutes(app: FastifyInstance, services: Services): void {
  const ids = () => new IdResolver(services.ctx.store);

  app.post('/api/v1/auth/login', { config: { public: true } }, async (req) => {
    const body = objectBody(req);
    const { token, expiresAt, user } = await services.auth.login(body.email, body.password, { ip: req.ip });
    return { token, token_type: 'Bearer', expires_at: new Date(expiresAt * 1000).toISOString(), expires_in: expiresAt - Math.floor(Date.now() / 1000), user: await userView(user, ids()) };
  });

  // The first-start link (printed once when a new installation starts): single use, signs its administrator in.
  app.post('/api/v1/auth/first-start', { config: { public: true } }, async (req) => {
    const body = objectBody(req);
    const { token, expiresAt, user } = await services.firstStart.redeem(body.token);
    return { token, token_type: 'Bearer', expires_at: new Date(expiresAt * 1000).toISOString(), expires_in: expiresAt - Math.floor(Date.now() / 1000), user: await userView(user, ids()) };
  });

  app.get('/api/v1/me', async (req) => {
    const p = principalOf(req);
    const user = p.userId ? await services.users.byId(p.userId) : undefined;
    return {
      organisation_id: p.organisationPublicId,
      role: p.role,
      system_admin: p.systemAdmin,
      authenticated_by: p.via,
      user: user ? await userView(user, ids()) : null,
      // What the caller may do, from the same table the services enforce (docs/security.md).
      ...(() => {
        const { permissions, scopes } = permissionsOf(p);
        return { permissions, permission_scopes: scopes };
      })(),
    };
  });

  // organisations
  app.post('/api/v1/organisations', async (req, reply) => {
    const body = objectBody(req);
    // Provisioning a tenant: its first administrator and API key (shown once) can come with it.
    const admin = body.admin as { email?: unknown; name?: unknown; password?: unknown } | undefined;
    // A password that would be refused is refused before anything is created (it used to leave
    // the organisation and its administrator behind a 422); who may create one is checked first.
    requireAction(principalOf(req), 'organisations.create');
    if (admin && typeof admin === 'object' && admin.password !== undefined && (typeof admin.password !== 'string' || admin.password.length < 8)) {
      // The words `setPassword` uses, so clients see the same refusal as before.
      throw typeof admin.password === 'string'
        ? invalid('password must be at least 8 characters', { fields: { password: 'too short' } })
        : invalid('password must be a string', { fields: { password: 'not a string' } });
    }
    const org = await services.organisations.create(principalOf(req), body);
    if (admin && typeof admin === 'object') {
      let user = await services.users.createIn(org.id, { email: typeof admin.email === 'string' ? admin.email.toLowerCase() : null, name: typeof admin.name === 'string' ? admin.name : String(admin.email ?? 'Administrator'), role: 'admin' });
      // The answer shows the administrator as stored, with its password (has_password).
      if (typeof admin.password === 'string') user = await services.users.setPassword(user, admin.password);
      const { key } = await services.users.issueKey(org.id, user.id, 'user', 'Organisation administrator', null, null);
      return reply.code(201).send({ ...organisationView(org), admin_user: await userView(user, ids()), admin_api_key: key });
    }
    return reply.code(201).send(organisationView(org));
  });
  app.get('/api/v1/organisations', async (req) => {
    const pg = paging(req);
    const r = await services.organisations.list(principalOf(req), pg);
    return pageView(r.items.map(organisationView), r.total, pg.limit, pg.offset);
  });
  app.get('/api/v1/organisations/:id', async (req) => organisationView(await services.organisations.get(principalOf(req), param(req, 'id'))));
  app.patch('/api/v1/organisations/:id', async (req) => organisationView(await services.organisations.update(principalOf(req), param(req, 'id'), objectBody(req))));
  app.delete('/api/v1/organisations/:id', async (req, reply) => {
    await services.organisations.delete(principalOf(req), param(req, 'id'));
    return reply.code(204).send();
  });

  // organisation units
  app.post('/api/v1/org-units', async (req, reply) => reply.code(201).send(await unitView(await services.organisations.createUnit(principalOf(req), objectBody(req)), ids())));
  app.get('/api/v1/org-units', async (req) => {
    const r = ids();
    const units = await services.organisations.listUnits(principalOf(req));
    return pageView(await Promise.all(units.map((u) => unitView(u, r))), units.length, units.length, 0);
  });
  app.get('/api/v1/org-units/:id', async (req) => unitView(await services.organisations.getUnit(principalOf(req), param(req, 'id')), ids()));
  app.patch('/api/v1/org-units/:id', async (req) => unitView(await services.organisations.updateUnit(principalOf(req), param(req, 'id'), objectBody(req)), ids()));
  app.delete('/api/v1/org-units/:id', async (req, reply) => {
    await services.organisations.deleteUnit(principalOf(req), param(req, 'id'));
    return reply.code(204).send();
  });

  // users
  app.post('/api/v1/users', async (req, reply) => reply.code(201).send(await userView(await services.users.create(principalOf(req), objectBody(req)), ids())));
  app.get('/api/v1/users', async (req) => {
    const pg = paging(req);
    const q = query(req);
    const p = principalOf(req);
    let orgUnitId: number | undefined;
    if (q.org_unit_id) orgUnitId = (await services.organisations.getUnit(p, q.org_unit_id)).id;
    const r = await services.users.list(p, { role: q.role, email: q.email, search: q.search, orgUnitId }, pg);
    const res = ids();
    return pageView(await Promise.all(r.items.map((u) => userView(u, res))), r.total, pg.limit, pg.offset);
  });
  app.get('/api/v1/users/:id', async (req) => userView(await services.users.get(principalOf(req), param(req, 'id')), ids()));
  app.patch('/api/v1/users/:id', async (req) => userView(await services.users.update(principalOf(req), param(req, 'id'), objectBody(req)), ids()));
  app.delete('/api/v1/users/:id', async (req, reply) => {
    await services.users.delete(principalOf(req), param(req, 'id'));
    return reply.code(204).send();
  });

  // API keys
  app.post('/api/v1/api-keys', async (req, reply) => {
    const { row, key } = await services.users.createApiKey(principalOf(req), objectBody(req));
    return reply.code(201).send({ ...(await apiKeyView(row, ids())), key });
  });
  app.get('/api/v1/api-keys', async (req) => {
    const rows = await services.users.listApiKeys(principalOf(req));
    const r = ids();
    return pageView(await Promise.all(rows.map((k) => apiKeyView(k, r))), rows.length, rows.length, 0);
  });
  app.get('/api/v1/api-keys/:id', async (req) => apiKeyView(await services.users.getApiKey(principalOf(req), param(req, 'id')), ids()));
  app.patch('/api/v1/api-keys/:id', async (req) => apiKeyView(await services.users.updateApiKey(principalOf(req), param(req, 'id'), objectBody(req)), ids()));
  app.delete('/api/v1/api-keys/:id', async (req, reply) => {
    await services.users.revokeApiKey(principalOf(req), param(req, 'id'));
    return reply.code(204).send();
  });
  void AppError;
}
