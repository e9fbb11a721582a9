/**
 * Internal: trigger-setting concepts (`concepts.ts`) that could never match, or would match
 * nearly every message, are refused at validation with the concept to fix: a concept needs, in at
 * least one language, both objects and states, and a term made only of stop words ("the", "is")
 * would pair with anything. Pronoun objects are the exception ops may choose: they are written
 * on purpose and still need a state next to them. A `resolvedBy` entry starting with "@" names a
 * concept to yield to (`concepts.ts`): it must name another concept of the same lexicon family
 * (the topics' concepts, or the human-request lexicon's), or the concept would never yield.
 */
import type { Concept, TriggerSettings } from '@baton/schemas';
import { CONCEPT_REFERENCE } from '../signals/concepts';
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

/**
 * Problems of the "@concept" entries of `concept.resolvedBy`; `known` holds the ids of the
 * concepts it may yield to, `family` names them in the message ("any topic").
 */
function referenceProblems(where: string, concept: Concept, known: ReadonlySet<string>, family: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const [language, entries] of Object.entries(concept.resolvedBy ?? {})) {
    for (const entry of entries) {
      if (!entry.trim().startsWith('@')) continue;
      const id = CONCEPT_REFERENCE.exec(entry.trim())?.[1];
      const problem =
        id === undefined
          ? 'is not a concept id (lower case letters, digits and "_")'
          : id === concept.id
            ? 'names the concept itself'
            : known.has(id)
              ? undefined
              : `names no concept of ${family}`;
      if (problem) {
        problems.push(
          error(
            DiagnosticCode.InvalidSettings,
            `Concept "${concept.id}" of ${where}: resolvedBy "${entry}" (${language}) ${problem}; write "@" and the id of another concept to yield to it, or a phrase.`,
          ),
        );
      }
    }
  }
  return problems;
}

/** Problems of every concept in `settings` (topics and the human-request lexicon). */
export function checkConcepts(settings: TriggerSettings): Diagnostic[] {
  const topicConcepts = Object.entries(settings.topics).flatMap(([topic, lexicon]) => (lexicon.concepts ?? []).map((concept) => ({ topic, concept })));
  const topicIds = new Set(topicConcepts.map(({ concept }) => concept.id));
  const humanConcepts = settings.humanRequest.concepts ?? [];
  const humanIds = new Set(humanConcepts.map((concept) => concept.id));
  return [
    ...topicConcepts.flatMap(({ topic, concept }) => [
      ...conceptProblems(`topic "${topic}"`, concept),
      ...referenceProblems(`topic "${topic}"`, concept, topicIds, 'any topic'),
    ]),
    ...humanConcepts.flatMap((concept) => [
      ...conceptProblems('the human-request lexicon', concept),
      ...referenceProblems('the human-request lexicon', concept, humanIds, 'that lexicon'),
    ]),
  ];
}
