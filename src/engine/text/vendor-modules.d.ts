// Type declarations for the pure-JS language packages the engine uses that ship no types.
declare module 'stopword/dist/stopword.esm.min.mjs' {
  export const eng: string[];
  export const deu: string[];
  export const spa: string[];
  export const fra: string[];
  export const ita: string[];
  export const por: string[];
  export const pol: string[];
  export const nld: string[];
  export const swe: string[];
  export const nob: string[];
  export const ces: string[];
  export const tur: string[];
  export const rus: string[];
}

declare module 'snowball-stemmers' {
  export interface SnowballStemmer { stem(word: string): string }
  export function newStemmer(algorithm: string): SnowballStemmer;
  export function algorithms(): string[];
}
