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
 * A run's answer is a pure function of the outcomes of the comparisons its conditions make, so
 * the pool keeps the latest runs per rule set by those outcomes (`MEMO_RUNS`): a fact compared
 * only with constants (`customerMessageCount >= 2`, `topics contains "security"`) is keyed by
 * which of its comparisons hold, other facts by their exact value. Real traffic repeats these
 * keys (a handful of topics and flags, counts on one side of their thresholds), even as a
 * conversation's counts and minutes grow every turn, and a repeated run costs a lookup instead of
 * json-rules-engine's deep copy of every rule's conditions and event. A remembered run whose
 * facts had other values (on the same sides) is answered with the current values in its
 * evaluated conditions (`factResult`), so reasons and the trace read exactly what a new run
 * gives; that answer is kept by the exact values too, so a repeat of them is a lookup again.
 * Answers are frozen: shared by every caller, mutated by none.
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
 * Runs kept per rule set, by value and by outcome. A reference-policy run holds about 10 KB of
 * evaluated conditions, and a run answered by outcome shares all but the changed comparisons with
 * the run it came from, so a full memo costs about 10 to 20 MB per policy version.
 */
export const MEMO_RUNS = 1000;

/** A comparison a condition makes: a fact, an operator and the value it compares with. */
interface FactComparison {
  fact: string;
  operator?: unknown;
  value?: unknown;
  path?: unknown;
  params?: unknown;
}

/** Decides one comparison the way the engine does: json-rules-engine's `Operator#evaluate`. */
type Evaluate = (factValue: unknown, compareTo: unknown) => boolean;
/** The engine's operator named `name`, if it has one. */
type OperatorLookup = (name: string) => { evaluate: Evaluate } | undefined;

/**
 * The operators of `engine`, read from json-rules-engine's `operators` map (not in its typings;
 * where a release drops it, every fact is keyed by its value and the memo hits less, never wrongly).
 */
function operatorsOf(engine: Engine): OperatorLookup {
  const operators = (engine as unknown as { operators?: { get?: unknown } }).operators;
  const get = operators?.get;
  return typeof get === 'function' ? (name) => get.call(operators, name) as { evaluate: Evaluate } | undefined : () => undefined;
}

/** How a memo key holds one fact: the outcome of each comparison made on it, or (null) its exact value. */
interface KeyedFact {
  name: string;
  comparisons: Array<(value: unknown) => boolean> | null;
}

/**
 * The facts a rule set reads (in conditions, values and shared conditions), each keyed by its
 * comparisons when every one is with a constant value, with no path or params.
 */
function keyedFacts(compiled: CompiledRuleSet, operators: OperatorLookup): KeyedFact[] {
  const comparisons = new Map<string, Array<(value: unknown) => boolean> | null>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const condition = node as FactComparison;
      if (typeof condition.fact === 'string') {
        const operator = typeof condition.operator === 'string' ? operators(condition.operator) : undefined;
        const isFactReference = condition.value !== null && typeof condition.value === 'object' && Object.hasOwn(condition.value, 'fact');
        const known = comparisons.get(condition.fact);
        if (!operator || condition.path !== undefined || condition.params !== undefined || isFactReference) comparisons.set(condition.fact, null);
        else if (known !== null) {
          const compareTo = condition.value;
          comparisons.set(condition.fact, [...(known ?? []), (value) => operator.evaluate(value, compareTo)]);
        }
      }
      Object.values(node).forEach(walk);
    }
  };
  walk(compiled.conditions);
  walk(compiled.rules);
  return [...comparisons.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, compare]) => ({ name, comparisons: compare }));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** Equal fact values: the same primitive, or objects with the same JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b);
}

/** A copy of `object` (keeping its prototype: json-rules-engine's RuleResult and Condition) with `patch`. */
function copyWith<T extends object>(object: T, patch: Record<string, unknown>): T {
  return Object.assign(Object.create(Object.getPrototypeOf(object) as object | null) as T, object, patch);
}

/**
 * `condition` with the `factResult` of every evaluated comparison on a fact of `values` set to its
 * value there, copying only the nodes on the way to a change.
 */
function withFactResults<T>(condition: T, values: ReadonlyMap<string, unknown>): T {
  if (Array.isArray(condition)) {
    const mapped = condition.map((item: unknown) => withFactResults(item, values));
    return (mapped.some((item, i) => item !== condition[i]) ? mapped : condition) as T;
  }
  if (condition === null || typeof condition !== 'object') return condition;
  const node = condition as Record<string, unknown>;
  if (typeof node.fact === 'string' && Object.hasOwn(node, 'factResult') && values.has(node.fact))
    return copyWith(condition, { factResult: values.get(node.fact) });
  const patch: Record<string, unknown> = {};
  for (const key of ['all', 'any', 'not']) {
    if (node[key] === undefined) continue;
    const next = withFactResults(node[key], values);
    if (next !== node[key]) patch[key] = next;
  }
  return Object.keys(patch).length > 0 ? copyWith(condition, patch) : condition;
}

