/**
 * Features of a passage for the built-in AI-text detector, chosen to carry across topics:
 * - style measures: sentence-length mean and variation ("burstiness"), word length, vocabulary
 *   richness (moving-average type-token ratio, hapax share), punctuation and capitalisation habits,
 *   contractions, and slips that careful generators do not make (lower-case "i", a sentence that
 *   starts in lower case, a missing space after a comma);
 * - the function-word profile (rate of each word of FUNCTION_WORDS);
 * - hashed n-grams (1 to 3) of the text with its topic masked (Stamatatos's text distortion):
 *   function words and punctuation stay, every other word becomes its shape (capitalised or not,
 *   short, medium or long), numbers become "#".
 * The vector has a fixed length, so a linear model over it is plain data.
 */
import { fnv1a } from '../text/hash.js';
import { FUNCTION_WORDS, isFunctionWord } from './function-words.js';
import type { Sentence, Token } from './tokens.js';

export interface FeatureSpec {
  /** Buckets of the masked n-gram hash: 2^hashBits. */
  hashBits: number;
  /** Longest masked n-gram. */
  maxN: number;
  /**
   * How a content word is masked: 'shape' (capitalised or not; short, medium, long), 'suffix'
   * (the shape and its last two letters, which carry inflection and derivation: -ly, -ng, -ed).
   * Default 'shape'.
   */
  mask?: 'shape' | 'suffix';
  /**
   * Append HABIT_FEATURES (habits of instruction-tuned generators that hold across genres; see
   * docs/ai-detection.md, v3). Absent in older model files.
   */
  habits?: boolean;
}

export const STYLE_FEATURES: readonly string[] = [
  'sentence_len_mean', 'sentence_len_sd', 'sentence_len_cv', 'sentence_short_share', 'sentence_long_share',
  'sentence_len_adjacent_diff', 'word_len_mean', 'word_len_sd', 'word_long_share', 'word_very_long_share',
  'mattr_50', 'hapax_share_150', 'content_repeat_share', 'function_word_share', 'sentence_start_diversity',
  'comma_rate', 'semicolon_rate', 'colon_rate', 'exclaim_rate', 'question_rate', 'quote_rate',
  'paren_rate', 'dash_rate', 'hyphenated_rate', 'ellipsis_rate', 'digit_rate', 'capitalised_rate',
  'allcaps_rate', 'contraction_rate', 'lower_i_rate', 'lower_sentence_start_share', 'comma_no_space_rate',
  'space_before_punct_rate', 'repeated_punct_rate', 'first_person_rate', 'second_person_rate',
  'marker_word_rate',
];

/**
 * Words whose use rose sharply with chat assistants across every field ("excess vocabulary",
 * Kobak et al. 2024; Liang et al. 2024): a habit of the generators, not a topic.
 */
const MARKER_WORDS = new Set([
  'delve', 'delves', 'delving', 'crucial', 'pivotal', 'intricate', 'intricacies', 'showcase', 'showcases',
  'showcasing', 'underscore', 'underscores', 'underscoring', 'notably', 'comprehensive', 'enhance', 'enhances',
  'enhancing', 'foster', 'fosters', 'fostering', 'additionally', 'furthermore', 'moreover', 'overall',
  'ultimately', 'essential', 'vital', 'various', 'numerous', 'ensure', 'ensuring', 'ensures', 'valuable',
  'insights', 'realm', 'landscape', 'tapestry', 'multifaceted', 'nuanced', 'robust', 'seamless', 'seamlessly',
  'leverage', 'leveraging', 'paramount', 'meticulous', 'meticulously', 'commendable', 'garnered', 'boasts',
  'navigate', 'navigating', 'embark', 'profound', 'resonate', 'resonates', 'vibrant', 'bolster', 'streamline',
  'holistic', 'invaluable', 'noteworthy', 'unparalleled', 'elevate', 'harness', 'empower', 'empowering',
  'transformative', 'aligns', 'facilitate', 'facilitating', 'encompasses', 'encompassing', 'utilize',
  'utilizing', 'significantly', 'potential', 'valuable', 'endeavor', 'endeavors',
]);

