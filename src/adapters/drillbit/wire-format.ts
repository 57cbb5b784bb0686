/**
 * DrillBit's scalar formats: "YES"/"NO" flags, `timeStamp` as `DD-MM-YYYY HH:mm:ss`, dates as
 * `YYYY-MM-DD HH:mm:ss`, percentages as strings, and `--` for what is not computed yet. All times UTC.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** `timeStamp` of operation replies: `08-04-2026 12:15:16`. */
export function timeStamp(d: Date = new Date()): string {
  return `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Dates inside resources (`creation_date`, `date_up`): `2026-04-08 12:15:16`, from an ISO timestamp. */
export function wireDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export type YesNo = 'YES' | 'NO';
export const yesNo = (b: boolean): YesNo => (b ? 'YES' : 'NO');

/** What DrillBit shows for a figure that is not computed (yet). */
export const PENDING = '--';

/** Origo's share (0..1) as DrillBit's whole-number percent string. */
export function percentText(share: number): string {
  return String(Math.round(share * 100));
}

/** `22 Kb` */
export function fileLength(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} Kb`;
}

export function countText(n: number | null | undefined): string {
  return n === null || n === undefined ? PENDING : String(n);
}
