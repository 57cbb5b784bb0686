import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import type { UserRow } from '../../store/index.js';
import { hasRole } from '../../services/principal.js';
import { AppError } from '../../services/errors.js';
import { looseInt, looseString } from '../shared/index.js';
import { principal } from './access.js';
import { MESSAGES, PlagScanError } from './wire-errors.js';
import { VENDOR, userData, userFor, type UserData } from './records.js';
import { SETTING_NAMES, settingsView } from './user-settings.js';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The user object of the PlagScan documents (every value a string), with `userID` for the clients that read it. */
async function userView(services: Services, u: UserRow) {
  const d = await userData(services, u);
  return {
    userID: u.id,
    internalID: String(u.id),
    deptID: String(u.org_unit_id ?? -1),
    title: d.title,
    username: d.username,
    firstname: d.firstname,
    lastname: d.lastname,
    email: u.email ?? '',
    institutionMode: '1',
    ...settingsView(d.settings),
  };
}

function requireAdmin(p: Principal): void {
  if (!hasRole(p, 'admin')) throw new PlagScanError(403, MESSAGES.adminOnly);
}

/** /v3/users: list, search by email, get, create (409 on a taken username or email), settings. */
export function userRoutes(app: FastifyInstance, services: Services): void {
  app.get('/users', async (req) => {
    const p = principal(req);
    const params = req.wire!.params;
    const email = looseString(params.searchByEmail)?.trim().toLowerCase();
    if (email) {
      const user = await services.users.byEmailIn(p.organisationId, email);
      if (!user || (!hasRole(p, 'instructor') && user.id !== p.userId)) throw new PlagScanError(404, MESSAGES.userMissing);
      return { data: await userView(services, user) };
    }
    requireAdmin(p);
    const start = Math.max(looseInt(params.start) ?? 0, 0);
    const limit = Math.min(Math.max(looseInt(params.limit) ?? 500, 1), 500);
    const page = await services.users.list(p, {}, { offset: start, limit });
    const data = [];
    for (const u of page.items) {
      const v = await userView(services, u);
      data.push({ internalID: v.internalID, deptID: v.deptID, title: v.title, username: v.username, firstname: v.firstname, lastname: v.lastname, language: (v as Record<string, unknown>).language as string, email: v.email });
    }
    return { data };
  });

  app.get('/users/:id', async (req) => {
    const p = principal(req);
    const user = await userFor(services, p, looseInt((req.params as { id: string }).id), 'id');
    // The user is in the organisation (userFor checked); a user token may only reach its own record.
    if (!hasRole(p, 'admin') && user.id !== p.userId) throw new PlagScanError(403, MESSAGES.adminOnly);
    return { data: await userView(services, user) };
  });

  app.post('/users', async (req, reply) => {
    const p = principal(req);
    requireAdmin(p);
    const params = req.wire!.params;
    const email = looseString(params.email)?.trim().toLowerCase() ?? '';
    if (!EMAIL.test(email)) throw new PlagScanError(422, 'Validation failed for the field email');
    const username = (looseString(params.username)?.trim() || email).slice(0, 200);
    const firstname = looseString(params.firstname)?.trim() ?? '';
    const lastname = looseString(params.lastname)?.trim() ?? '';
    if (await services.vendorRecords.get(VENDOR, 'username', p.organisationId, username.toLowerCase())) throw new PlagScanError(409, 'The username already exists');
    let user: UserRow;
    try {
      user = await services.users.createIn(p.organisationId, { email, name: `${firstname} ${lastname}`.trim() || email, role: 'instructor' });
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') throw new PlagScanError(409, 'A user with this email already exists');
      throw err;
    }
    const data: UserData = { username, firstname, lastname, title: looseString(params.title) ?? '', settings: {} };
    await services.vendorRecords.put(VENDOR, 'user', p.organisationId, String(user.id), user.id, data);
    await services.vendorRecords.put(VENDOR, 'username', p.organisationId, username.toLowerCase(), user.id, {});
    return reply.code(201).header('location', `${req.url.split('?')[0]}/${user.id}`).send({ data: { userID: user.id } });
  });

  // Settings go in the query string; without any, PATCH reads them (the Moodle plugin does both).
  app.patch('/users/:id', async (req) => {
    const p = principal(req);
    const user = await userFor(services, p, looseInt((req.params as { id: string }).id), 'id');
    // The user is in the organisation (userFor checked); a user token may only reach its own record.
    if (!hasRole(p, 'admin') && user.id !== p.userId) throw new PlagScanError(403, MESSAGES.adminOnly);
    const params = req.wire!.params;
    const current = await userData(services, user);
    const patch: Record<string, number> = {};
    for (const name of SETTING_NAMES) {
      if (params[name] === undefined || params[name] === '') continue;
      const v = looseInt(params[name]);
      if (v === undefined || v < 0) throw new PlagScanError(422, `Validation failed for the field ${name}`);
      if ((name === 'redLevel' || name === 'yellowLevel') && v > 1000) throw new PlagScanError(422, `Validation failed for the field ${name}`);
      patch[name] = v;
    }
    const next: UserData = { ...current, settings: { ...current.settings, ...patch } };
    if (Object.keys(patch).length) await services.vendorRecords.put(VENDOR, 'user', p.organisationId, String(user.id), user.id, next);
    return { data: settingsView(next.settings) };
  });
}
