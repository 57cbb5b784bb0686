import type { RepositoryRow } from '../store/index.js';
import type { ServiceContext } from './context.js';
import type { Principal } from './principal.js';
import { require as requireAction } from './policy.js';

export type RepositoryListing = RepositoryRow & { documents: number };

/** Read-only view of an organisation's reference repositories (for vendor APIs that list them). */
export class RepositoryCatalogue {
  constructor(private readonly ctx: ServiceContext) {}

  async list(p: Principal): Promise<RepositoryListing[]> {
    // The same action the native GET /api/v1/repositories requires (students have none).
    requireAction(p, 'repositories.read');
    const rows = await this.ctx.store.repositories.list(p.organisationId);
    // An instructor is told how many documents it reaches, not how many the repository holds.
    if (requireAction(p, 'documents.read') === 'own') {
      for (const r of rows) r.documents = (await this.ctx.store.documents.list(p.organisationId, { repositoryId: r.id, reachableBy: p.userId ?? -1 }, { limit: 1, offset: 0 })).total;
    }
    return rows;
  }

  /** One repository of the caller's organisation by its internal id, or undefined. */
  async byId(p: Principal, id: number): Promise<RepositoryListing | undefined> {
    return (await this.list(p)).find((r) => r.id === id);
  }
}
