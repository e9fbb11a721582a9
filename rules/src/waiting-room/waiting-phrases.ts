/**
 * Internal: the localised values of the waiting-room placeholders — `{position}` as an ordinal
 * and `{wait}` as a duration — in the languages Baton writes natively (en, es, pt, de, fr;
 * English otherwise). Each form reads inside Baton's default template of its language
 * (`DEFAULT_WAITING_ROOM` in `@baton/schemas`): after "in" / "en" / "em" / "in" / "dans".
 */

/** The languages with native phrases. */
export const WAITING_ROOM_LANGUAGES = ['en', 'es', 'pt', 'de', 'fr'] as const;
export type WaitingRoomLanguage = (typeof WAITING_ROOM_LANGUAGES)[number];

/** `language` when Baton writes it natively, else English. */
export function phraseLanguage(language: string): WaitingRoomLanguage {
  return (WAITING_ROOM_LANGUAGES as readonly string[]).includes(language) ? (language as WaitingRoomLanguage) : 'en';
}

const EN_SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const enOrdinal = new Intl.PluralRules('en', { type: 'ordinal' });

/**
 * A queue position (1-based) as an ordinal: en 1st, 2nd, 3rd, 11th, 22nd; es 2.º and pt 2º
 * (masculine, agreeing with "lugar"); de 2.; fr 1re, 2e (feminine, agreeing with "position").
 * Sources: the CLDR ordinal plural rules (English) and each language's academy abbreviation
 * (RAE "2.º", Portuguese "2º", Duden "2.", Académie française "1re", "2e").
 */
export function ordinal(position: number, language: string): string {
  const n = Math.max(1, Math.floor(position));
  switch (phraseLanguage(language)) {
    case 'en':
      return `${n}${EN_SUFFIX[enOrdinal.select(n)] ?? 'th'}`;
    case 'es':
      return `${n}.º`;
    case 'pt':
      return `${n}º`;
    case 'de':
      return `${n}.`;
    case 'fr':
      return n === 1 ? '1re' : `${n}e`;
  }
}

interface WaitWords {
  underAMinute: string;
  aboutOneMinute: string;
  aboutMinutes: (minutes: number) => string;
  unknown: string;
}

const WAIT: Record<WaitingRoomLanguage, WaitWords> = {
  en: { underAMinute: 'less than a minute', aboutOneMinute: 'about a minute', aboutMinutes: (m) => `about ${m} minutes`, unknown: 'a few minutes' },
  es: { underAMinute: 'menos de un minuto', aboutOneMinute: 'más o menos un minuto', aboutMinutes: (m) => `unos ${m} minutos`, unknown: 'unos minutos' },
  pt: { underAMinute: 'menos de um minuto', aboutOneMinute: 'cerca de um minuto', aboutMinutes: (m) => `cerca de ${m} minutos`, unknown: 'alguns minutos' },
  de: { underAMinute: 'weniger als einer Minute', aboutOneMinute: 'etwa einer Minute', aboutMinutes: (m) => `etwa ${m} Minuten`, unknown: 'wenigen Minuten' },
  fr: { underAMinute: "moins d'une minute", aboutOneMinute: 'environ une minute', aboutMinutes: (m) => `environ ${m} minutes`, unknown: 'quelques minutes' },
};

/**
 * The expected wait in words: under 60 s "less than a minute", else the minutes rounded (at
 * least one), "a few minutes" when unknown (null: no agent of the queue is online, so no
 * estimate can be made).
 * @param seconds - the estimate in seconds, or null
 */
export function waitPhrase(seconds: number | null, language: string): string {
  const words = WAIT[phraseLanguage(language)];
  if (seconds === null) return words.unknown;
  if (seconds < 60) return words.underAMinute;
  const minutes = Math.max(1, Math.round(seconds / 60));
  return minutes === 1 ? words.aboutOneMinute : words.aboutMinutes(minutes);
}
