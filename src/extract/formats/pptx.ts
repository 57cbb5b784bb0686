import { fail } from '../failure.js';
import type { Extractor } from '../registry.js';
import { TextBuilder } from '../text-builder.js';
import { relationships, walkXml } from './ooxml-parts.js';

/** PPTX: slides in presentation order, a page per slide and a block per paragraph. Hidden slides, white and tiny runs are reported. */
export const pptxExtractor: Extractor = {
  formats: ['pptx'],
  async extract(_bytes, ctx) {
    const zip = ctx.sniffed.zip ?? fail('corrupt_file', 'corrupt: not a zip file');
    const presentation = zip.text('ppt/presentation.xml') ?? fail('corrupt_file', 'corrupt: ppt/presentation.xml is missing');
    const rels = relationships(zip, 'ppt/presentation.xml');
    const slidePaths: string[] = [];
    walkXml(presentation, { open(name, attrs) { if (name === 'p:sldId' && rels.has(attrs['r:id'])) slidePaths.push(rels.get(attrs['r:id'])!); } });
    if (slidePaths.length > ctx.limits.maxPages) fail('too_large', `too large: ${slidePaths.length} slides, more than the limit of ${ctx.limits.maxPages}`);
    const builder = new TextBuilder(ctx.limits);
    const hidden: string[] = [];
    const imageOnlyPages: number[] = [];
    slidePaths.forEach((path, i) => {
      const xml = zip.text(path);
      if (xml === undefined) fail('corrupt_file', `corrupt: slide ${path} is missing`);
      let slideHidden = false;
      let hasPicture = false;
      let paragraph = '';
      let inText = false;
      let runHides = false;
      let inRunProps = false;
      let hiddenRun = '';
      const slideText: string[] = [];
      walkXml(xml, {
        open(name, attrs) {
          if (name === 'p:sld' && attrs.show === '0') slideHidden = true;
          else if (name === 'p:pic') hasPicture = true;
          else if (name === 'a:r') runHides = false;
          else if (name === 'a:rPr') {
            inRunProps = true;
            if (Number(attrs.sz) > 0 && Number(attrs.sz) <= 200) runHides = true;
          } else if (inRunProps && name === 'a:srgbClr' && /^ffffff$/i.test(attrs.val ?? '')) runHides = true;
          else if (name === 'a:t') inText = true;
          else if (name === 'a:br') paragraph += '\n';
        },
        text(t) {
          if (!inText) return;
          paragraph += t;
          if (runHides) hiddenRun += t;
        },
        close(name) {
          if (name === 'a:rPr') inRunProps = false;
          else if (name === 'a:t') inText = false;
          else if (name === 'a:p') {
            if (paragraph.trim()) slideText.push(paragraph);
            builder.add(paragraph, { page: i + 1 });
            paragraph = '';
            if (hiddenRun.trim()) hidden.push(hiddenRun);
            hiddenRun = '';
          }
        },
      });
      if (slideHidden && slideText.length) hidden.push(slideText.join(' '));
      if (hasPicture && !slideText.some((t) => /[\p{L}\p{N}]/u.test(t))) imageOnlyPages.push(i + 1);
    });
    return { text: builder.text, blocks: builder.blocks, pages: slidePaths.length, hidden, imageOnlyPages };
  },
};
