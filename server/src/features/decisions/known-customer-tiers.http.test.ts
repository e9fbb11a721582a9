/**
 * Customer tiers known to the server over HTTP: a tier an integration sends in a logged decision
 * becomes a known value of the `customerTier` fact (the editor's pick list and validation), kept
 * across a restart through the decision log; a dry run teaches nothing, and the case-trap warning
 * still fires against the learnt tier.
 */
import { DiagnosticCode } from '@baton/rules';
import type { PolicyGraph } from '@baton/schemas';
import { referencePolicy } from '@baton/seed';
import { DECIDE, VALIDATE, decideInput } from '../../test-support/operations';
import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer } from '../../test-support/test-server';

afterAll(removeTempDirs);

const TIERS = `query { customerTiers }`;
const settings = referencePolicy.document.settings;

/** start → "tier is `value`?" → one of two stays. */
function tierGraph(value: string): PolicyGraph {
  return {
    nodes: [
      { id: 'start', kind: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'c_tier', kind: 'condition', label: 'Tier', position: { x: 0, y: 100 }, data: { test: { fact: 'customerTier', operator: 'equal', value } } },
      { id: 'stay_yes', kind: 'stay', position: { x: -100, y: 200 }, data: { reasonCode: 'tier_yes' } },
      { id: 'stay_no', kind: 'stay', position: { x: 100, y: 200 }, data: { reasonCode: 'tier_no' } },
    ],
    edges: [
      { id: 'e0', source: 'start', target: 'c_tier' },
      { id: 'e1', source: 'c_tier', sourceHandle: 'true', target: 'stay_yes' },
      { id: 'e2', source: 'c_tier', sourceHandle: 'false', target: 'stay_no' },
    ],
  };
}

type Validation = { validatePolicyGraph: { diagnostics: { code: string; nodeId: string | null }[] } };

describe('customer tiers known to the server', () => {
  it('learns the tiers logged decisions carry, keeps them across a restart, and validates conditions against them', async () => {
    const dataDir = makeTempDir();
    const t = await startTestServer({ dataDir, decisionLog: { flushMs: 0, batchSize: 100 } });
    expect((await t.gql<{ customerTiers: string[] }>(TIERS)).body.data?.customerTiers).toEqual(['free', 'pro', 'vip', 'enterprise']);
    const onGold = async () =>
      (await t.gql<Validation>(VALIDATE, { graph: tierGraph('gold'), settings })).body.data?.validatePolicyGraph.diagnostics.filter(
        (d) => d.nodeId === 'c_tier',
      );
    expect((await onGold())?.map((d) => d.code)).toEqual([DiagnosticCode.UnknownValue]);

    // A dry run (the editor's test panel) teaches nothing; a logged decision does, trimmed and lower-cased as the fact is.
    const dry = await t.gql(DECIDE, { input: decideInput({ customer: { id: 'c-1', tier: 'platinum' }, dryRun: true }) });
    expect(dry.body.errors).toBeUndefined();
    const logged = await t.gql(DECIDE, { input: decideInput({ customer: { id: 'c-2', tier: ' Gold ' } }) });
    expect(logged.body.errors).toBeUndefined();
    expect((await t.gql<{ customerTiers: string[] }>(TIERS)).body.data?.customerTiers).toEqual(['free', 'pro', 'vip', 'enterprise', 'gold']);
    expect(await onGold()).toEqual([]);
    const onGoldUpper = await t.gql<Validation>(VALIDATE, { graph: tierGraph('GOLD'), settings });
    expect(onGoldUpper.body.data?.validatePolicyGraph.diagnostics.filter((d) => d.nodeId === 'c_tier').map((d) => d.code)).toEqual([DiagnosticCode.ValueCase]);
    await t.close();

    const reopened = await startTestServer({ dataDir });
    expect((await reopened.gql<{ customerTiers: string[] }>(TIERS)).body.data?.customerTiers).toEqual(['free', 'pro', 'vip', 'enterprise', 'gold']);
    await reopened.close();
  });
});
