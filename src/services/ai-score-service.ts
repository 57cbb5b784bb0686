import type { AiVerdict } from '../engine/index.js';
import { detectAiTextBuiltin } from '../ai-models/index.js';
import type { DocumentRow } from '../store/index.js';
import type { ServiceContext } from './context.js';

const CACHE_SIZE = 500;

/**
 * The AI-generated-text verdict of a document from the built-in detector (docs/ai-detection.md),
 * for APIs that report it. The verdict depends only on the extracted text, so it is kept per
 * document version (id and last change) in a small in-process cache instead of recomputed on
 * every poll. Documents without text yet have no verdict (null).
 */
export class AiScoreService {
  private readonly cache = new Map<string, AiVerdict>();

  constructor(private readonly ctx: ServiceContext) {}

  async verdict(doc: DocumentRow): Promise<AiVerdict | null> {
    const key = `${doc.id}:${doc.updated_at}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const row = await this.ctx.store.documents.text(doc.id);
    if (!row) return null;
    const verdict = detectAiTextBuiltin(row.text, { language: doc.language ?? undefined });
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, verdict);
    return verdict;
  }
}
