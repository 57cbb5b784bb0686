import type { DocumentRow, Store } from '../store/index.js';
import type { StoredAnalysis } from './analysis-model.js';

/** One pair of submissions of an assignment that share passages (as MOSS and Dolos list them). */
export interface SubmissionPair {
  a: { id: string; title: string; author: string | null };
  b: { id: string; title: string; author: string | null };
  /** Percent of a covered by b, and of b covered by a (null while that side has no report naming the other). */
  a_in_b: number | null;
  b_in_a: number | null;
  /** The larger of the two, which ranks the pairs. */
  similarity: number;
  matches: number;
}

const pct = (share: number) => Math.round(share * 10000) / 100;

/** Every pair found among the latest reports of `docs` (peer sources only), most similar first. */
export async function assignmentPairs(store: Store, docs: DocumentRow[]): Promise<SubmissionPair[]> {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const pairs = new Map<string, SubmissionPair>();
  for (const d of docs) {
    const row = await store.analyses.latest(d.id);
    if (!row) continue;
    const analysis = JSON.parse(row.result) as StoredAnalysis;
    for (const s of analysis.sources) {
      const other = byId.get(s.document_id);
      if (!other) continue;
      const [first, second] = d.id < other.id ? [d, other] : [other, d];
      const key = `${first.id}:${second.id}`;
      const who = (x: DocumentRow) => ({ id: x.public_id, title: x.title, author: x.author });
      const p = pairs.get(key) ?? { a: who(first), b: who(second), a_in_b: null, b_in_a: null, similarity: 0, matches: 0 };
      if (d.id === first.id) p.a_in_b = pct(s.similarity);
      else p.b_in_a = pct(s.similarity);
      p.similarity = Math.max(p.a_in_b ?? 0, p.b_in_a ?? 0);
      p.matches = Math.max(p.matches, s.passages.length);
      pairs.set(key, p);
    }
  }
  return [...pairs.values()].sort((x, y) => y.similarity - x.similarity || x.a.title.localeCompare(y.a.title));
}
