/**
 * Messages from the preparing thread of `origo pan` (prepare-thread.ts) to the aligning main
 * thread (pipelined-align.ts): per pair, in pair order, the documents the main thread does not
 * hold yet, or the pair's passages when the preparing thread aligned it itself (a pair across
 * languages). A document goes as plain data (structured clone): its text, word spans, key
 * hashes and the source of its sentence model (per word a stem number; sentences as columns).
 * The main thread builds the sentence models: the work is shared more evenly that way.
 *
 * A sentence model refers to two things shared by the models of its stem generation: the stem
 * strings by number (`stems`, read only to match models of different generations) and the
 * WordNet synonym index numbered for them. They are sent once, as they grow: an item carries
 * the stems numbered since the previous item and a new generation's synonym index.
 */
import { buildSentenceModel, keyHashes, modelSource, synonymIndex } from '../engine/text/index.js';
import type { AlignmentInput, ModelSource, Passage, PreparedText, SynonymIndex } from '../engine/text/index.js';

/** A document as sent. */
export interface SentDocument {
  key: string;
  text: string;
  wordStart: Int32Array;
  wordEnd: Int32Array;
  keyHashes: Int32Array;
  source: ModelSource;
  /** English: its model uses the synonym index of its stem generation. */
  synonyms: boolean;
}

export interface PairItem {
  /** Index of the pair in the job list. */
  i: number;
  /** Stems numbered since the previous item (appended to generation `generation`'s list, from `from`). */
  stems?: { generation: number; from: number; list: string[] }[];
  /** Synonym index of a generation met for the first time. */
  synonyms?: SynonymIndex;
  /** Documents of this pair the main thread has not been sent. */
  docs: SentDocument[];
  /** Passages, when this thread aligned the pair (across languages). */
  passages?: Passage[];
}

/** A batch of items (`pairs`: how many pairs the preparing thread read), or its failure. */
export type PrepareMessage = { pairs: number; items: PairItem[] } | { error: string };

/** Preparing side: what is sent of the shared parts so far. */
export class DocumentEncoder {
  private readonly stemsSent = new Map<number, number>();
  private readonly synonymsSent = new Set<number>();

  /** Adds prepared text `p` to `item`, with the stems and synonym index the main thread lacks. */
  add(item: PairItem, key: string, p: PreparedText): void {
    const source = modelSource(p);
    const g = source.stemGeneration;
    const english = p.language === 'en';
    // Built (numbering its stems) before the stems are sent.
    const synonyms = english ? synonymIndex(g) : null;
    const stems = p.forms.stems;
    const sent = this.stemsSent.get(g) ?? 0;
    if (stems.length > sent) {
      (item.stems ??= []).push({ generation: g, from: sent, list: stems.slice(sent) });
      this.stemsSent.set(g, stems.length);
    }
    if (synonyms && !this.synonymsSent.has(g)) {
      item.synonyms = synonyms;
      this.synonymsSent.add(g);
    }
    item.docs.push({ key, text: p.text, wordStart: p.wordStart, wordEnd: p.wordEnd, keyHashes: keyHashes(p), source, synonyms: english });
  }
}

/** Aligning side: the shared parts received so far; builds the documents' sentence models. */
export class DocumentDecoder {
  private readonly stems = new Map<number, string[]>();
  private readonly synonyms = new Map<number, SynonymIndex>();

  /** Takes in an item's shared parts; returns its documents as alignment inputs. */
  decode(item: PairItem): [string, AlignmentInput][] {
    for (const add of item.stems ?? []) {
      let list = this.stems.get(add.generation);
      if (!list) this.stems.set(add.generation, list = []);
      if (list.length !== add.from) throw new Error(`stems of generation ${add.generation} out of order`);
      for (const s of add.list) list.push(s);
    }
    if (item.synonyms) this.synonyms.set(item.synonyms.generation, item.synonyms);
    return item.docs.map((d) => {
      const g = d.source.stemGeneration;
      const synonyms = d.synonyms ? this.synonyms.get(g) ?? null : null;
      if (d.synonyms && !synonyms) throw new Error(`no synonym index for stem generation ${g}`);
      const model = buildSentenceModel(d.source, this.stems.get(g) ?? [], synonyms);
      return [d.key, { text: d.text, wordStart: d.wordStart, wordEnd: d.wordEnd, keyHashes: d.keyHashes, model }];
    });
  }
}
