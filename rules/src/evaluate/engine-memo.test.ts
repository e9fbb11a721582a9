/**
 * The memo of runs in the engine pool (`engine-pool.ts`): a run is answered from memory only when
 * every fact the rules read has the same value, and the answer is frozen.
 */
import { compileGraph } from '../compiler/compile-graph';
import { neutralFacts, smallPolicyGraph } from '../testing/fixtures';
import { EnginePool } from './engine-pool';
import { runEngine } from './run-engine';

const compiled = compileGraph(smallPolicyGraph());

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
});
