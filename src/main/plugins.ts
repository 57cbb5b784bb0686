import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config/config.js';
import type { Services } from '../services/services.js';
import { webPlugin } from '../web/index.js';
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
  // The report viewer and the instructor UI (src/web/), at the root.
  plugins.push({ vendor: null, prefix: '', plugin: webPlugin(services) });
  // Inspera Originality (both generations): base URL http://host:port/inspera (or the root of its own port).
  plugins.push({ vendor: 'inspera', prefix: '/inspera', plugin: insperaPlugin(services, { bodyLimit: config.maxUploadBytes + 1024 * 1024 }) });
  return plugins;
}
