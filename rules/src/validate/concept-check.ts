/**
 * Internal: trigger-setting concepts (`concepts.ts`) that could never match, or would match
 * nearly every message, are refused at validation with the concept to fix: a concept needs, in at
 * least one language, both objects and states, and a term made only of stop words ("the", "is")
 * would pair with anything. Pronoun objects are the exception ops may choose: they are written
 * on purpose and still need a state next to them.
 */
import type { Concept, TriggerSettings } from '@baton/schemas';
import { isStopword } from '../signals/language-packs';
import { tokenise } from '../signals/text-normalise';
import { DiagnosticCode, error, type Diagnostic } from './diagnostic';

/** Object pronouns a concept may list ("I lost it"): a stop word, but a deliberate one. */
const PRONOUN_OBJECTS = new Set(['it', 'la', 'lo', 'a', 'o', 'ihn', 'sie', 'es', 'le']);

function conceptProblems(where: string, concept: Concept): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const languages = new Set([...Object.keys(concept.objects), ...Object.keys(concept.states)]);
  const usable = [...languages].filter((language) => (concept.objects[language]?.length ?? 0) > 0 && (concept.states[language]?.length ?? 0) > 0);
  if (usable.length === 0) {
    problems.push(
      error(DiagnosticCode.InvalidSettings, `Concept "${concept.id}" of ${where} can never match: give it objects and states in the same language.`),
    );
  }
  for (const [role, lists] of [
    ['state', concept.states],
    ['object', concept.objects],
  ] as const) {
    for (const [language, terms] of Object.entries(lists)) {
      for (const term of terms) {
        const tokens = tokenise(term);
        const onlyStopwords = tokens.length > 0 && tokens.every((token) => isStopword(language, token.word.replace(/['’]/g, '')));
        if (tokens.length === 0 || (onlyStopwords && !(role === 'object' && PRONOUN_OBJECTS.has(tokens[0]?.word ?? '')))) {
          problems.push(
            error(
              DiagnosticCode.InvalidSettings,
              `Concept "${concept.id}" of ${where}: the ${role} "${term}" (${language}) has no word of its own and would match almost any message; use a content word.`,
            ),
          );
        }
      }
    }
  }
  return problems;
}

/** Problems of every concept in `settings` (topics and the human-request lexicon). */
export function checkConcepts(settings: TriggerSettings): Diagnostic[] {
  return [
    ...Object.entries(settings.topics).flatMap(([topic, lexicon]) =>
      (lexicon.concepts ?? []).flatMap((concept) => conceptProblems(`topic "${topic}"`, concept)),
    ),
    ...(settings.humanRequest.concepts ?? []).flatMap((concept) => conceptProblems('the human-request lexicon', concept)),
  ];
}
