/**
 * The memo of runs in the engine pool (`engine-pool.ts`): a run is answered from memory only when
 * every comparison the rules make comes out the same, with the current fact values in its
 * evaluated conditions, and the answer is frozen.
 */
import { Engine, type EngineOptions } from 'json-rules-engine';
import { compileGraph } from '../compiler/compile-graph';
import { neutralFacts, smallPolicyGraph } from '../testing/fixtures';
import { EnginePool, type PooledRun } from './engine-pool';
import { factValuesOf, runEngine, type EvaluatedCondition } from './run-engine';

const compiled = compileGraph(smallPolicyGraph());
const OPTIONS: EngineOptions = { allowUndefinedFacts: false, allowUndefinedConditions: false, replaceFactsInEventParams: false };

/** A run as the JSON reasons, the trace and the log read from it. */
const plain = (run: PooledRun): unknown => JSON.parse(JSON.stringify(run));
/** The values of negativeStreak the run's evaluated conditions report, rule by rule. */
const comparedStreaks = (run: PooledRun): unknown[] =>
  [...run.results, ...run.failureResults]
    .flatMap((result) => factValuesOf(result.conditions as unknown as EvaluatedCondition))
    .filter((compared) => compared.fact === 'negativeStreak')
    .map((compared) => compared.value);

describe('the memo of engine runs', () => {
  it('answers equal values of the facts read from memory, frozen, and ignores facts no rule reads', async () => {
    const first = await runEngine(compiled, neutralFacts({ humanRequested: true, elapsedMinutes: 3 }));
    const again = await runEngine(compiled, neutralFacts({ humanRequested: true, elapsedMinutes: 900, attributes: { plan: 'gold' } }));
    expect(again.decision.params.leaf.id).toBe(first.decision.params.leaf.id);
    expect(again.paths).toEqual(first.paths);
    expect(Object.isFrozen(again.decision.evaluated[0])).toBe(true);
    expect(() => {
      (again.decision.params.leaf as { id: string }).id = 'changed';
    }).toThrow(TypeError);
  });

  it('runs again when a fact the rules read changes, and reports the values that run compared', async () => {
    const calm = await runEngine(compiled, neutralFacts({ negativeStreak: 0, customerTier: 'vip' }));
    const angry = await runEngine(compiled, neutralFacts({ negativeStreak: 1, sentimentSharpDrop: true, customerTier: 'vip' }));
    expect(calm.decision.params.leaf.id).not.toBe(angry.decision.params.leaf.id);
    const calmAgain = await runEngine(compiled, neutralFacts({ negativeStreak: 0, customerTier: 'vip' }));
    expect(calmAgain.decision.params.leaf.id).toBe(calm.decision.params.leaf.id);
  });

  it('tells an absent fact from a null one where undefined facts are allowed', async () => {
    const pool = new EnginePool({ allowUndefinedFacts: true, allowUndefinedConditions: false, replaceFactsInEventParams: false });
    const rules = {
      conditions: {},
      rules: [
        { name: 'null tier', priority: 2, conditions: { all: [{ fact: 'tier', operator: 'equal', value: null }] }, event: { type: 'null' } },
        { name: 'any', priority: 1, conditions: { all: [] }, event: { type: 'any' } },
      ],
    };
    const withNull = await pool.run(rules, { tier: null });
    const absent = await pool.run(rules, {});
    expect(withNull.results.map((r) => r.event?.type)).toEqual(['null', 'any']);
    expect(absent.results.map((r) => r.event?.type)).toEqual(['any']);
  });

  it('answers a run whose comparisons all come out the same from memory, with the current values in its conditions', async () => {
    const pool = new EnginePool(OPTIONS);
    const engineRuns = jest.spyOn(Engine.prototype, 'run');
    const two = await pool.run(compiled, neutralFacts({ negativeStreak: 2, customerTier: 'vip', topics: ['billing_dispute'] }));
    const five = await pool.run(compiled, neutralFacts({ negativeStreak: 5, customerTier: 'vip', topics: ['legal', 'billing_dispute'] }));
    expect(engineRuns).toHaveBeenCalledTimes(1);
    engineRuns.mockRestore();
    const fresh = await new EnginePool(OPTIONS).run(compiled, neutralFacts({ negativeStreak: 5, customerTier: 'vip', topics: ['legal', 'billing_dispute'] }));
    expect(plain(five)).toEqual(plain(fresh));
    expect([...new Set(comparedStreaks(five))]).toEqual([5]);
    expect([...new Set(comparedStreaks(two))]).toEqual([2]);
    expect(Object.isFrozen(five.results[0]?.conditions)).toBe(true);
  });

  it('gives what a new run gives, on random facts', async () => {
    const pool = new EnginePool(OPTIONS);
    let seed = 7;
    const pick = <T>(values: T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return values[Math.floor((seed / 2 ** 31) * values.length)] as T;
    };
    for (let i = 0; i < 300; i += 1) {
      const facts = neutralFacts({
        negativeStreak: pick([0, 1, 2, 3, 7]),
        sentimentSharpDrop: pick([true, false]),
        humanRequested: pick([true, false]),
        customerTier: pick(['', 'vip', 'pro']),
        topics: pick([[], ['security'], ['legal'], ['legal', 'billing_dispute']]),
      });
      expect(plain(await pool.run(compiled, facts))).toEqual(plain(await new EnginePool(OPTIONS).run(compiled, facts)));
    }
  });

  it('keys a fact compared with another fact by its value', async () => {
    const pool = new EnginePool(OPTIONS);
    const rules = {
      conditions: {},
      rules: [
        { name: 'over', priority: 2, conditions: { all: [{ fact: 'waiting', operator: 'greaterThan', value: { fact: 'limit' } }] }, event: { type: 'over' } },
        { name: 'any', priority: 1, conditions: { all: [] }, event: { type: 'any' } },
      ],
    };
    const fired = async (facts: Record<string, unknown>) => (await pool.run(rules, facts)).results.map((r) => r.event?.type);
    expect(await fired({ waiting: 5, limit: 3 })).toEqual(['over', 'any']);
    expect(await fired({ waiting: 2, limit: 3 })).toEqual(['any']);
    expect(await fired({ waiting: 2, limit: 1 })).toEqual(['over', 'any']);
  });
});
