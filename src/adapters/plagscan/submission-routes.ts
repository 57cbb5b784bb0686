import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import type { AssignmentRow } from '../../store/index.js';
import { hasRole } from '../../services/principal.js';
import { DEFAULT_SETTINGS } from '../../services/settings.js';
import { looseBool, looseInt, looseString } from '../shared/index.js';
import { principal } from './access.js';
import { MESSAGES, PlagScanError } from './wire-errors.js';
import { VENDOR, userData, userFor, type SubmissionData } from './records.js';
import { checksRepository } from './user-settings.js';
import { baseOf, contentOf, ingest } from './upload.js';

const idOf = (req: FastifyRequest) => looseInt((req.params as { id: string }).id);

/** The owner named by `ownerID` must be a user of the organisation (Moodle matches the message). */
async function ownerOf(services: Services, p: Principal, raw: unknown) {
  const id = looseInt(raw);
  if (id === undefined || id <= 0) throw new PlagScanError(422, 'Validation failed for the field ownerID');
  const user = await services.users.byId(id);
  if (!user || user.organisation_id !== p.organisationId) throw new PlagScanError(403, MESSAGES.userNotInInstitution);
  return user;
}

/** A submission of the organisation that `ownerID` (when given) owns or is involved in. */
async function submissionFor(services: Services, p: Principal, id: number | undefined, ownerID?: number) {
  if (id === undefined || id <= 0) throw new PlagScanError(404, MESSAGES.submissionMissing);
  const rec = await services.vendorRecords.get<SubmissionData>(VENDOR, 'submission', p.organisationId, String(id));
  const assignment = rec ? await services.assignments.byId(p.organisationId, id) : undefined;
  if (!rec || !assignment) throw new PlagScanError(404, MESSAGES.submissionMissing);
  const allowed = (uid: number | null | undefined) => uid !== undefined && uid !== null && (rec.data.ownerID === uid || rec.data.involved.some((i) => i.userID === uid));
  if (ownerID !== undefined && !allowed(ownerID)) throw new PlagScanError(404, MESSAGES.submissionMissing);
  if (!hasRole(p, 'admin') && !allowed(p.userId)) throw new PlagScanError(404, MESSAGES.submissionMissing);
  return { assignment, data: rec.data };
}

function fields(params: Record<string, unknown>, base: SubmissionData): SubmissionData {
  const bool = (name: keyof SubmissionData, fallback: boolean) => (params[name] === undefined || params[name] === '' ? fallback : (looseBool(params[name]) ?? fallback));
  const int = (name: keyof SubmissionData, fallback: number) => (params[name] === undefined || params[name] === '' ? fallback : (looseInt(params[name]) ?? fallback));
  return {
    ...base,
    title: looseString(params.title)?.trim() || base.title,
    endTime: looseString(params.endTime) ?? base.endTime,
    maxUploads: int('maxUploads', base.maxUploads),
    share: int('share', base.share),
    checkDeadline: bool('checkDeadline', base.checkDeadline),
    enableResubmission: bool('enableResubmission', base.enableResubmission),
    checkOnUpload: bool('checkOnUpload', base.checkOnUpload),
    type: int('type', base.type),
    excludeSelfMatches: bool('excludeSelfMatches', base.excludeSelfMatches),
    excludeFromRepository: bool('excludeFromRepository', base.excludeFromRepository),
  };
}

const view = (a: AssignmentRow, d: SubmissionData) => ({ submissionID: a.id, ...d, involved: undefined, created: a.created_at });

/**
 * /v3/submissions: containers of documents (Origo assignments). Documents in one submission are
 * checked against each other and against the organisation's repository.
 */
