import { posix } from 'node:path';
import { Parser } from 'htmlparser2';
import type { ZipContainer } from '../zip-container.js';

/** Calls back for every element of an XML part (htmlparser2 in XML mode: no DTDs, no entities fetched). */
export function walkXml(xml: string, handlers: { open?: (name: string, attrs: Record<string, string>) => void; text?: (t: string) => void; close?: (name: string) => void }): void {
  const parser = new Parser({ onopentag: handlers.open, ontext: handlers.text, onclosetag: handlers.close }, { xmlMode: true, decodeEntities: true });
  parser.write(xml);
  parser.end();
}

/** The relationship targets of an OOXML part, by id, resolved to zip paths. */
export function relationships(zip: ZipContainer, partPath: string): Map<string, string> {
  const dir = posix.dirname(partPath);
  const relsPath = posix.join(dir, '_rels', posix.basename(partPath) + '.rels');
  const out = new Map<string, string>();
  walkXml(zip.text(relsPath) ?? '', {
    open(name, attrs) {
      if (name === 'Relationship' && attrs.Id && attrs.Target && attrs.TargetMode !== 'External') {
        out.set(attrs.Id, attrs.Target.startsWith('/') ? attrs.Target.slice(1) : posix.normalize(posix.join(dir, attrs.Target)));
      }
    },
  });
  return out;
}
