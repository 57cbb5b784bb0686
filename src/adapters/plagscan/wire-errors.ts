import type { FastifyReply, FastifyRequest } from 'fastify';
import { toAppError } from '../../api/error-reply.js';

/**
 * The messages PlagScan clients compare character for character (the Moodle plugin maps each one
 * onto a file status), and the others this adapter answers with. Body: `{"error": {"code", "message"}}`.
 */
export const MESSAGES = {
  documentFailed: 'The document has failed during the upload/convertion process: Document without text or broken file - minimum length is 50 characters',
  documentDeleted: 'The document has been deleted.',
  noReport: 'There is no report for the document',
  documentNotInInstitution: "The document doesn't belong to this institution",
  userNotInInstitution: "The user doesn't belong to this institution",
  submissionMissing: "The submission doesn't exist or the user is not the owner of the submission",
  userMissing: "That user doesn't exist",
  checkRunning: 'The check of the document has not finished yet',
  tokenMissing: 'The access token is not provided',
  tokenInvalid: 'The access token provided is invalid or has expired',
  ipNotAllowed: 'Requests with this API key are not allowed from your IP address',
  badCredentials: 'The client credentials are invalid',
  tooManyAttempts: 'Too many failed attempts, try again later',
  adminOnly: 'Only the organisation administrator can do this',
  notFound: "The resource or the URL that you are requesting doesn't exist",
} as const;

export class PlagScanError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const validationFailed = (field: string) => new PlagScanError(422, `Validation failed for the field ${field}`);

export function sendPlagScanError(req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  let status: number;
  let message: string;
  if (err instanceof PlagScanError) {
    status = err.status;
    message = err.message;
  } else {
    const app = toAppError(err);
    if (app.code === 'internal_error') req.log.error({ err }, 'unhandled error in the PlagScan API');
    status = app.status;
    message = app.message;
  }
  return reply.code(status).type('application/json; charset=utf-8').send({ error: { code: status, message } });
}
