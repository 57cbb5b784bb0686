import { nowIso, type Store } from '../../store/index.js';
import { enqueueNotify } from '../../services/document-service.js';
import { parseOptions } from '../../services/document-options.js';
import { languageProblem, parseSettings } from '../../services/settings.js';
import { publicId } from '../../services/ids.js';
import { analyseCodeGroup, codeCheckMembers } from '../analysis/code-analysis.js';
import type { JobHandler } from '../job-types.js';
import { debugDelay, type PipelineDeps } from '../deps.js';

/** Queues a group check of a code assignment; checks asked for while one is queued collapse into it. */
export async function enqueueCodeCheck(tx: Store, assignmentId: number, reason: string): Promise<void> {
  await tx.jobs.enqueue('code-check', { assignmentId, reason }, { dedupeKey: `code-check:${assignmentId}:pending`, runAt: nowIso(500) });
}

/**
 * code-check: compares every ready submission of a code assignment with every other in one engine
 * run (tokenising each once) and stores a new report version for each submission whose result
 * changed. Submissions held back (not started) take no part.
 */
export function codeCheckStep(deps: PipelineDeps): JobHandler {
  return async ({ job, payload, finish, signal }) => {
    // From here on, a new request for a check queues another job: nothing that becomes ready later is missed.
    await deps.store.jobs.clearDedupe(job.id);
    const assignment = await deps.store.assignments.byId(Number(payload.assignmentId));
    if (!assignment) return;
    const settings = parseSettings(assignment.settings);
    const members = (await codeCheckMembers(deps.store, assignment.id, assignment.organisation_id, settings.check_repository)).filter(
      (m) => m.scope === 'repository' || !parseOptions(m.doc.options).hold,
    );
    const fresh = members.filter((m) => m.scope === 'peer' && m.doc.status === 'converted');
    // Settings stored before languages were checked can name one the tokenizer does not know:
    // retrying cannot help, so the waiting submissions fail now with the reason.
    const badLanguage = languageProblem(settings.language);
    if (badLanguage) {
      await finish(async (tx) => {
        for (const m of members) {
          if (m.scope !== 'peer' || (m.doc.status !== 'converted' && m.doc.status !== 'checking')) continue;
          await tx.documents.update(m.doc.id, { status: 'failed', reason: `the assignment's code language setting is invalid: ${badLanguage}`, updated_at: nowIso() });
          await enqueueNotify(tx, m.doc.id, 'document.failed', 'code-check');
        }
      });
      return;
    }
    if (fresh.length) {
      await deps.store.transaction(async (tx) => {
        for (const m of fresh) await tx.documents.update(m.doc.id, { status: 'checking', updated_at: nowIso() });
      });
    }
    await debugDelay(deps, 'analyse', signal);
    const analyses = await analyseCodeGroup(members, settings, String(payload.reason ?? 'group'));
    await finish(async (tx) => {
      for (const [docId, analysis] of analyses) {
        const current = await tx.documents.byId(docId);
        if (!current || current.status === 'deleted' || current.status === 'failed') continue;
        const latest = await tx.analyses.latest(docId);
        const same = latest && current.status === 'done' && JSON.stringify(JSON.parse(latest.result).sources) === JSON.stringify(analysis.sources);
        if (same) continue;
        const row = await tx.analyses.add({ public_id: publicId('rpt'), document_id: docId, similarity: analysis.similarity, result: JSON.stringify(analysis), created_at: nowIso() });
        await tx.documents.update(docId, { status: 'done', similarity: analysis.similarity, updated_at: nowIso() });
        await enqueueNotify(tx, docId, current.status === 'done' ? 'document.changed' : 'document.done', `v${row.version}`, row.version);
      }
    });
  };
}
