import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import { linkOrigin } from '../../api/trusted-proxies.js';

const AUDIENCE = 'origo:vendor:inspera:upload';
/** How long a presigned upload URL stays valid. */
export const UPLOAD_TTL_SECONDS = 60 * 60;

/** Where links handed to clients start: ORIGO_PUBLIC_URL, else linkOrigin's rule (never a direct client's Host header). */
export function baseUrlOf(services: Services, req: FastifyRequest): string {
  return linkOrigin(req, services.ctx.publicUrl);
}

/** A signed, expiring URL (under this API's prefix) that accepts one PUT of the document's bytes. */
export async function presignedUploadUrl(services: Services, app: FastifyInstance, req: FastifyRequest, organisationId: number, documentId: string): Promise<string> {
  const { token } = await services.tokens.sign({ org: organisationId }, { audience: AUDIENCE, subject: documentId, ttlSeconds: UPLOAD_TTL_SECONDS });
  return `${baseUrlOf(services, req)}${app.prefix}/upload/${token}`;
}

/** The organisation and documentId an upload URL was made for; 'expired' or null otherwise. */
export async function openUploadToken(services: Services, token: string): Promise<{ organisationId: number; documentId: string } | 'expired' | null> {
  const claims = await services.tokens.verify(token, AUDIENCE);
  if (claims === 'expired') return 'expired';
  if (!claims || typeof claims.org !== 'number' || typeof claims.sub !== 'string') return null;
  return { organisationId: claims.org, documentId: claims.sub };
}
