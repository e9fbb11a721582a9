/**
 * Internal: Engines built from compiled rule JSON (an escalation tree's or a routing graph's),
 * lent to one run at a time.
 *
 * An Engine keeps its run status on the instance, so concurrent runs on one shared Engine with
 * more than one priority level skip each other's rules once any run finishes or stops. Engines
 * built from the compiled JSON are therefore pooled per compiled rule set and lent to one run at
 * a time: never shared by two runs, never rebuilt on the hot path. `run-engine.test.ts` and
 * `run-routing-graph.test.ts` prove that concurrent runs give the same answers as sequential ones.
 *
 * A run's answer is a pure function of the values of the facts the rules read, so the pool keeps
 * the latest runs per rule set by those values (`MEMO_RUNS`): real traffic repeats them (a
 * handful of topics, flags and small counts), and a repeated run costs a lookup instead of
 * json-rules-engine's deep copy of every rule's conditions and event. Answers are frozen: shared
 * by every caller, mutated by none.
 */
import { LRUCache } from 'lru-cache';
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

/**
 * Runs kept per rule set. A reference-policy run holds about 10 KB of evaluated conditions, so
 * a full memo costs about 10 MB per policy version.
 */
export const MEMO_RUNS = 1000;

/** The names of the facts a rule set's conditions read (in conditions, values and shared conditions). */
function factsRead(compiled: CompiledRuleSet): string[] {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const fact = (node as { fact?: unknown }).fact;
      if (typeof fact === 'string') names.add(fact);
      Object.values(node).forEach(walk);
    }
  };
  walk(compiled.conditions);
  walk(compiled.rules);
  return [...names].sort();
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** The latest runs of one rule set, by the values of the facts it reads. */
class RunMemo {
  private readonly names: string[];
  private readonly runs = new LRUCache<string, PooledRun>({ max: MEMO_RUNS });

  constructor(compiled: CompiledRuleSet) {
    this.names = factsRead(compiled);
  }

  /** The values of the facts read, as one string; '' (never JSON) for an absent fact. */
  keyOf(facts: Record<string, unknown>): string {
    return this.names.map((name) => (facts[name] === undefined ? '' : JSON.stringify(facts[name]))).join('\u0001');
  }

  get(key: string): PooledRun | undefined {
    return this.runs.get(key);
  }

  set(key: string, run: PooledRun): PooledRun {
    this.runs.set(key, deepFreeze(run));
    return run;
  }
}

/** Engines of one configuration, pooled per compiled rule set (the object, not its content). */
export class EnginePool {
  private readonly idle = new WeakMap<CompiledRuleSet, Engine[]>();
  private readonly memos = new WeakMap<CompiledRuleSet, RunMemo>();

  /**
   * @param options - json-rules-engine options of every Engine of the pool
   * @param stopAtFirstSuccess - end a run when a rule fires, skipping the lower priorities: only
   *   for rule sets whose rules exclude each other and whose failures nobody reads
   */
  constructor(
    private readonly options: EngineOptions,
    private readonly stopAtFirstSuccess = false,
  ) {}

  /**
   * Runs `compiled` on `facts` on an Engine no other run holds, or answers a run with the same
   * values of the facts read from the memo. The answer is frozen.
   */
  async run(compiled: CompiledRuleSet, facts: Record<string, unknown>): Promise<PooledRun> {
    let memo = this.memos.get(compiled);
    if (!memo) {
      memo = new RunMemo(compiled);
      this.memos.set(compiled, memo);
    }
    const key = memo.keyOf(facts);
    return memo.get(key) ?? memo.set(key, await this.runOnEngine(compiled, facts));
  }

  private async runOnEngine(compiled: CompiledRuleSet, facts: Record<string, unknown>): Promise<PooledRun> {
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
