/**
 * Test-only reference semantics of a condition test: json-rules-engine's built-in operators
 * (including its numeric fact-value guard) and the simple JSONPath (`$.a.b`) conditions use,
 * written out directly. The oracles (`interpret-graph.ts`, `walk-routing-graph.ts`) evaluate
 * graphs with it; the property tests compare them with compiled rules run in the engine.
 */
import { isFactTest, type ConditionTest, type FactTest, type Operator } from '@baton/schemas';

// json-rules-engine's own check: anything parseFloat reads as a number.
const isNumeric = (v: unknown): boolean => Number.parseFloat(String(v)).toString() !== 'NaN';

/** json-rules-engine operator semantics, including its fact-value validators. */
function applyOperator(operator: Operator, factValue: unknown, value: unknown): boolean {
  switch (operator) {
    case 'equal':
      return factValue === value;
    case 'notEqual':
      return factValue !== value;
    case 'in':
      return Array.isArray(value) && value.includes(factValue);
    case 'notIn':
      return Array.isArray(value) && !value.includes(factValue);
    case 'contains':
      return Array.isArray(factValue) && factValue.includes(value);
    case 'doesNotContain':
      return Array.isArray(factValue) && !factValue.includes(value);
    case 'lessThan':
      return isNumeric(factValue) && (factValue as number) < (value as number);
    case 'lessThanInclusive':
      return isNumeric(factValue) && (factValue as number) <= (value as number);
    case 'greaterThan':
      return isNumeric(factValue) && (factValue as number) > (value as number);
    case 'greaterThanInclusive':
      return isNumeric(factValue) && (factValue as number) >= (value as number);
  }
}

/** Resolves simple JSONPath (`$.a.b`) as the tests generate them. */
function resolve(value: unknown, path: string | undefined): unknown {
  if (!path) return value;
  return path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter(Boolean)
    .reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}

export function testFact(test: FactTest, facts: Readonly<Record<string, unknown>>): boolean {
  return applyOperator(test.operator, resolve(facts[test.fact], test.path), test.value);
}

export function evaluateTest(test: ConditionTest, facts: Readonly<Record<string, unknown>>): boolean {
  if (isFactTest(test)) return testFact(test, facts);
  if ('all' in test) return test.all.every((t) => evaluateTest(t, facts));
  if ('any' in test) return test.any.some((t) => evaluateTest(t, facts));
  return !evaluateTest(test.not, facts);
}
