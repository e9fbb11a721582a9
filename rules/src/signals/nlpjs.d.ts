/**
 * Internal: the slice of the untyped nlp.js language packages the signals stage uses — the
 * Snowball stemmers (driven through their synchronous internals), stop-word lists and
 * sentiment dictionaries. Nothing here is re-exported from `@baton/rules`.
 */

/** An nlp.js Snowball stemmer; `setCurrent` + `innerStem` + `getCurrent` is its synchronous core. */
interface NlpjsStemmer {
  setCurrent(word: string): void;
  innerStem(): boolean;
  getCurrent(): string;
  stemWord(word: string): string;
}

interface NlpjsStemmerClass {
  new (): NlpjsStemmer;
}

interface NlpjsStopwordsClass {
  new (): { dictionary: Record<string, boolean> };
}

/**
 * A language's sentiment dictionaries: stem (or word) -> valence. `senticon` and `pattern` are
 * in -1..1, `afinn` in -5..5; nlp.js uses the first present in the order senticon, pattern, afinn.
 */
interface NlpjsSentimentPack {
  senticon?: Record<string, number>;
  pattern?: Record<string, number>;
  afinn?: Record<string, number>;
  negations: { words: string[] };
  stemmed?: boolean;
}

declare module '@nlpjs/lang-en' {
  export const StemmerEn: NlpjsStemmerClass;
  export const StopwordsEn: NlpjsStopwordsClass;
  export const SentimentEn: NlpjsSentimentPack;
}

declare module '@nlpjs/lang-es' {
  export const StemmerEs: NlpjsStemmerClass;
  export const StopwordsEs: NlpjsStopwordsClass;
  export const SentimentEs: NlpjsSentimentPack;
}

declare module '@nlpjs/lang-pt' {
  export const StemmerPt: NlpjsStemmerClass;
  export const StopwordsPt: NlpjsStopwordsClass;
  export const SentimentPt: NlpjsSentimentPack;
}

declare module '@nlpjs/lang-de' {
  export const StemmerDe: NlpjsStemmerClass;
  export const StopwordsDe: NlpjsStopwordsClass;
  export const SentimentDe: NlpjsSentimentPack;
}

declare module '@nlpjs/lang-fr' {
  export const StemmerFr: NlpjsStemmerClass;
  export const StopwordsFr: NlpjsStopwordsClass;
  export const SentimentFr: NlpjsSentimentPack;
}
