import type { Annotation } from './measures.js';

function attrs(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

/**
 * The `<feature name="...">` elements of a PAN XML file (truth: "plagiarism"; detections:
 * "detected-plagiarism"). `fallbackSource` fills a missing source_reference.
 */
export function parseFeatures(xml: string, name: string, fallbackSource = ''): Annotation[] {
  const doc = /<document[^>]*reference="([^"]+)"/.exec(xml)?.[1] ?? '';
  const out: Annotation[] = [];
  for (const m of xml.matchAll(/<feature\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    if (a.name !== name) continue;
    out.push({
      doc, offset: Number(a.this_offset), length: Number(a.this_length),
      source: a.source_reference ?? fallbackSource,
      sourceOffset: Number(a.source_offset), sourceLength: Number(a.source_length),
    });
  }
  return out;
}

/** A string as an XML attribute value (PAN's detection files). */
export function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** A PAN detection file for one document pair. */
export function detectionXml(doc: string, detections: readonly Annotation[]): string {
  const lines = detections.map((d) =>
    `<feature name="detected-plagiarism" this_offset="${d.offset}" this_length="${d.length}" source_reference="${escapeAttribute(d.source)}" source_offset="${d.sourceOffset}" source_length="${d.sourceLength}"/>`);
  return `<document reference="${escapeAttribute(doc)}">\n${lines.map((l) => `${l}\n`).join('')}</document>\n`;
}
