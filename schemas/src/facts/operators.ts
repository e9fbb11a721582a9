/**
 * Condition operators, named as json-rules-engine's built-in operators so they compile
 * unchanged, with the fact types each may be used on and words for the editor and the trace.
 */
import type { FactType } from './fact-catalog';

export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

/** A json-rules-engine built-in operator. */
export type Operator = (typeof OPERATORS)[number];

/** Operators allowed per fact type. Object facts need a `path`; the value then decides. */
export const OPERATORS_BY_FACT_TYPE: Record<FactType, readonly Operator[]> = {
  number: ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'],
  boolean: ['equal', 'notEqual'],
  string: ['equal', 'notEqual', 'in', 'notIn'],
  stringList: ['contains', 'doesNotContain'],
  object: OPERATORS,
};

/** Symbols used when a condition is written out in words ("sentimentLatest ≤ -0.3"). */
export const OPERATOR_SYMBOLS: Record<Operator, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: 'is one of',
  notIn: 'is not one of',
  contains: 'contains',
  doesNotContain: 'does not contain',
};
