import type { Command } from 'commander';

/** `origo serve`: the same as `npm start`; `origo worker`: a process that only runs jobs. */
export function registerServeCommand(program: Command): void {
  const run = async (overrides: Record<string, string>) => {
    const { loadConfig, ConfigError } = await import('../../config/config.js');
    const { startRuntime } = await import('../../main/runtime.js');
    let config;
    try {
      config = loadConfig({ ...process.env, ...overrides });
    } catch (err) {
      if (err instanceof ConfigError) {
        console.error(err.message);
        process.exit(2);
      }
      throw err;
    }
    const runtime = await startRuntime(config);
    let signals = 0;
    const shutdown = (signal: string) => {
      signals++;
      if (signals > 1) process.exit(1);
      console.error(`received ${signal}, finishing running jobs (send again to force)`);
      runtime.stop().then(() => process.exit(0), (err) => {
        console.error(err);
        process.exit(1);
      });
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
  };

  program
    .command('serve')
    .description('serve Origo: HTTP API, web UI and in-process workers (the same as npm start)')
    .option('-p, --port <port>', 'port to listen on (env PORT, default 8080)')
    .option('-w, --workers <n>', 'in-process workers (env ORIGO_WORKERS, default 2; 0 = API only)')
    .action(async (opts: { port?: string; workers?: string }) => {
      const o: Record<string, string> = {};
      if (opts.port) o.PORT = opts.port;
      if (opts.workers) o.ORIGO_WORKERS = opts.workers;
      await run(o);
    });

  program
    .command('worker')
    .description('run pipeline jobs only, no HTTP (scale out beside API processes on PostgreSQL)')
    .option('-w, --workers <n>', 'jobs run at once (default 2)')
    .action(async (opts: { workers?: string }) => {
      await run({ ORIGO_API: '0', ...(opts.workers ? { ORIGO_WORKERS: opts.workers } : {}) });
    });
}
