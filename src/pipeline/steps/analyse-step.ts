import { nowIso, type DocumentRow, type PairResultRow, type Store } from '../../store/index.js';
import { enqueueNotify, jobKeys } from '../../services/document-service.js';
import { parseOptions } from '../../services/document-options.js';
import { DEFAULT_SETTINGS, parseSettings, type AssignmentSettings } from '../../services/settings.js';
import { publicId } from '../../services/ids.js';
import { alignAgainst, composeText, MAX_CANDIDATES, type Composed } from '../analysis/text-analysis.js';
import { enqueueCodeCheck } from './code-check-step.js';
import { carryExclusions } from '../../report/exclusions.js';
import type { StoredAnalysis } from '../../services/analysis-model.js';
import type { JobHandler } from '../job-types.js';
import { debugDelay, type PipelineDeps } from '../deps.js';

/** Re-compositions asked for within this time collapse into one (a burst of uploads to a class). */
const RECOMPOSE_DELAY_MS = 1000;

/**
 * Asks for a document's report to be composed again (a new peer, text that became common). While
 * one such request waits, others for the same document join it; the job frees the key when it
 * starts, so a change after that queues another one.
 */
export async function enqueueRecompose(tx: Store, documentId: number, reason: string): Promise<void> {
  await tx.jobs.enqueue('analyse', { documentId, reason }, { dedupeKey: jobKeys.analyse(documentId, 'recompose'), runAt: nowIso(RECOMPOSE_DELAY_MS) });
}

/** Statuses of a document whose report may already have been composed (or is being composed). */
const COMPOSED_OR_COMPOSING = new Set(['checking', 'done']);

/** What a reader sees of a report: a version that changes none of it is not stored. */
function sameReport(a: StoredAnalysis, b: StoredAnalysis): boolean {
  const view = (x: StoredAnalysis) => JSON.stringify([x.similarity, x.factor1, x.factor2, x.sources, x.exclusions, x.excluded ?? null, x.settings, x.scopes]);
  return view(a) === view(b);
}

/**
 * analyse: composes the document's report from pair results (see composeText) and stores it as
 * a new version. The first check of a document asks the peers whose candidates it enters to
 * compose theirs again, which adds only the new pair to each (re-compositions do not cascade,
 * and one that changes nothing stores no version).
 */
export function analyseStep(deps: PipelineDeps): JobHandler {
  return async ({ job, payload, finish, signal }) => {
    const documentId = Number(payload.documentId);
    const reason = String(payload.reason ?? 'initial');
    const recompose = reason === 'peers' || reason === 'common';
    if (recompose) await deps.store.jobs.clearDedupe(job.id);
    const doc = await deps.store.documents.byId(documentId);
    if (!doc || doc.status === 'deleted' || doc.status === 'failed') return;
    if (recompose && doc.status !== 'done') {
      // Its first check is running: compose again once that has stored its version. (One not
      // started yet, or held back, will see everything there is when it runs.)
      if (doc.status === 'checking') await finish(async (tx) => enqueueRecompose(tx, doc.id, reason));
      return;
    }
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
    const previous = await deps.store.analyses.latest(doc.id);
    const previousAnalysis = previous ? (JSON.parse(previous.result) as StoredAnalysis) : null;
    const composed = await composeText(deps.store, doc, text.text, settings, scopes, reason, previousAnalysis?.ai);
    // Exclusions an instructor made in the viewer survive re-checks.
    const analysis = carryExclusions(previousAnalysis, composed.analysis, text.text);
    const peers: number[] = [];
    const quiet: PairResultRow[] = [];
    const reversePairs: PairResultRow[] = [];
    if (reason === 'initial') {
      // Earlier peers this document may join: their pair against it is aligned now, and only a
      // peer whose report can change (a match, or a full candidate list) composes again.
      const candidates = await peersToRecompose(deps.store, doc, composed);
      const plain = candidates.filter((c) => c.floor === 0 && !c.ownSettings).map((c) => c.id);
      const aligned = await alignAgainst(deps.store, doc.id, text.text, plain, settings);
      for (const c of candidates) {
        const pair = aligned.get(c.id);
        if (pair) reversePairs.push(pair);
        if (pair && pair.matches === 0) quiet.push(pair);
        else peers.push(c.id);
      }
    }
    await finish(async (tx) => {
      const current = await tx.documents.byId(doc.id);
      if (!current || current.status === 'deleted') return;
      await tx.pairs.put(composed.newPairs);
      await tx.pairs.put(reversePairs.map(({ document_id, source_id, options_key, result, created_at }) => ({ document_id, source_id, options_key, result, created_at })));
      await tx.pairs.setFloor(doc.id, composed.floor, composed.candidates, nowIso());
      // A peer that gains no match keeps its report, unless its candidate list was full.
      for (const pair of quiet) if (!(await tx.pairs.addCandidate(pair.document_id, MAX_CANDIDATES, nowIso()))) peers.push(pair.document_id);
      // One order for every writer: their job keys never wait on each other in a cycle.
      for (const peer of peers.sort((a, b) => a - b)) await enqueueRecompose(tx, peer, 'peers');
      const unchanged = reason !== 'initial' && current.status === 'done' && previousAnalysis !== null && sameReport(previousAnalysis, analysis);
      if (unchanged) return;
      const row = await tx.analyses.add({ public_id: publicId('rpt'), document_id: doc.id, similarity: analysis.similarity, result: JSON.stringify(analysis), created_at: nowIso() });
      await tx.documents.update(doc.id, { status: 'done', similarity: analysis.similarity, updated_at: nowIso() });
      if (options.to_repository || settings.add_to_repository) {
        await tx.jobs.enqueue('index', { documentId: doc.id }, { dedupeKey: `index:${doc.id}` });
      }
      const event = reason === 'initial' && current.status !== 'done' ? 'document.done' : 'document.changed';
      await enqueueNotify(tx, doc.id, event, `v${row.version}`, row.version);
    });
  };
}

/**
 * Peers whose report may gain this new document: those it shares fingerprints with, unless their
 * last composition already kept MAX_CANDIDATES candidates sharing more (it cannot enter those).
 * A peer not composed yet will see this document when it is. `floor` is undefined for a peer
 * being composed now, 0 for one whose candidate list was not full.
 */
async function peersToRecompose(store: Store, doc: DocumentRow, composed: Composed): Promise<{ id: number; floor: number | undefined; ownSettings: boolean }[]> {
  if (composed.peerShares.length === 0) return [];
  const ids = composed.peerShares.map((c) => c.documentId);
  const floors = await store.pairs.floors(ids);
  const rows = new Map((await store.documents.byIds(ids)).map((d) => [d.id, d]));
  return composed.peerShares
    .filter((c) => {
      const peer = rows.get(c.documentId);
      if (!peer || !COMPOSED_OR_COMPOSING.has(peer.status) || peer.id === doc.id) return false;
      const floor = floors.get(c.documentId);
      return floor === undefined || c.shared >= floor;
    })
    .map((c) => ({ id: c.documentId, floor: floors.get(c.documentId), ownSettings: parseOptions(rows.get(c.documentId)!.options).settings !== undefined }));
}
