/** Condition tests in words: "negativeTurns ≥ 2 or sentimentSharpDrop = true". */
import { OPERATOR_SYMBOLS, isFactTest, type ConditionTest } from '@baton/schemas';

/** A fact, with its JSONPath when it has one. */
export const subject = (fact: string, path?: string): string => (path ? `${fact} ${path}` : fact);

/** `fact operator value` in words. */
export const comparison = (fact: string, path: string | undefined, operator: keyof typeof OPERATOR_SYMBOLS, value: unknown): string =>
  `${subject(fact, path)} ${OPERATOR_SYMBOLS[operator]} ${JSON.stringify(value)}`;

/** A condition test in words; groups are parenthesised when nested. */
export function describeTest(test: ConditionTest, nested = false): string {
  if (isFactTest(test)) return comparison(test.fact, test.path, test.operator, test.value);
  const wrap = (s: string): string => (nested ? `(${s})` : s);
  if ('all' in test) return wrap(test.all.map((t) => describeTest(t, true)).join(' and '));
  if ('any' in test) return wrap(test.any.map((t) => describeTest(t, true)).join(' or '));
  return `not ${describeTest(test.not, true)}`;
}