/**
 * Appended after the hashed n-grams when `spec.habits`: generator habits whose direction (machine
 * text higher or lower) is the same in every genre measured, formal human prose included.
 */
export const HABIT_FEATURES: readonly string[] = [
  'stock_phrase_rate', 'initial_connective_share', 'sentence_comma_cv', 'sentence_function_word_sd',
];

/** Stock phrases of instruction-tuned models ("it is important to", "plays a crucial role", ...). */
const STOCK_PHRASES: readonly RegExp[] = [
  /\bit\s+is\s+(?:important|essential|crucial|worth|clear|evident|necessary)\s+(?:to|that)\b/g,
  /\bplays?\s+an?\s+(?:crucial|vital|key|significant|important|major)\s+role\b/g,
  /\bnot\s+only\b/g, /\bin\s+conclusion\b/g, /\bin\s+summary\b/g, /\bon\s+the\s+other\s+hand\b/g,
  /\ba\s+(?:wide\s+)?(?:variety|range|number)\s+of\b/g, /\bcan\s+(?:help|lead|be)\b/g, /\bsuch\s+as\b/g,
  /\boverall,/g, /\bin\s+addition\b/g, /\bas\s+well\s+as\b/g, /\bhelps?\s+to\b/g,
  /\bthis\s+(?:is|can|means|allows|helps)\b/g, /\bthere\s+are\s+(?:several|many|a\s+few)\b/g,
];
/** Words that open a sentence as a connective or a framing phrase ("However, ...", "In addition, ..."). */
const CONNECTIVES = new Set([
  'however', 'additionally', 'furthermore', 'moreover', 'overall', 'firstly', 'secondly', 'thirdly', 'lastly',
  'finally', 'ultimately', 'consequently', 'therefore', 'thus', 'similarly', 'nonetheless', 'nevertheless',
  'instead', 'meanwhile', 'also', 'in', 'for', 'on', 'as', 'while', 'although', 'this', 'these', 'it',
]);

export function featureLength(spec: FeatureSpec): number {
  return STYLE_FEATURES.length + FUNCTION_WORDS.length + (1 << spec.hashBits) + (spec.habits ? HABIT_FEATURES.length : 0);
}

/**
 * HABIT_FEATURES of tokens with their sentences: the rate of stock phrases (per 20 words), the share
 * of sentences opened by a connective and a comma within four tokens, and how little the comma
 * count and the function-word share change from sentence to sentence (sentences of 3+ words).
 */
function habitFeatures(text: string, tokens: readonly Token[], sents: readonly Sentence[], words: number): number[] {
  const perSentence = sents
    .map((s) => ({ s, words: tokens.slice(s.first, s.last).filter((t) => t.kind === 'word') }))
    .filter((x) => x.words.length >= 3);
  const fwShare = perSentence.map((x) => x.words.filter((t) => isFunctionWord(t.lower)).length / x.words.length);
  const commas = perSentence.map((x) => tokens.slice(x.s.first, x.s.last).filter((t) => t.text === ',').length);
  let connective = 0;
  for (const s of sents) {
    const t = tokens.slice(s.first, s.last);
    const comma = t.findIndex((x) => x.text === ',');
    if (comma > 0 && comma <= 4 && t[0].kind === 'word' && CONNECTIVES.has(t[0].lower)) connective++;
  }
  let stock = 0;
  if (tokens.length) {
    const span = text.slice(tokens[0].start, tokens[tokens.length - 1].end).toLowerCase();
    for (const re of STOCK_PHRASES) stock += span.match(re)?.length ?? 0;
  }
  const commaMean = mean(commas);
  return [
    (stock / Math.max(1, words)) * 20,
    sents.length ? connective / sents.length : 0,
    commaMean ? sd(commas, commaMean) / (commaMean + 0.5) : 0,
    sd(fwShare) * 5,
  ];
}

