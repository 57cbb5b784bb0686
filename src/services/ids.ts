import { randomBytes, randomUUID } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A public id: a readable prefix and 16 random base-36 characters (about 82 bits). */
export function publicId(prefix: string): string {
  const bytes = randomBytes(16);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 36];
  return `${prefix}_${out}`;
}

/** Documents use UUIDs: several vendor APIs expect GUIDs for them. */
export function documentPublicId(): string {
  return randomUUID();
}

/** A new API key: `origo_` and 40 random base-36 characters. Shown once; only its hash is kept. */
export function newApiKey(): string {
  const bytes = randomBytes(40);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 36];
  return `origo_${out}`;
}
