/**
 * Runs compiled rules on one fact set with json-rules-engine. A fresh Engine per run: the
 * Engine keeps its run status on the instance, so concurrent runs on a shared Engine with more
 * than one priority level skip each other's rules once any run finishes. The rule JSON is
 * cached per version by the caller; building an Engine from it is cheap (see `npm run bench`).
 */
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { Facts } from '@baton/schemas';
import type { CompiledPolicy, DecisionEventParams, TriggerEventParams } from '../compiler/compiled-policy';

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

export interface FiredRule<P> {
  params: P;
  /** `conditions.all` of the rule after evaluation, one entry per step. */
  evaluated: EvaluatedCondition[];
}

export interface EngineOutcome {
  decision: FiredRule<DecisionEventParams>;
  triggers: FiredRule<TriggerEventParams>[];
}

/** Raised when compiled rules break their own invariant (exactly one decision rule fires). */
export class EvaluationInvariantError extends Error {
  override name = 'EvaluationInvariantError';
}

/**
 * Evaluates `compiled` on `facts`.
 * @returns the one decision rule that fired and every trigger rule that fired, in priority order
 * @throws {@link EvaluationInvariantError} if zero or several decision rules fire (a compiler bug)
 */
export async function runEngine(compiled: CompiledPolicy, facts: Facts): Promise<EngineOutcome> {
  const engine = new Engine([], { allowUndefinedFacts: false, allowUndefinedConditions: false, replaceFactsInEventParams: false });
  for (const [name, condition] of Object.entries(compiled.conditions)) engine.setCondition(name, condition as TopLevelCondition);
  for (const rule of compiled.rules) engine.addRule(rule as unknown as RuleProperties);
  const { results } = await engine.run(facts as unknown as Record<string, unknown>);
  const fired = results.map((r) => ({
    type: r.event?.type,
    params: r.event?.params,
    evaluated: ((r.conditions as unknown as { all?: EvaluatedCondition[] }).all ?? []) as EvaluatedCondition[],
  }));
  const decisions = fired.filter((f) => f.type === 'decision');
  const decision = decisions[0];
  if (decisions.length !== 1 || !decision) {
    throw new EvaluationInvariantError(`Expected exactly one decision rule to fire, got ${decisions.length}.`);
  }
  return {
    decision: { params: decision.params as unknown as DecisionEventParams, evaluated: decision.evaluated },
    triggers: fired
      .filter((f) => f.type === 'trigger')
      .map((f) => ({ params: f.params as unknown as TriggerEventParams, evaluated: f.evaluated })),
  };
}

/** Every fact comparison evaluated under `condition`, with the value the engine saw. */
export function factValuesOf(condition: EvaluatedCondition | undefined): { fact: string; path?: string; value: unknown }[] {
  if (!condition) return [];
  if (condition.fact !== undefined) return [{ fact: condition.fact, path: condition.path, value: condition.factResult }];
  return [...(condition.all ?? []), ...(condition.any ?? []), ...(condition.not ? [condition.not] : [])].flatMap(factValuesOf);
}