const FW_INDEX = new Map(FUNCTION_WORDS.map((w, i) => [w, i]));
const CONTRACTIONS = new Set(["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"]);
const FIRST = new Set(['i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves']);
const SECOND = new Set(['you', 'your', 'yours', 'yourself', 'yourselves']);

function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
function sd(xs: readonly number[], m = mean(xs)): number {
  return xs.length > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - m) * (x - m), 0) / (xs.length - 1)) : 0;
}

/** Moving-average type-token ratio (Covington and McFall 2010): independent of text length. */
function mattr(words: readonly string[], window: number): number {
  if (words.length <= window) return words.length ? new Set(words).size / words.length : 0;
  const counts = new Map<string, number>();
  let distinct = 0;
  let total = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const c = counts.get(w) ?? 0;
    if (c === 0) distinct++;
    counts.set(w, c + 1);
    if (i >= window) {
      const old = words[i - window];
      const oc = counts.get(old)! - 1;
      counts.set(old, oc);
      if (oc === 0) distinct--;
    }
    if (i >= window - 1) total += distinct / window;
  }
  return total / (words.length - window + 1);
}

function maskedKey(t: Token, mask: FeatureSpec['mask']): string {
  if (t.kind === 'number') return '#';
  if (t.kind === 'punct') return t.text;
  if (isFunctionWord(t.lower)) return t.lower;
  const size = t.text.length <= 3 ? 's' : t.text.length <= 7 ? 'm' : 'l';
  const shape = (/^\p{Lu}/u.test(t.text) ? 'C' : 'w') + size;
  return mask === 'suffix' && t.text.length > 4 ? shape + '-' + t.lower.slice(-2) : shape;
}

/**
 * The feature vector of tokens[from, to) with its sentences. `text` is the original text, used
 * only to see spaces around punctuation.
 */
