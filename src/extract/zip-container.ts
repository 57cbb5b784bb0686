import { inflateSync } from 'fflate';
import { fail } from './failure.js';
import type { ExtractionLimits } from './limits.js';

/** One member of a zip file, from its central directory. */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
  compression: number;
  encrypted: boolean;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** True when the bytes start like a zip file (a local header or an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/**
 * Reads the central directory. Only the directory is read; nothing is decompressed. Throws
 * `corrupt_file` for a truncated or malformed directory, `archive_rejected` for zip64 archives
 * (they are beyond every size limit anyway).
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) fail('corrupt_file', 'corrupt: zip end of central directory not found (truncated file?)');
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) fail('archive_rejected', 'archive rejected: zip64 archives are not accepted');
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) fail('corrupt_file', 'corrupt: zip central directory is damaged');
    const flags = view.getUint16(p + 8, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength > bytes.length) fail('corrupt_file', 'corrupt: zip central directory is damaged');
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      compression: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      encrypted: (flags & 1) === 1,
      localHeaderOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Rejects a zip whose directory promises more than the limits allow (a zip bomb) or hides traversal names. */
export function checkZipLimits(entries: ZipEntry[], limits: ExtractionLimits): void {
  if (entries.length > limits.maxZipEntries) {
    fail('archive_rejected', `archive rejected: ${entries.length} entries, more than the limit of ${limits.maxZipEntries}`);
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    if (entry.size > 1024 * 1024 && entry.size / Math.max(1, entry.compressedSize) > limits.maxZipRatio) {
      fail('archive_rejected', `archive rejected: ${entry.name} expands ${Math.round(entry.size / Math.max(1, entry.compressedSize))} times (zip bomb?)`);
    }
  }
  if (total > limits.maxZipTotalBytes) {
    fail('archive_rejected', `archive rejected: ${total} bytes uncompressed, more than the limit of ${limits.maxZipTotalBytes} (zip bomb?)`);
  }
}

/** True for names that would escape the folder they are unpacked into. */
export function isTraversalName(name: string): boolean {
  const n = name.replace(/\\/g, '/');
  return n.startsWith('/') || /^[a-zA-Z]:/.test(n) || n.split('/').includes('..');
}

/**
 * Decompresses one member in memory. The output buffer has the size the directory declares, so
 * a member that lies about its size cannot grow past it.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.encrypted) fail('encrypted_file', `encrypted: zip member ${entry.name} is password-protected`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL) fail('corrupt_file', `corrupt: zip member ${entry.name} has no local header`);
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) fail('corrupt_file', `corrupt: zip member ${entry.name} is truncated`);
  const data = bytes.subarray(start, end);
  if (entry.compression === 0) return data.slice(0, entry.size);
  if (entry.compression !== 8) fail('unsupported_format', `unsupported: zip member ${entry.name} uses compression method ${entry.compression}`);
  try {
    return inflateSync(data, { out: new Uint8Array(entry.size) });
  } catch (err) {
    fail('corrupt_file', `corrupt: zip member ${entry.name} does not inflate (${(err as Error).message})`);
  }
}

/** A zip opened once: its directory checked against the limits, members read by name. */
export class ZipContainer {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();

  constructor(readonly bytes: Uint8Array, limits: ExtractionLimits) {
    this.entries = readZipDirectory(bytes);
    checkZipLimits(this.entries, limits);
    for (const entry of this.entries) this.byName.set(entry.name, entry);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  read(name: string): Uint8Array | undefined {
    const entry = this.byName.get(name);
    return entry ? readZipEntry(this.bytes, entry) : undefined;
  }

  text(name: string): string | undefined {
    const data = this.read(name);
    return data ? new TextDecoder('utf-8').decode(data) : undefined;
  }
}
