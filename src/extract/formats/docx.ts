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
  async extract(bytes, ctx) {
    const zip = ctx.sniffed.zip;
    if (!zip) fail('corrupt_file', 'corrupt: not a zip file');
    const documentXml = zip.text('word/document.xml') ?? fail('corrupt_file', 'corrupt: word/document.xml is missing');
    let raw: string;
    try {
      const mammoth = (await import('mammoth')).default;
      raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
    } catch (err) {
      fail('corrupt_file', `corrupt: the DOCX cannot be read (${(err as Error).message})`);
    }
    const builder = new TextBuilder(ctx.limits);
    for (const paragraph of raw.split(/\n\n/)) builder.add(paragraph);
    return { text: builder.text, blocks: builder.blocks, pages: 1, hidden: docxHiddenText(documentXml) };
  },
};
