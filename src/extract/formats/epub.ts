import { posix } from 'node:path';
import { fail } from '../failure.js';
import type { Extractor } from '../registry.js';
import { TextBuilder } from '../text-builder.js';
import { htmlBlocks } from './html.js';
import { walkXml } from './ooxml-parts.js';

/** Font obfuscation is not DRM: those algorithms only scramble embedded fonts. */
const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);

/** EPUB: the spine's XHTML documents in reading order, a block per HTML block. */
export const epubExtractor: Extractor = {
  formats: ['epub'],
  async extract(_bytes, ctx) {
    const zip = ctx.sniffed.zip ?? fail('corrupt_file', 'corrupt: not a zip file');
    const encryption = zip.text('META-INF/encryption.xml');
    if (encryption) {
      let drm = false;
      walkXml(encryption, { open(name, attrs) { if (/EncryptionMethod$/.test(name) && !FONT_OBFUSCATION.has(attrs.Algorithm ?? '')) drm = true; } });
      if (drm) fail('encrypted_file', 'encrypted: the EPUB is protected by DRM');
    }
    let opfPath = '';
    walkXml(zip.text('META-INF/container.xml') ?? fail('corrupt_file', 'corrupt: META-INF/container.xml is missing'), {
      open(name, attrs) { if (name === 'rootfile' && !opfPath) opfPath = attrs['full-path'] ?? ''; },
    });
    const opf = zip.text(opfPath) ?? fail('corrupt_file', `corrupt: the package document ${opfPath || '(none)'} is missing`);
    const dir = posix.dirname(opfPath);
    const manifest = new Map<string, string>();
    const spine: string[] = [];
    walkXml(opf, {
      open(name, attrs) {
        const local = name.replace(/^.*:/, '');
        if (local === 'item' && attrs.id && attrs.href) manifest.set(attrs.id, posix.normalize(posix.join(dir, decodeURIComponent(attrs.href))));
        else if (local === 'itemref' && attrs.idref) spine.push(attrs.idref);
      },
    });
    const builder = new TextBuilder(ctx.limits);
    const hidden: string[] = [];
    for (const id of spine) {
      const path = manifest.get(id);
      const xhtml = path ? zip.text(path) : undefined;
      if (xhtml === undefined) continue;
      const chapter = htmlBlocks(xhtml);
      for (const block of chapter.blocks) builder.add(block);
      hidden.push(...chapter.hidden);
    }
    return { text: builder.text, blocks: builder.blocks, pages: 1, hidden };
  },
};
