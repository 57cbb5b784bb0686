import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unzipSync } from 'fflate';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import { looseBool, looseInt, looseString, type WireFile } from '../shared/index.js';
import { CqError, demoReadOnly, invalidCheck, principalOf, validationError } from './errors.js';
import type { CheckState, CodequiryChecks } from './checks.js';
import { availableLanguages, languageById } from './languages.js';
import { checkObject, STATUS, STATUS_TEXT, submissionName, submissionObject, checkStatus, isFinished, startedDocs } from './wire.js';
import { linkOrigin } from '../../api/trusted-proxies.js';

const ANY: ('GET' | 'POST')[] = ['GET', 'POST'];
export const MAX_ZIP_BYTES = 10 * 1024 * 1024;
export const MAX_BATCH_FILES = 50;

export const WEBCHECK_UNAVAILABLE = 'Web check is not available on this server (it runs offline); the check compares submissions with each other and, with dbcheck, with the organisation repository.';

const params = (req: FastifyRequest) => req.wire!.params;
const isZip = (f: WireFile) => f.bytes.length >= 4 && f.bytes[0] === 0x50 && f.bytes[1] === 0x4b && (f.bytes[2] === 3 || f.bytes[2] === 5) && (f.bytes[3] === 4 || f.bytes[3] === 6);

/** Why a file cannot be a submission, or null. */
function zipProblem(f: WireFile): string | null {
  if (f.bytes.length > MAX_ZIP_BYTES) return 'The file may not be greater than 10240 kilobytes.';
  if (!isZip(f)) return 'The file must be a file of type: zip.';
  return null;
}

/** True when the ZIP's central directory can be read (nothing is decompressed: every member is skipped). */
function zipReadable(f: WireFile): boolean {
  try {
    unzipSync(f.bytes, { filter: () => false });
    return true;
  } catch {
    return false;
  }
}

/**
 * The batch document's validation (422 with `validation_errors`, nothing stored): no files, more
 * than 50, or any file over 10 MB or not a ZIP (`mimes:zip`, i.e. by its content). Files that pass
 * and still fail (a damaged ZIP) are reported per file in `failed_uploads` of a 200.
 */
function validateBatch(files: WireFile[]): void {
  if (!files.length) throw validationError({ files: 'The files field is required.' });
  if (files.length > MAX_BATCH_FILES) throw validationError({ files: `The files may not have more than ${MAX_BATCH_FILES} items.` });
  const fields: Record<string, string> = {};
  files.forEach((f, i) => {
    if (f.bytes.length > MAX_ZIP_BYTES) fields[`files.${i}`] = `The files.${i} may not be greater than 10240 kilobytes.`;
    else if (!isZip(f)) fields[`files.${i}`] = `The files.${i} must be a file of type: zip.`;
  });
  if (Object.keys(fields).length) throw validationError(fields);
}

export async function loadCheck(checks: CodequiryChecks, p: Principal, raw: unknown): Promise<CheckState> {
  const id = looseInt(raw);
  if (raw === undefined || raw === null || raw === '') throw validationError({ check_id: 'The check id field is required.' });
  if (id === undefined) throw validationError({ check_id: 'The check id must be an integer.' });
  const st = await checks.load(p, id);
  if (!st) throw invalidCheck();
  return st;
}

function createFrom(raw: Record<string, unknown>) {
  const name = looseString(raw.name)?.trim() ?? '';
  const lang = languageById(looseInt(raw.language));
  if (!lang) throw new CqError(422, 'Invalid language id provided.', { available_languages: availableLanguages(), validation_errors: { language: ['The selected language is invalid.'] } });
  if (name.length < 3) throw validationError({ name: 'The name must be at least 3 characters.' });
  if (name.length > 300) throw validationError({ name: 'The name may not be greater than 300 characters.' });
  return { name, lang };
}

/**
 * lechien73's client builds `check_id=2810?webcheck=1?dbcheck=1`: the flags it meant are read out of
 * the check_id value (explicit parameters win).
 */
