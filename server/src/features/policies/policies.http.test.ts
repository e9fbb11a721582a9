import { createHash } from 'node:crypto';
import { canonicalJson } from '@baton/rules';
import { BatonErrorCode } from '@baton/schemas';
import { referencePolicy } from '@baton/seed';
import { minimalSettings, stayGraph } from '../../test-support/fixtures';
import { CREATE_POLICY, POLICIES, POLICY, PUBLISH, SAVE_DRAFT, SET_DEFAULT, VALIDATE } from '../../test-support/operations';
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, type TestServer } from '../../test-support/test-server';
import { apiKeyId } from '../auth/api-key';

afterAll(removeTempDirs);

interface PolicyJson {
  id: string;
  isDefault: boolean;
  activeVersion: { version: number; contentHash: string; comment: string; publishedBy: string | null } | null;
  draft: {
    revision: number;
    graph: unknown;
    settings: unknown;
    updatedBy: string | null;
    validation: { valid: boolean; diagnostics: { code: string; severity: string }[] };
  };
  versions: { version: number; contentHash: string }[];
}

/** A graph whose stay leaf is unreachable: JSON-schema valid, semantically wrong (two leaves, one orphan). */
function graphWithOrphan() {
  const graph = stayGraph();
  graph.nodes.push({ id: 'orphan', kind: 'stay', position: { x: 200, y: 0 }, data: { reasonCode: 'orphan' } });
  return graph;
}

