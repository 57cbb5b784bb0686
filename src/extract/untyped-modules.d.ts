// Declarations for the two extraction libraries that ship no types.
declare module 'word-extractor' {
  interface WordDocument {
    getBody(): string;
    getFootnotes(): string;
    getEndnotes(): string;
  }
  export default class WordExtractor {
    extract(source: Buffer | string): Promise<WordDocument>;
  }
}
declare module 'rtf-parser' {
  const parse: { string(source: string, callback: (err: Error | null, doc: any) => void): void };
  export default parse;
}
