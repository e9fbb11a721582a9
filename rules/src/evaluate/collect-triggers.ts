/**
 * Every trigger that fired, read from the engine's evaluation of the path rules: a handoff or
 * callback leaf's trigger fired when each positive step on a path to it (a `true` edge, a
 * matched switch case) held, whatever the earlier branches did. json-rules-engine evaluates
 * every condition of a rule's `all` at one priority level, so failed rules carry the results
 * too; a step it did not evaluate never counts as fired.
 */
import { DEFAULT_HANDLE } from '../graph/graph-index';
import type { EvaluatedCondition, EvaluatedPath } from './run-engine';

/**
 * The step's own test as evaluated: the ref on a `true` edge, or the branch taken (the last entry)
 * of a switch case or decision table row step, whose earlier entries are the negated branches
 * before it; undefined for a `false` or `default` step, which tests nothing of its own.
 */
export function ownTest(handle: string, evaluated: EvaluatedCondition | undefined): EvaluatedCondition | undefined {
  if (handle === 'false' || handle === DEFAULT_HANDLE) return undefined;
  if (handle === 'true') return evaluated;
  return evaluated?.all?.at(-1);
}

/** Whether the step's own test held; undefined for a step without one. */
function positiveStepHeld(handle: string, evaluated: EvaluatedCondition | undefined): boolean | undefined {
  if (handle === 'false' || handle === DEFAULT_HANDLE) return undefined;
  return ownTest(handle, evaluated)?.result === true;
}

/**
 * @param paths - every path rule after evaluation, in drawing order
 * @returns the paths whose leaf is a handoff or callback and whose positive steps all held
 *   (at least one), in drawing order
 */
export function collectTriggers(paths: EvaluatedPath[]): EvaluatedPath[] {
  return paths.filter((path) => {
    if (path.params.leaf.kind === 'stay') return false;
    const held = path.params.steps.map((s, i) => positiveStepHeld(s.handle, path.evaluated[i])).filter((h) => h !== undefined);
    return held.length > 0 && held.every(Boolean);
  });
}

/** Step indices of a path that are positive (a `true` edge or a matched case). */
export function positiveSteps(path: EvaluatedPath): number[] {
  return path.params.steps.flatMap((s, i) => (s.handle === 'false' || s.handle === DEFAULT_HANDLE ? [] : [i]));
}
