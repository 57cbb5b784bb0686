import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Dialect } from '../dialect.js';

/** What every SQL repository needs: a query builder (possibly inside a transaction) and the dialect. */
export interface SqlContext {
  db: Kysely<Database>;
  dialect: Dialect;
}

export function parseCount(value: unknown): number {
  return typeof value === 'number' ? value : Number(value ?? 0);
}
