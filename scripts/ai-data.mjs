// Reads ../shared/data/ai-text (or ORIGO_AI_DATA) into labelled rows with the roles its README
// fixes: TRAIN (OUTFOX prompt_idx % 5 != 0, fast-detect-gpt xsum + writing), DEV (OUTFOX
// prompt_idx % 5 == 0) and EVAL (liang-detector-bias, fast-detect-gpt pubmed, zippy); and
// ../shared/data/ai-text-extra (or ORIGO_AI_EXTRA_DATA), which its README allows for calibration
// and evaluation only, never for weights. Used by scripts/train-ai.mjs and bench/ai.mjs; nothing
// here is shipped.
// Row: { id, set, label: 'human'|'ai', text, detectors?: { name: score } }.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const dataDir = process.env.ORIGO_AI_DATA ?? join(root, '..', 'shared', 'data', 'ai-text');
export const extraDir = process.env.ORIGO_AI_EXTRA_DATA ?? join(root, '..', 'shared', 'data', 'ai-text-extra');

/** The fast-detect-gpt AI texts continue the first ~30 tokens of their human pair: drop them. */
export const FAST_DETECT_PREFIX_WORDS = 30;

function stripPrefix(text) {
  return text.trim().split(/\s+/).slice(FAST_DETECT_PREFIX_WORDS).join(' ');
}

function outfoxRows() {
  const file = join(dataDir, 'outfox', 'outfox_test.jsonl.gz');
  return gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
}

function outfox(role) {
  return outfoxRows()
    .filter((r) => (role === 'dev') === (r.prompt_idx % 5 === 0))
    .map((r) => ({ id: `outfox/${r.id}`, set: `outfox-${role}/${r.source}`, label: r.label, text: r.text, prompt: r.prompt_idx }));
}

/** Human texts repeat across the three generator files of a domain: keep each distinct text once. */
function fastDetect(domain) {
  const dir = join(dataDir, 'fast-detect-gpt');
  const rows = [];
  const seenHuman = new Set();
  for (const gen of ['davinci', 'gpt-3.5-turbo', 'gpt-4']) {
    const data = JSON.parse(readFileSync(join(dir, `${domain}_${gen}.raw_data.json`), 'utf8'));
    data.original.forEach((t, i) => {
      if (seenHuman.has(t)) return;
      seenHuman.add(t);
      const text = stripPrefix(t);
      rows.push({ id: `fdg/${domain}/${gen}/h${i}`, set: `fast-detect-gpt/${domain}/human`, label: 'human', text });
    });
    data.sampled.forEach((t, i) => {
      rows.push({ id: `fdg/${domain}/${gen}/a${i}`, set: `fast-detect-gpt/${domain}/${gen}`, label: 'ai', text: stripPrefix(t) });
    });
  }
  return rows;
}

function liang() {
  const dir = join(dataDir, 'liang-detector-bias');
  const rows = [];
  for (const folder of readdirSync(dir).sort()) {
    const data = JSON.parse(readFileSync(join(dir, folder, 'data.json'), 'utf8'));
    const meta = JSON.parse(readFileSync(join(dir, folder, 'name.json'), 'utf8'));
    const scoresFile = join(dir, folder, 'detector_scores.json');
    const scores = existsSync(scoresFile) ? JSON.parse(readFileSync(scoresFile, 'utf8')) : {};
    // Human-written then AI-edited essays are neither class: they are reported as a flag rate.
    const edited = /polished|simplify/i.test(folder);
    const label = edited ? 'ai' : meta.kind === 'Human-Written' ? 'human' : 'ai';
    data.forEach((d, i) => {
      const detectors = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v[i] ?? null]));
      rows.push({ id: `liang/${folder}/${i}`, set: `liang/${folder}`, label, text: d.document, detectors, edited });
    });
  }
  return rows;
}

function parseCsv(s) {
  const rows = [];
  let row = [], f = '', q = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (q) { if (ch === '"') { if (s[i + 1] === '"') { f += '"'; i++; } else q = false; } else f += ch; }
    else if (ch === '"' && f === '') q = true;
    else if (ch === ',') { row.push(f); f = ''; }
    else if (ch === '\n' || ch === '\r') { if (ch === '\r' && s[i + 1] === '\n') i++; row.push(f); rows.push(row); row = []; f = ''; }
    else f += ch;
  }
  if (f !== '' || row.length) { row.push(f); rows.push(row); }
  const [head, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(head.map((k, j) => [k.trim(), r[j] ?? ''])));
}

function zippy() {
  const rows = parseCsv(readFileSync(join(dataDir, 'zippy', 'gptzero_eval.csv'), 'utf8'));
  return rows.map((r) => {
    const detectors = {};
    for (const k of Object.keys(r)) {
      const m = /^(.*) AI Score$/.exec(k);
      if (m) detectors[m[1]] = r[k] === '' ? null : Number(r[k]);
    }
    const label = r.Label.toLowerCase() === 'ai' ? 'ai' : 'human';
    return { id: `zippy/${r.Index}`, set: 'zippy', label, text: r.Document, detectors };
  });
}

export function trainRows() {
  return [...outfox('train'), ...fastDetect('xsum'), ...fastDetect('writing')];
}
export function devRows() {
  return outfox('dev');
}
export function evalRows() {
  return [...liang(), ...fastDetect('pubmed').map((r) => ({ ...r, set: r.label === 'human' ? 'fast-detect-gpt/pubmed/human' : 'fast-detect-gpt/pubmed/ai' })), ...zippy()];
}

/** The four files of ai-text-extra, each with the genre it is reported under. */
export const EXTRA_FILES = [
  ['ellipse', 'ellipse_ell_student_essays.jsonl'],
  ['locness', 'locness_native_student_essays.jsonl'],
  ['ibrahim', 'ibrahim2023_university_coursework.jsonl'],
  ['m4', 'm4_llama2_en.jsonl'],
];

/**
 * ai-text-extra rows. `split` is the file's own DEV/TRAIN column: we CALIBRATE on its DEV rows
 * and keep its TRAIN rows unseen (reported only); no row of it ever fits a weight. Sets: one per
 * file, M4 one per domain (its genres differ too much to pool). WikiHow texts lose their first
 * line (the AI side opens with a "How to ..." title the human side lacks; README caveat).
 */
export function extraRows() {
  const rows = [];
  for (const [name, file] of EXTRA_FILES) {
    for (const line of readFileSync(join(extraDir, file), 'utf8').trim().split('\n')) {
      const r = JSON.parse(line);
      const text = r.domain === 'wikihow-howto' ? r.text.split('\n').slice(1).join('\n') : r.text;
      const set = name === 'm4' ? `extra/m4/${r.domain}` : `extra/${name}`;
      rows.push({ id: `extra/${r.id}`, set, label: r.label, text, split: r.split });
    }
  }
  return rows;
}
