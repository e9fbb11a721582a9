/**
 * `attemptCount` and `failedAttemptCount`: resolution attempts the bot reported, and those whose
 * free-text `result` reads as a failure ("failed", "error", "not resolved", "rejected", "did not
 * work", "unsuccessful", "timed out"...; also es/pt/de/fr), unless it says the opposite ("no
 * error", "resolved without errors").
 */
import type { AttemptInput } from '@baton/schemas';
import { excerpt } from './evidence';
import { foldText } from './text-normalise';

const FAILURE = new RegExp(
  [
    'fail(s|ed|ing|ure)?',
    'errors?',
    'exceptions?',
    'unresolved',
    'unsuccessful',
    'rejected',
    'declined',
    'denied',
    'refused',
    'not (resolved|fixed|solved|successful|completed?|found|possible|allowed|working|work)',
    "(did|does|do) ?n[o']?t work",
    'no luck',
    'timed? ?out',
    'timeout',
    'aborted',
    'invalid',
    'fallid[oa]',
    'fallo',
    'rechazad[oa]',
    'no (resuelto|funciono)',
    'falh(ou|a|ado)',
    'recusad[oa]',
    'nao (resolvido|funcionou)',
    'fehlgeschlagen',
    'fehler',
    'abgelehnt',
    'nicht (gelost|erfolgreich)',
    'echec',
    'echoue',
    'refuse',
    'rejete',
    'erreur',
    'non resolu',
  ]
    .map((pattern) => `\\b${pattern}\\b`)
    .join('|'),
);
const SUCCESS_OVERRIDE = /\b(no|without|zero|0) errors?\b|\b(sin|sem|ohne|sans) (errores?|erros?|fehler|erreurs?)\b/;

/** True when an attempt's `result` text reads as a failure. */
export function isFailedResult(result: string): boolean {
  const folded = foldText(result);
  return FAILURE.test(folded) && !SUCCESS_OVERRIDE.test(folded);
}

/** Counts attempts and failed attempts; evidence quotes each failed one (`attempt 2 "…": "…"`). */
export function attemptFacts(
  attempts: readonly AttemptInput[],
  shown: readonly AttemptInput[] = attempts,
): { attemptCount: number; failedAttemptCount: number; evidence: string[] } {
  const evidence: string[] = [];
  attempts.forEach((attempt, i) => {
    const quoted = shown[i] ?? attempt;
    if (isFailedResult(attempt.result)) evidence.push(`attempt ${i + 1} "${excerpt(quoted.action)}": "${excerpt(quoted.result)}"`);
  });
  return { attemptCount: attempts.length, failedAttemptCount: evidence.length, evidence };
}
