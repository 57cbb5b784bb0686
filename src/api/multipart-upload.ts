import type { FastifyRequest } from 'fastify';
import { AppError } from '../services/errors.js';

export interface Upload {
  fields: Record<string, string>;
  files: { field: string; filename: string; mime: string; bytes: Buffer }[];
}

/** Reads a whole multipart request: text fields and files (each bounded by the multipart limits). */
export async function readMultipart(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'Expected multipart/form-data.');
  const out: Upload = { fields: {}, files: [] };
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      out.files.push({ field: part.fieldname, filename: part.filename, mime: part.mimetype, bytes });
    } else {
      out.fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value ?? '');
    }
  }
  return out;
}
