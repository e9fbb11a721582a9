/**
 * The test a condition node makes: one comparison of a fact with a value, or a group
 * (`all` / `any` of tests, `not` of one test). JSON Schema and type from one TypeBox definition.
 */
import { Type, type Static } from '@sinclair/typebox';
import { OPERATORS } from '../facts/operators';
import { stringEnum } from './string-enum';

/** Any JSON value a condition compares a fact with. */
export const ConditionValueSchema = Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Array(Type.Union([Type.String(), Type.Number()]))]);
export type ConditionValue = Static<typeof ConditionValueSchema>;

/** `fact` (optionally at `path`, a JSONPath such as `$.plan`) `operator` `value`. */
export const FactTestSchema = Type.Object(
  {
    fact: Type.String({ minLength: 1 }),
    path: Type.Optional(Type.String({ pattern: '^\\$' })),
    operator: stringEnum(OPERATORS),
    value: ConditionValueSchema,
  },
  { additionalProperties: false },
);
export type FactTest = Static<typeof FactTestSchema>;

export const ConditionTestSchema = Type.Recursive(
  (Self) =>
    Type.Union([
      FactTestSchema,
      Type.Object({ all: Type.Array(Self, { minItems: 1 }) }, { additionalProperties: false }),
      Type.Object({ any: Type.Array(Self, { minItems: 1 }) }, { additionalProperties: false }),
      Type.Object({ not: Self }, { additionalProperties: false }),
    ]),
  { $id: 'ConditionTest' },
);
/** A single fact test or a nested `all` / `any` / `not` group of them. */
export type ConditionTest = Static<typeof ConditionTestSchema>;

/** True when the test is a single fact comparison rather than a group. */
export function isFactTest(test: ConditionTest): test is FactTest {
  return 'fact' in test;
}
