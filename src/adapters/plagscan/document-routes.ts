import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import { hasRole } from '../../services/principal.js';
import { AppError } from '../../services/errors.js';
import { looseBool, looseInt } from '../shared/index.js';
import { principal } from './access.js';
import { MESSAGES, PlagScanError } from './wire-errors.js';
import { documentFor, userData, userFor } from './records.js';
import { autocheck, checksRepository } from './user-settings.js';
import { baseOf, contentOf, ingest } from './upload.js';
import { documentState } from './document-state.js';
import { parseOptions } from '../../services/document-options.js';
import { linksMode, matchesMode, sourcesMode, statsMode } from './retrieve-json.js';
import { highlightPage } from './highlight-html.js';
import { renderedReport } from './report-modes.js';
import { allowFraming } from '../../api/security-headers.js';

const idOf = (req: FastifyRequest) => looseInt((req.params as { id: string }).id);

/** /v3/documents: submit, check, status, retrieve (modes), highlight, source, delete. */
export function documentRoutes(app: FastifyInstance, services: Services): void {
  app.post('/documents', async (req, reply) => {
    const p = principal(req);
    const params = req.wire!.params;
    const content = contentOf(req);
    // A user's token submits as that user; an administrator's may name the owner with userID.
    let ownerUserId = p.userId;
    if (hasRole(p, 'admin') && params.userID !== undefined && params.userID !== '') ownerUserId = (await userFor(services, p, looseInt(params.userID))).id;
    const owner = ownerUserId ? await services.users.byId(ownerUserId) : undefined;
    const settings = owner ? (await userData(services, owner)).settings : undefined;
    const docID = await ingest(services, p, {
      content,
      title: content.filename.replace(/\.txt$/i, ''),
      ownerUserId,
      assignment: null,
      submissionID: null,
      hold: !autocheck(settings),
      toRepository: looseBool(params.toRepository) ?? false,
      checkRepository: checksRepository(settings),
    });
    const location = `${baseOf(req)}/documents/${docID}`;
    return reply.code(201).header('location', location).send({ data: { docID, location } });
  });

  app.put('/documents/:id/check', async (req, reply) => {
    const { doc } = await documentFor(services, principal(req), idOf(req), 'documents.recheck');
    if (doc.status === 'failed') throw new PlagScanError(422, MESSAGES.documentFailed);
    const first = doc.status === 'queued' || doc.status === 'converting' || doc.status === 'converted';
    if (doc.status !== 'checking') {
      try {
        await services.documents.recheck(doc, first ? 'initial' : 'plagscan-check');
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict') throw new PlagScanError(422, MESSAGES.documentFailed);
        throw err;
      }
    }
    return reply.code(204).send();
  });

  app.get('/documents/:id/status', async (req) => {
    const { doc, data } = await documentFor(services, principal(req), idOf(req));
    const state = documentState(doc);
    return {
      data: {
        docID: doc.id,
        status: state,
        mode: state,
        words: state === 254 ? 0 : (doc.word_count ?? 0),
        title: doc.title,
        userID: data.ownerID,
        submissionID: data.submissionID,
        plagLevel: doc.similarity === null || doc.status !== 'done' ? null : Math.round(doc.similarity * 1000),
        uploaded: doc.created_at,
      },
    };
  });

  app.delete('/documents/:id', async (req, reply) => {
    const p = principal(req);
    // The spec: with a token associated to a user (not the organisation admin), deleting is an error.
    if (p.userId !== null && p.role !== 'admin') throw new PlagScanError(403, MESSAGES.adminOnly);
    const { doc, data } = await documentFor(services, p, idOf(req), 'documents.delete');
    await services.documents.deleteRow(doc);
    await services.vendorRecords.put('plagscan', 'document', p.organisationId, String(doc.id), doc.id, { ...data, deleted: true });
    return reply.code(204).send();
  });

  app.get('/documents/:id/retrieve', async (req, reply) => retrieve(req, reply, looseInt(req.wire!.params.mode) ?? 0));
  app.get('/documents/:id/highlight', async (req, reply) => highlight(req, reply, 'document'));
  app.get('/documents/:id/retrieve/highlight', async (req, reply) => highlight(req, reply, 'document'));
  app.get('/documents/:id/source', async (req, reply) => highlight(req, reply, 'source'));
  app.get('/documents/:id/retrieve/source', async (req, reply) => highlight(req, reply, 'source'));

  async function checked(p: Principal, req: FastifyRequest) {
    const { doc } = await documentFor(services, p, idOf(req));
    if (doc.status === 'failed') throw new PlagScanError(422, MESSAGES.documentFailed);
    const latest = await services.reports.latest(doc);
    if (!latest) {
      // Asked for and not finished yet: a message the Moodle plugin does not map, so the file stays
      // "checking"; never asked for: "no report", which it shows as "not started".
      if (doc.status === 'checking' || !parseOptions(doc.options).hold) throw new PlagScanError(409, MESSAGES.checkRunning);
      throw new PlagScanError(404, MESSAGES.noReport);
    }
    return { doc, ...latest };
  }

  async function retrieve(req: FastifyRequest, reply: FastifyReply, mode: number) {
    const p = principal(req);
    if (mode === 25) return highlight(req, reply, 'document');
    if (mode === 26) return highlight(req, reply, 'source');
    if (![0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].includes(mode)) throw new PlagScanError(422, 'Validation failed for the field mode');
    const { doc, row, analysis } = await checked(p, req);
    switch (mode) {
      case 0:
        return { data: statsMode(doc, analysis, row.version, row.created_at) };
      case 1:
        return { data: linksMode(doc, analysis) };
      case 2:
        return { data: sourcesMode(doc, analysis) };
      case 5:
        return { data: matchesMode(doc, analysis, (await services.documents.text(doc))?.text ?? '') };
      default:
        return renderedReport(services, req, reply, { doc, mode, principal: p });
    }
  }

  /** An HTML page of the document (or of its source number `source`) with the matches marked. */
  async function highlight(req: FastifyRequest, reply: FastifyReply, side: 'document' | 'source') {
    const p = principal(req);
    const { doc, analysis } = await checked(p, req);
    const n = looseInt(req.wire!.params.source) ?? 0;
    if (n < 0 || n > analysis.sources.length || (side === 'source' && n === 0)) throw new PlagScanError(422, 'Validation failed for the field source');
    const chosen = n === 0 ? analysis.sources : [analysis.sources[n - 1]];
    allowFraming(reply, (await services.organisations.settingsOf(p.organisationId)).frame_ancestors);
    if (side === 'document') {
      const text = (await services.documents.text(doc))?.text ?? '';
      const ranges = chosen.flatMap((s) => s.passages.map((m) => ({ start: m.offset, end: m.offset + m.length })));
      return reply.type('text/html; charset=utf-8').send(highlightPage(doc.title, text, ranges));
    }
    const s = chosen[0];
    const source = await services.documents.byId(p.organisationId, s.document_id);
    if (!source) throw new PlagScanError(404, MESSAGES.documentDeleted);
    const text = (await services.documents.text(source))?.text ?? '';
    const ranges = s.passages.map((m) => ({ start: m.sourceOffset, end: m.sourceOffset + m.sourceLength }));
    return reply.type('text/html; charset=utf-8').send(highlightPage(s.title, text, ranges));
  }
}
