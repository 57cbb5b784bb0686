import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';
import { principalOf } from '../request-auth.js';
import { IdResolver, deliveryView, pageView, webhookView } from '../views.js';
import { objectBody, param, query } from '../request-input.js';

/** Webhook endpoints (per organisation or per document) and the log of deliveries. */
export function webhookRoutes(app: FastifyInstance, services: Services): void {
  const ids = () => new IdResolver(services.ctx.store);
  app.post('/api/v1/webhooks', async (req, reply) => reply.code(201).send(await webhookView(await services.webhooks.create(principalOf(req), objectBody(req)), ids(), true)));
  app.get('/api/v1/webhooks', async (req) => {
    const rows = await services.webhooks.list(principalOf(req));
    const res = ids();
    return pageView(await Promise.all(rows.map((w) => webhookView(w, res))), rows.length, rows.length, 0);
  });
  app.delete('/api/v1/webhooks/:id', async (req, reply) => {
    await services.webhooks.delete(principalOf(req), param(req, 'id'));
    return reply.code(204).send();
  });
  app.get('/api/v1/webhook-deliveries', async (req) => {
    const rows = await services.webhooks.deliveries(principalOf(req), Number(query(req).limit ?? 100) || 100);
    return pageView(rows.map(deliveryView), rows.length, rows.length, 0);
  });
}
