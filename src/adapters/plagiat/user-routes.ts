import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import type { OrgUnitRow, UserRow } from '../../store/index.js';
import { AppError } from '../../services/errors.js';
import { quotaOf } from '../../services/check-quota-service.js';
import { looseInt } from '../shared/index.js';
import { authenticateClient } from './credentials.js';
import { KIND, VENDOR, paramString, userNames, type UserRecord } from './records.js';
import { badRequest, type UserWire } from './wire.js';

const MESSAGE = { config: { shape: 'message' } } as const;

/** Service errors (validation, duplicates) as the vendor's 400 `{"message"}`. */
export async function asBadRequest<T>(run: () => Promise<T>, conflictMessage?: string): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && err.status < 500) throw badRequest(err.code === 'conflict' && conflictMessage ? conflictMessage : err.message);
    throw err;
  }
}

export async function unitByName(services: Services, p: Principal, name: string): Promise<OrgUnitRow | undefined> {
  const wanted = name.trim().toLowerCase();
  return (await services.organisations.listUnits(p)).find((u) => u.name.toLowerCase() === wanted);
}

function testCount(v: unknown, required: boolean): number | undefined {
  if (v === undefined || v === null || v === '') {
    if (required) throw badRequest('Missing testCount');
    return undefined;
  }
  const n = looseInt(v);
  if (n === undefined || n < 0 || String(v).trim() !== String(n)) throw badRequest('Invalid testCount');
  return n;
}

async function userWire(services: Services, user: UserRow, units: Map<number, string>): Promise<UserWire> {
  const names = await userNames(services, user);
  return { orgUnitName: user.org_unit_id !== null ? (units.get(user.org_unit_id) ?? null) : null, email: user.email, name: names.name, surname: names.surname, testCount: quotaOf(user) };
}

async function unitNames(services: Services, p: Principal): Promise<Map<number, string>> {
  return new Map((await services.organisations.listUnits(p)).map((u) => [u.id, u.name]));
}

async function userByEmail(services: Services, p: Principal, email: string | undefined): Promise<UserRow> {
  if (!email) throw badRequest('Missing email');
  const user = await services.users.byEmailIn(p.organisationId, email.trim().toLowerCase());
  if (!user) throw badRequest('Unknown user');
  return user;
}

const fullName = (name: string | undefined, surname: string) => [name, surname].filter(Boolean).join(' ');

export function userRoutes(app: FastifyInstance, services: Services): void {
  app.post('/api/v2/users/create', MESSAGE, async (req) => {
    const p = await authenticateClient(services, req);
    const q = req.wire!.params;
    const email = paramString(q.email);
    if (!email) throw badRequest('Missing email');
    const password = paramString(q.password);
    if (!password) throw badRequest('Missing password');
    const orgName = paramString(q.orgName);
    if (!orgName) throw badRequest('Missing orgName');
    const surname = paramString(q.surname);
    if (!surname) throw badRequest('Missing surname');
    const count = testCount(q.testCount, true)!;
    const name = paramString(q.name);
    const unit = await unitByName(services, p, orgName);
    if (!unit) throw badRequest('Unknown orgName');
    const user = await asBadRequest(() => services.users.create(p, { email, password, name: fullName(name, surname), role: 'instructor', org_unit_id: unit.public_id }), 'User already exists');
    await services.quotas.set(user.id, count);
    await services.vendorRecords.put<UserRecord>(VENDOR, KIND.user, p.organisationId, user.public_id, user.id, { name: name ?? '', surname });
    return {};
  });

  app.post('/api/v2/users/update', MESSAGE, async (req) => {
    const p = await authenticateClient(services, req);
    const q = req.wire!.params;
    const user = await userByEmail(services, p, paramString(q.email));
    const count = testCount(q.testCount, false);
    const orgName = paramString(q.orgName);
    const unit = orgName ? await unitByName(services, p, orgName) : undefined;
    if (orgName && !unit) throw badRequest('Unknown orgName');
    const names = await userNames(services, user);
    const next: UserRecord = { name: paramString(q.name) ?? names.name, surname: paramString(q.surname) ?? names.surname };
    await asBadRequest(
      () =>
        services.users.update(p, user.public_id, {
          ...(paramString(q.newEmail) ? { email: paramString(q.newEmail) } : {}),
          ...(paramString(q.password) ? { password: paramString(q.password) } : {}),
          ...(unit ? { org_unit_id: unit.public_id } : {}),
          name: fullName(next.name, next.surname) || user.name,
        }),
      'User already exists',
    );
    if (count !== undefined) await services.quotas.set(user.id, count);
    await services.vendorRecords.put<UserRecord>(VENDOR, KIND.user, p.organisationId, user.public_id, user.id, next);
    return {};
  });

  app.delete('/api/v2/users', MESSAGE, async (req) => {
    const p = await authenticateClient(services, req);
    const user = await userByEmail(services, p, paramString(req.wire!.params.email));
    await asBadRequest(() => services.users.delete(p, user.public_id));
    await services.vendorRecords.delete(VENDOR, KIND.user, p.organisationId, user.public_id);
    return {};
  });

  app.get('/api/v2/users', MESSAGE, async (req) => {
    const p = await authenticateClient(services, req);
    const user = await userByEmail(services, p, paramString(req.wire!.params.email));
    return userWire(services, user, await unitNames(services, p));
  });

  app.get('/api/v2/users/list', MESSAGE, async (req) => {
    const p = await authenticateClient(services, req);
    const q = req.wire!.params;
    const units = await unitNames(services, p);
    const all: UserRow[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await services.users.list(p, {}, { limit: 500, offset });
      all.push(...page.items);
      if (page.items.length < 500) break;
    }
    const eq = (a: string | null | undefined, b: string | undefined) => b === undefined || (a ?? '').toLowerCase() === b.toLowerCase();
    const users: UserWire[] = [];
    for (const user of all) {
      if (!user.active) continue;
      const w = await userWire(services, user, units);
      if (eq(w.orgUnitName, paramString(q.orgName)) && eq(w.email, paramString(q.email)) && eq(w.name, paramString(q.name)) && eq(w.surname, paramString(q.surname))) users.push(w);
    }
    return { users };
  });
}
