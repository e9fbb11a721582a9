/**
 * Internal: short numeric secrets recognised by the words around them.
 *
 * - Card security codes (CVV2, CVC2, CID — 3 or 4 digits) within 4 words after, or 3 before,
 *   a card-code word: cvv, cvc, csc, security code, card code, card verification, código de
 *   seguridad, código de segurança, Prüfnummer, Kartenprüfnummer, Sicherheitscode,
 *   cryptogramme, code de sécurité… -> `[cvv]`.
 * - One-time codes (OTP, 2FA, SMS, PIN, TAN — 4 to 8 digits, or `123 456`) within 5 words
 *   after, or 3 before, a code word: code, OTP, one-time, verification, 2FA, MFA, PIN, TAN,
 *   código, Bestätigungscode, code de vérification… -> `[code]`.
 *
 * Not codes: values labelled as orders, tickets, invoices, phone numbers or amounts (see
 * `proximity.ts`), and codes that are not secret — zip, postal, area, country, error, status,
 * product, tracking, promo, discount, coupon and voucher codes ("code postal 75001",
 * "error code 1004"). Promo codes are letters and digits ("SUMMER20") and never match anyway.
 */
import { WORD_END, WORD_START, type Detector } from './detector';
import { digitsValue, findNear, type NearRule } from './proximity';

const words = (alternatives: readonly string[]): RegExp => new RegExp(`${WORD_START}(?:${alternatives.join('|')})${WORD_END}`, 'giu');

const CARD_CODE_WORDS = [
  'cvv2?',
  'cvc2?',
  'cvn',
  'csc',
  'cav2',
  'cid',
  'security\\s+code',
  'card\\s+(?:security\\s+|verification\\s+)?code',
  'card\\s+verification(?:\\s+(?:value|number))?',
  'codigo\\s+(?:de\\s+)?(?:seguridad|seguranca|verificacion|verificacao)(?:\\s+(?:de|da|del|do)\\s+(?:la\\s+|o\\s+)?(?:tarjeta|cartao))?',
  'cod\\.?\\s+(?:de\\s+)?seguranca',
  '(?:karten)?pr(?:u|ue)f(?:nummer|ziffer|ziffern|code)',
  'sicherheits(?:code|nummer)',
  'cryptogramme(?:\\s+visuel)?',
  'code\\s+(?:de\\s+)?securite',
  'code\\s+cryptogramme',
  'numero\\s+de\\s+securite',
];

/** Compounds of "code" that are one-time codes; other compounds (Postcode, Fehlercode) are not. */
const CODE_COMPOUNDS = '(?:bestatigungs|verifizierungs|sicherheits|einmal|anmelde|zugangs|freigabe|login|sms|auth|tan|otp)code';
const ONE_TIME_CODE_WORDS = [
  'codes?',
  'codigos?',
  'cod',
  CODE_COMPOUNDS,
  'otp',
  'one[- ]?time(?:\\s+(?:code|password|passcode|pin))?',
  'verification',
  'verificacion',
  'verificacao',
  'verifizierung',
  '2fa',
  'two[- ]factor',
  'mfa',
  'pin',
  'pins',
  'pin-?code',
  'tan',
  'mtan',
  'smstan',
  'einmal(?:passwort|kennwort)',
  'token',
];
const NOT_SECRET_CODES = new RegExp(
  [
    `${WORD_START}(?:zip|postal|post|area|country|dialing|promo|promotional|discount|coupon|voucher|gift|error|status|product|item|tracking|reference|bar|qr|source|dress|tax|sort|swift|bank|iban|branch|airport|currency|language|region)\\s+codes?${WORD_END}`,
    `${WORD_START}codes?\\s+(?:postal|promo|promotionnel|de\\s+reduction|reduction|d'erreur|erreur|produit|article|client|barre|barres|iata)${WORD_END}`,
    `${WORD_START}codigos?\\s+(?:postal|promocional|de\\s+(?:descuento|desconto|promocion|promocao|error|erro|rastreo|rastreio|producto|produto|barras|cupon|cupom|pais|area|cliente))${WORD_END}`,
    `${WORD_START}pin\\s+(?:the|it|this|that|a)${WORD_END}`,
  ].join('|'),
  'giu',
);

const CARD_CODES: NearRule = {
  keywords: words(CARD_CODE_WORDS),
  values: new RegExp(digitsValue(3, 4), 'gu'),
  wordsAfter: 4,
  wordsBefore: 3,
  skipLabelled: true,
};

const ONE_TIME_CODES: NearRule = {
  keywords: words(ONE_TIME_CODE_WORDS),
  values: new RegExp(`${digitsValue(4, 8)}|(?<![\\p{L}\\p{N}_+#]|\\p{N}[ .,/:-])\\d{3}[ -]\\d{3}(?![\\p{L}\\p{N}_]|[ .,/:-]\\p{N})`, 'gu'),
  excluded: NOT_SECRET_CODES,
  wordsAfter: 5,
  wordsBefore: 3,
  skipLabelled: true,
};

const masked =
  (rule: NearRule, replacement: string): Detector =>
  (_text, folded) =>
    findNear(folded, rule).map(([start, end]) => ({ start, end, replacement }));

/** Masks card security codes near card-code words as `[cvv]`. */
export const detectCardSecurityCodes = masked(CARD_CODES, '[cvv]');

/** Masks one-time codes, PINs and TANs near code words as `[code]`. */
export const detectOneTimeCodes = masked(ONE_TIME_CODES, '[code]');
