/**
 * Messages from the preparing thread of `origo pan` (prepare-thread.ts) to the aligning main
 * thread (pipelined-align.ts): per pair, in pair order, the alignment inputs of the documents
 * the main thread does not hold yet, or the pair's passages when the preparing thread aligned
 * it itself (a pair across languages). Plain data, copied by structured clone.
 *
 * A sentence model refers to two things shared by the models of its stem generation: the stem
 * strings by number (`stems`, read only to match models of different generations) and the
 * WordNet synonym index numbered for them. They are sent once, as they grow: a batch carries
 * the stems numbered since the last batch and a new generation's synonym index.
 */
import { assembleModel } from '../engine/text/index.js';
import type { AlignmentInput, Passage, SentenceModelParts, SynonymIndex } from '../engine/text/index.js';

/** An alignment input without the model's shared parts. */
export interface PlainInput {
  key: string;
  text: string;
  wordStart: Int32Array;
  wordEnd: Int32Array;
  keyHashes: Int32Array;
  model: SentenceModelParts;
  hasSynonyms: boolean;
}

export interface PairItem {
  /** Index of the pair in the job list. */
  i: number;
  /** Stems numbered since the previous item (appended to generation `generation`'s list, from `from`). */
  stems?: { generation: number; from: number; list: string[] }[];
  /** Synonym index of a generation met for the first time. */
  synonyms?: SynonymIndex;
  /** Documents of this pair the main thread has not been sent. */
  docs: PlainInput[];
  /** Passages, when this thread aligned the pair (across languages). */
  passages?: Passage[];
}

export type PrepareMessage = { items: PairItem[] } | { error: string };

/** Worker side: what is sent of the shared parts so far. */
export class InputEncoder {
  private readonly stemsSent = new Map<number, number>();
  private readonly synonymsSent = new Set<number>();

  /** Encodes `input` into `item`, adding the stems and synonym index the main thread lacks. */
  add(item: PairItem, key: string, input: AlignmentInput): void {
    const { stems, synonyms, ...model } = input.model;
    const g = model.stemGeneration;
    const sent = this.stemsSent.get(g) ?? 0;
    if (stems.length > sent) {
      (item.stems ??= []).push({ generation: g, from: sent, list: stems.slice(sent) });
      this.stemsSent.set(g, stems.length);
    }
    if (synonyms && !this.synonymsSent.has(synonyms.generation)) {
      item.synonyms = synonyms;
      this.synonymsSent.add(synonyms.generation);
    }
    item.docs.push({ key, text: input.text, wordStart: input.wordStart, wordEnd: input.wordEnd, keyHashes: input.keyHashes, model, hasSynonyms: synonyms !== null });
  }
}

/** Main side: the shared parts received so far, put back into the models. */
export class InputDecoder {
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
      const g = d.model.stemGeneration;
      const synonyms = d.hasSynonyms ? this.synonyms.get(g) ?? null : null;
      if (d.hasSynonyms && !synonyms) throw new Error(`no synonym index for stem generation ${g}`);
      return [d.key, { text: d.text, wordStart: d.wordStart, wordEnd: d.wordEnd, keyHashes: d.keyHashes, model: assembleModel(d.model, this.stems.get(g) ?? [], synonyms) }];
    });
  }
}
