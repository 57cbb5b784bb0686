import { nowIso } from '../../store/index.js';
import { enqueueNotify } from '../../services/document-service.js';
import type { JobHandler } from '../job-types.js';
import type { PipelineDeps } from '../deps.js';

/** index: adds a checked (or index-only) document to its organisation's default repository. */
export function indexStep(deps: PipelineDeps): JobHandler {
  return async ({ payload, finish }) => {
    const doc = await deps.store.documents.byId(Number(payload.documentId));
    if (!doc || doc.status === 'deleted' || doc.status === 'failed') return;
    const repo = await deps.store.repositories.defaultOf(doc.organisation_id);
    if (!repo) throw new Error(`organisation ${doc.organisation_id} has no default repository`);
    await finish(async (tx) => {
      await tx.repositories.addDocument(repo.id, doc.id, nowIso());
      if (payload.finish === true) {
        await tx.documents.update(doc.id, { status: 'done', updated_at: nowIso() });
        await enqueueNotify(tx, doc.id, 'document.done', 'indexed');
      }
    });
  };
}
