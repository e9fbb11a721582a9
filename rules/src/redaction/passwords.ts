/**
 * Internal: passwords typed into a chat. After a password word — password, passcode, pwd,
 * pw, contraseña, clave, senha, Passwort, Kennwort, mot de passe, mdp — the value is the next
 * token, past separators (`:`, `=`, `->`) and linkers ("is", "was", "now", "es", "é", "ist",
 * "lautet", "est", "to", "para"…); a token in quotes may hold spaces. Two more orders:
 * "the password for the portal is X" (a linker within 5 words) and "X is my password".
 *
 * A value is masked (`[password]`) only when it looks like a secret, so that "my password is
 * not working" or "my password isn't accepted" stay readable: it has a digit or a symbol, or
 * mixed case ("sUnflower", not "Hello"), or — right after a copula or separator ("is", "ist",
 * ":") — it is 8+ letters that are not a common word or an inflected form ("incorrect",
 * "vergessen", "bloqueada"). Everywhere else ("forgot my password yesterday", "enter your
 * password to continue", the looser orders) it needs a digit, a symbol or mixed case. A quoted
 * value is always masked. A password word inside a compound ("passwort-geschützt") is no
 * password word.
 */
import { eachMatch, WORD_END, WORD_START, type Detector, type RedactionSpan } from './detector';
import { looksLikeWord } from './common-words';

