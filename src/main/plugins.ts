import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config/config.js';
import type { Services } from '../services/services.js';
import { webPlugin } from '../web/index.js';
import { codequiryPlugin } from '../adapters/codequiry/index.js';

export interface MountedPlugin {
  /** Vendor name for vendor-compatible APIs (codequiry, drillbit, plagiat, inspera, plagscan), else null. */
  vendor: string | null;
  prefix: string;
  plugin: FastifyPluginAsync;
}

/** The HTTP plug-ins mounted beside the native API: vendor adapters and the web UI, each under its prefix. */
export async function mountedPlugins(services: Services, config: Config): Promise<MountedPlugin[]> {
  void config;
  const plugins: MountedPlugin[] = [];
  plugins.push({ vendor: 'codequiry', prefix: '/codequiry', plugin: codequiryPlugin(services) });
  // The report viewer and the instructor UI (src/web/), at the root.
  plugins.push({ vendor: null, prefix: '', plugin: webPlugin(services) });
  return plugins;
}
