/**
 * Which text a customer gets when a handoff or callback leaf has no message in their language:
 * Baton's built-in sentence in that language when it has one (the five languages of the seed
 * lexicons), else the leaf's English message, else the built-in English sentence. Shared by the
 * decision (`rules/src/context/customer-message.ts`), policy validation and the editor's test
 * panel so that all three tell the same story.
 */
import { LANGUAGE_NAMES } from '../facts/language-names';

/** Languages Baton writes its own handoff, callback and wait sentences in (ISO 639-1). */
export const BUILT_IN_MESSAGE_LANGUAGES = ['en', 'es', 'pt', 'de', 'fr'] as const;
export type BuiltInMessageLanguage = (typeof BUILT_IN_MESSAGE_LANGUAGES)[number];

export const isBuiltInMessageLanguage = (language: string): language is BuiltInMessageLanguage =>
  (BUILT_IN_MESSAGE_LANGUAGES as readonly string[]).includes(language);

/** Where the text for `language` comes from, given a leaf's `templates` (language → text; blank counts as missing). */
export type MessageSource = { kind: 'leaf'; language: string } | { kind: 'built-in'; language: BuiltInMessageLanguage };

/** The source of the customer message for `language` (see the module comment for the order). */
export function messageSourceFor(templates: Readonly<Record<string, string>> | null | undefined, language: string): MessageSource {
  const has = (code: string) => (templates?.[code] ?? '').trim() !== '';
  if (has(language)) return { kind: 'leaf', language };
  if (isBuiltInMessageLanguage(language)) return { kind: 'built-in', language };
  if (has('en')) return { kind: 'leaf', language: 'en' };
  return { kind: 'built-in', language: 'en' };
}

/** What a customer writing in `language` gets instead of a missing template, in words ("the built-in Spanish sentence"). */
export function describeFallback(templates: Readonly<Record<string, string>> | null | undefined, language: string): string {
  const source = messageSourceFor(templates, language);
  const name = LANGUAGE_NAMES[source.language] ?? source.language;
  return source.kind === 'leaf' ? `the node's ${name} message` : `Baton's built-in ${name} sentence`;
}