export function submissionRoutes(app: FastifyInstance, services: Services): void {
  app.post('/submissions', async (req, reply) => {
    const p = principal(req);
    const params = req.wire!.params;
    const owner = await ownerOf(services, p, params.ownerID ?? p.userId);
    if (!hasRole(p, 'admin') && owner.id !== p.userId) throw new PlagScanError(403, MESSAGES.userNotInInstitution);
    const title = looseString(params.title)?.trim();
    if (!title) throw new PlagScanError(422, 'Validation failed for the field title');
    const data = fields(params, {
      ownerID: owner.id, title, endTime: '', maxUploads: 100, share: 1, checkDeadline: false, enableResubmission: true,
      checkOnUpload: false, type: 1, excludeSelfMatches: false, excludeFromRepository: false, involved: [],
    });
    const assignment = await services.assignments.createIn(p.organisationId, {
      name: title.slice(0, 300),
      kind: 'text',
      ownerUserId: owner.id,
      settings: { ...DEFAULT_SETTINGS, check_peers: true, check_repository: true, add_to_repository: false },
    });
    await services.vendorRecords.put(VENDOR, 'submission', p.organisationId, String(assignment.id), assignment.id, data);
    const location = `${baseOf(req)}/submissions/${assignment.id}`;
    return reply.code(201).header('location', location).send({ data: { submissionID: assignment.id, location } });
  });

  app.get('/submissions/:id', async (req) => {
    const { assignment, data } = await submissionFor(services, principal(req), idOf(req));
    return { data: view(assignment, data) };
  });

  // The Moodle plugin sends the changes in the query string.
  app.patch('/submissions/:id', async (req) => {
    const p = principal(req);
    const params = req.wire!.params;
    const { assignment, data } = await submissionFor(services, p, idOf(req));
    let next = fields(params, data);
    if (params.ownerID !== undefined && params.ownerID !== '') next = { ...next, ownerID: (await ownerOf(services, p, params.ownerID)).id };
    await services.vendorRecords.put(VENDOR, 'submission', p.organisationId, String(assignment.id), assignment.id, next);
    const updated = next.title !== assignment.name ? await services.assignments.updateRow(assignment, { name: next.title.slice(0, 300) }) : assignment;
    return { data: view(updated, next) };
  });

  // Upload into a submission: 201 with data.docID.
  app.post('/submissions/:id', async (req, reply) => {
    const p = principal(req);
    const params = req.wire!.params;
    const id = idOf(req) ?? looseInt(params.submissionID);
    if (params.ownerID !== undefined && params.ownerID !== '') await ownerOf(services, p, params.ownerID);
    const { assignment, data } = await submissionFor(services, p, id, looseInt(params.ownerID));
    const content = contentOf(req);
    let submitter = null;
    const submitterID = looseInt(params.submitterID);
    if (submitterID !== undefined && submitterID > 0) submitter = await userFor(services, p, submitterID, 'submitterID');
    const author = [looseString(params.firstname), looseString(params.lastname)].filter((s) => s && s.trim()).join(' ').trim() || looseString(params.email) || null;
    const owner = submitter ?? (await services.users.byId(data.ownerID)) ?? null;
    const settings = owner ? (await userData(services, owner)).settings : undefined;
    const docID = await ingest(services, p, {
      content,
      title: looseString(params.title)?.trim() || content.filename,
      author,
      ownerUserId: owner?.id ?? null,
      assignment,
      submissionID: assignment.id,
      hold: !data.checkOnUpload,
      toRepository: (looseBool(params.toRepository) ?? false) && !data.excludeFromRepository,
      checkRepository: checksRepository(settings),
    });
    const location = `${baseOf(req)}/documents/${docID}`;
    return reply.code(201).header('location', location).send({ data: { docID, location } });
  });

  app.get('/submissions/:id/involve', async (req) => {
    const p = principal(req);
    const params = req.wire!.params;
    const user = await userFor(services, p, looseInt(params.userID));
    const { data } = await submissionFor(services, p, idOf(req), looseInt(params.ownerID));
    return { data: { involved: data.ownerID === user.id || data.involved.some((i) => i.userID === user.id) } };
  });

  app.put('/submissions/:id/involve', async (req, reply) => {
    const p = principal(req);
    const params = req.wire!.params;
    const user = await userFor(services, p, looseInt(params.userID));
    const { assignment, data } = await submissionFor(services, p, idOf(req), looseInt(params.ownerID));
    const shareMode = looseInt(params.shareMode) ?? 4;
    const involved = [...data.involved.filter((i) => i.userID !== user.id), { userID: user.id, shareMode }];
    await services.vendorRecords.put(VENDOR, 'submission', p.organisationId, String(assignment.id), assignment.id, { ...data, involved });
    return reply.code(204).send();
  });
}
