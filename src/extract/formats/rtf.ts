import { ExtractionFailure } from '../failure.js';
import type { Extractor } from '../registry.js';
import { TextBuilder } from '../text-builder.js';

interface RtfSpan { value?: string; style?: { foreground?: { red: number; green: number; blue: number }; fontSize?: number }; content?: RtfSpan[] }

function spanText(span: RtfSpan): string {
  return span.value ?? (span.content ?? []).map(spanText).join('');
}

function spanHides(span: RtfSpan): boolean {
  const fg = span.style?.foreground;
  const size = span.style?.fontSize;
  return (fg !== undefined && fg.red === 255 && fg.green === 255 && fg.blue === 255) || (size !== undefined && size > 0 && size <= 4);
}

/** RTF through rtf-parser: a block per paragraph; white or 2-point runs reported as hidden. */
export const rtfExtractor: Extractor = {
  formats: ['rtf'],
  async extract(bytes, ctx) {
    const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const parseRtf = (await import('rtf-parser')).default;
    const doc = await new Promise<{ content: RtfSpan[] }>((resolve, reject) => {
      const broken = (err: unknown) => reject(new ExtractionFailure('corrupt_file', `corrupt: the RTF cannot be read (${(err as Error)?.message ?? String(err)})`));
      try {
        parseRtf.string(source, (err: Error | null, parsed: { content: RtfSpan[] }) => (err ? broken(err) : resolve(parsed)));
      } catch (err) {
        broken(err);
      }
    });
    const builder = new TextBuilder(ctx.limits);
    const hidden: string[] = [];
    for (const paragraph of doc.content) {
      builder.add(spanText(paragraph));
      for (const span of paragraph.content ?? [paragraph]) if (spanHides(span) && spanText(span).trim()) hidden.push(spanText(span));
    }
    return { text: builder.text, blocks: builder.blocks, pages: 1, hidden };
  },
};
