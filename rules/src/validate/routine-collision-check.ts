/**
 * Internal: one-word topic and human-request phrases fire on their own, matched by stem; one
 * that stems like a routine word of its language (`routine-words.ts`) would hand routine
 * requests to a person, so validation refuses it with the phrase to rewrite. Concept terms are
 * not checked: a concept needs an object and a state together, so "invoice" as an object is
 * fine where "invoice" as a phrase is not.
 */
import type { TriggerSettings } from '@baton/schemas';
import { routineWordOf } from '../signals/routine-words';
import { matchingStem } from '../signals/stemmer';
import { foldText } from '../signals/text-normalise';
import { DiagnosticCode, error, type Diagnostic } from './diagnostic';

function phraseProblems(where: string, phrases: Readonly<Record<string, readonly string[]>>): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const [language, list] of Object.entries(phrases)) {
    for (const phrase of list) {
      const words = foldText(phrase).split(/\s+/).filter(Boolean);
      if (words.length !== 1) continue;
      // The key the matcher compares words on (a stem too short to mean anything keeps the word).
      const stemmed = matchingStem(language, words[0] as string);
      const routine = routineWordOf(language, stemmed);
      if (routine === undefined) continue;
      problems.push(
        error(
          DiagnosticCode.InvalidSettings,
          `The phrase "${phrase}" (${language}) of ${where} stems like the routine word "${routine}" ("${stemmed}"), so it would fire on routine requests; write a longer phrase or a concept (an object and a state) instead.`,
        ),
      );
    }
  }
  return problems;
}

/** Problems of every one-word phrase in `settings` (topics and the human-request lexicon). */
export function checkRoutineCollisions(settings: TriggerSettings): Diagnostic[] {
  return [
    ...Object.entries(settings.topics).flatMap(([topic, lexicon]) => phraseProblems(`topic "${topic}"`, lexicon.phrases)),
    ...phraseProblems('the human-request lexicon', settings.humanRequest.phrases),
  ];
}
