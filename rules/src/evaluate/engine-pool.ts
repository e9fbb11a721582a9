/**
 * Internal: Engines built from compiled rule JSON (an escalation tree's or a routing graph's),
 * lent to one run at a time.
 *
 * An Engine keeps its run status on the instance, so concurrent runs on one shared Engine with
 * more than one priority level skip each other's rules once any run finishes or stops. Engines
 * built from the compiled JSON are therefore pooled per compiled rule set and lent to one run at
 * a time: never shared by two runs, never rebuilt on the hot path. `run-engine.test.ts` and
 * `run-routing-graph.test.ts` prove that concurrent runs give the same answers as sequential ones.
 */
import { Engine, type EngineOptions, type RuleProperties, type RuleResult, type TopLevelCondition } from 'json-rules-engine';
import type { SharedCondition } from '../compiler/compiled-policy';

/** Compiled rules as stored: named shared conditions and the rules that reference them. */
export interface CompiledRuleSet {
  conditions: Record<string, SharedCondition>;
  rules: readonly object[];
}

/** What one run gives: the rules that fired and those that did not, in evaluation order. */
export interface PooledRun {
  results: RuleResult[];
  failureResults: RuleResult[];
}

const MAX_IDLE_ENGINES = 32;

/** Engines of one configuration, pooled per compiled rule set (the object, not its content). */
export class EnginePool {
  private readonly idle = new WeakMap<CompiledRuleSet, Engine[]>();

  /**
   * @param options - json-rules-engine options of every Engine of the pool
   * @param stopAtFirstSuccess - end a run when a rule fires, skipping the lower priorities: only
   *   for rule sets whose rules exclude each other and whose failures nobody reads
   */
  constructor(
    private readonly options: EngineOptions,
    private readonly stopAtFirstSuccess = false,
  ) {}

  /** Runs `compiled` on `facts` on an Engine no other run holds. */
  async run(compiled: CompiledRuleSet, facts: Record<string, unknown>): Promise<PooledRun> {
    let idle = this.idle.get(compiled);
    if (!idle) {
      idle = [];
      this.idle.set(compiled, idle);
    }
    const engine = idle.pop() ?? this.build(compiled);
    try {
      const { results, failureResults } = await engine.run(facts);
      return { results, failureResults };
    } finally {
      if (idle.length < MAX_IDLE_ENGINES) idle.push(engine);
    }
  }

  private build(compiled: CompiledRuleSet): Engine {
    const engine = new Engine([], this.options);
    for (const [name, condition] of Object.entries(compiled.conditions)) engine.setCondition(name, condition as TopLevelCondition);
    for (const rule of compiled.rules) engine.addRule(rule as RuleProperties);
    if (this.stopAtFirstSuccess)
      engine.on('success', () => {
        engine.stop();
      });
    return engine;
  }
}
