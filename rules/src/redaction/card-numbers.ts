/**
 * Internal: payment card numbers (PANs). A candidate is 13–19 digits written in one of the
 * ways cards are printed and typed — unbroken (`4111111111111111`), in fours
 * (`4111 1111 1111 1111`, `4111-1111-1111-1111`, 19 digits as 4-4-4-4-3) or American
 * Express / Diners style (4-6-5, 4-6-4) — whose first digit is a payment major industry
 * identifier (1–6, ISO/IEC 7812-1) and whose last digit is the Luhn check digit. A card typed
 * right after other numbers ("order 1234 4111 1111 1111 1111") is still found: every run of
 * digit groups is searched for its longest valid window.
 *
 * Left alone: numbers that fail Luhn, phone numbers (a `+` before, or too few digits, or
 * groups of 2–3), dates, amounts (`1,234.56`: commas and dots are not card separators) and
 * tracking numbers (they start with 9, or with letters, or run past 19 digits in one piece).
 */
import { eachMatch, type Detector, type RedactionSpan } from './detector';
import { luhnValid } from './luhn';

/** Runs of digit groups joined by one space or dash, not glued to a word or a `+`. */
const DIGIT_RUN = /(?<![\p{L}\p{N}_+])\d+(?:[ -]\d+)*/gu;
const GROUP = /\d+/g;
const GLUED_AFTER = /[\p{L}\p{N}_]/u;
const MIN_DIGITS = 13;
const MAX_DIGITS = 19;

interface Group {
  start: number;
  end: number;
  digits: string;
}

/** Whether the group lengths of a window are a way card numbers are written. */
function cardShape(lengths: readonly number[]): boolean {
  const count = lengths.length;
  if (count === 1) return true;
  if (count === 3 && lengths[0] === 4 && lengths[1] === 6 && (lengths[2] === 5 || lengths[2] === 4)) return true;
  for (let i = 0; i < count - 1; i++) if (lengths[i] !== 4) return false;
  const last = lengths[count - 1] ?? 0;
  return last >= 1 && last <= 4;
}

/** The end index (inclusive) of the longest card number starting at group `first`, or -1. */
function longestCardFrom(groups: readonly Group[], first: number, text: string): number {
  let digits = '';
  let found = -1;
  const lengths: number[] = [];
  for (let last = first; last < groups.length; last++) {
    const group = groups[last] as Group;
    digits += group.digits;
    lengths.push(group.digits.length);
    if (digits.length > MAX_DIGITS) break;
    if (digits.length < MIN_DIGITS) continue;
    const industry = digits.charCodeAt(0) - 48;
    if (industry < 1 || industry > 6 || !cardShape(lengths) || !luhnValid(digits)) continue;
    if (GLUED_AFTER.test(text.charAt(group.end))) continue;
    found = last;
  }
  return found;
}

function cardsInRun(run: string, offset: number, text: string, spans: RedactionSpan[]): void {
  const groups: Group[] = [];
  eachMatch(GROUP, run, (match) => groups.push({ start: offset + match.index, end: offset + match.index + match[0].length, digits: match[0] }));
  for (let first = 0; first < groups.length; first++) {
    const last = longestCardFrom(groups, first, text);
    if (last < 0) continue;
    const lastFour = groups
      .slice(first, last + 1)
      .map((group) => group.digits)
      .join('')
      .slice(-4);
    spans.push({ start: (groups[first] as Group).start, end: (groups[last] as Group).end, replacement: `[card ••••${lastFour}]` });
    first = last;
  }
}

/** Masks Luhn-valid card numbers as `[card ••••1234]`, keeping the last four digits. */
export const detectCardNumbers: Detector = (text) => {
  const spans: RedactionSpan[] = [];
  eachMatch(DIGIT_RUN, text, (match) => {
    if (match[0].length >= MIN_DIGITS) cardsInRun(match[0], match.index, text, spans);
  });
  return spans;
};
