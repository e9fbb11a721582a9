/**
 * Internal: values near keywords ("CVV: 123", "123456 is your code", "Reisepass C01X00T47").
 * A value counts when it follows a keyword within a few words in the same sentence, or, failing
 * that, comes a few words before one in the same clause. Values labelled as something else — an order, an
 * invoice, a ticket, a phone number, `#1234` — and amounts (`1500 €`) are passed over.
 * Everything reads the folded text (accents stripped, same offsets as the original).
 */
import { eachMatch, WORD_END, WORD_START } from './detector';

export interface NearRule {
  /** Global, case-insensitive, Unicode pattern of the keywords, on folded text. */
  keywords: RegExp;
  /** Global, case-insensitive, Unicode pattern of the values, with its own boundaries. */
  values: RegExp;
  /** Phrases in which a keyword does not count ("zip code", "code promo"); global. */
  excluded?: RegExp;
  /** Most words allowed between the end of a keyword and a value after it. */
  wordsAfter: number;
  /** Most words allowed between a value and a keyword after it. */
  wordsBefore: number;
  /** Pass over values labelled as orders, tickets, phones, amounts (true for codes, false for ids). */
  skipLabelled: boolean;
}

/** A digit-only value of `min`–`max` digits, not part of a longer number, date, time or amount. */
export function digitsValue(min: number, max: number): string {
  return `(?<![\\p{L}\\p{N}_+#$€£]|\\p{N}[ .,/:-])\\d{${min},${max}}(?![\\p{L}\\p{N}_]|[ .,/:-]\\p{N}|\\s*%)`;
}

const SENTENCE_BREAK = /[.!?;\n]/;
/** Before a keyword a comma parts them too ("10115 Berlin, code…"); after one it does not ("the code, 123456"). */
const CLAUSE_BREAK = /[.!?;,\n]/;
const WORD = /[\p{L}\p{N}]+/gu;
const LABELS = [
  'orders?',
  'order\\s+(?:number|no|nr|id)',
  'pedidos?',
  'encomendas?',
  'bestell(?:ung|nummer)',
  'auftrag(?:snummer)?',
  'commandes?',
  'invoice',
  'factura',
  'fatura',
  'rechnung(?:snummer)?',
  'facture',
  'tickets?',
  'tracking',
  'seguimiento',
  'rastreio',
  'rastreo',
  'sendung(?:snummer)?',
  'suivi',
  'colis',
  'ref(?:erence|erencia|erenz)?',
  'case',
  'caso',
  'dossier',
  'account',
  'cuenta',
  'conta',
  'konto',
  'compte',
  'customer',
  'cliente',
  'kunden(?:nummer)?',
  'client',
  'items?',
  'articles?',
  'artikel',
  'products?',
  'producto',
  'produto',
  'produit',
  'sku',
  'model',
  'modelo',
  'flight',
  'vuelo',
  'voo',
  'flug',
  'vol',
  'room',
  'habitacion',
  'quarto',
  'zimmer',
  'chambre',
  'phone',
  'telefono',
  'telefone',
  'tel',
  'telefon',
  'telephone',
  'mobile',
  'movil',
  'celular',
  'handy',
  'portable',
  'ext(?:ension)?',
  'zip',
  'zipcode',
  'postcode',
  'postal',
  'postleitzahl',
  'plz',
  'cep',
  'year',
  'ano',
  'jahr',
  'annee',
  'page',
  'pagina',
  'seite',
  'version',
  'step',
  'paso',
  'schritt',
  'etape',
];
const NUMBER_WORD = '(?:number|no|nr|num|numero|nummer|n|nº|n°|#|id)';
const LINKER = '(?:is|was|es|era|e|ist|war|est|etait)';
/** A label right before a value: "order 1234", "pedido nº 1234", "Bestellnummer: 1234", "#1234". */
const LABELLED = new RegExp(`(?:${WORD_START}(?:${LABELS.join('|')})${WORD_END}\\.?(?:\\s*${NUMBER_WORD}\\.?)?(?:\\s+${LINKER})?\\s*[:#-]?\\s*|#\\s*)$`, 'iu');
const AMOUNT_AFTER = /^\s*(?:[€$£%]|(?:eur|euros?|usd|dollars?|reais|real|pounds?|gbp|brl|chf|francs?)(?![\p{L}]))/iu;
const CURRENCY_BEFORE = /(?:[€$£]|r\$)\s*$/iu;

function wordCount(text: string): number {
  let count = 0;
  eachMatch(WORD, text, () => count++);
  return count;
}

/** True when the stretch between a keyword and a value keeps them together. */
function joined(gap: string, maxWords: number, breaks: RegExp): boolean {
  return !breaks.test(gap) && wordCount(gap) <= maxWords;
}

function labelled(folded: string, start: number, end: number): boolean {
  const before = folded.slice(Math.max(0, start - 40), start);
  return LABELLED.test(before) || CURRENCY_BEFORE.test(before) || AMOUNT_AFTER.test(folded.slice(end, end + 12));
}

/** Farthest a value may sit from its keyword, in characters (bounds the work per keyword). */
const MAX_GAP = 120;

interface Value {
  start: number;
  end: number;
}

/** The first value after `end` that belongs to the keyword, scanning from index `next` of `values`. */
function valueAfter(folded: string, end: number, values: readonly Value[], next: number, rule: NearRule): Value | null {
  for (let i = next; i < values.length; i++) {
    const value = values[i] as Value;
    if (value.start - end > MAX_GAP || !joined(folded.slice(end, value.start), rule.wordsAfter, SENTENCE_BREAK)) return null;
    if (!rule.skipLabelled || !labelled(folded, value.start, value.end)) return value;
  }
  return null;
}

/** The nearest value before `start` that belongs to the keyword, scanning back from index `next - 1`. */
function valueBefore(folded: string, start: number, values: readonly Value[], next: number, rule: NearRule): Value | null {
  for (let i = next - 1; i >= 0; i--) {
    const value = values[i] as Value;
    if (value.end > start) continue;
    if (start - value.end > MAX_GAP || !joined(folded.slice(value.end, start), rule.wordsBefore, CLAUSE_BREAK)) return null;
    if (!rule.skipLabelled || !labelled(folded, value.start, value.end)) return value;
  }
  return null;
}

/** `[start, end)` of every value the rule finds near one of its keywords, at most one per keyword. */
export function findNear(folded: string, rule: NearRule): [number, number][] {
  const excluded: [number, number][] = [];
  if (rule.excluded) eachMatch(rule.excluded, folded, (match) => excluded.push([match.index, match.index + match[0].length]));
  const keywords: [number, number][] = [];
  let skip = 0;
  eachMatch(rule.keywords, folded, (match) => {
    const end = match.index + match[0].length;
    while (skip < excluded.length && (excluded[skip] as [number, number])[1] <= match.index) skip++;
    const phrase = excluded[skip];
    if (!phrase || phrase[0] >= end) keywords.push([match.index, end]);
  });
  if (keywords.length === 0) return [];
  const values: Value[] = [];
  eachMatch(rule.values, folded, (match) => values.push({ start: match.index, end: match.index + match[0].length }));
  const found: [number, number][] = [];
  let next = 0;
  for (const [start, end] of keywords) {
    while (next < values.length && (values[next] as Value).start < end) next++;
    const value = valueAfter(folded, end, values, next, rule) ?? valueBefore(folded, start, values, next, rule);
    if (value) found.push([value.start, value.end]);
  }
  return found;
}
