import type { ApiKeyRow, AssignmentRow, CourseRow, DocumentRow } from '../store/index.js';
import { forbidden } from './errors.js';
import { ipAllowed } from './ip-allow-list.js';
import type { Principal, Role, Surface } from './principal.js';

/**
 * The one access policy. Every API (the native REST API, the five vendor APIs and the web UI,
 * which uses the native API) reaches data through the services, and the services ask this module:
 *
 *   - which API a credential may be used on, and from which addresses (`admitKey`);
 *   - which actions a caller may take, and over what (`scopeOf`, `require`): the table below;
 *   - whether one course, assignment or document lies inside that scope (`reaches*`).
 *
 * `GET /api/v1/me` lists the caller's permitted actions from the same table (`permissionsOf`),
 * so what the UI offers and what the server enforces cannot drift apart. The action names are a
 * contract (docs/security.md): add new ones, never rename.
 */

/** How far an action reaches: every organisation, the caller's organisation, or the caller's own things. */
export type Scope = 'all' | 'organisation' | 'own';

type Grants = Partial<Record<Role | 'system', Scope>>;

const ORG: Scope = 'organisation';

/**
 * Action → who may take it. `system` is an administrator of the installation's first organisation;
 * `own` means: for users, oneself; for courses and assignments, those the caller owns (an
 * assignment also through the course it belongs to); for documents, those the caller owns or that
 * were submitted to an assignment the caller reaches. A student's `documents.submit` reaches every
 * assignment of the organisation (students hand in to assignments they were given the id of), the
 * document being always their own.
 */
export const POLICY = {
  'organisations.read': { system: 'all', admin: ORG },
  'organisations.update': { system: 'all', admin: ORG },
  'organisations.create': { system: 'all' },
  'organisations.delete': { system: 'all' },
  'units.read': { admin: ORG, instructor: ORG },
  'units.manage': { admin: ORG },
  'users.read': { admin: ORG, instructor: 'own', student: 'own' },
  'users.update': { admin: ORG, instructor: 'own', student: 'own' },
  'users.manage': { admin: ORG },
  'api_keys.manage': { admin: ORG },
  'courses.read': { admin: ORG, instructor: 'own' },
  'courses.create': { admin: ORG, instructor: 'own' },
  'courses.manage': { admin: ORG, instructor: 'own' },
  'assignments.read': { admin: ORG, instructor: 'own' },
  'assignments.create': { admin: ORG, instructor: 'own' },
  'assignments.manage': { admin: ORG, instructor: 'own' },
  'documents.submit': { admin: ORG, instructor: 'own', student: ORG },
  'documents.read': { admin: ORG, instructor: 'own', student: 'own' },
  'documents.delete': { admin: ORG, instructor: 'own', student: 'own' },
  'documents.recheck': { admin: ORG, instructor: 'own' },
  'reports.read': { admin: ORG, instructor: 'own', student: 'own' },
  'reports.edit': { admin: ORG, instructor: 'own' },
  'repositories.read': { admin: ORG, instructor: ORG },
  'repositories.manage': { admin: ORG, instructor: 'own' },
  'webhooks.manage': { admin: ORG },
} as const satisfies Record<string, Grants>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

/** How far `action` reaches for the caller, or null when the caller may not take it at all. */
export function scopeOf(p: Principal, action: Action): Scope | null {
  const grants: Grants = POLICY[action];
  if (p.systemAdmin && grants.system) return grants.system;
  return grants[p.role] ?? null;
}

export function can(p: Principal, action: Action): boolean {
  return scopeOf(p, action) !== null;
}

/** The scope of an action the caller may take; 403 `forbidden` otherwise. */
export function require(p: Principal, action: Action): Scope {
  const scope = scopeOf(p, action);
  if (!scope) throw forbidden(`Your role (${p.role}) may not do this (${action}).`);
  return scope;
}

/** The caller's permitted actions and how far each reaches (GET /api/v1/me). */
export function permissionsOf(p: Principal): { permissions: Action[]; scopes: Partial<Record<Action, Scope>> } {
  const permissions: Action[] = [];
  const scopes: Partial<Record<Action, Scope>> = {};
  for (const a of ACTIONS) {
    const s = scopeOf(p, a);
    if (s) {
      permissions.push(a);
      scopes[a] = s;
    }
  }
  return { permissions, scopes };
}

const mine = (p: Principal, ownerUserId: number | null) => p.userId !== null && ownerUserId === p.userId;

/** A course the caller reaches for `action` (a course of another organisation never is). */
export function reachesCourse(p: Principal, action: Action, c: CourseRow): boolean {
  const scope = scopeOf(p, action);
  if (!scope || c.organisation_id !== p.organisationId) return false;
  return scope !== 'own' || mine(p, c.owner_user_id);
}

/** An assignment the caller reaches for `action`: its own, or one in a course it owns, under `own`. */
export function reachesAssignment(p: Principal, action: Action, a: AssignmentRow, course: CourseRow | null | undefined): boolean {
  const scope = scopeOf(p, action);
  if (!scope || a.organisation_id !== p.organisationId) return false;
  if (scope !== 'own') return true;
  return mine(p, a.owner_user_id) || (!!course && course.id === a.course_id && mine(p, course.owner_user_id));
}

/**
 * A document the caller reaches for `action`. Under `own`: the caller's own document, or (for a
 * role that reads assignments) one submitted to an assignment the caller reaches.
 */
export function reachesDocument(p: Principal, action: Action, d: DocumentRow, assignment: AssignmentRow | null | undefined, course: CourseRow | null | undefined): boolean {
  const scope = scopeOf(p, action);
  if (!scope || d.organisation_id !== p.organisationId || d.status === 'deleted') return false;
  if (scope !== 'own') return true;
  if (mine(p, d.owner_user_id)) return true;
  return !!assignment && assignment.id === d.assignment_id && reachesAssignment(p, 'assignments.read', assignment, course);
}

/** Why a credential is refused on an API, in every API's own words by its adapter. */
export type Refusal = { reason: 'invalid' | 'wrong_api' | 'ip_not_allowed' | 'rate_limited'; retryAfter?: number };

export function isRefusal(x: unknown): x is Refusal {
  return !!x && typeof x === 'object' && 'reason' in x;
}

/** Where a request comes in: the API it was sent to and the client's address (after trusted proxies). */
export interface Access {
  surface: Surface;
  ip: string;
}

/**
 * Whether an API key may be used here: a key made for one vendor API works on that API only (never
 * on the native API, where it would act as the organisation's administrator), and a key with
 * `allowed_ips` only from those addresses, on every API and every token made from it.
 */
export function admitKey(key: Pick<ApiKeyRow, 'vendor' | 'allowed_ips' | 'revoked_at'>, at: Access): Refusal | null {
  if (key.revoked_at) return { reason: 'invalid' };
  if (key.vendor && key.vendor !== at.surface) return { reason: 'wrong_api' };
  if (!ipAllowed(key.allowed_ips, at.ip)) return { reason: 'ip_not_allowed' };
  return null;
}
