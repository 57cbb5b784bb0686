import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import { scopeOf } from '../../services/policy.js';
import type { OrgUnitRow, UserRow } from '../../store/index.js';
import { AppError } from '../../services/errors.js';
import { looseString } from '../shared/index.js';
import { InsperaError, MESSAGES, EMAIL_FORMAT } from './wire-errors.js';
import { extraOf, namesValid, pageOf, roleFromWire, userView } from './user-view.js';


function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((x) => looseString(x)?.trim() ?? '').filter(Boolean);
  const s = looseString(v);
  return s ? s.split(',').map((x) => x.trim()).filter(Boolean) : [];
}

/** Service refusals in the words of the CRUD documentation. */
function asInspera(err: unknown, forbiddenMessage: string): never {
  if (err instanceof AppError && err.code === 'forbidden') throw new InsperaError(401, forbiddenMessage);
  if (err instanceof AppError && err.code === 'not_found') throw new InsperaError(404, MESSAGES.userNotFound);
  throw err;
}

/** Users CRUD of the older generation: POST /user, GET|PUT /user-info, DELETE /userId={id}. */
export function userRoutes(app: FastifyInstance, services: Services): void {
  // departmentId/facultyId name organisation units, which only callers with units.read may see; a
  // student reading its own record gets them as null rather than a refusal of the whole record.
  const unitsOf = async (p: Principal) =>
    new Map<number, OrgUnitRow>(scopeOf(p, 'units.read') ? (await services.organisations.listUnits(p)).map((u) => [u.id, u]) : []);
  const view = async (p: Principal, u: UserRow) => userView(u, p.organisationPublicId, await unitsOf(p));

  app.post('/user', async (req, reply) => {
    const p = req.insperaPrincipal!;
    const { firstName, lastName, email, role, courses } = req.wire!.params;
    if (!namesValid(firstName, lastName)) throw new InsperaError(402, MESSAGES.nameRule);
    const mail = looseString(email)?.trim().toLowerCase() ?? '';
    if (!EMAIL_FORMAT.test(mail)) throw new InsperaError(409, MESSAGES.emailRule);
    const origoRole = roleFromWire(role);
    if (!origoRole) throw new InsperaError(400, 'Validation error: role must be Educator or Student.');
    let user: UserRow;
    try {
      user = await services.users.create(p, {
        name: `${String(firstName).trim()} ${String(lastName).trim()}`,
        email: mail,
        role: origoRole,
        extra: { firstName: String(firstName).trim(), lastName: String(lastName).trim(), courses: list(courses) },
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') throw new InsperaError(409, MESSAGES.emailRule);
      asInspera(err, MESSAGES.unauthorized);
    }
    return reply.code(200).send(await view(p, user));
  });

  app.get('/user-info', async (req) => {
    const p = req.insperaPrincipal!;
    const q = req.wire!.params;
    const email = looseString(q.email)?.trim();
    if (email) {
      const user = await services.users.byEmailIn(p.organisationId, email.toLowerCase());
      if (!user) throw new InsperaError(404, MESSAGES.userNotFound);
      if (scopeOf(p, 'users.read') !== 'organisation' && user.id !== p.userId) throw new InsperaError(401, 'User not authorized to take action');
      return view(p, user);
    }
    const pg = pageOf(q.page, q.limit);
    const result = await services.users.list(p, {}, { limit: pg.limit, offset: pg.offset }).catch((err) => asInspera(err, 'User not authorized to take action'));
    const units = await unitsOf(p);
    return {
      total: result.total,
      page: pg.page,
      limit: pg.limit,
      pages: Math.ceil(result.total / pg.limit),
      users: result.items.map((u) => userView(u, p.organisationPublicId, units)),
    };
  });

  const userIdOf = (req: FastifyRequest) => looseString((req.params as { userId?: string }).userId ?? req.wire!.params.userId)?.trim() ?? '';

  app.put('/user-info', async (req) => {
    const p = req.insperaPrincipal!;
    const id = userIdOf(req);
    const body = req.wire!.params;
    const user = await services.users.get(p, id).catch((err) => asInspera(err, 'Not authorized to edit user from different institution'));
    if (p.role !== 'admin') throw new InsperaError(401, MESSAGES.unauthorized);
    if (!namesValid(body.firstName, body.lastName)) throw new InsperaError(402, MESSAGES.nameRule);
    const firstName = String(body.firstName).trim();
    const lastName = String(body.lastName).trim();
    const extra = { ...extraOf(user), firstName, lastName };
    const values: Partial<UserRow> = { name: `${firstName} ${lastName}` };
    if (user.role === 'student') {
      const email = looseString(body.email)?.trim().toLowerCase();
      if (email !== undefined) {
        if (!EMAIL_FORMAT.test(email)) throw new InsperaError(409, MESSAGES.emailRule);
        values.email = email;
      }
      const status = looseString(body.status)?.trim().toLowerCase();
      if (status !== undefined) values.active = ['inactive', 'disabled', 'blocked', 'suspended', '0', 'false'].includes(status) ? 0 : 1;
    } else if (body.userSubjects !== undefined) extra.userSubjects = list(body.userSubjects);
    values.extra = JSON.stringify(extra);
    let updated: UserRow;
    try {
      updated = await services.users.updateRow(user, values);
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') throw new InsperaError(500, MESSAGES.emailTaken);
      throw err;
    }
    if (updated.role === 'student') {
      const status = updated.active ? 'active' : 'inactive';
      // "fristName" is how the documentation spells the student answer's field; both are sent.
      return { message: 'User updates successfully', firstName, fristName: firstName, lastName, status, email: updated.email };
    }
    return { message: 'User updates successfully', firstName, lastName, userSubjects: (extra.userSubjects ?? []).join(',') };
  });

  const remove = async (req: FastifyRequest) => {
    const p = req.insperaPrincipal!;
    const id = userIdOf(req);
    if (!id) throw new InsperaError(404, MESSAGES.userNotFound);
    await services.users.delete(p, id).catch((err) => asInspera(err, MESSAGES.unauthorized));
    return { message: 'User deleted successfully' };
  };
  // The documentation writes the path as DELETE {{baseURL}}/userId={{userId}}; the query forms are served too.
  app.delete('/userId=:userId', remove);
  app.delete('/user-info', remove);
  app.delete('/user', remove);
}
