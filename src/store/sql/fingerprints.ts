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

/** The inverted index: winnowed fingerprints of every indexed document, looked up by hash. */
export class FingerprintRepo {
  constructor(private readonly c: SqlContext) {}

  async replace(documentId: number, organisationId: number, hashes: readonly number[]): Promise<void> {
    await this.c.db.deleteFrom('fingerprints').where('document_id', '=', documentId).execute();
    for (let i = 0; i < hashes.length; i += CHUNK) {
      const rows = hashes.slice(i, i + CHUNK).map((hash) => ({ document_id: documentId, organisation_id: organisationId, hash }));
      await this.c.db.insertInto('fingerprints').values(rows).execute();
    }
  }

  async delete(documentId: number): Promise<void> {
    await this.c.db.deleteFrom('fingerprints').where('document_id', '=', documentId).execute();
  }

  async count(documentId: number): Promise<number> {
    const { n } = await this.c.db.selectFrom('fingerprints').select((eb) => eb.fn.countAll().as('n')).where('document_id', '=', documentId).executeTakeFirstOrThrow();
    return parseCount(n);
  }

  /** Documents in scope sharing fingerprints with `hashes`, most shared first. */
  async candidates(scope: CandidateScope, hashes: readonly number[], limit: number): Promise<Candidate[]> {
    const wantsPeers = scope.assignmentId !== undefined && scope.assignmentId !== null;
    const repos = scope.repositories;
    const wantsRepos = repos === true || (Array.isArray(repos) && repos.length > 0);
    if (hashes.length === 0 || (!wantsPeers && !wantsRepos)) return [];
    const totals = new Map<number, number>();
    for (let i = 0; i < hashes.length; i += CHUNK) {
      const chunk = hashes.slice(i, i + CHUNK);
      const rows = await this.c.db
        .selectFrom('fingerprints as f')
        .select(['f.document_id', (eb) => eb.fn.countAll().as('shared')])
        .where('f.organisation_id', '=', scope.organisationId)
        .where('f.hash', 'in', chunk)
        .where('f.document_id', '!=', scope.excludeDocumentId)
        .where((eb) => {
          const ors = [];
          if (wantsPeers) {
            ors.push(eb('f.document_id', 'in', eb.selectFrom('documents').select('id').where('assignment_id', '=', scope.assignmentId as number)));
          }
          if (wantsRepos) {
            let sub = eb.selectFrom('repository_documents as rd').innerJoin('repositories as r', 'r.id', 'rd.repository_id').select('rd.document_id').where('r.organisation_id', '=', scope.organisationId);
            if (Array.isArray(repos)) sub = sub.where('r.id', 'in', repos);
            ors.push(eb('f.document_id', 'in', sub));
          }
          return eb.or(ors);
        })
        .groupBy('f.document_id')
        .execute();
      for (const r of rows) totals.set(r.document_id, (totals.get(r.document_id) ?? 0) + parseCount(r.shared));
    }
    void sql;
    return [...totals]
      .map(([documentId, shared]) => ({ documentId, shared }))
      .sort((a, b) => b.shared - a.shared || a.documentId - b.documentId)
      .slice(0, limit);
  }
}