/** `run` as a run on facts with `values` gives it (the same comparison outcomes, so only `factResult` differs). */
function withFactValues(run: PooledRun, values: ReadonlyMap<string, unknown>): PooledRun {
  const rebase = (result: RuleResult): RuleResult => {
    const conditions = withFactResults(result.conditions, values);
    return conditions === result.conditions ? result : copyWith(result, { conditions });
  };
  return { results: run.results.map(rebase), failureResults: run.failureResults.map(rebase) };
}

/** A remembered run and the values of the facts read that it ran on, in {@link RunMemo} key order. */
interface MemoEntry {
  run: PooledRun;
  values: unknown[];
}

/** One fact's part of a memo key (see {@link RunMemo.keyOf}). */
function partOf(value: unknown, comparisons: KeyedFact['comparisons']): string {
  if (value === undefined) return '';
  if (comparisons) {
    try {
      return `#${comparisons.map((holds) => (holds(value) ? '1' : '0')).join('')}`;
    } catch {
      // An operator that throws on this value: the engine run will say how; key it exactly.
    }
  }
  return JSON.stringify(value);
}

/**
 * The latest runs of one rule set: by the exact values of the facts read (a repeated run costs a
 * lookup), and by the outcomes of the comparisons made (a run on other values on the same sides
 * is the remembered run with the current values in its evaluated conditions).
 */
class RunMemo {
  private readonly facts: KeyedFact[];
  private readonly byValue = new LRUCache<string, PooledRun>({ max: MEMO_RUNS });
  private readonly byOutcome = new LRUCache<string, MemoEntry>({ max: MEMO_RUNS });

  constructor(compiled: CompiledRuleSet, operators: OperatorLookup) {
    this.facts = keyedFacts(compiled, operators);
  }

  /** A remembered run that a run on `facts` would give, if any. */
  find(facts: Record<string, unknown>): PooledRun | undefined {
    const valueKey = this.keyOf(facts, false);
    const known = this.byValue.get(valueKey);
    if (known) return known;
    const entry = this.byOutcome.get(this.keyOf(facts, true));
    if (!entry) return undefined;
    const changed = new Map<string, unknown>();
    this.facts.forEach(({ name }, i) => {
      if (!sameValue(facts[name], entry.values[i])) changed.set(name, facts[name]);
    });
    const run = changed.size === 0 ? entry.run : deepFreeze(withFactValues(entry.run, changed));
    this.byValue.set(valueKey, run);
    return run;
  }

  /** Remembers `run`, the run on `facts`, frozen. */
  remember(facts: Record<string, unknown>, run: PooledRun): PooledRun {
    deepFreeze(run);
    this.byValue.set(this.keyOf(facts, false), run);
    this.byOutcome.set(this.keyOf(facts, true), { run, values: this.facts.map(({ name }) => facts[name]) });
    return run;
  }

  /**
   * A memo key of `facts`: per fact read, '' (never JSON) when absent; by outcome, '#' and one
   * digit per comparison for a fact keyed by comparisons; else its JSON.
   */
  private keyOf(facts: Record<string, unknown>, byOutcome: boolean): string {
    return this.facts.map(({ name, comparisons }) => partOf(facts[name], byOutcome ? comparisons : null)).join('\u0001');
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
   * Runs `compiled` on `facts` on an Engine no other run holds, or answers from the memo a run
   * whose comparisons all came out the same. The answer is frozen.
   */
  async run(compiled: CompiledRuleSet, facts: Record<string, unknown>): Promise<PooledRun> {
    const memo = this.memoOf(compiled);
    return memo.find(facts) ?? memo.remember(facts, await this.runOnEngine(compiled, facts));
  }

  private memoOf(compiled: CompiledRuleSet): RunMemo {
    let memo = this.memos.get(compiled);
    if (!memo) {
      const engine = this.build(compiled);
      memo = new RunMemo(compiled, operatorsOf(engine));
      this.memos.set(compiled, memo);
      this.idleOf(compiled).push(engine);
    }
    return memo;
  }

  private idleOf(compiled: CompiledRuleSet): Engine[] {
    let idle = this.idle.get(compiled);
    if (!idle) {
      idle = [];
      this.idle.set(compiled, idle);
    }
    return idle;
  }

  private async runOnEngine(compiled: CompiledRuleSet, facts: Record<string, unknown>): Promise<PooledRun> {
    const idle = this.idleOf(compiled);
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