const PASSWORD_WORDS = new RegExp(
  `${WORD_START}(?:passwords?|passwort|passcode|pwd|pw|contrasenas?|claves?|senhas?|kennwort|mot\\s+de\\s+passe|mdp)${WORD_END}(?!-\\p{L})`,
  'giu',
);
/** Copulas: "is", "es", "é" (folded "e"), "ist", "lautet", "est"… A value right after one may be a plain long word. */
const STRONG_LINKERS = new Set(['is', 'was', 'are', 'es', 'era', 'son', 'e', 'foi', 'sao', 'ist', 'war', 'lautet', 'lautete', 'sind', 'est', 'etait', 'sont']);
/** Every word skipped between a password word and its value. */
const LINKERS = new Set([
  ...STRONG_LINKERS,
  'now',
  'still',
  'will',
  'would',
  'should',
  'be',
  'to',
  'sera',
  'ahora',
  'sigue',
  'siendo',
  'a',
  'agora',
  'ainda',
  'jetzt',
  'noch',
  'maintenant',
  'toujours',
]);
const POSSESSIVES = new Set(['my', 'the', 'mi', 'la', 'el', 'tu', 'su', 'minha', 'a', 'o', 'mein', 'meine', 'das', 'dein', 'mon', 'ma', 'le', 'ton']);
const SEPARATOR = /^\s*(?:[:=]|->|=>|[-–—])?\s*/u;
/** A token; longer runs are cut, so that no keyword reads more than a few hundred characters. */
const TOKEN = /\S{1,100}/gu;
const QUOTED = /^(["'«“‘])([^"'»”’\n]{1,100})["'»”’]/u;
const EDGE_PUNCTUATION = /^[(¿¡[{]+|[.,;:!?)\]}"'»”’]+$/gu;
const CLAUSE_END = /[.!?;]$/u;

interface Token {
  start: number;
  end: number;
  /** Lower-case folded text without edge punctuation. */
  word: string;
}

/** Whitespace-separated tokens from `from`, at most `limit`, ending before `until`. */
function tokensFrom(folded: string, from: number, limit: number, until = folded.length): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  for (let match = TOKEN.exec(folded); match !== null && tokens.length < limit; match = TOKEN.exec(folded)) {
    const end = Math.min(match.index + match[0].length, until);
    if (end <= match.index) break;
    tokens.push({ start: match.index, end, word: folded.slice(match.index, end).replace(EDGE_PUNCTUATION, '').toLowerCase() });
  }
  return tokens;
}

/** The value token without the punctuation around it, as offsets into the text. */
function valueSpan(text: string, token: Token): [number, number] | null {
  const raw = text.slice(token.start, token.end);
  const lead = raw.length - raw.replace(/^[(¿¡[{]+/u, '').length;
  const trimmed = raw.slice(lead).replace(/[.,;:!?)\]}"'»”’]+$/u, '');
  return trimmed.length === 0 ? null : [token.start + lead, token.start + lead + trimmed.length];
}

/** Digit, symbol, or upper case after a lower-case letter somewhere ("sUnflower"; "Hello" and "NOT" are not). */
function strongSecret(value: string): boolean {
  if (value.length < 4 || looksLikeWord(value)) return false;
  if (/\p{N}/u.test(value) || /[^\p{L}\p{N}]/u.test(value)) return true;
  return /\p{Ll}/u.test(value) && /\p{Lu}/u.test(value.slice(1));
}

function secret(value: string): boolean {
  if (strongSecret(value)) return true;
  return value.length >= 8 && /^\p{L}+$/u.test(value) && !looksLikeWord(value);
}

const isClauseEnd = (text: string, token: Token): boolean => CLAUSE_END.test(text.slice(token.start, token.end));

/** keyword [separator] [linkers] VALUE (a quoted value may hold spaces), or keyword …up to 5 words… strong-linker VALUE. */
function valueAfter(text: string, folded: string, keywordEnd: number): [number, number] | null {
  const separator = SEPARATOR.exec(folded.slice(keywordEnd, keywordEnd + 8))?.[0] ?? '';
  const tokens = tokensFrom(folded, keywordEnd + separator.length, 8, keywordEnd + 300);
  let index = 0;
  let copula = separator.trim().length > 0;
  for (let token = tokens[0]; index < 2 && token && LINKERS.has(token.word) && !isClauseEnd(text, token); token = tokens[++index]) {
    copula ||= STRONG_LINKERS.has(token.word);
  }
  const next = tokens[index];
  if (next) {
    const quoted = QUOTED.exec(text.slice(next.start, next.start + 102));
    if (quoted?.[2] !== undefined) return [next.start + 1, next.start + 1 + quoted[2].length];
    const span = valueSpan(text, next);
    // Without a copula or separator ("forgot my password yesterday", "password to continue") only a strong secret counts.
    if (span && (copula ? secret : strongSecret)(text.slice(span[0], span[1]))) return span;
  }
  for (let i = 0; i < Math.min(tokens.length - 1, 6); i++) {
    const token = tokens[i] as Token;
    if (isClauseEnd(text, token)) break;
    if (!STRONG_LINKERS.has(token.word)) continue;
    const span = valueSpan(text, tokens[i + 1] as Token);
    return span && strongSecret(text.slice(span[0], span[1])) ? span : null;
  }
  return null;
}

/** VALUE strong-linker [possessive] keyword: "Sunflower#2291 is my password". */
function valueBefore(text: string, folded: string, keywordStart: number): [number, number] | null {
  const tokens = tokensFrom(folded, Math.max(0, keywordStart - 120), 40, keywordStart).slice(-3);
  const [third, second, last] = tokens.length === 3 ? tokens : [undefined, ...tokens.slice(-2)];
  let value: Token | undefined;
  if (last && second && STRONG_LINKERS.has(second.word) && POSSESSIVES.has(last.word)) value = third;
  else if (last && STRONG_LINKERS.has(last.word)) value = second;
  const span = value ? valueSpan(text, value) : null;
  return span && strongSecret(text.slice(span[0], span[1])) ? span : null;
}

/** Masks passwords after (or before) a password word as `[password]`. */
export const detectPasswords: Detector = (text, folded) => {
  const spans: RedactionSpan[] = [];
  eachMatch(PASSWORD_WORDS, folded, (match) => {
    const value = valueAfter(text, folded, match.index + match[0].length) ?? valueBefore(text, folded, match.index);
    if (value) spans.push({ start: value[0], end: value[1], replacement: '[password]' });
  });
  return spans;
};