function embeddedFlags(raw: Record<string, unknown>): Record<string, unknown> {
  const id = looseString(raw.check_id) ?? '';
  const out: Record<string, unknown> = {};
  for (const m of id.matchAll(/[?&](\w+)=([^?&]*)/g)) out[m[1]] = m[2];
  return { ...out, ...raw };
}

function startOptions(given: Record<string, unknown>) {
  const raw = embeddedFlags(given);
  const typed = raw.test_type !== undefined && raw.test_type !== null && raw.test_type !== '';
  const testType = looseInt(raw.test_type);
  // Unreadable ("abc", true, {}) is as invalid as out of range; omitted or empty means no type.
  if (typed && (testType === undefined || testType < 1 || testType > 14)) throw validationError({ test_type: 'The selected test type is invalid.' });
  return { dbcheck: looseBool(raw.dbcheck) ?? false, webcheck: looseBool(raw.webcheck) ?? false, testType: typed ? testType! : null };
}

async function uploadMany(checks: CodequiryChecks, p: Principal, st: CheckState, files: WireFile[]) {
  const uploaded = [];
  const failed = [];
  for (const f of files) {
    if (zipProblem(f) || !zipReadable(f)) {
      failed.push({ file: f.filename, filename: f.filename, error: 'Invalid or corrupted file' });
      continue;
    }
    try {
      const doc = await checks.upload(p, st, f.filename || 'submission.zip', f.bytes);
      uploaded.push({ id: doc.id, filename: submissionName(doc.filename ?? ''), file_size: doc.size, status_id: STATUS.ready });
    } catch (err) {
      failed.push({ file: f.filename, filename: f.filename, error: err instanceof Error ? err.message : 'Upload failed' });
    }
  }
  return { uploaded, failed };
}

async function started(services: Services, checks: CodequiryChecks, p: Principal, st: CheckState, o: ReturnType<typeof startOptions>, req: FastifyRequest) {
  if (st.rec.demo) throw demoReadOnly();
  if (!st.docs.length) throw new CqError(422, 'No submissions have been uploaded to this check.');
  await checks.start(p, st, o);
  const base = linkOrigin(req, services.ctx.publicUrl);
  const checkURL = `${base}/app/#/assignments/${encodeURIComponent(st.assignment.public_id)}`;
  return {
    check: checkObject(st.assignment, st.rec, st.docs),
    status: STATUS_TEXT[checkStatus(st.rec, st.docs)],
    dbcheck: o.dbcheck ? 1 : 0,
    // Web search never runs offline: reported as not run, with the reason.
    webcheck: 0,
    ...(o.webcheck ? { webcheck_message: WEBCHECK_UNAVAILABLE } : {}),
    submission_count: st.docs.length,
    checkURL,
    dashURL: checkURL,
    check_url: checkURL,
    dash_url: checkURL,
  };
}

function statusBody(st: CheckState) {
  const status = checkStatus(st.rec, st.docs);
  const active = startedDocs(st.rec, st.docs);
  const completed = active.filter(isFinished).length;
  return {
    check_id: st.assignment.id,
    status_id: status,
    status: STATUS_TEXT[status],
    status_message: STATUS_TEXT[status],
    progress: active.length ? Math.round((completed / active.length) * 100) : 0,
    submissions_total: st.docs.length,
    submissions_completed: completed,
    // Origo does not predict how long a check takes.
    estimated_completion: null,
  };
}

