/**
 * Runs an escalation tree's compiled rules on one fact set with json-rules-engine, on an Engine
 * lent from the per-policy pool (`engine-pool.ts`). Every path rule runs to completion: the ones
 * that did not fire tell which other triggers held.
 */
import type { RuleResult } from 'json-rules-engine';
import type { Facts } from '@baton/schemas';
import type { CompiledPolicy, DecisionEventParams } from '../compiler/compiled-policy';
import { EnginePool } from './engine-pool';

/** A condition subtree of a rule result as json-rules-engine leaves it after evaluation. */
export interface EvaluatedCondition {
  fact?: string;
  path?: string;
  factResult?: unknown;
  result?: boolean;
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
}

/** One path rule after evaluation. */
export interface EvaluatedPath {
  params: DecisionEventParams;
  /** `conditions.all` of the rule after evaluation, one entry per step. */
  evaluated: EvaluatedCondition[];
  /** Whether the rule's conditions held (true for exactly one path). */
  passed: boolean;
}

export interface EngineOutcome {
  /** The one path rule that fired. */
  decision: EvaluatedPath;
  /** Every path rule, fired or not, in drawing order. */
  paths: EvaluatedPath[];
}

/** Raised when compiled rules break their own invariant (exactly one decision rule fires). */
export class EvaluationInvariantError extends Error {
  override name = 'EvaluationInvariantError';
}

const engines = new EnginePool({ allowUndefinedFacts: false, allowUndefinedConditions: false, replaceFactsInEventParams: false });

function toPath(result: RuleResult, passed: boolean): EvaluatedPath {
  return {
    params: result.event?.params as unknown as DecisionEventParams,
    evaluated: ((result.conditions as unknown as { all?: EvaluatedCondition[] }).all ?? []) as EvaluatedCondition[],
    passed,
  };
}

/**
 * Evaluates `compiled` on `facts`.
 * @returns the path rule that fired and every path rule with its evaluated conditions
 * @throws {@link EvaluationInvariantError} if zero or several path rules fire (a compiler bug)
 */
export async function runEngine(compiled: CompiledPolicy, facts: Facts): Promise<EngineOutcome> {
  const outcome = await engines.run(compiled, facts as unknown as Record<string, unknown>);
  const fired = outcome.results.map((r) => toPath(r, true));
  const decision = fired[0];
  if (fired.length !== 1 || !decision) throw new EvaluationInvariantError(`Expected exactly one decision rule to fire, got ${fired.length}.`);
  const byPriority = [...outcome.results, ...outcome.failureResults].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  return { decision, paths: byPriority.map((r) => toPath(r, r === outcome.results[0])) };
}

/** Every fact comparison evaluated under `condition`, with the value the engine saw. */
export function factValuesOf(condition: EvaluatedCondition | undefined): { fact: string; path?: string; value: unknown }[] {
  if (!condition) return [];
  if (condition.fact !== undefined) return [{ fact: condition.fact, path: condition.path, value: condition.factResult }];
  return [...(condition.all ?? []), ...(condition.any ?? []), ...(condition.not ? [condition.not] : [])].flatMap(factValuesOf);
}

/**
 * The fact comparisons that made `condition` hold: under `any` only the branches that held,
 * nothing under `not` (an absent fact explains nothing), every comparison under `all`.
 */
export function heldFactValues(condition: EvaluatedCondition | undefined): { fact: string; path?: string; value: unknown }[] {
  if (!condition || condition.result === false || condition.not) return [];
  if (condition.fact !== undefined) return [{ fact: condition.fact, path: condition.path, value: condition.factResult }];
  return [...(condition.all ?? []), ...(condition.any ?? []).filter((c) => c.result === true)].flatMap(heldFactValues);
}
