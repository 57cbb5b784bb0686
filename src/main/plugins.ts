import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config/config.js';
import type { Services } from '../services/services.js';
import { webPlugin } from '../web/index.js';
import { codequiryPlugin } from '../adapters/codequiry/index.js';
import { drillbitPlugin, subscribeDrillbitCallbacks } from '../adapters/drillbit/index.js';
import { plagscanPlugin } from '../adapters/plagscan/index.js';
import { plagiatAdapter } from '../adapters/plagiat/index.js';
import { insperaPlugin } from '../adapters/inspera/index.js';

export interface MountedPlugin {
  /** Vendor name for vendor-compatible APIs (codequiry, drillbit, plagiat, inspera, plagscan), else null. */
  vendor: string | null;
  prefix: string;
  plugin: FastifyPluginAsync;
}

/** The HTTP plug-ins mounted beside the native API: vendor adapters and the web UI, each under its prefix. */
export async function mountedPlugins(services: Services, config: Config): Promise<MountedPlugin[]> {
  const plugins: MountedPlugin[] = [];
  // Codequiry API v1: base URL http://host:port/codequiry/api/v1 (or /api/v1 at the root of its own port).
  plugins.push({ vendor: 'codequiry', prefix: '/codequiry', plugin: codequiryPlugin(services) });
  // The report viewer and the instructor UI (src/web/), at the root.
  plugins.push({ vendor: null, prefix: '', plugin: webPlugin(services) });
  // DrillBit: the classroom, /pro, Moodle and legacy endpoints; its PUT callback planner runs in every process.
  subscribeDrillbitCallbacks(services);
  plugins.push({ vendor: 'drillbit', prefix: '/drillbit', plugin: drillbitPlugin(services, config.maxUploadBytes) });
  // PlagScan's own paths start with /v3: base URL http://host:port/plagscan/v3 (or /v3 at the root of its own port).
  plugins.push({ vendor: 'plagscan', prefix: '/plagscan', plugin: plagscanPlugin(services, { bodyLimit: config.maxUploadBytes + 1024 * 1024 }) });
  // Plagiat.pl: /plagiat/api/v2/… and /plagiat/report/…; subscribes its callback planner in every process.
  plugins.push(plagiatAdapter(services));
  // Inspera Originality (both generations): base URL http://host:port/inspera (or the root of its own port);
  // its webhook planner is subscribed here too, so it runs in every process.
  plugins.push({ vendor: 'inspera', prefix: '/inspera', plugin: insperaPlugin(services, { bodyLimit: config.maxUploadBytes + 1024 * 1024 }) });
  return plugins;
}
