/**
 * A code source's shared literal values (`ReportSource.shared_values`) as the renderings show
 * them: the viewer's list, and one line in the PDF and the DOCX.
 */
import type { ReportSource } from './model.js';

/** A shared literal value as the renderings show it: at most 40 characters (a string literal can hold 200). */
export function shortValue(v: string): string {
  return v.length > 40 ? `${v.slice(0, 39)}…` : v;
}

/** A code source's shared literal values for a one-line listing (PDF, DOCX): `; values both use: "a", 7`, or nothing. */
export function sharedValuesText(s: Pick<ReportSource, 'shared_values'>): string {
  return s.shared_values?.length ? `; values both use: ${s.shared_values.map(shortValue).join(', ')}` : '';
}
