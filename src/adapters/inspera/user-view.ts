import type { OrgUnitRow, UserRow } from '../../store/index.js';

/** Inspera's user roles and Origo's. */
export function roleFromWire(v: unknown): 'instructor' | 'student' | null {
  const s = typeof v === 'string' ? v.trim().toLowerCase() : '';
  if (['educator', 'evaluator', 'teacher', 'instructor', 'professor'].includes(s)) return 'instructor';
  if (s === 'student') return 'student';
  return null;
}

const ROLE_NAMES: Record<string, { role: string; roleId: number }> = {
  admin: { role: 'Admin', roleId: 1 },
  instructor: { role: 'Educator', roleId: 2 },
  student: { role: 'Student', roleId: 3 },
};

/** The documented rule: names are letters only, at least three of them. */
export const NAME_RULE = /^\p{L}{3,}$/u;

export function namesValid(first: unknown, last: unknown): boolean {
  return typeof first === 'string' && typeof last === 'string' && NAME_RULE.test(first.trim()) && NAME_RULE.test(last.trim());
}

export interface UserExtra {
  firstName?: string;
  lastName?: string;
  courses?: string[];
  userSubjects?: string[];
}

export function extraOf(u: UserRow): UserExtra {
  try {
    return JSON.parse(u.extra) as UserExtra;
  } catch {
    return {};
  }
}

/** A user in Inspera's shape: department = the user's organisation unit, faculty = that unit's parent. */
export function userView(u: UserRow, institutionId: string, units: Map<number, OrgUnitRow>): Record<string, unknown> {
  const unit = u.org_unit_id !== null ? units.get(u.org_unit_id) : undefined;
  const faculty = unit?.parent_id ? units.get(unit.parent_id) : undefined;
  const extra = extraOf(u);
  return {
    id: u.public_id,
    name: u.name,
    firstName: extra.firstName ?? null,
    lastName: extra.lastName ?? null,
    email: u.email,
    status: u.active ? 'active' : 'inactive',
    createdAt: u.created_at,
    updatedAt: u.updated_at,
    institutionId,
    departmentId: unit?.public_id ?? null,
    facultyId: faculty?.public_id ?? null,
    // Origo does not record logins.
    lastLogin: null,
    isDeleted: false,
    ...(ROLE_NAMES[u.role] ?? { role: u.role, roleId: null }),
    courses: extra.courses ?? [],
    userSubjects: extra.userSubjects ?? [],
  };
}

/** `page`, `limit` of the documented pagination (1-based page, default limit 10). */
export function pageOf(pageParam: unknown, limitParam: unknown): { page: number; limit: number; offset: number } {
  const page = Math.max(1, Math.trunc(Number(pageParam)) || 1);
  const limit = Math.min(500, Math.max(1, Math.trunc(Number(limitParam)) || 10));
  return { page, limit, offset: (page - 1) * limit };
}
