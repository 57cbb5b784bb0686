import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config/config.js';
import type { Services } from '../services/services.js';

/** The HTTP plug-ins mounted beside the native API: vendor adapters and the web UI, each under its prefix. */
export async function mountedPlugins(services: Services, config: Config): Promise<{ prefix: string; plugin: FastifyPluginAsync }[]> {
  void services;
  void config;
  return [];
}