/** /check/create, /check/upload, /check/upload-batch, /check/start, /check/status, /check/get, /check/quick. */
export function registerCheckRoutes(app: FastifyInstance, services: Services, checks: CodequiryChecks): void {
  app.post('/check/create', async (req, reply) => {
    const p = principalOf(req);
    const { name, lang } = createFrom(params(req));
    const st = await checks.create(p, name, lang);
    return reply.code(201).send(checkObject(st.assignment, st.rec, st.docs));
  });

  app.post('/check/upload', async (req) => {
    const p = principalOf(req);
    const st = await loadCheck(checks, p, params(req).check_id);
    if (st.rec.demo) throw demoReadOnly();
    const file = req.wire!.files.find((f) => f.field === 'file') ?? req.wire!.files[0];
    if (!file) throw validationError({ file: 'The file field is required.' });
    const problem = zipProblem(file);
    if (problem) throw validationError({ file: problem });
    const doc = await checks.upload(p, st, file.filename || 'submission.zip', file.bytes);
    const started = st.rec.started_at !== null;
    const data = submissionObject(doc, submissionName(doc.filename ?? ''), started, { peer: null, repository: null, total: null });
    return { ...data, data: [data], check: checkObject(st.assignment, st.rec, st.docs), file: doc.filename, submission_count: st.docs.length };
  });

  app.post('/check/upload-batch', async (req) => {
    const p = principalOf(req);
    const st = await loadCheck(checks, p, params(req).check_id);
    if (st.rec.demo) throw demoReadOnly();
    const files = req.wire!.files.filter((f) => f.field === 'files' || f.field === 'files[]');
    validateBatch(files);
    const { uploaded, failed } = await uploadMany(checks, p, st, files);
    return {
      success: true,
      message: `Uploaded ${uploaded.length} file(s) successfully`,
      uploaded,
      uploaded_count: uploaded.length,
      failed_count: failed.length,
      failed_uploads: failed,
      check: checkObject(st.assignment, st.rec, st.docs),
    };
  });

  app.route({
    method: ANY,
    url: '/check/start',
    handler: async (req) => {
      const p = principalOf(req);
      const st = await loadCheck(checks, p, params(req).check_id);
      return started(services, checks, p, st, startOptions(params(req)), req);
    },
  });

  app.route({
    method: ANY,
    url: '/check/status',
    handler: async (req) => statusBody(await loadCheck(checks, principalOf(req), params(req).check_id)),
  });
  app.get<{ Params: { id: string } }>('/checks/:id/status', async (req) => statusBody(await loadCheck(checks, principalOf(req), req.params.id)));

  const getCheck = async (st: CheckState) => {
    const started = st.rec.started_at !== null;
    const submissions = [];
    for (const d of st.docs) submissions.push(submissionObject(d, submissionName(d.filename ?? ''), started, checks.scores(await checks.analysis(d), st.rec)));
    return { check: checkObject(st.assignment, st.rec, st.docs), status: STATUS_TEXT[checkStatus(st.rec, st.docs)], submission_count: st.docs.length, submissions };
  };
  app.route({
    method: ANY,
    url: '/check/get',
    handler: async (req) => {
      const p = principalOf(req);
      return getCheck(await loadCheck(checks, p, params(req).check_id));
    },
  });
  app.get<{ Params: { id: string } }>('/checks/:id', async (req) => {
    const p = principalOf(req);
    return getCheck(await loadCheck(checks, p, req.params.id));
  });

  // `/check/quick` and the `POST /check` of Codequiry's marketing snippet: create, upload and start in one call.
  const quick = async (req: FastifyRequest) => {
    const p = principalOf(req);
    const raw = params(req);
    const files = req.wire!.files.filter((f) => f.field === 'files' || f.field === 'files[]' || f.field === 'file');
    validateBatch(files);
    const o = startOptions(raw);
    const { name, lang } = createFrom(raw);
    const st = await checks.create(p, name, lang);
    const { uploaded, failed } = await uploadMany(checks, p, st, files);
    const start = uploaded.length ? await started(services, checks, p, st, o, req) : { check: checkObject(st.assignment, st.rec, st.docs) };
    return { success: uploaded.length > 0, ...start, uploaded, uploaded_count: uploaded.length, failed_count: failed.length, failed_uploads: failed };
  };
  app.post('/check/quick', quick);
  app.post('/check', quick);

}
