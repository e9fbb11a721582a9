/**
 * Internal: Baton's support-chat sentiment lexicon, one file per language
 * (`sentiment-lexicon-en.ts` … `-fr.ts`), laid over the general word lists (`sentiment-general.ts`;
 * see `sentiment.ts`). General dictionaries miss or misjudge the words of support chats
 * ("ridículo" is absent from nlp.js's Spanish one, "j'en ai marre" scores positive in its French
 * one, "pedido" and "cobrar" positive in Spanish, "schrecklich" near zero in German), so these
 * files give the common complaint and praise words their weight and zero the domain nouns. Words
 * are folded and stemmed when loaded (a word matches a listed word's inflections, not every word
 * with its stem); expressions match their content words in a row ("waste of my time").
 * The expressions carry how support customers show frustration without a feeling word: asking
 * again ("third time I ask", "cuántas veces", "wie oft noch", "combien de fois"), waiting and
 * silence ("still nothing", "ninguém responde", "keiner meldet sich"), sarcasm ("oh great",
 * "só que não", "na toll", "merci du cadeau") and colloquial exasperation ("qué rabia", "saco
 * cheio", "geht mir auf die Nerven", "ça me saoule"), walking away ("take my business
 * elsewhere", "me paso a la competencia", "nie wieder bei euch"); laughing idioms built on dying
 * or crying ("morrendo de rir", "mort de rire") are positive.
 * Fault words and expressions ("broken", "not working", "no funciona", "kaputt", the state of a
 * card or payment: "stolen", "declined", "rechazado", "gesperrt", and the wording of a disputed
 * payment or vanished money: "don't recognise", "sin mi autorización", "sumiu", "verschwunden",
 * "je ne reconnais pas") describe what went wrong
 * rather than how the customer feels: they are listed again under `faults`, and
 * `sentiment.ts` caps what they add up to, so a plain report ("my app is not working", "the
 * parcel arrived damaged and broken") reads negative but not very negative — it is no sharp drop
 * on its own, not even as the first message; anger, insults or "!!" on top of it are.
 * Insults and accusations aimed at the company ("thieves", "scammers", "ladrones", "Abzocker",
 * "arnaqueurs") weigh like the strongest complaints. Banking nouns the general lists rate as
 * feelings ("withdrawal", "retirada", "retrait": withdrawal symptoms, retreat) are zeroed. Demand words ("now", "ya", "sofort") are
 * neutral unless written in capitals: "Fix this NOW!!!" is shouting, "it works now" is not.
 */
import { ENGLISH } from './sentiment-lexicon-en';
import { SPANISH } from './sentiment-lexicon-es';
import { PORTUGUESE } from './sentiment-lexicon-pt';
import { GERMAN } from './sentiment-lexicon-de';
import { FRENCH } from './sentiment-lexicon-fr';

/** One language's lexicon. Word lists are space-separated, folded or not. */
export interface SupportLexicon {
  /** Valence (-1..1) -> words. */
  words: Record<string, string>;
  /**
   * Multi-word expressions and their valence; they take precedence over their words. One written
   * with a leading "=" matches its words as written, not their stems: "=esperava mais" (I expected
   * more) must not read "espero mais" (I'll wait some more), "=stressful" not "stress".
   */
  expressions: ReadonlyArray<readonly [string, number]>;
  /** Words that strengthen the next word ("very", "muy"). */
  boosters: string;
  /** Words after which the rest of the message weighs more ("but", "pero"). */
  contrast: string;
  /**
   * Words a negation does not flip: thanks ("no thanks", "nein danke" decline politely) and regret
   * ("leider nicht", "malheureusement pas" stay regretful).
   */
  unnegated: string;
  /**
   * Thanking formulas ("thanks", "gracias", "obrigado", "danke", "merci"): politeness, not relief,
   * in a message that reports a problem or complains ("Thanks, my card was stolen"), where
   * `sentiment.ts` does not count them; elsewhere they are praise.
   */
  courtesy: string;
  /**
   * Verbs of feeling ("feel", "me siento", "sinto-me", "je me sens", "fühle mich", "… gefühlt"),
   * written forms: a fault word they take ("I feel robbed", "je me sens volée", "ich fühle mich
   * bestohlen") says how the customer feels, not what broke, and weighs as a complaint
   * (`sentiment.ts`).
   */
  feelings: string;
  /** Words that press for action ("now", "sofort"): negative only when written in capitals (`sentiment.ts`). */
  demands: string;
  /**
   * Praise words that, standing alone in the last clause after a complaint, are sarcasm ("late
   * again, great", "schon wieder kaputt, toll"): `sentiment.ts` turns their valence negative.
   */
  ironic: string;
  /**
   * For languages that write compounds as one word (German): a word the lexicons do not know is
   * read by its head, the longest known word it ends with ("Verkehrschaos" as "Chaos"), and
   * words opening with a pejorative prefix ("Mistwetter", "Drecksarbeit") are negative.
   */
  compounds?: { prefixes: string };
  /**
   * Words and expressions (listed above with their valence) that describe a fault, not a feeling,
   * and the adverbs that regret one ("leider", "unfortunately"): together they stay above "upset".
   */
  faults: { words: string; expressions: readonly string[] };
}

