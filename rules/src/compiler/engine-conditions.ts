/**
 * Condition tests as json-rules-engine condition JSON, and the names of the shared conditions
 * branching nodes define. Node specs (`nodes/*.ts`) build their compiled form from these, so the
 * compiler itself never branches on a node's kind.
 */
import { isFactTest, type ConditionTest } from '@baton/schemas';
import type { EngineCondition, SharedCondition } from './compiled-policy';

/** Shared condition of a condition node. */
export const conditionName = (nodeId: string): string => `node:${nodeId}`;
/** Shared condition of a switch case. */
export const caseName = (switchId: string, caseId: string): string => `case:${switchId}:${caseId}`;
/** Shared condition of a decision table row. */
export const rowName = (tableId: string, rowId: string): string => `row:${tableId}:${rowId}`;

/** A test as engine condition JSON. */
export function toEngine(test: ConditionTest): EngineCondition {
  if (isFactTest(test)) {
    const { fact, path, operator, value } = test;
    return path === undefined ? { fact, operator, value } : { fact, path, operator, value };
  }
  if ('all' in test) return { all: test.all.map(toEngine) };
  if ('any' in test) return { any: test.any.map(toEngine) };
  return { not: toEngine(test.not) };
}

/** A test as a top-level shared condition (which must be a group). */
export function toShared(test: ConditionTest): SharedCondition {
  const condition = toEngine(test);
  return 'all' in condition || 'any' in condition || 'not' in condition ? condition : { all: [condition] };
}

/**
 * The step of a first-match node (switch, decision table) leaving through output `handle`: every
 * earlier branch fails and the taken one holds; through any other output (its default) every
 * branch fails. The last entry is the taken branch, which is where trigger collection looks.
 */
export function firstMatchStep(branches: readonly { handle: string; condition: string }[], handle: string): EngineCondition {
  const found = branches.findIndex((b) => b.handle === handle);
  const taken = found === -1 ? branches.length : found;
  return { all: branches.slice(0, taken + 1).map((b, i) => (i === taken ? { condition: b.condition } : { not: { condition: b.condition } })) };
}
