import { fail } from '../failure.js';
import type { Extractor } from '../registry.js';
import { TextBuilder } from '../text-builder.js';

/**
 * pdf.js 5.6 (bundled by unpdf 1.7) calls ArrayBuffer.prototype.transferToFixedLength, which
 * Node 20 lacks; without it operator lists (colours, images) fail. A copying stand-in is enough.
 */
function polyfillArrayBufferTransfer(): void {
  const proto = ArrayBuffer.prototype as unknown as Record<string, unknown>;
  if (typeof proto.transferToFixedLength === 'function') return;
  proto.transferToFixedLength = function transferToFixedLength(this: ArrayBuffer, length?: number): ArrayBuffer {
    const out = new ArrayBuffer(length ?? this.byteLength);
    new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(out.byteLength, this.byteLength)));
    return out;
  };
}

/** Text smaller than this (in PDF points) is too small to read. */
const TINY_POINTS = 1.5;

interface PageScan {
  hidden: string[];
  hasImage: boolean;
}

type Ops = Record<string, number>;

/** Walks a page's operator list for text drawn white or invisible (render mode 3) and for images. */
function scanOperators(fnArray: number[], argsArray: unknown[][], OPS: Ops): PageScan {
  const hidden: string[] = [];
  let hasImage = false;
  let fill = '#000000';
  let mode = 0;
  const stack: { fill: string; mode: number }[] = [];
  let run = '';
  const flush = (): void => {
    if (run.trim()) hidden.push(run);
    run = '';
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] ?? [];
    if (fn === OPS.save) stack.push({ fill, mode });
    else if (fn === OPS.restore) ({ fill, mode } = stack.pop() ?? { fill, mode });
    else if (fn === OPS.setFillRGBColor) fill = typeof args[0] === 'string' ? args[0].toLowerCase() : rgbHex(args as number[]);
    else if (fn === OPS.setFillGray) fill = (args[0] as number) >= 1 ? '#ffffff' : '#000000';
    else if (fn === OPS.setTextRenderingMode) mode = args[0] as number;
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) hasImage = true;
    else if (fn === OPS.showText || fn === OPS.showSpacedText || fn === OPS.nextLineShowText || fn === OPS.nextLineSetSpacingShowText) {
      const glyphs = args.find(Array.isArray) as unknown[] | undefined;
      const text = (glyphs ?? []).map((g) => (g && typeof g === 'object' && 'unicode' in g ? String((g as { unicode: string }).unicode) : typeof g === 'number' && g < -200 ? ' ' : '')).join('');
      if (fill === '#ffffff' || mode === 3 || mode === 7) run += text;
      else flush();
    }
  }
  flush();
  return { hidden, hasImage };
}

function rgbHex(rgb: number[]): string {
  return '#' + rgb.slice(0, 3).map((v) => Math.round(v <= 1 ? v * 255 : v).toString(16).padStart(2, '0')).join('');
}

/** PDF through unpdf (pdf.js): a block per text line with its page; hidden text and image-only pages. */
export const pdfExtractor: Extractor = {
  formats: ['pdf'],
  async extract(bytes, ctx) {
    polyfillArrayBufferTransfer();
    // Loaded on first use: an isolated extraction of another format does not pay for pdf.js.
    const { getDocumentProxy, getResolvedPDFJS } = await import('unpdf');
    const { OPS } = (await getResolvedPDFJS()) as unknown as { OPS: Ops };
    let pdf: Awaited<ReturnType<typeof import('unpdf').getDocumentProxy>>;
    try {
      // A copy as a plain Uint8Array: pdf.js refuses a Node Buffer (what the service reads from the
      // blob store), and it detaches the buffer it is given.
      pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
    } catch (err) {
      const e = err as { name?: string; message?: string };
      if (e.name === 'PasswordException') fail('encrypted_file', 'encrypted: the PDF needs a password to open');
      fail('corrupt_file', `corrupt: the PDF cannot be read (${e.message ?? String(err)})`);
    }
    try {
      if (pdf.numPages > ctx.limits.maxPages) fail('too_large', `too large: ${pdf.numPages} pages, more than the limit of ${ctx.limits.maxPages}`);
      const builder = new TextBuilder(ctx.limits);
      const hidden: string[] = [];
      const imageOnlyPages: number[] = [];
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        let line = '';
        let pageText = '';
        let tiny = '';
        for (const item of content.items) {
          if (!('str' in item)) continue;
          const size = Math.hypot(item.transform[2], item.transform[3]);
          if (item.str.trim() && size > 0 && size < TINY_POINTS) tiny += item.str + ' ';
          line += item.str;
          if (item.hasEOL) {
            builder.add(line, { page: n });
            pageText += line;
            line = '';
          }
        }
        builder.add(line, { page: n });
        pageText += line;
        if (tiny.trim()) hidden.push(tiny);
        const ops = await page.getOperatorList();
        const scan = scanOperators(ops.fnArray, ops.argsArray as unknown[][], OPS);
        hidden.push(...scan.hidden);
        if (!pageText.trim() && scan.hasImage) imageOnlyPages.push(n);
        page.cleanup();
      }
      return { text: builder.text, blocks: builder.blocks, pages: pdf.numPages, hidden, imageOnlyPages };
    } finally {
      await pdf.destroy();
    }
  },
};
