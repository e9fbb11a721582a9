/**
 * Internal: government ids, masked as `[id]`.
 *
 * Anywhere, when their check passes (`id-checks.ts`): US SSN `123-45-6789` (structure),
 * Spanish DNI `12345678Z` / NIE `X1234567L` (check letter), Brazilian CPF `123.456.789-09`
 * (check digits), French NIR `1 85 05 78 006 084 36` (key).
 * Near their words only, whatever the check (a mistyped id is still an id), within 5 words
 * after or 3 before: SSN as 9 digits (ssn, social security), DNI/NIE (dni, nie, nif,
 * documento de identidad), CPF as 11 digits (cpf), the German Steuer-IdNr, 11 digits
 * (Steuer-ID, Steuernummer, IdNr — also the Steuernummer as `21/815/08150`), the French NIR
 * (sécurité sociale, sécu, NIR, INSEE, carte Vitale) and passport numbers, 6–9 letters and
 * digits with at least one digit (passport, pasaporte, passaporte, Reisepass, passeport).
 */
import { eachMatch, WORD_END, WORD_START, type Detector, type RedactionSpan } from './detector';
import { cpfValid, dniValid, nirValid, ssnValid } from './id-checks';
import { findNear, type NearRule } from './proximity';

const B = WORD_START;
const E = WORD_END;
const regex = (source: string): RegExp => new RegExp(source, 'giu');
const near = (keywords: string, values: string): NearRule => ({
  keywords: regex(`${B}(?:${keywords})${E}`),
  values: regex(`${B}(?:${values})${E}`),
  wordsAfter: 5,
  wordsBefore: 3,
  skipLabelled: false,
});

const NIR_SHAPE = '[12] ?\\d{2} ?\\d{2} ?(?:\\d{2}|2[AB]) ?\\d{3} ?\\d{3} ?\\d{2}';
const DNI_SHAPE = '(?:\\d{8}|[XYZ][ -]?\\d{7})[ -]?[A-Z]';

/** Shapes that carry their own check, tested wherever they appear. */
const CHECKED: { pattern: RegExp; valid: (match: RegExpExecArray) => boolean }[] = [
  { pattern: regex(`(?<![\\p{L}\\p{N}_-])(\\d{3})-(\\d{2})-(\\d{4})(?![\\p{L}\\p{N}_]|-\\d)`), valid: (m) => ssnValid(m[1] ?? '', m[2] ?? '', m[3] ?? '') },
  { pattern: regex(`${B}${DNI_SHAPE}${E}`), valid: (m) => dniValid(m[0].replace(/[ -]/g, '')) },
  { pattern: regex(`${B}\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}${E}`), valid: (m) => cpfValid(m[0].replace(/\D/g, '')) },
  { pattern: regex(`${B}${NIR_SHAPE}${E}`), valid: (m) => nirValid(m[0].replace(/ /g, '')) },
];

/** Ids recognised by the words before or after them. */
const NEAR_WORDS: NearRule[] = [
  near('ssn|ss#|social\\s+security(?:\\s+(?:number|no))?|(?:numero\\s+de\\s+)?seguro\\s+social', '\\d{3}[ -]?\\d{2}[ -]?\\d{4}'),
  near('dni|nie|nif|documento\\s+(?:nacional\\s+)?de\\s+identidad', DNI_SHAPE),
  near('cpf', '\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}'),
  near(
    'steuer[- ]?(?:id(?:nr)?|identifikationsnummer|identnummer|nummer)|idnr|id-nr|identifikationsnummer|st\\.?-?nr|tax\\s+id',
    '[1-9]\\d(?: ?\\d{3}){3}|\\d{2,3}/\\d{3,4}/\\d{4,5}',
  ),
  near('(?:numero\\s+(?:de\\s+)?)?(?:securite\\s+sociale|secu)|nir|insee|carte\\s+vitale', NIR_SHAPE),
  near('passports?|pasaportes?|passaportes?|reisepass(?:nummer)?|passnummer|passeports?', '(?=[A-Z]*\\d)[A-Z0-9]{6,9}'),
];

/** Masks SSNs, DNI/NIE, CPF, Steuer-IdNr, NIR and passport numbers as `[id]`. */
export const detectGovernmentIds: Detector = (_text, folded) => {
  const spans: RedactionSpan[] = [];
  for (const { pattern, valid } of CHECKED) {
    eachMatch(pattern, folded, (match) => {
      if (valid(match)) spans.push({ start: match.index, end: match.index + match[0].length, replacement: '[id]' });
    });
  }
  for (const rule of NEAR_WORDS) {
    for (const [start, end] of findNear(folded, rule)) spans.push({ start, end, replacement: '[id]' });
  }
  return spans;
};
