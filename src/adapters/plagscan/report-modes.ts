import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import type { DocumentRow } from '../../store/index.js';
import { PlagScanError } from './wire-errors.js';

const NAMES: Record<number, string> = {
  3: 'the annotated DOCX report',
  4: 'the HTML report',
  6: 'the PlagScan HTML report',
  7: 'the report link',
  8: 'the printable HTML report',
  9: 'the PDF report',
  10: 'the report link',
};

/**
 * Retrieve modes 3, 4, 6, 8, 9 (rendered reports) and 7, 10 (links into the report viewer).
 * Origo's report renderers and viewer are not part of this build yet: these modes answer in
 * PlagScan's error form with a plain reason (the Moodle plugin shows `error.message`), never a
 * made-up report.
 */
export async function renderedReport(services: Services, req: FastifyRequest, reply: FastifyReply, r: { doc: DocumentRow; mode: number; principal: Principal }): Promise<FastifyReply> {
  void services;
  void req;
  void reply;
  void r.doc;
  void r.principal;
  throw new PlagScanError(501, `Retrieve mode ${r.mode} (${NAMES[r.mode]}) is not available on this server yet`);
}
