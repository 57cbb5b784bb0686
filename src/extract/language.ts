import { detect } from 'tinyld';

/**
 * A light language guess (ISO 639-1) from the first 20,000 characters, or "und" when the text is
 * too short or the detector is unsure. The text engine has its own, better detector.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 20_000);
  if ((sample.match(/\p{L}+/gu)?.length ?? 0) < 5) return 'und';
  const code = detect(sample);
  return code || 'und';
}
