import type { Command } from 'commander';

/**
 * `origo first-start-link`: a new one-time link into the web UI for the installation's first
 * administrator (the printed one expired, was lost, or the password was forgotten). Run on the
 * server with the same environment as `origo serve`; the earlier link stops working.
 */
export function registerFirstStartLinkCommand(program: Command): void {
  program
    .command('first-start-link')
    .description("print a one-time link that signs the first administrator in to the web UI to choose a password (24 hours; replaces the earlier link)")
    .option('--email <email>', 'another administrator of the first organisation, by email')
    .option('-p, --port <port>', 'the port `origo serve --port` was given (the link names it; env PORT, default 8080)')
    .action(async (opts: { email?: string; port?: string }) => {
      const { loadConfig } = await import('../../config/config.js');
      const { openStore } = await import('../../store/index.js');
      const { LocalBlobStore } = await import('../../blob/index.js');
      const { createServices } = await import('../../services/services.js');
      const { linkBase } = await import('../../main/first-start.js');
      const { join } = await import('node:path');
      // Without it the link named PORT's port, not the one a server started with --port listens on.
      const config = loadConfig(opts.port ? { ...process.env, PORT: opts.port } : process.env);
      // A mistyped ORIGO_DATA_DIR must not become a new, empty installation (the store would
      // create the folder and a database there, then report no administrator).
      const { databaseTarget } = await import('../../store/backup.js');
      const { existsSync } = await import('node:fs');
      const target = databaseTarget({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      if (target.dialect === 'sqlite' && !existsSync(target.file)) throw new Error(`no Origo database at ${target.file}: run this with the environment \`origo serve\` runs with (ORIGO_DATA_DIR, DATABASE_URL)`);
      const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const quiet = { info() {}, warn() {}, error() {}, debug() {}, child() { return quiet; } };
        const services = await createServices({ store, blobs: new LocalBlobStore(join(config.dataDir, 'blobs')), log: quiet, maxUploadBytes: config.maxUploadBytes, jwtSecret: config.jwtSecret, jwtTtlSeconds: config.jwtTtlSeconds, publicUrl: config.publicUrl });
        const first = await services.firstStart.firstAdministrator();
        const admin = opts.email ? await services.users.byEmailIn(first?.organisation_id ?? -1, opts.email.trim().toLowerCase()) : first;
        if (!admin) throw new Error(opts.email ? `no user ${opts.email} in the first organisation` : 'this installation has no administrator yet: start it once with `npx origo serve`');
        const { token, expiresAt } = await services.firstStart.issue(admin);
        console.log(`Sign in as ${admin.email ?? admin.name} and choose a password (works once, until ${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC):`);
        console.log(`  ${services.firstStart.url(linkBase(config.publicUrl, config.host, config.port), token)}`);
      } finally {
        await store.close();
      }
    });
}
