import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** Seconds a throttled caller must wait; sent as Retry-After on the 429, whatever API's body it has. */
    retryAfter: number | null;
  }
}

/** Notes the wait of a throttled request; every API's 429 then carries `Retry-After`. */
export function setRetryAfter(req: FastifyRequest, seconds: number | undefined): void {
  req.retryAfter = Math.max(1, Math.ceil(seconds ?? 60));
}

/** Adds Retry-After to every 429 answer that does not carry one (vendor adapters render their own bodies). */
export function installRetryAfter(app: FastifyInstance): void {
  app.decorateRequest('retryAfter', null);
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode === 429 && !reply.hasHeader('retry-after')) reply.header('retry-after', String(req.retryAfter ?? 60));
    return payload;
  });
}
