// Synthetic documents with realistic word statistics, for the throughput and scale benchmarks.
// A first-order word Markov chain learnt from the PAN dev source documents (real English prose,
// ../shared/data/pan-dev/src, read in place): consecutive word pairs, and so the retrieval
// fingerprints (pairs of consecutive content words), occur about as often as in the corpus, with
// its Zipfian vocabulary. Deterministic for a given seed. No document of the corpus is copied:
// each generated sentence walks the chain from a random start.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PAN_DEV = resolve(process.env.ORIGO_PAN_DEV ?? join(root, '../shared/data/pan-dev'));

/** A small deterministic generator (LCG), so runs are repeatable. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

/**
 * The word chain: for each word, the words that follow it in the corpus (with repeats, so frequent
 * successors are drawn often). `exclude` names source files not to learn from (a benchmark that
 * looks for them keeps their word pairs out of its filler).
 */
export function loadChain(corpus = PAN_DEV, exclude = new Set()) {
  const dir = join(corpus, 'src');
  const words = [];
  const index = new Map();
  const id = (w) => {
    let i = index.get(w);
    if (i === undefined) {
      i = words.length;
      words.push(w);
      index.set(w, i);
    }
    return i;
  };
  const follow = [];
  const starts = [];
  for (const name of readdirSync(dir).sort()) {
    if (exclude.has(name)) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    for (const sentence of text.split(/(?<=[.!?])\s+/)) {
      const ws = sentence.toLowerCase().match(/\p{L}[\p{L}']*/gu);
      if (!ws || ws.length < 4) continue;
      let prev = id(ws[0]);
      starts.push(prev);
      for (let k = 1; k < ws.length; k++) {
        const cur = id(ws[k]);
        (follow[prev] ??= []).push(cur);
        prev = cur;
      }
    }
  }
  return { words, follow, starts };
}

/** One sentence of 8 to 30 words walked along the chain. */
export function sentence(chain, rand) {
  const n = 8 + Math.floor(rand() * 23);
  let w = chain.starts[Math.floor(rand() * chain.starts.length)];
  const out = [chain.words[w]];
  while (out.length < n) {
    const next = chain.follow[w];
    w = next && next.length ? next[Math.floor(rand() * next.length)] : chain.starts[Math.floor(rand() * chain.starts.length)];
    out.push(chain.words[w]);
  }
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return `${out.join(' ')}.`;
}

/** A text of about `chars` characters in paragraphs of 3 to 7 sentences. */
export function essay(chain, rand, chars) {
  const paragraphs = [];
  let length = 0;
  while (length < chars) {
    const p = [];
    const k = 3 + Math.floor(rand() * 5);
    for (let i = 0; i < k && length < chars; i++) {
      const s = sentence(chain, rand);
      p.push(s);
      length += s.length + 1;
    }
    paragraphs.push(p.join(' '));
    length += 1;
  }
  return paragraphs.join('\n\n');
}

/** A text of about `words` words. */
export function essayOfWords(chain, rand, words) {
  const out = [];
  let n = 0;
  while (n < words) {
    const s = sentence(chain, rand);
    n += s.split(' ').length;
    out.push(s);
  }
  return out.join(' ');
}

/** Inserts `paragraph` between two paragraphs of `text`, at a position drawn from `rand`. */
export function withParagraph(text, paragraph, rand) {
  const parts = text.split('\n\n');
  const at = Math.floor(rand() * (parts.length + 1));
  parts.splice(at, 0, paragraph);
  return parts.join('\n\n');
}
