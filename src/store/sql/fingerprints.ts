import { sql } from 'kysely';
import { parseCount, type SqlContext } from './context.js';

/** Where candidate sources may come from. */
export interface CandidateScope {
  organisationId: number;
  /** The submission itself, never its own source. */
  excludeDocumentId: number;
  /** Peers: documents of this assignment. */
  assignmentId?: number | null;
  /** Documents in these repositories (ids), or every repository of the organisation with `true`. */
  repositories?: number[] | true;
}

export interface Candidate {
  documentId: number;
  shared: number;
}

const CHUNK = 2000;

/**
 * A fingerprint in more documents of an organisation than this finds no candidates (see
 * `candidates`). In a class, or a repository of a few thousand documents, hardly any fingerprint
 * comes near it; in a million documents it is a phrase in one of a thousand.
 */
export const MAX_POSTINGS = 1000;

/** The inverted index: winnowed fingerprints of every indexed document, looked up by hash. */
export class FingerprintRepo {
  constructor(private readonly c: SqlContext) {}

  /**
   * Puts a document's fingerprints into the index (replacing any it had). With `assignment`, the
   * assignment's per-fingerprint document counts go up too, and the hashes whose count reached
   * `assignment.commonAt` with this document are returned (text that just became common).
   */
  async replace(documentId: number, organisationId: number, hashes: readonly number[], assignment?: { id: number; commonAt: number }): Promise<number[]> {
    await this.delete(documentId);
    for (let i = 0; i < hashes.length; i += CHUNK) {
      const rows = hashes.slice(i, i + CHUNK).map((hash) => ({ document_id: documentId, organisation_id: organisationId, hash }));
      await this.c.db.insertInto('fingerprints').values(rows).execute();
    }
    if (!assignment) return [];
    const reached: number[] = [];
    // Sorted, so concurrent writers take the counters' row locks in one order (no deadlock).
    const sorted = [...new Set(hashes)].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length; i += CHUNK) {
      const rows = sorted.slice(i, i + CHUNK).map((hash) => ({ assignment_id: assignment.id, hash, documents: 1 }));
      const counts = await this.c.db
        .insertInto('assignment_fingerprints')
        .values(rows)
        .onConflict((oc) => oc.columns(['assignment_id', 'hash']).doUpdateSet((eb) => ({ documents: eb('assignment_fingerprints.documents', '+', 1) })))
        .returning(['hash', 'documents'])
        .execute();
      for (const r of counts) if (Number(r.documents) === assignment.commonAt) reached.push(Number(r.hash));
    }
    return reached;
  }

  /** Removes a document's fingerprints from the index and from its assignment's counts. */
  async delete(documentId: number): Promise<void> {
    const doc = await this.c.db.selectFrom('documents').select('assignment_id').where('id', '=', documentId).executeTakeFirst();
    if (doc?.assignment_id) {
      const hashes = await this.of(documentId);
      for (let i = 0; i < hashes.length; i += CHUNK) {
        await this.c.db
          .updateTable('assignment_fingerprints')
          .set((eb) => ({ documents: eb('documents', '-', 1) }))
          .where('assignment_id', '=', doc.assignment_id)
          .where('hash', 'in', hashes.slice(i, i + CHUNK))
          .execute();
      }
    }
    await this.c.db.deleteFrom('fingerprints').where('document_id', '=', documentId).execute();
  }

  /** The fingerprints stored for a document, sorted. */
  async of(documentId: number): Promise<number[]> {
    const rows = await this.c.db.selectFrom('fingerprints').select('hash').where('document_id', '=', documentId).execute();
    return rows.map((r) => Number(r.hash)).sort((a, b) => a - b);
  }

  /** Those of `hashes` that occur in at least `minDocuments` documents of the assignment. */
  async common(assignmentId: number, hashes: readonly number[], minDocuments: number): Promise<Set<number>> {
    const out = new Set<number>();
    for (let i = 0; i < hashes.length; i += CHUNK) {
      const rows = await this.c.db
        .selectFrom('assignment_fingerprints')
        .select('hash')
        .where('assignment_id', '=', assignmentId)
        .where('hash', 'in', hashes.slice(i, i + CHUNK))
        .where('documents', '>=', minDocuments)
        .execute();
      for (const r of rows) out.add(Number(r.hash));
    }
    return out;
  }

  /** Documents of an assignment holding any of `hashes`. */
  async documentsWith(organisationId: number, assignmentId: number, hashes: readonly number[]): Promise<number[]> {
    const ids = new Set<number>();
    for (let i = 0; i < hashes.length; i += CHUNK) {
      const rows = await this.c.db
        .selectFrom('fingerprints as f')
        .innerJoin('documents as d', 'd.id', 'f.document_id')
        .select('f.document_id')
        .distinct()
        .where('f.organisation_id', '=', organisationId)
        .where('f.hash', 'in', hashes.slice(i, i + CHUNK))
        .where('d.assignment_id', '=', assignmentId)
        .execute();
      for (const r of rows) ids.add(r.document_id);
    }
    return [...ids].sort((a, b) => a - b);
  }

  async count(documentId: number): Promise<number> {
    const { n } = await this.c.db.selectFrom('fingerprints').select((eb) => eb.fn.countAll().as('n')).where('document_id', '=', documentId).executeTakeFirstOrThrow();
    return parseCount(n);
  }

  /**
   * Documents in scope sharing fingerprints with `hashes`, most shared first. A fingerprint found
   * in more than MAX_POSTINGS documents of the organisation (a phrase everybody writes) finds no
   * candidates: it says nothing about where a text came from, and reading its postings would
   * make a lookup in a large repository slow. A lookup that meets one records it in
   * `frequent_fingerprints`, and later lookups skip it without reading its postings (a document
   * deleted later does not take it off that list).
   */
  async candidates(scope: CandidateScope, hashes: readonly number[], limit: number): Promise<Candidate[]> {
    const wantsPeers = scope.assignmentId !== undefined && scope.assignmentId !== null;
    const repos = scope.repositories;
    const wantsRepos = repos === true || (Array.isArray(repos) && repos.length > 0);
    if (hashes.length === 0 || (!wantsPeers && !wantsRepos)) return [];
    const known = await this.frequent(scope.organisationId, hashes);
    if (known.size) hashes = hashes.filter((h) => !known.has(h));
    if (hashes.length === 0) return [];
    if (this.c.dialect === 'postgres') return this.candidatesPostgres(scope, hashes, limit, wantsPeers, wantsRepos);
    const totals = new Map<number, number>();
    for (let i = 0; i < hashes.length; i += CHUNK) {
      const chunk = hashes.slice(i, i + CHUNK);
      const frequent = (await this.c.db.selectFrom('fingerprints').select('hash').where('organisation_id', '=', scope.organisationId).where('hash', 'in', chunk).groupBy('hash').having((h) => h.fn.countAll(), '>', MAX_POSTINGS).execute()).map((r) => Number(r.hash));
      await this.learnFrequent(scope.organisationId, frequent);
      if (frequent.length === 0) frequent.push(-1);
      const rows = await this.c.db
        .selectFrom('fingerprints as f')
        .select(['f.document_id', (eb) => eb.fn.countAll().as('shared')])
        .where('f.organisation_id', '=', scope.organisationId)
        .where('f.hash', 'in', chunk)
        .where('f.hash', 'not in', frequent)
        .where('f.document_id', '!=', scope.excludeDocumentId)
        .where((eb) => {
          // The unary plus keeps SQLite from probing the index once per (hash, document in
          // scope): with it, each hash's postings are read once and checked against the scope's
          // list, so a lookup costs its postings, not its hashes times the class size.
          const documentId = sql<number>`+"f"."document_id"`;
          const ors = [];
          if (wantsPeers) {
            ors.push(eb(documentId, 'in', eb.selectFrom('documents').select('id').where('assignment_id', '=', scope.assignmentId as number)));
          }
          if (wantsRepos) {
            let sub = eb.selectFrom('repository_documents as rd').innerJoin('repositories as r', 'r.id', 'rd.repository_id').select('rd.document_id').where('r.organisation_id', '=', scope.organisationId);
            if (Array.isArray(repos)) sub = sub.where('r.id', 'in', repos);
            ors.push(eb(documentId, 'in', sub));
          }
          return eb.or(ors);
        })
        .groupBy('f.document_id')
        .execute();
      for (const r of rows) totals.set(r.document_id, (totals.get(r.document_id) ?? 0) + parseCount(r.shared));
    }
    return [...totals]
      .map(([documentId, shared]) => ({ documentId, shared }))
      .sort((a, b) => b.shared - a.shared || a.documentId - b.documentId)
      .slice(0, limit);
  }

  /** Those of `hashes` already known to be in more than MAX_POSTINGS documents of the organisation. */
  private async frequent(organisationId: number, hashes: readonly number[]): Promise<Set<number>> {
    const out = new Set<number>();
    for (let i = 0; i < hashes.length; i += CHUNK) {
      const rows = await this.c.db.selectFrom('frequent_fingerprints').select('hash').where('organisation_id', '=', organisationId).where('hash', 'in', hashes.slice(i, i + CHUNK)).execute();
      for (const r of rows) out.add(Number(r.hash));
    }
    return out;
  }

  private async learnFrequent(organisationId: number, hashes: readonly number[]): Promise<void> {
    if (hashes.length === 0) return;
    await this.c.db.insertInto('frequent_fingerprints').values(hashes.map((hash) => ({ organisation_id: organisationId, hash }))).onConflict((oc) => oc.doNothing()).execute();
  }

  /**
   * The same lookup in one statement for PostgreSQL at repository scale. First, for each
   * fingerprint, whether the organisation holds more than MAX_POSTINGS postings of it: a walk of at
   * most MAX_POSTINGS + 1 entries of the (hash, organisation, document) index that keeps none of
   * them (those found frequent are learnt). Then the postings of the others, read from the index
   * alone; documents are counted, sorted, and only then checked against the scope, lazily (one
   * index probe per document, in order), until `limit` are found. Deciding first costs a second
   * walk of the rare fingerprints' few postings and saves keeping and grouping up to
   * MAX_POSTINGS + 1 postings of each frequent one not learnt yet: the first checks after a bulk
   * import, whose lookups meet many of those, take about half the time (docs/benchmarks.md).
   */
  private async candidatesPostgres(scope: CandidateScope, hashes: readonly number[], limit: number, wantsPeers: boolean, wantsRepos: boolean): Promise<Candidate[]> {
    const repos = scope.repositories;
    const inScope = [];
    if (wantsPeers) inScope.push(sql`s.document_id IN (SELECT id FROM documents WHERE assignment_id = ${scope.assignmentId as number})`);
    if (wantsRepos) {
      const only = Array.isArray(repos) ? sql`AND r.id IN (${sql.join(repos)})` : sql``;
      // OFFSET 0 keeps this a per-row test (PostgreSQL does not turn an EXISTS with an OFFSET into
      // a semi-join or a hashed subplan): without it the planner may hash every document of the
      // repository (a sequential scan of repository_documents, 1,000,000 rows at repository scale)
      // where only the first `limit` candidates need looking up.
      inScope.push(sql`EXISTS (SELECT 1 FROM repository_documents rd JOIN repositories r ON r.id = rd.repository_id WHERE rd.document_id = s.document_id AND r.organisation_id = ${scope.organisationId} ${only} OFFSET 0)`);
    }
    const cap = Number.isFinite(limit) ? sql`LIMIT ${Math.max(0, Math.floor(limit))}` : sql``;
    const result = await sql<{ document_id: number; shared: number }>`
      WITH q AS (SELECT DISTINCT h AS hash FROM unnest(${[...hashes]}::bigint[]) AS t(h)),
      c AS MATERIALIZED (
        SELECT q.hash, EXISTS (
          SELECT 1 FROM fingerprints f WHERE f.organisation_id = ${scope.organisationId} AND f.hash = q.hash OFFSET ${MAX_POSTINGS}) AS frequent
        FROM q),
      learnt AS (INSERT INTO frequent_fingerprints (organisation_id, hash)
        SELECT ${scope.organisationId}, hash FROM c WHERE frequent
        ON CONFLICT DO NOTHING),
      g AS (
        SELECT f.document_id, count(*)::int AS shared FROM c CROSS JOIN LATERAL (
          SELECT document_id FROM fingerprints WHERE organisation_id = ${scope.organisationId} AND hash = c.hash) f
        WHERE NOT c.frequent AND f.document_id <> ${scope.excludeDocumentId}
        GROUP BY f.document_id)
      SELECT s.document_id, s.shared FROM (SELECT document_id, shared FROM g ORDER BY shared DESC, document_id OFFSET 0) s
      WHERE ${sql.join(inScope, sql` OR `)}
      ORDER BY s.shared DESC, s.document_id
      ${cap}`.execute(this.c.db);
    return result.rows.map((r) => ({ documentId: r.document_id, shared: Number(r.shared) }));
  }
}
