/**
 * Every trigger that fired, read from the engine's evaluation of the path rules: a handoff or
 * callback leaf's trigger fired when each positive step on a path to it (a `true` edge, a
 * matched switch case) held, whatever the earlier branches did. json-rules-engine evaluates
 * every condition of a rule's `all` at one priority level, so failed rules carry the results
 * too; a step it did not evaluate never counts as fired.
 */
import { DEFAULT_HANDLE } from '../graph/graph-index';
import type { EvaluatedCondition, EvaluatedPath } from './run-engine';

/** Whether the step's own test held: the ref on a `true` edge, the matched case (last entry) of a switch step. */
function positiveStepHeld(handle: string, evaluated: EvaluatedCondition | undefined): boolean | undefined {
  if (handle === 'false' || handle === DEFAULT_HANDLE) return undefined;
  if (handle === 'true') return evaluated?.result === true;
  const cases = evaluated?.all;
  return cases?.[cases.length - 1]?.result === true;
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
