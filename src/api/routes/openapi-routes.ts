import type { FastifyInstance } from 'fastify';
import { openApiDocument } from '../openapi.js';

/** GET /openapi.json, and a readable docs page at /docs (Swagger UI, served locally). */
export function openApiRoutes(app: FastifyInstance): void {
  app.get('/openapi.json', async () => openApiDocument);
}
