/**
 * A PlagScan user's settings, as the Moodle plugin reads and writes them (PATCH /users/{id} with
 * the settings in the query string). redLevel and yellowLevel are per mille. What Origo acts on:
 * autoPolicy (check right after upload), checkOwnRepository / checkOrgaRepository (compare with
 * the organisation's repository). checkWeb is kept but never acted on: Origo has no internet search.
 */
export const USER_SETTING_DEFAULTS: Record<string, number> = {
  language: 0,
  emailPolicy: 3,
  checkWeb: 0,
  checkOwnWorkspace: 1,
  checkOwnRepository: 1,
  checkOrgaRepository: 1,
  checkPS: 0,
  cleanupPolicy: 0,
  docxPolicy: 1,
  detailPolicy: 1,
  redLevel: 50,
  yellowLevel: 10,
  autoPolicy: 0,
  checkPolicy: 47,
  citePolicy: 1,
  biblioPolicy: 0,
};

export const SETTING_NAMES = Object.keys(USER_SETTING_DEFAULTS);

export function effectiveSettings(stored: Record<string, number> | undefined): Record<string, number> {
  return { ...USER_SETTING_DEFAULTS, ...(stored ?? {}) };
}

/** The settings as PlagScan writes them: every value a string. */
export function settingsView(stored: Record<string, number> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(effectiveSettings(stored)).map(([k, v]) => [k, String(v)]));
}

/** Check right after upload (autocheck policy on)? */
export function autocheck(stored: Record<string, number> | undefined): boolean {
  return effectiveSettings(stored).autoPolicy !== 0;
}

export function checksRepository(stored: Record<string, number> | undefined): boolean {
  const s = effectiveSettings(stored);
  return s.checkOwnRepository !== 0 || s.checkOrgaRepository !== 0;
}
