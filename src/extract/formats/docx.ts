import { zipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { fail } from '../failure.js';
import type { Extractor } from '../registry.js';
import { TextBuilder } from '../text-builder.js';

/** A run property that hides text: w:vanish, white colour, or a size of 2 points or less. */
function hidingProperty(name: string, attrs: Record<string, string>): boolean {
  const val = attrs['w:val'];
  if (name === 'w:vanish' || name === 'w:specvanish') return val !== '0' && val !== 'false';
  if (name === 'w:color') return /^(ffffff|white)$/i.test(val ?? '');
  if (name === 'w:sz') return Number(val) > 0 && Number(val) <= 4; // half-points
  return false;
}

/** Text of runs in word/document.xml that a reader cannot see. */
export function docxHiddenText(xml: string): string[] {
  const hidden: string[] = [];
  let inRunProps = false;
  let runHidden = false;
  let inText = false;
  let run = '';
  let pending = '';
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'w:r') { runHidden = false; run = ''; }
      else if (name === 'w:rPr') inRunProps = true;
      else if (inRunProps && hidingProperty(name, attrs)) runHidden = true;
      else if (name === 'w:t') inText = true;
    },
    ontext(t) { if (inText) run += t; },
    onclosetag(name) {
      if (name === 'w:rPr') inRunProps = false;
      else if (name === 'w:t') inText = false;
      else if (name === 'w:r') {
        if (runHidden) pending += run;
        else if (run.trim() && pending.trim()) { hidden.push(pending); pending = ''; }
      } else if (name === 'w:p' && pending.trim()) { hidden.push(pending); pending = ''; }
    },
  }, { xmlMode: true, decodeEntities: true });
  parser.write(xml);
  parser.end();
  if (pending.trim()) hidden.push(pending);
  return hidden;
}

/** DOCX through mammoth (raw text, a block per paragraph); hidden runs from the document XML. */
export const docxExtractor: Extractor = {
  formats: ['docx'],
  async extract(_bytes, ctx) {
    const zip = ctx.sniffed.zip;
    if (!zip) fail('corrupt_file', 'corrupt: not a zip file');
    const documentXml = zip.text('word/document.xml') ?? fail('corrupt_file', 'corrupt: word/document.xml is missing');
    // mammoth unzips with JSZip, which trusts the sizes a zip declares. It gets a copy holding only
    // the XML parts, each read through our size-capped reader, so a lying member cannot balloon.
    const parts: Record<string, Uint8Array> = {};
    for (const entry of zip.entries) if (/\.(xml|rels)$/i.test(entry.name)) parts[entry.name] = zip.read(entry.name)!;
    const safeCopy = zipSync(parts, { level: 0 });
    let raw: string;
    try {
      const mammoth = (await import('mammoth')).default;
      raw = (await mammoth.extractRawText({ buffer: Buffer.from(safeCopy.buffer, safeCopy.byteOffset, safeCopy.byteLength) })).value;
    } catch (err) {
      fail('corrupt_file', `corrupt: the DOCX cannot be read (${(err as Error).message})`);
    }
    const builder = new TextBuilder(ctx.limits);
    for (const paragraph of raw.split(/\n\n/)) builder.add(paragraph);
    return { text: builder.text, blocks: builder.blocks, pages: 1, hidden: docxHiddenText(documentXml) };
  },
};
