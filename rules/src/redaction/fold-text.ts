/**
 * Internal: a length-preserving fold for keyword matching. Every detector reads the folded
 * text and reports offsets that are valid in the original, so folding may never change the
 * length: accents are stripped one UTF-16 unit for one (`é` -> `e`, `ü` -> `u`, `ç` -> `c`),
 * typographic apostrophes become `'` and no-break spaces plain spaces. Case is left alone;
 * the detectors' patterns carry the `i` flag.
 */

const FOLDABLE = /[\u00a0\u00c0-\u017f\u2019\u202f]/g;
const COMBINING = /[\u0300-\u036f]/g;

function foldChar(char: string): string {
  if (char === '\u2019') return "'";
  if (char === '\u00a0' || char === '\u202f') return ' ';
  const base = char.normalize('NFD').replace(COMBINING, '');
  return base.length === 1 ? base : char;
}

/** `"Código de segurança"` -> `"Codigo de seguranca"`, same length, same offsets. */
export function foldForMatching(text: string): string {
  return text.replace(FOLDABLE, foldChar);
}
