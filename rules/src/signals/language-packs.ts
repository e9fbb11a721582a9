/**
 * Internal: the per-language resources of nlp.js (`@nlpjs/lang-en`, `-es`, `-pt`, `-de`,
 * `-fr`) in the shape the signals stage needs — a Snowball stemmer, a folded stop-word set,
 * the sentiment dictionary scaled to -1..1 and the negation words.
 *
 * nlp.js's own entry points are asynchronous pipelines; we only use its synchronous parts
 * (stemmer internals and the dictionaries as plain data). `@nlpjs/lang-en` is the full pack,
 * with an English sentiment dictionary (SentiCon) and negation words; the pack exposes the
 * dictionary like the others, but `sentiment.ts` gives it no weight (it reads noise into
 * support messages, see there) and scores English with Baton's support lexicon alone.
 */
import { SentimentEn, StemmerEn, StopwordsEn } from '@nlpjs/lang-en';
import { SentimentEs, StemmerEs, StopwordsEs } from '@nlpjs/lang-es';
import { SentimentPt, StemmerPt, StopwordsPt } from '@nlpjs/lang-pt';
import { SentimentDe, StemmerDe, StopwordsDe } from '@nlpjs/lang-de';
import { SentimentFr, StemmerFr, StopwordsFr } from '@nlpjs/lang-fr';
import { extraStopwords } from './stopwords-extra';
import { foldText } from './text-normalise';

/** Resources of one language. Dictionaries are keyed by stems of folded words. */
export interface LanguagePack {
  code: string;
  stemmer: NlpjsStemmer;
  stopwords: ReadonlySet<string>;
  /** Stem -> valence in -1..1 (nlp.js senticon / pattern as is, AFINN divided by 5). */
  sentiment: ReadonlyMap<string, number>;
  /** Folded negation words ("not", "no", "nunca", "nicht", "kein", "pas", "nao"). */
  negators: ReadonlySet<string>;
}

/** Negators nlp.js lacks (its French list is empty, its English one absent), folded. */
const EXTRA_NEGATORS: Record<string, string[]> = {
  en: ['not', 'no', 'never', 'nobody', 'nothing', 'nowhere', 'neither', 'nor', 'without', 'cannot'],
  es: ['no', 'nunca', 'jamas', 'ni', 'nadie', 'nada', 'sin', 'tampoco', 'ningun', 'ninguno', 'ninguna'],
  pt: ['nao', 'nunca', 'jamais', 'nem', 'ninguem', 'nada', 'sem', 'nenhum', 'nenhuma', 'tampouco'],
  de: ['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'niemand', 'nichts', 'ohne'],
  fr: ['ne', 'n', 'pas', 'jamais', 'rien', 'aucun', 'aucune', 'sans', 'ni'],
};

interface RawPack {
  Stemmer: NlpjsStemmerClass;
  Stopwords: NlpjsStopwordsClass;
  sentiment: NlpjsSentimentPack;
}

const RAW_PACKS: Record<string, RawPack> = {
  en: { Stemmer: StemmerEn, Stopwords: StopwordsEn, sentiment: SentimentEn },
  es: { Stemmer: StemmerEs, Stopwords: StopwordsEs, sentiment: SentimentEs },
  pt: { Stemmer: StemmerPt, Stopwords: StopwordsPt, sentiment: SentimentPt },
  de: { Stemmer: StemmerDe, Stopwords: StopwordsDe, sentiment: SentimentDe },
  fr: { Stemmer: StemmerFr, Stopwords: StopwordsFr, sentiment: SentimentFr },
};

/** Languages with a stemmer, stop words and sentiment resources. */
export const PACKED_LANGUAGES: readonly string[] = Object.keys(RAW_PACKS);

function sentimentMap(pack: NlpjsSentimentPack): Map<string, number> {
  const [dictionary, scale] = pack.senticon ? [pack.senticon, 1] : pack.pattern ? [pack.pattern, 1] : pack.afinn ? [pack.afinn, 5] : [{}, 1];
  const map = new Map<string, number>();
  for (const [stem, value] of Object.entries(dictionary)) map.set(foldText(stem), Math.max(-1, Math.min(1, value / scale)));
  return map;
}

function buildPack(code: string, raw: RawPack): LanguagePack {
  const negators = new Set([...raw.sentiment.negations.words.map(foldText), ...(EXTRA_NEGATORS[code] ?? [])]);
  const stopwords = new Set<string>();
  for (const word of [...Object.keys(new raw.Stopwords().dictionary), ...extraStopwords(code)]) {
    const folded = foldText(word);
    if (!negators.has(folded)) stopwords.add(folded);
  }
  return { code, stemmer: new raw.Stemmer(), stopwords, sentiment: sentimentMap(raw.sentiment), negators };
}

const PACKS = new Map<string, LanguagePack>();

/** The pack of `language` (ISO 639-1), built on first use; undefined for languages nlp.js lacks here. */
export function languagePack(language: string): LanguagePack | undefined {
  let pack = PACKS.get(language);
  if (!pack) {
    const raw = RAW_PACKS[language];
    if (!raw) return undefined;
    pack = buildPack(language, raw);
    PACKS.set(language, pack);
  }
  return pack;
}

/**
 * True when `word` (folded) is a stop word of `language`: in its list, or one letter long. For a
 * language without a list, words of up to three letters count ("il", "mio", "het"), a rough but
 * useful stand-in for function words.
 */
export function isStopword(language: string, word: string): boolean {
  return stopwordTest(language)(word);
}

/** `isStopword` bound to one language, for loops over many words. */
export function stopwordTest(language: string): (word: string) => boolean {
  const stopwords = languagePack(language)?.stopwords;
  return stopwords ? (word) => word.length < 2 || stopwords.has(word) : (word) => word.length <= 3;
}
