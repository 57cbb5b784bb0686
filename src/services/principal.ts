export type Role = 'admin' | 'instructor' | 'student';
export const ROLES: readonly Role[] = ['admin', 'instructor', 'student'];

/** The APIs a credential can be used on: the native REST API and the five vendor-compatible ones. */
export type Surface = 'native' | 'codequiry' | 'drillbit' | 'plagiat' | 'inspera' | 'plagscan';
export const VENDOR_SURFACES = ['codequiry', 'drillbit', 'plagiat', 'inspera', 'plagscan'] as const;

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
  /**
   * The vendor API an API key is confined to (`{"vendor": "plagiat"}` when it was made), or null for
   * an unrestricted key or a login. The policy (policy.ts) refuses such a key on every other API.
   */
  keyVendor?: string | null;
}

const RANK: Record<Role, number> = { student: 0, instructor: 1, admin: 2 };

export function hasRole(p: Principal, role: Role): boolean {
  return RANK[p.role] >= RANK[role];
}
