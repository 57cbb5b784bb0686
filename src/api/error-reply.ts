import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_CATALOGUE, type ErrorCode } from '../services/errors.js';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Maps any thrown error onto the catalogue: known framework errors get their code, the rest is a logged 500. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { code?: string; statusCode?: number };
  const code = e?.code ?? '';
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (e instanceof SyntaxError && e.statusCode === 400)) return new AppError('invalid_json', `The request body is not valid JSON: ${e.message}`);
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new AppError('invalid_json', 'The request body is empty but declared as JSON.');
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || e?.statusCode === 413) {
    return new AppError('payload_too_large', e.message || undefined);
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || e?.statusCode === 415) return new AppError('unsupported_media_type', e.message || undefined);
  if (code === 'FST_ERR_VALIDATION') return new AppError('validation_failed', e.message);
  if (code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH' || code === 'FST_PROTO_VIOLATION' || code === 'FST_ERR_BAD_URL' || code === 'FST_ERR_ASYNC_CONSTRAINT') return new AppError('bad_request', e.message);
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    const match = (Object.keys(ERROR_CATALOGUE) as ErrorCode[]).find((k) => ERROR_CATALOGUE[k].status === e.statusCode);
    return new AppError(match ?? 'bad_request', e.message || undefined);
  }
  return new AppError('internal_error');
}

export function sendError(req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  const app = toAppError(err);
  if (app.code === 'internal_error') req.log.error({ err }, 'unhandled error');
  const body: ErrorBody = { error: { code: app.code, message: app.message } };
  if (app.details !== undefined) body.error.details = app.details;
  const retryAfter = (app.details as { retry_after?: unknown } | undefined)?.retry_after;
  if (app.code === 'rate_limited' && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return reply.code(app.status).type('application/json; charset=utf-8').send(body);
}
