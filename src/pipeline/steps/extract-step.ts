import { nowIso } from '../../store/index.js';
import { extractDocumentIsolated } from '../../extract/index.js';
import { loadStemmers, textFingerprints } from '../../engine/index.js';
import { preparedText } from '../analysis/prepared-cache.js';
import { enqueueNotify, jobKeys } from '../../services/document-service.js';
import { parseOptions } from '../../services/document-options.js';
import type { JobHandler } from '../job-types.js';
import { debugDelay, type PipelineDeps } from '../deps.js';
import { COMMON_TEXT_MIN_DOCUMENTS } from '../analysis/text-analysis.js';
import { enqueueRecompose } from './analyse-step.js';
import { parseSettings } from '../../services/settings.js';
import { detectLanguage } from '../../code-tokens/index.js';

/**
 * A code assignment without a language setting reads each file's language from its extension: a
 * submission none of whose files it can read (an essay, code saved as .txt) would be compared as
 * nothing and end `done` at 0 %. Returns the reason it fails instead, or null.
 */
function noSourceCode(settingsJson: string, filename: string | null, files: { path: string }[] | undefined): string | null {
  if (parseSettings(settingsJson).language) return null;
  const paths = files && files.length ? files.map((f) => f.path) : [filename || 'submission.txt'];
  if (paths.some((p) => detectLanguage(p))) return null;
  const named = paths.slice(0, 3).join(', ') + (paths.length > 3 ? `, … (${paths.length} files)` : '');
  return `no_source_code: no file is in a programming language recognised by its extension (${named}); upload the source files or a ZIP of them, or set the assignment's "language" setting`;
}

/** extract: bytes → text with counts and signals; the text's fingerprints go into the index. */
export function extractStep(deps: PipelineDeps): JobHandler {
  return async ({ payload, finish, signal }) => {
    const documentId = Number(payload.documentId);
    const doc = await deps.store.documents.byId(documentId);
    if (!doc || doc.status === 'deleted') return;
    if (doc.status !== 'queued' && doc.status !== 'converting') return; // already past this step
    if (doc.status === 'queued') {
      await deps.store.transaction(async (tx) => {
        await tx.documents.update(doc.id, { status: 'converting', updated_at: nowIso() });
        await enqueueNotify(tx, doc.id, 'document.processing', 'extract');
      });
    }
    await debugDelay(deps, 'extract', signal);
    const bytes = doc.blob_key ? await deps.blobs.get(doc.blob_key) : null;
    if (!bytes) {
      deps.metrics?.extractionFailed('missing_file');
      await finish(async (tx) => {
        await tx.documents.update(doc.id, { status: 'failed', reason: 'the uploaded file is missing from storage', updated_at: nowIso() });
        await enqueueNotify(tx, doc.id, 'document.failed', 'extract');
      });
      return;
    }
    // Untrusted bytes are read in a separate process with memory and time limits.
    const outcome = await extractDocumentIsolated(bytes, { filename: doc.filename, mime: doc.mime }, { timeoutMs: 120_000 });
    if (!outcome.ok) {
      deps.metrics?.extractionFailed(outcome.code);
      await finish(async (tx) => {
        await tx.documents.update(doc.id, { status: 'failed', reason: outcome.reason, updated_at: nowIso() });
        await enqueueNotify(tx, doc.id, 'document.failed', 'extract');
      });
      return;
    }
    const { extraction } = outcome;
    const minWords = parseOptions(doc.options).min_words;
    if (minWords && extraction.counts.words < minWords) {
      deps.metrics?.extractionFailed('too_few_words');
      await finish(async (tx) => {
        await tx.documents.update(doc.id, { status: 'failed', reason: `too_few_words: the document has ${extraction.counts.words} words; at least ${minWords} are required`, updated_at: nowIso() });
        await enqueueNotify(tx, doc.id, 'document.failed', 'extract');
      });
      return;
    }
    const assignment = doc.assignment_id ? await deps.store.assignments.byId(doc.assignment_id) : undefined;
    const notCode = assignment?.kind === 'code' ? noSourceCode(assignment.settings, doc.filename, extraction.files) : null;
    if (notCode) {
      deps.metrics?.extractionFailed('no_source_code');
      await finish(async (tx) => {
        await tx.documents.update(doc.id, { status: 'failed', reason: notCode, updated_at: nowIso() });
        await enqueueNotify(tx, doc.id, 'document.failed', 'extract');
      });
      return;
    }
    await loadStemmers();
    // Kept in the cache: the analysis that follows (usually in this process) needs it again.
    const prepared = preparedText(doc.id, extraction.text);
    const hashes = textFingerprints(prepared);
    const { text, ...meta } = extraction;
    await finish(async (tx) => {
      const current = await tx.documents.byId(doc.id);
      if (!current || current.status === 'deleted') return;
      const options = parseOptions(current.options);
      await tx.documents.putText(doc.id, text, JSON.stringify(meta));
      // A text assignment counts its documents per fingerprint: text in enough of them is common.
      const counted = assignment && assignment.kind !== 'code' ? { id: assignment.id, commonAt: COMMON_TEXT_MIN_DOCUMENTS } : undefined;
      const becameCommon = await tx.fingerprints.replace(doc.id, doc.organisation_id, hashes, counted);
      if (counted && becameCommon.length) {
        // Reports that matched this text as a passage now leave it out as common text.
        const holders = await tx.fingerprints.documentsWith(doc.organisation_id, counted.id, becameCommon);
        for (const holder of await tx.documents.byIds(holders.filter((id) => id !== doc.id))) {
          if (holder.status === 'checking' || holder.status === 'done' || holder.status === 'converted') await enqueueRecompose(tx, holder.id, 'common');
        }
      }
      await tx.documents.update(doc.id, {
        status: 'converted',
        language: extraction.language,
        char_count: extraction.counts.characters,
        word_count: extraction.counts.words,
        page_count: extraction.counts.pages,
        updated_at: nowIso(),
      });
      // Text is ready: announced before any check starts (PlagScan's conversion callback).
      await enqueueNotify(tx, doc.id, 'document.converted', 'extract');
      if (options.index_only) {
        await tx.jobs.enqueue('index', { documentId: doc.id, finish: true }, { dedupeKey: `index:${doc.id}:only` });
      } else if (!options.hold) {
        await tx.jobs.enqueue('analyse', { documentId: doc.id, reason: 'initial' }, { dedupeKey: jobKeys.analyse(doc.id, 'initial') });
      }
    });
  };
}
