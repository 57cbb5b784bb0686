import type { SqlContext } from './context.js';

/** A stored alignment of one submission against one source (JSON result, see pipeline/analysis/pair-result.ts). */
export interface PairResultRow {
  document_id: number;
  source_id: number;
  options_key: string;
  result: string;
  created_at: string;
}

const CHUNK = 500;

/**
 * Pair results and the per-document analysis state: what a report is composed from, so that a
 * document is aligned against each source once, and a new peer adds one pair to an earlier report.
 */
export class PairResultRepo {
  constructor(private readonly c: SqlContext) {}

  /** The stored pairs of `documentId` against `sourceIds` (any options key; the caller checks it). */
  async of(documentId: number, sourceIds: readonly number[]): Promise<PairResultRow[]> {
    const out: PairResultRow[] = [];
    for (let i = 0; i < sourceIds.length; i += CHUNK) {
      const chunk = sourceIds.slice(i, i + CHUNK);
      out.push(...(await this.c.db.selectFrom('pair_results').selectAll().where('document_id', '=', documentId).where('source_id', 'in', chunk).execute()));
    }
    return out;
  }

  /** Stores (or replaces) pair results. */
  async put(rows: readonly PairResultRow[]): Promise<void> {
    for (const row of rows) {
      await this.c.db
        .insertInto('pair_results')
        .values(row)
        .onConflict((oc) => oc.columns(['document_id', 'source_id']).doUpdateSet({ options_key: row.options_key, result: row.result, created_at: row.created_at }))
        .execute();
    }
  }

  async count(documentId?: number): Promise<number> {
    let q = this.c.db.selectFrom('pair_results').select((eb) => eb.fn.countAll().as('n'));
    if (documentId !== undefined) q = q.where('document_id', '=', documentId);
    const { n } = await q.executeTakeFirstOrThrow();
    return Number(n);
  }

  /** Forgets every pair of these documents as submission (a from-scratch analysis recomputes them). */
  async clear(documentIds: readonly number[]): Promise<void> {
    for (let i = 0; i < documentIds.length; i += CHUNK) {
      await this.c.db.deleteFrom('pair_results').where('document_id', 'in', documentIds.slice(i, i + CHUNK)).execute();
    }
  }

  /**
   * The shared-fingerprint count of each document's last kept candidate at its last composition
   * (0 while it has fewer candidates than the limit): a newer peer sharing fewer fingerprints
   * cannot enter its candidates. Documents never composed are missing from the map.
   */
  async floors(documentIds: readonly number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    for (let i = 0; i < documentIds.length; i += CHUNK) {
      const rows = await this.c.db.selectFrom('analysis_state').select(['document_id', 'candidate_floor']).where('document_id', 'in', documentIds.slice(i, i + CHUNK)).execute();
      for (const r of rows) out.set(r.document_id, r.candidate_floor);
    }
    return out;
  }

  async setFloor(documentId: number, floor: number, candidates: number, at: string): Promise<void> {
    await this.c.db
      .insertInto('analysis_state')
      .values({ document_id: documentId, candidate_floor: floor, candidates, updated_at: at })
      .onConflict((oc) => oc.column('document_id').doUpdateSet({ candidate_floor: floor, candidates, updated_at: at }))
      .execute();
  }

  /**
   * Counts one more candidate for a document whose composition is otherwise unchanged, if it had
   * fewer than `limit`: then no candidate it kept is pushed out. False when it had `limit` (its
   * report must be composed again to know which candidates stay).
   */
  async addCandidate(documentId: number, limit: number, at: string): Promise<boolean> {
    const r = await this.c.db
      .updateTable('analysis_state')
      .set((eb) => ({ candidates: eb('candidates', '+', 1), updated_at: at }))
      .where('document_id', '=', documentId)
      .where('candidates', '<', limit)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}
