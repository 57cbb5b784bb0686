import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';

/** Liveness and readiness: the store answers, and how many jobs wait. */
export function healthRoutes(app: FastifyInstance, services: Services): void {
  app.get('/health', async (_req, reply) => {
    try {
      await services.ctx.store.ping();
      const jobs = await services.ctx.store.jobs.countByStatus();
      return { status: 'ok', database: services.ctx.store.dialect, jobs };
    } catch (err) {
      return reply.code(503).send({ status: 'unavailable', error: { code: 'unavailable', message: `the database does not answer: ${String(err)}` } });
    }
  });
}