export const SUPPORT_LEXICONS: Readonly<Record<string, SupportLexicon>> = { en: ENGLISH, es: SPANISH, pt: PORTUGUESE, de: GERMAN, fr: FRENCH };

/** Emoji and their valence; matched on the raw text. */
export const EMOJI_VALENCE: ReadonlyArray<readonly [string, number]> = [
  ['😡', -0.7],
  ['😠', -0.6],
  ['🤬', -0.8],
  ['😤', -0.5],
  ['👎', -0.5],
  ['😞', -0.4],
  ['😢', -0.4],
  ['😭', -0.5],
  ['🙄', -0.4],
  ['😒', -0.4],
  ['💩', -0.5],
  ['🤦', -0.5],
  ['💔', -0.5],
  ['🤮', -0.7],
  ['🤢', -0.6],
  ['🖕', -0.8],
  ['👿', -0.6],
  ['😟', -0.4],
  ['😓', -0.4],
  ['😰', -0.4],
  ['😨', -0.4],
  ['😿', -0.4],
  ['☹', -0.5],
  ['🙁', -0.4],
  ['😕', -0.3],
  ['😔', -0.4],
  ['😩', -0.5],
  ['😫', -0.5],
  ['😖', -0.5],
  ['😣', -0.4],
  ['😑', -0.4],
  ['🙂', 0.3],
  ['😊', 0.5],
  ['😀', 0.5],
  ['😃', 0.5],
  ['😄', 0.5],
  ['👍', 0.5],
  ['🙏', 0.4],
  // The heart without its emoji variation selector (U+FE0F) too: both spellings are common.
  ['❤', 0.6],
  ['♥', 0.5],
  ['♡', 0.4],
  ['💕', 0.5],
  ['💖', 0.5],
  ['💗', 0.5],
  ['💙', 0.5],
  ['💜', 0.5],
  ['💚', 0.5],
  ['💛', 0.5],
  ['🥰', 0.7],
  ['😘', 0.5],
  ['😁', 0.5],
  ['😉', 0.3],
  ['😋', 0.4],
  ['🤗', 0.5],
  ['😇', 0.4],
  ['👏', 0.4],
  ['🙌', 0.4],
  ['🥳', 0.6],
  ['😍', 0.7],
  ['🎉', 0.6],
  ['👌', 0.4],
];

/**
 * ASCII emoticons and their valence, matched on the raw text: ":(", ";(" and ">:(" are as clear in a
 * chat as 😞, and so are the flat faces "-_-", "-.-" and the crying ";_;". A frown typed onto the
 * last word counts when its mouth is doubled ("again:(("), so "label:(note)" never frowns.
 * The slant ":/" must not be followed by another slash, so "https://" never frowns.
 */
export const EMOTICON_VALENCE: ReadonlyArray<readonly [RegExp, number]> = [
  [/>:-?\(/u, -0.7],
  [/[:;=]'-?\(/u, -0.5],
  [/(?<![>\w])[:;=]-?\(+|[:;]-?\(\(/u, -0.45],
  [/(?<!\w)[:=]-?[/\\](?![/\\])/u, -0.35],
  [/(?<!\w)[Tt]_+[Tt](?!\w)/u, -0.45],
  [/(?<!\w)D:(?!\w)/u, -0.45],
  [/(?<![\w:])[:=]-?[c[](?!\w)/u, -0.4],
  [/(?<![\w;]);[-_]+;(?![\w;])/u, -0.5],
  [/(?<![\w.,_-])-[_.,]+-(?![\w.,_-])/u, -0.4],
  [/(?<![\w._])\._+\.(?![\w._])/u, -0.3],
  [/(?<!\w)[:;=]-?\)+/u, 0.35],
  [/(?<!\w)[:;=]-?D(?!\w)/u, 0.45],
  [/<3/u, 0.5],
];
