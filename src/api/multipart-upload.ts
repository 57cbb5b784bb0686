import type { FastifyRequest } from 'fastify';
import { AppError } from '../services/errors.js';
import { toAppError } from './error-reply.js';

export interface Upload {
  fields: Record<string, string>;
  files: { field: string; filename: string; mime: string; bytes: Buffer }[];
}

/** "52428800 bytes (50 MB)". */
const bytesText = (n: number) => `${n} bytes${n >= 1_000_000 ? ` (${Math.round(n / 100_000) / 10} MB)` : ''}`;

/**
 * Reads a whole multipart request: text fields and files (each bounded by the multipart limits).
 * A file over `maxUploadBytes` (the limit the multipart parser enforces) is a 413 that names the
 * file and the limit, instead of the parser's bare "request file too large".
 */
export async function readMultipart(req: FastifyRequest, maxUploadBytes?: number): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'Expected multipart/form-data.');
  const out: Upload = { fields: {}, files: [] };
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer().catch((err: unknown) => {
          if ((err as { code?: string })?.code !== 'FST_REQ_FILE_TOO_LARGE' || maxUploadBytes === undefined) throw err;
          throw new AppError('payload_too_large', `The file ${part.filename ? `"${part.filename}" ` : ''}is larger than the upload limit of ${bytesText(maxUploadBytes)}.`);
        });
        out.files.push({ field: part.fieldname, filename: part.filename, mime: part.mimetype, bytes });
      } else {
        out.fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value ?? '');
      }
    }
  } catch (err) {
    // Limits keep their own codes (413); anything else the parser chokes on is a malformed body.
    if (toAppError(err).code !== 'internal_error') throw err;
    throw new AppError('bad_request', `Malformed multipart body: ${err instanceof Error ? err.message : String(err)}`);
  }
  return out;
}