export function extractFeatures(
  text: string,
  tokens: readonly Token[],
  sents: readonly Sentence[],
  spec: FeatureSpec,
): Float64Array {
  const x = new Float64Array(featureLength(spec));
  const words = tokens.filter((t) => t.kind === 'word');
  const nw = Math.max(1, words.length);
  const lowers = words.map((w) => w.lower);

  const sl = sents.map((s) => {
    let n = 0;
    for (let i = s.first; i < s.last; i++) if (tokens[i].kind !== 'punct') n++;
    return n;
  }).filter((n) => n > 0);
  const slMean = mean(sl);
  const slSd = sd(sl, slMean);
  let adj = 0;
  for (let i = 1; i < sl.length; i++) adj += Math.abs(sl[i] - sl[i - 1]);
  const wl = words.map((w) => w.text.length);
  const wlMean = mean(wl);

  const counts = new Map<string, number>();
  for (const w of lowers) counts.set(w, (counts.get(w) ?? 0) + 1);
  const head = lowers.slice(0, 150);
  const headCounts = new Map<string, number>();
  for (const w of head) headCounts.set(w, (headCounts.get(w) ?? 0) + 1);
  let hapax = 0;
  for (const c of headCounts.values()) if (c === 1) hapax++;
  let contentTokens = 0;
  let contentRepeats = 0;
  for (const [w, c] of counts) {
    if (isFunctionWord(w)) continue;
    contentTokens += c;
    if (c > 1) contentRepeats += c;
  }
  let fw = 0;
  for (const w of lowers) if (isFunctionWord(w)) fw++;
  const starts = sents.map((s) => tokens.slice(s.first, s.last).find((t) => t.kind === 'word')?.lower ?? '');
  const startDiversity = starts.length ? new Set(starts).size / starts.length : 0;

  const punct = (re: RegExp) => tokens.filter((t) => t.kind === 'punct' && re.test(t.text)).length / nw;
  let lowerStart = 0;
  for (const s of sents) {
    const first = tokens.slice(s.first, s.last).find((t) => t.kind === 'word');
    if (first && /^\p{Ll}/u.test(first.text)) lowerStart++;
  }
  let commaNoSpace = 0;
  let spaceBefore = 0;
  let repeatedPunct = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'punct') continue;
    if (t.text === ',' && /\p{L}/u.test(text[t.end] ?? '')) commaNoSpace++;
    if (/^[,.;:!?]$/.test(t.text) && t.start > 0 && /\s/.test(text[t.start - 1])) spaceBefore++;
    if (/^[!?.]$/.test(t.text) && tokens[i + 1]?.kind === 'punct' && tokens[i + 1].start === t.end && /^[!?.]$/.test(tokens[i + 1].text)) repeatedPunct++;
  }

  const style = [
    slMean / 20, slSd / 10, slMean ? slSd / slMean : 0,
    sl.length ? sl.filter((n) => n < 8).length / sl.length : 0,
    sl.length ? sl.filter((n) => n > 30).length / sl.length : 0,
    sl.length > 1 ? adj / (sl.length - 1) / 10 : 0,
    wlMean / 5, sd(wl, wlMean) / 3,
    wl.filter((n) => n >= 7).length / nw, wl.filter((n) => n >= 10).length / nw,
    mattr(lowers, 50), head.length ? hapax / head.length : 0,
    contentTokens ? contentRepeats / contentTokens : 0, fw / nw, startDiversity,
    punct(/^,$/), punct(/^;$/), punct(/^:$/), punct(/^!$/), punct(/^\?$/), punct(/^"$/),
    punct(/^[()[\]]$/), punct(/^[-—]$/),
    words.filter((w) => w.text.includes('-')).length / nw,
    tokens.filter((t, i) => t.text === '.' && tokens[i + 1]?.text === '.' ).length / nw,
    tokens.filter((t) => t.kind === 'number').length / nw,
    words.filter((w) => /^\p{Lu}/u.test(w.text)).length / nw,
    words.filter((w) => w.text.length > 1 && /^[\p{Lu}]+$/u.test(w.text)).length / nw,
    words.filter((w) => CONTRACTIONS.has(w.lower)).length / nw,
    words.filter((w) => w.text === 'i').length / nw,
    sents.length ? lowerStart / sents.length : 0,
    commaNoSpace / nw, spaceBefore / nw, repeatedPunct / nw,
    lowers.filter((w) => FIRST.has(w)).length / nw,
    lowers.filter((w) => SECOND.has(w)).length / nw,
    lowers.filter((w) => MARKER_WORDS.has(w)).length / nw,
  ];
  x.set(style, 0);

  let off = STYLE_FEATURES.length;
  for (const w of lowers) {
    const j = FW_INDEX.get(w);
    if (j !== undefined) x[off + j] += 1 / nw;
  }

  off += FUNCTION_WORDS.length;
  const mask = (1 << spec.hashBits) - 1;
  const keys = tokens.map((t) => maskedKey(t, spec.mask));
  let grams = 0;
  for (let n = 1; n <= spec.maxN; n++) {
    for (let i = 0; i + n <= keys.length; i++) {
      let h = 0x811c9dc5 + n;
      for (let j = i; j < i + n; j++) h = fnv1a(keys[j] + '\u0001', h);
      x[off + (h & mask)] += 1;
      grams++;
    }
  }
  // Square-rooted relative frequencies damp the most common grams.
  const size = 1 << spec.hashBits;
  for (let i = 0; i < size; i++) x[off + i] = Math.sqrt(x[off + i] / Math.max(1, grams / spec.maxN));
  if (spec.habits) x.set(habitFeatures(text, tokens, sents, words.length), off + size);
  return x;
}
