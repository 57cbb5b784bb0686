import { prepareText, type PreparedText } from '../../engine/index.js';

/** Prepared texts kept for reuse: a class's documents are sources of one another again and again. */
const CAPACITY = 128;
const cache = new Map<number, { text: string; prepared: PreparedText }>();

/**
 * The prepared form of a stored document's text, from the cache when the same text was prepared
 * recently (least recently used entries leave first). Documents without an id (<= 0) are not kept.
 */
export function preparedText(documentId: number, text: string): PreparedText {
  const hit = cache.get(documentId);
  if (hit && hit.text === text) {
    cache.delete(documentId);
    cache.set(documentId, hit);
    return hit.prepared;
  }
  const prepared = prepareText(text);
  if (documentId > 0) {
    cache.set(documentId, { text, prepared });
    if (cache.size > CAPACITY) cache.delete(cache.keys().next().value as number);
  }
  return prepared;
}
