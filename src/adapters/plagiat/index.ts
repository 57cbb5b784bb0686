import type { Services } from '../../services/services.js';
import type { FastifyPluginAsync } from 'fastify';
import { plagiatCallbackPlanner } from './callback.js';
import { plagiatPlugin } from './plugin.js';

/**
 * The Plagiat.pl / StrikePlagiarism LMS API v2 at `/plagiat` (`/plagiat/api/v2/…`, `/plagiat/report/…`).
 * Subscribes the callback planner, so worker processes (which mount no HTTP) still send callbacks.
 */
export function plagiatAdapter(services: Services): { vendor: 'plagiat'; prefix: string; plugin: FastifyPluginAsync } {
  services.events.subscribe('plagiat', plagiatCallbackPlanner);
  return { vendor: 'plagiat', prefix: '/plagiat', plugin: plagiatPlugin(services) };
}

export { plagiatCallbackPlanner } from './callback.js';
export { plagiatPlugin } from './plugin.js';
