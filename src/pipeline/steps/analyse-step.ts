import { nowIso } from '../../store/index.js';
import { enqueueNotify, jobKeys } from '../../services/document-service.js';
import { parseOptions } from '../../services/document-options.js';
import { DEFAULT_SETTINGS, parseSettings, type AssignmentSettings } from '../../services/settings.js';
import { publicId } from '../../services/ids.js';
import { analyseText } from '../analysis/text-analysis.js';
import { enqueueCodeCheck } from './code-check-step.js';
import { carryExclusions } from '../../report/exclusions.js';
import type { StoredAnalysis } from '../../services/analysis-model.js';
import type { JobHandler } from '../job-types.js';
import { debugDelay, type PipelineDeps } from '../deps.js';

/**
 * analyse: compares the document with its candidate sources and stores a new report version.
 * The first check of a document also re-checks the peers it matched, so that both sides of a
 * shared passage show it (those re-checks do not cascade).
 */
export function analyseStep(deps: PipelineDeps): JobHandler {
  return async ({ payload, finish, signal }) => {
    const documentId = Number(payload.documentId);
    const reason = String(payload.reason ?? 'initial');
    const doc = await deps.store.documents.byId(documentId);
    if (!doc || doc.status === 'deleted' || doc.status === 'failed') return;
    const text = await deps.store.documents.text(doc.id);
    if (!text) throw new Error(`document ${doc.id} has no extracted text`);
    const assignment = doc.assignment_id ? await deps.store.assignments.byId(doc.assignment_id) : undefined;
    if (assignment?.kind === 'code') {
      // Code is checked as a group: every submission of the assignment in one engine run.
      await finish(async (tx) => enqueueCodeCheck(tx, assignment.id, reason));
      return;
    }
    if (reason === 'initial' && doc.status !== 'checking') {
      await deps.store.documents.update(doc.id, { status: 'checking', updated_at: nowIso() });
    }
    await debugDelay(deps, 'analyse', signal);
    const options = parseOptions(doc.options);
    const settings: AssignmentSettings = { ...(assignment ? parseSettings(assignment.settings) : DEFAULT_SETTINGS), ...(options.settings ?? {}) };
    const scopes = {
      peers: options.check_peers ?? (assignment ? settings.check_peers : false),
      repository: options.check_repository ?? (assignment ? settings.check_repository : true),
    };
    const fresh = await analyseText(deps.store, doc, text.text, settings, scopes, reason);
    // Exclusions an instructor made in the viewer survive re-checks.
    const previous = await deps.store.analyses.latest(doc.id);
    const analysis = carryExclusions(previous ? (JSON.parse(previous.result) as StoredAnalysis) : null, fresh, text.text);

    await finish(async (tx) => {
      const current = await tx.documents.byId(doc.id);
      if (!current || current.status === 'deleted') return;
      const row = await tx.analyses.add({ public_id: publicId('rpt'), document_id: doc.id, similarity: analysis.similarity, result: JSON.stringify(analysis), created_at: nowIso() });
      await tx.documents.update(doc.id, { status: 'done', similarity: analysis.similarity, updated_at: nowIso() });
      if (options.to_repository || settings.add_to_repository) {
        await tx.jobs.enqueue('index', { documentId: doc.id }, { dedupeKey: `index:${doc.id}` });
      }
      const event = reason === 'initial' && current.status !== 'done' ? 'document.done' : 'document.changed';
      await enqueueNotify(tx, doc.id, event, `v${row.version}`, row.version);
      if (reason === 'initial') {
        for (const s of analysis.sources) {
          if (s.scope !== 'peer') continue;
          const peer = await tx.documents.byId(s.document_id);
          if (peer && peer.status === 'done') {
            await tx.jobs.enqueue('analyse', { documentId: peer.id, reason: `peer:${doc.id}` }, { dedupeKey: jobKeys.analyse(peer.id, `peer:${doc.id}`) });
          }
        }
      }
    });
  };
}
