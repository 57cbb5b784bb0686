import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../services/services.js';
import { viewerRoutes } from './viewer-routes.js';
import { uiRoutes } from './ui/ui-routes.js';

/** The web side served by the same process: the report viewer (and the instructor UI). Mounted at the root. */
export function webPlugin(services: Services): FastifyPluginAsync {
  return async (app) => {
    viewerRoutes(app, services);
    uiRoutes(app);
  };
}
