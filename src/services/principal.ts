export type Role = 'admin' | 'instructor' | 'student';
export const ROLES: readonly Role[] = ['admin', 'instructor', 'student'];

/** Who is calling: always one organisation, usually one user. */
export interface Principal {
  organisationId: number;
  organisationPublicId: string;
  /** The acting user; null for a client-level API key. */
  userId: number | null;
  role: Role;
  /** True for administrators of the installation's first organisation: they manage every organisation. */
  systemAdmin: boolean;
  via: 'api_key' | 'jwt';
  apiKeyId: number | null;
}

const RANK: Record<Role, number> = { student: 0, instructor: 1, admin: 2 };

export function hasRole(p: Principal, role: Role): boolean {
  return RANK[p.role] >= RANK[role];
}
