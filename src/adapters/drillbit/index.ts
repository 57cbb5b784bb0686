import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Services } from '../../services/services.js';
import { acceptAnyBody } from '../shared/index.js';
import { authRoutes, requireDrillbitAuth } from './auth-routes.js';
import { folderRoutes } from './folder-routes.js';
import { submissionRoutes } from './submission-routes.js';
import { moodleRoutes } from './moodle-routes.js';
import { reportRoutes } from './report-routes.js';
import { drillbitCallbackPlanner } from './callback-planner.js';
import { installErrorHandlers } from './wire-errors.js';

export { CALLBACK_SETTING, drillbitCallbackPlanner } from './callback-planner.js';
export { DRILLBIT_AUDIENCE } from './auth-routes.js';

/**
 * The DrillBit-compatible API: classroom REST, the /pro family, the Moodle plugin's endpoints
 * and the legacy /drillbit_new/api ones, in one plug-in scope with DrillBit's error bodies.
 */
export function drillbitPlugin(services: Services, maxUploadBytes: number): FastifyPluginAsync {
  return async (scope: FastifyInstance) => {
    const prefix = scope.prefix;
    acceptAnyBody(scope, maxUploadBytes + 1024 * 1024);
    installErrorHandlers(scope, prefix);
    scope.decorateRequest('drillbit', null);
    // The Bearer credential is checked as soon as the request's head has arrived (onRequest),
    // before the body is read: a caller without a valid token or key must not make the server
    // buffer an upload (up to the upload limit) before its 401. Logins (public routes) carry their
    // credentials in the body and are checked by their handlers.
    scope.addHook('onRequest', async (req) => {
      const cfg = req.routeOptions.config as { drillbitPublic?: boolean } | undefined;
      if (!cfg?.drillbitPublic) await requireDrillbitAuth(services, req);
    });
    authRoutes(scope, services);
    folderRoutes(scope, services, prefix);
    submissionRoutes(scope, services, prefix);
    moodleRoutes(scope, services, prefix);
    reportRoutes(scope, services);
  };
}

/** Subscribes the PUT callback planner (call once per service layer, in API and worker processes alike). */
export function subscribeDrillbitCallbacks(services: Services): void {
  services.events.subscribe('drillbit', drillbitCallbackPlanner);
}
