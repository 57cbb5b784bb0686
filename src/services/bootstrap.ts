import type { Services } from './services.js';
import { hashApiKey, hashPassword, randomSecret } from './secrets.js';

export interface BootstrapResult {
  created: boolean;
  organisationId: number;
  /** The administrator key, only when this call generated it (print it once). */
  generatedKey: string | null;
}

/**
 * First start: creates the default organisation and its administrator. The administrator's API key
 * is ORIGO_ADMIN_KEY when set, otherwise a random key returned here to be printed once. Later
 * starts change nothing, except that a newly set ORIGO_ADMIN_KEY is added as a key.
 */
export async function bootstrap(
  services: Services,
  config: { adminKey: string | null; adminEmail: string | null; adminPassword: string | null },
): Promise<BootstrapResult> {
  const store = services.ctx.store;
  let existing = await store.organisations.first();
  if (!existing) {
    // Several processes may start at once on one PostgreSQL database: one of them bootstraps.
    const claim = randomSecret(16);
    if ((await store.settings.getOrInit('bootstrap_owner', claim)) !== claim) {
      for (let i = 0; i < 300 && !existing; i++) {
        await new Promise((r) => setTimeout(r, 100));
        existing = await store.organisations.first();
      }
      if (!existing) throw new Error('another process started bootstrapping this database but did not finish');
    }
  }
  if (existing) {
    if (config.adminKey && !(await store.apiKeys.byHash(hashApiKey(config.adminKey)))) {
      const admin = (await store.users.list(existing.id, { role: 'admin' }, { limit: 1, offset: 0 })).items[0];
      try {
        await services.users.issueKey(existing.id, admin?.id ?? null, admin ? 'user' : 'client', 'ORIGO_ADMIN_KEY', null, null, config.adminKey);
      } catch (err) {
        // Another process starting at the same time with the same ORIGO_ADMIN_KEY added it first.
        if (!(await store.apiKeys.byHash(hashApiKey(config.adminKey)))) throw err;
      }
    }
    return { created: false, organisationId: existing.id, generatedKey: null };
  }
  const passwordHash = config.adminPassword ? await hashPassword(config.adminPassword) : null;
  // One transaction: the other processes waiting above see the organisation only once its
  // administrator and key are there (else they added ORIGO_ADMIN_KEY themselves, and one crashed).
  const { org, key } = await store.transaction(async (tx) => {
    const org = await services.organisations.createUnchecked('Default organisation', tx);
    const admin = await services.users.createIn(org.id, { email: config.adminEmail, name: config.adminEmail ?? 'Administrator', role: 'admin', password_hash: passwordHash }, tx);
    const { key } = await services.users.issueKey(org.id, admin.id, 'user', 'Bootstrap administrator', null, null, config.adminKey ?? undefined, tx);
    return { org, key };
  });
  return { created: true, organisationId: org.id, generatedKey: config.adminKey ? null : key };
}
