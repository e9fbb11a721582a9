/**
 * Greetings, thanks and acknowledgements — the turns the condensed transcript drops. A message
 * is filler when, after removing the filler phrases below ("how can I help you today", "you're
 * welcome", "is there anything else", "un momento", "vielen Dank", "s'il vous plaît") and its
 * punctuation and emoji, only filler words are left ("hi", "thanks", "ok", "hola", "gracias",
 * "obrigado", "danke", "merci"...), in any of en, es, pt, de, fr. "yes" and "no" are never
 * filler: they answer the bot's questions ("did the link work?" — "no"). Messages longer than
 * {@link FILLER_MAX_CHARS} are never filler.
 */
import { foldText, tokenise } from '../signals/text-normalise';
import { LRUCache } from 'lru-cache';

/** Longer messages always say something. */
export const FILLER_MAX_CHARS = 160;

/** Folded (lower-case, accent-free) filler words per language. */
const FILLER_WORDS: Record<string, string> = {
  en: 'hi hello hey hiya heya yo there thanks thank thx ty tysm cheers ok okay k kk alright fine great cool nice good perfect awesome sure bye goodbye cya please pls plz np morning afternoon evening so much very lol hmm hm ah oh um uh again all',
  es: 'hola buenas buenos buen dia dias tardes noches gracias muchas mil vale ok perfecto genial bien adios chao saludos porfa',
  pt: 'oi ola bom boa dia tarde noite obrigado obrigada obg valeu muito ok beleza perfeito otimo tchau abraco',
  de: 'hallo hi hey servus moin guten morgen tag abend danke dankeschon vielen ok okay super gut perfekt prima tschuss ciao bitte',
  fr: 'bonjour salut bonsoir coucou merci beaucoup ok parfait super bien genial top bonne journee soiree',
};

/** Folded filler phrases (regular-expression sources), removed before the word check. */
const FILLER_PHRASES: Record<string, string[]> = {
  en: [
    'thank you( so much| very much)?',
    "you'?re welcome",
    'you are welcome',
    'how (can|may) i help( you)?( today)?',
    'what can i do for you( today)?',
    'is there anything else( i can (help|do) (you )?(with|for you))?',
    'anything else',
    'happy to help',
    'glad (i could|to) help',
    'let me (check|look)( into)?( (that|this|it))?( for you)?',
    'one moment( please)?',
    'just a (moment|sec|second|minute)',
    'please wait',
    'bear with me',
    'have a (great|nice|good|lovely) day',
    'got it',
    'no problem',
    'good (morning|afternoon|evening)',
    "i(?:'m| am) [a-z ,]{0,30}?(your |the )?(virtual |digital |ai )?(assistant|bot)",
  ],
  es: [
    'en que (te|le|les) (puedo|podemos) ayudar( hoy)?',
    'como (te|le) (puedo|podemos) ayudar( hoy)?',
    'algo mas( en (lo )?que (te|le) (pueda|puedo) ayudar)?',
    'un momento( por favor)?',
    'por favor',
    'de nada',
    'con gusto',
    'que tengas? (un )?buen dia',
    'muchas gracias',
    'hasta luego',
    'soy [a-z ,]{0,30}?(tu|su) asistente( virtual)?',
  ],
  pt: [
    'como (posso|podemos) (te |lhe )?ajudar( hoje)?',
    'em que (posso|podemos) (te |lhe )?ajudar( hoje)?',
    'mais alguma coisa',
    'um momento( por favor)?',
    'so um (momento|minuto)',
    'por favor',
    'de nada',
    'tenha um bom dia',
    'muito obrigad[oa]',
    'ate logo',
    'sou [a-z ,]{0,30}?(o |a )?(seu|sua) assistente( virtual)?',
  ],
  de: [
    'wie kann ich (ihnen|dir|euch) (heute )?helfen',
    'kann ich (ihnen|dir) (sonst )?noch (irgendwie |mit etwas )?helfen',
    'sonst noch etwas',
    'einen (moment|augenblick)( bitte)?',
    'gerne? geschehen',
    'vielen dank',
    'danke schon',
    'schonen tag( noch)?',
    'alles klar',
    'kein problem',
    'ich bin [a-z ,]{0,30}?(ihr|dein)e? (virtueller |digitaler )?assistent(in)?',
  ],
  fr: [
    "comment (puis-je|puis je|pouvons-nous) vous aider( aujourd'hui)?",
    'que puis-je faire pour vous',
    'autre chose',
    "un (instant|moment)( s'il vous plait)?",
    "s'il vous plait",
    "s'il te plait",
    'de rien',
    'avec plaisir',
    'bonne (journee|soiree)',
    'merci beaucoup',
    'au revoir',
    "d'accord",
    'pas de probleme',
    'je suis [a-z ,]{0,30}?(votre|ton) assistante?( virtuelle?)?',
  ],
};

const WORDS = new Set(Object.values(FILLER_WORDS).flatMap((list) => list.split(/\s+/)));
const PHRASES = new RegExp(`(?<![\\p{L}\\p{N}])(?:${Object.values(FILLER_PHRASES).flat().join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/**
 * Answers per text: bots send the whole conversation every turn, so each message is judged once
 * (a boolean per text of at most `FILLER_MAX_CHARS` characters: 10,000 texts hold about 2 MB).
 */
const judged = new LRUCache<string, boolean>({ max: 10_000 });

/** True when `text` is only greetings, thanks, acknowledgements or pleasantries (or empty). */
export function isFiller(text: string): boolean {
  if (text.length > FILLER_MAX_CHARS) return false;
  let filler = judged.get(text);
  if (filler === undefined) {
    const rest = foldText(text).replace(/[’`]/g, "'").replace(PHRASES, ' ');
    filler = tokenise(rest).every((token) => WORDS.has(token.word));
    judged.set(text, filler);
  }
  return filler;
}