describe('policy management over HTTP', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  const keyId = () => apiKeyId(t.config.adminKey as string);

  it('lists the seed policy as the default, published as version 1', async () => {
    const { body } = await t.gql<{ policies: { id: string; isDefault: boolean; activeVersion: { version: number } }[] }>(POLICIES);
    expect(body.data?.policies).toEqual([{ id: 'support-default', name: referencePolicy.name, isDefault: true, activeVersion: { version: 1 } }]);
    const seed = await t.gql<{ policy: PolicyJson }>(POLICY, { id: 'support-default' });
    expect(seed.body.data?.policy.activeVersion).toMatchObject({ comment: expect.any(String), publishedBy: 'system:seed' });
    expect(seed.body.data?.policy.draft.validation.valid).toBe(true);
  });

  it('creates a policy with the default draft (start → stay) and the reference settings', async () => {
    const { body } = await t.gql<{ createPolicy: PolicyJson }>(CREATE_POLICY, { input: { name: 'Support EU', description: 'Europe' } });
    expect(body.errors).toBeUndefined();
    const policy = body.data?.createPolicy as PolicyJson;
    expect(policy).toMatchObject({ id: 'support-eu', isDefault: false, activeVersion: null, versions: [] });
    expect(policy.draft).toMatchObject({ revision: 1, updatedBy: keyId(), settings: referencePolicy.document.settings, validation: { valid: true } });
    expect((policy.draft.graph as { nodes: { kind: string }[] }).nodes.map((n) => n.kind)).toEqual(['start', 'stay']);
  });

  it('refuses a bad id slug and a taken id', async () => {
    const bad = await t.gql(CREATE_POLICY, { input: { id: 'Bad Id!', name: 'x' } });
    expect(bad.body.errors?.[0]).toMatchObject({ extensions: { code: BatonErrorCode.BadUserInput, field: 'input.id' } });
    const taken = await t.gql(CREATE_POLICY, { input: { id: 'support-default', name: 'Again' } });
    expect(taken.body.errors?.[0]).toMatchObject({ extensions: { code: BatonErrorCode.Conflict, policyId: 'support-default' } });
    const unchanged = await t.gql<{ policy: PolicyJson }>(POLICY, { id: 'support-default' });
    expect(unchanged.body.data?.policy.draft.revision).toBe(1);
    const shape = await t.gql(CREATE_POLICY, { input: { id: 'shapeless', name: 'Shapeless', graph: { nodes: [{ id: 'x', kind: 'teleport' }], edges: [] } } });
    expect(shape.body.errors?.[0]).toMatchObject({
      extensions: { code: BatonErrorCode.BadUserInput, diagnostics: [expect.objectContaining({ nodeId: 'x' })] },
    });
    const missing = await t.gql(POLICY, { id: 'shapeless' });
    expect(missing.body.data).toEqual({ policy: null });
  });

  it('saves a half-filled node as work in progress and refuses to publish it', async () => {
    await t.gql(CREATE_POLICY, { input: { id: 'wip', name: 'WIP' } });
    const graph = stayGraph();
    graph.nodes[1] = { id: 'stay', kind: 'handoff', data: { reasonCode: 'todo', category: 'CONTENT', queue: ' ', priority: 'HIGH' } };
    const saved = await t.gql<{ savePolicyDraft: { revision: number; validation: { valid: boolean } } }>(SAVE_DRAFT, {
      policyId: 'wip',
      graph,
      baseRevision: 1,
    });
    expect(saved.body.data?.savePolicyDraft).toMatchObject({ revision: 2, validation: { valid: false } });
    const published = await t.gql(PUBLISH, { policyId: 'wip', comment: 'not yet' });
    expect(published.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.InvalidPolicy);
  });

  it('saves drafts with semantic errors, refuses wrong JSON shapes, and detects stale revisions', async () => {
    await t.gql(CREATE_POLICY, { input: { id: 'drafty', name: 'Drafty', graph: stayGraph(), settings: minimalSettings() } });
    const saved = await t.gql<{ savePolicyDraft: { revision: number; validation: { valid: boolean; diagnostics: { code: string }[] } } }>(SAVE_DRAFT, {
      policyId: 'drafty',
      graph: graphWithOrphan(),
      baseRevision: 1,
    });
    expect(saved.body.errors).toBeUndefined();
    expect(saved.body.data?.savePolicyDraft).toMatchObject({ revision: 2, validation: { valid: false } });

    const shape = await t.gql(SAVE_DRAFT, { policyId: 'drafty', graph: { nodes: 'many', edges: [] }, baseRevision: 2 });
    expect(shape.body.errors?.[0]).toMatchObject({
      extensions: { code: BatonErrorCode.BadUserInput, diagnostics: [expect.objectContaining({ code: 'INVALID_SHAPE' })] },
    });
    const badSettings = await t.gql(SAVE_DRAFT, { policyId: 'drafty', graph: stayGraph(), settings: { topics: 3 }, baseRevision: 2 });
    expect(badSettings.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);

    const stale = await t.gql(SAVE_DRAFT, { policyId: 'drafty', graph: stayGraph(), baseRevision: 1 });
    expect(stale.body.errors?.[0]).toMatchObject({ extensions: { code: BatonErrorCode.Conflict, currentRevision: 2 } });

    const missing = await t.gql(SAVE_DRAFT, { policyId: 'nope', graph: stayGraph(), baseRevision: 1 });
    expect(missing.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.NotFound);

    const after = await t.gql<{ policy: PolicyJson }>(POLICY, { id: 'drafty' });
    expect(after.body.data?.policy.draft).toMatchObject({ revision: 2, graph: graphWithOrphan() });
  });

  it('refuses to publish a draft with errors (INVALID_POLICY + diagnostics) and writes nothing', async () => {
    await t.gql(CREATE_POLICY, { input: { id: 'broken', name: 'Broken' } });
    await t.gql(SAVE_DRAFT, { policyId: 'broken', graph: graphWithOrphan(), baseRevision: 1 });
    const { body } = await t.gql(PUBLISH, { policyId: 'broken', comment: 'try' });
    const error = body.errors?.[0];
    expect(error?.extensions.code).toBe(BatonErrorCode.InvalidPolicy);
    expect(error?.extensions.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'ERROR', nodeId: 'orphan' })]));
    const after = await t.gql<{ policy: PolicyJson }>(POLICY, { id: 'broken' });
    expect(after.body.data?.policy).toMatchObject({ activeVersion: null, versions: [] });
  });

  it('publishes an immutable, content-hashed version and makes it active', async () => {
    await t.gql(CREATE_POLICY, { input: { id: 'pub', name: 'Pub', graph: stayGraph(), settings: minimalSettings() } });
    const empty = await t.gql(PUBLISH, { policyId: 'pub', comment: '   ' });
    expect(empty.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);

    const { body } = await t.gql<{
      publishPolicy: { version: { version: number; contentHash: string; compiledRules: { rules: unknown[] }; publishedBy: string }; changeRequest: null };
    }>(PUBLISH, {
      policyId: 'pub',
      comment: 'First version',
    });
    expect(body.errors).toBeUndefined();
    const expectedHash = createHash('sha256')
      .update(canonicalJson({ graph: stayGraph(), settings: minimalSettings() }))
      .digest('hex');
    expect(body.data?.publishPolicy.version).toMatchObject({
      version: 1,
      contentHash: expectedHash,
      publishedBy: keyId(),
      comment: 'First version',
      parentVersion: null,
    });
    expect(body.data?.publishPolicy.changeRequest).toBeNull();
    expect(body.data?.publishPolicy.version.compiledRules.rules.length).toBeGreaterThan(0);

    const again = await t.gql<{ publishPolicy: { version: number } }>(PUBLISH, { policyId: 'pub', comment: 'No change' });
    expect(again.body.errors?.[0]).toMatchObject({ extensions: { code: BatonErrorCode.Conflict, activeVersion: 1 } });
    expect(again.body.errors?.[0]?.message).toMatch(/Nothing to publish/);

    await t.gql(SAVE_DRAFT, { policyId: 'pub', graph: stayGraph('second'), baseRevision: 1 });
    const v2 = await t.gql<{ publishPolicy: { version: { version: number; parentVersion: number } } }>(PUBLISH, { policyId: 'pub', comment: 'Second' });
    expect(v2.body.data?.publishPolicy.version).toMatchObject({ version: 2, parentVersion: 1 });
    const policy = await t.gql<{ policy: PolicyJson }>(POLICY, { id: 'pub' });
    expect(policy.body.data?.policy.activeVersion?.version).toBe(2);
    expect(policy.body.data?.policy.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(policy.body.data?.policy.versions[1]?.contentHash).toBe(expectedHash);

    const missing = await t.gql(PUBLISH, { policyId: 'nope', comment: 'x' });
    expect(missing.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.NotFound);
  });

  it('moves the default only to a published policy, so decisions without a policyId never stop', async () => {
    const early = await t.gql(CREATE_POLICY, { input: { id: 'next-default', name: 'Next', makeDefault: true } });
    expect(early.body.errors?.[0]).toMatchObject({ extensions: { code: BatonErrorCode.BadUserInput, field: 'input.makeDefault' } });
    expect((await t.gql<{ policy: PolicyJson | null }>(POLICY, { id: 'next-default' })).body.data?.policy).toBeNull();

    await t.gql(CREATE_POLICY, { input: { id: 'next-default', name: 'Next', graph: stayGraph('next'), settings: minimalSettings() } });
    const unpublished = await t.gql(SET_DEFAULT, { policyId: 'next-default' });
    expect(unpublished.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);

    const published = await t.gql(PUBLISH, { policyId: 'next-default', comment: 'Take over', makeDefault: true });
    expect(published.body.errors).toBeUndefined();
    const defaults = async () =>
      ((await t.gql<{ policies: { id: string; isDefault: boolean }[] }>(POLICIES)).body.data?.policies ?? []).filter((p) => p.isDefault).map((p) => p.id);
    expect(await defaults()).toEqual(['next-default']);

    const back = await t.gql<{ setDefaultPolicy: { id: string; isDefault: boolean } }>(SET_DEFAULT, { policyId: 'support-default' });
    expect(back.body.data?.setDefaultPolicy).toEqual({ id: 'support-default', isDefault: true });
    expect(await defaults()).toEqual(['support-default']);
  });

  it('returns null for an unknown policy', async () => {
    const { body } = await t.gql(POLICY, { id: 'unknown' });
    expect(body).toEqual({ data: { policy: null } });
  });

  it('validates a graph without saving, with or without settings', async () => {
    const ok = await t.gql<{ validatePolicyGraph: { valid: boolean } }>(VALIDATE, { graph: stayGraph() });
    expect(ok.body.data?.validatePolicyGraph).toEqual({ valid: true, diagnostics: [] });
    const bad = await t.gql<{ validatePolicyGraph: { valid: boolean; diagnostics: { nodeId: string | null }[] } }>(VALIDATE, {
      graph: graphWithOrphan(),
      settings: minimalSettings(),
    });
    expect(bad.body.data?.validatePolicyGraph.valid).toBe(false);
    const junk = await t.gql<{ validatePolicyGraph: { valid: boolean } }>(VALIDATE, { graph: 42 });
    expect(junk.body.data?.validatePolicyGraph.valid).toBe(false);
  });
});
