/**
 * Real clients send "13" for 13, "1"/"true"/1 for true, and even "2810?webcheck=1" for 2810.
 * These readers accept what they send and return undefined for what cannot be read.
 */
export function looseInt(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (Array.isArray(v)) return looseInt(v[0]);
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(-?\d+)/.exec(v);
  return m ? Number(m[1]) : undefined;
}

export function looseBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (Array.isArray(v)) return looseBool(v[0]);
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on', 'y'].includes(s)) return true;
  if (['0', 'false', 'no', 'off', 'n', ''].includes(s)) return false;
  return undefined;
}

export function looseString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return looseString(v[0]);
  return undefined;
}
