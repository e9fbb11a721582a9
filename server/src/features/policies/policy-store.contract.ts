/**
 * Internal (tests only): the behaviour every `PolicyStore` adapter must show. Called by
 * `defineStoreContractTests`.
 */
import { BatonErrorCode, type RoutingGraph } from '@baton/schemas';
import type { BatonError } from '../../baton-error';
import { minimalSettings, newStayPolicy, stayGraph } from '../../test-support/fixtures';
import type { PolicyFeatureStores } from '../../store/baton-store';
import { SYSTEM_ACTOR, type Actor } from '../audit/audit-event';
import type { NewPolicy, PolicyStore } from './policy-store';

const keyActor = (keyId: string): Actor => ({ keyId, role: 'publisher' });

const T0 = new Date('2025-01-01T10:00:00.000Z');
const T1 = new Date('2025-01-01T11:00:00.000Z');

function newPolicy(id: string, extra: Partial<NewPolicy> = {}): NewPolicy {
  return newStayPolicy(id, T0, keyActor('key-a'), { name: `Policy ${id}`, ...extra });
}

async function expectBatonError(promise: Promise<unknown>, code: BatonErrorCode): Promise<BatonError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: 'BatonError', code });
  return error as BatonError;
}

async function publish(policies: PolicyStore, policyId: string, draftRevision: number, contentHash = 'a'.repeat(64)) {
  return policies.publishVersion({
    policyId,
    draftRevision,
    contentHash,
    graph: stayGraph(),
    settings: minimalSettings(),
    routing: null,
    compiledRules: { conditions: { c1: { all: [] } }, rules: [{ name: 'r1' }] },
    comment: 'first',
    expectedActiveVersion: (await policies.getPolicy(policyId))?.activeVersion ?? null,
    makeDefault: false,
    at: T1,
    actor: keyActor('key-b'),
  });
}

/** Registers the policy store contract; `store()` returns a fresh, empty store per test. */
export function describePolicyStoreContract(store: () => PolicyFeatureStores): void {
  describe('policies', () => {
    it('starts empty', async () => {
      const { policies } = store();
      expect(await policies.hasPolicies()).toBe(false);
      expect(await policies.listPolicies()).toEqual([]);
      expect(await policies.getPolicy('nope')).toBeNull();
      expect(await policies.getPolicyHead(null)).toBeNull();
    });

    it('creates a policy with a draft at revision 1; the first one becomes default', async () => {
      const { policies } = store();
      const created = await policies.createPolicy(newPolicy('support', { description: 'desc' }));
      expect(created).toEqual({
        id: 'support',
        name: 'Policy support',
        description: 'desc',
        isDefault: true,
        activeVersion: null,
        requiredApprovals: 0,
        createdAt: T0,
        updatedAt: T0,
        draft: { revision: 1, graph: stayGraph(), settings: minimalSettings(), routing: null, updatedAt: T0, updatedBy: 'key-a' },
      });
      expect(await policies.hasPolicies()).toBe(true);
      expect(await policies.getPolicy('support')).toEqual(created);
      expect(await policies.getPolicyHead(null)).toEqual({ id: 'support', name: 'Policy support', activeVersion: null, activeContentHash: null });
    });

    it('keeps exactly one default policy', async () => {
      const { policies } = store();
      await policies.createPolicy(newPolicy('a'));
      await policies.createPolicy(newPolicy('b'));
      expect((await policies.listPolicies()).map((p) => [p.id, p.isDefault])).toEqual([
        ['a', true],
        ['b', false],
      ]);
      await policies.createPolicy(newPolicy('c', { makeDefault: true }));
      await policies.setDefaultPolicy('b', T1, SYSTEM_ACTOR);
      expect((await policies.listPolicies()).map((p) => [p.id, p.isDefault])).toEqual([
        ['a', false],
        ['b', true],
        ['c', false],
      ]);
      expect((await policies.getPolicyHead(null))?.id).toBe('b');
      await expectBatonError(policies.setDefaultPolicy('zzz', T1, SYSTEM_ACTOR), BatonErrorCode.NotFound);
    });

    it('refuses a taken id with CONFLICT and changes nothing', async () => {
      const { policies } = store();
      const first = await policies.createPolicy(newPolicy('dup'));
      await expectBatonError(policies.createPolicy(newPolicy('dup', { name: 'Other', makeDefault: true })), BatonErrorCode.Conflict);
      expect(await policies.listPolicies()).toEqual([first]);
    });

    it('saves drafts with optimistic concurrency', async () => {
      const { policies } = store();
      await policies.createPolicy(newPolicy('p'));
      const graph = stayGraph('changed');
      const saved = await policies.saveDraft({
        policyId: 'p',
        graph,
        settings: minimalSettings(),
        routing: null,
        baseRevision: 1,
        at: T1,
        actor: keyActor('key-b'),
      });
      expect(saved).toEqual({ revision: 2, graph, settings: minimalSettings(), routing: null, updatedAt: T1, updatedBy: 'key-b' });
      const stale = await expectBatonError(
        policies.saveDraft({
          policyId: 'p',
          graph: stayGraph('lost'),
          settings: minimalSettings(),
          routing: null,
          baseRevision: 1,
          at: T1,
          actor: keyActor('key-c'),
        }),
        BatonErrorCode.Conflict,
      );
      expect(stale.details).toMatchObject({ currentRevision: 2 });
      expect((await policies.getPolicy('p'))?.draft).toEqual(saved);
      await expectBatonError(
        policies.saveDraft({ policyId: 'nope', graph, settings: minimalSettings(), routing: null, baseRevision: 1, at: T1, actor: SYSTEM_ACTOR }),
        BatonErrorCode.NotFound,
      );
    });

    it('publishes numbered versions and activates the newest', async () => {
      const { policies } = store();
      await policies.createPolicy(newPolicy('p'));
      const v1 = await publish(policies, 'p', 1, '1'.repeat(64));
      expect(v1).toEqual({
        policyId: 'p',
        version: 1,
        contentHash: '1'.repeat(64),
        graph: stayGraph(),
        settings: minimalSettings(),
        routing: null,
        compiledRules: { conditions: { c1: { all: [] } }, rules: [{ name: 'r1' }] },
        comment: 'first',
        publishedAt: T1,
        publishedBy: 'key-b',
        parentVersion: null,
      });
      await policies.saveDraft({
        policyId: 'p',
        graph: stayGraph('v2'),
        settings: minimalSettings(),
        routing: null,
        baseRevision: 1,
        at: T1,
        actor: SYSTEM_ACTOR,
      });
      const v2 = await publish(policies, 'p', 2, '2'.repeat(64));
      expect(v2.version).toBe(2);
      expect((await policies.getPolicy('p'))?.activeVersion).toBe(2);
      expect(await policies.getPolicyHead('p')).toEqual({ id: 'p', name: 'Policy p', activeVersion: 2, activeContentHash: '2'.repeat(64) });
      expect((await policies.listVersions('p')).map((v) => v.version)).toEqual([2, 1]);
      expect(await policies.getVersion('p', 1)).toEqual(v1);
      expect(await policies.getVersion('p', 3)).toBeNull();
    });

    it('keeps published versions unchanged when the draft changes', async () => {
      const { policies } = store();
      await policies.createPolicy(newPolicy('p'));
      const v1 = await publish(policies, 'p', 1);
      await policies.saveDraft({
        policyId: 'p',
        graph: stayGraph('edited'),
        settings: minimalSettings(),
        routing: null,
        baseRevision: 1,
        at: T1,
        actor: SYSTEM_ACTOR,
      });
      expect(await policies.getVersion('p', 1)).toEqual(v1);
      expect(Object.keys(policies).filter((name) => /update|delete|remove/i.test(name) && /version/i.test(name))).toEqual([]);
    });

    it('refuses to publish a draft that moved on, writing nothing', async () => {
      const { policies } = store();
      await policies.createPolicy(newPolicy('p'));
      await policies.saveDraft({
        policyId: 'p',
        graph: stayGraph('x'),
        settings: minimalSettings(),
        routing: null,
        baseRevision: 1,
        at: T1,
        actor: SYSTEM_ACTOR,
      });
      const error = await expectBatonError(publish(policies, 'p', 1), BatonErrorCode.Conflict);
      expect(error.details).toMatchObject({ currentRevision: 2 });
      expect(await policies.listVersions('p')).toEqual([]);
      expect((await policies.getPolicy('p'))?.activeVersion).toBeNull();
      await expectBatonError(publish(policies, 'nope', 1), BatonErrorCode.NotFound);
    });

    it('keeps a routing graph with the draft and freezes it in the version', async () => {
      const { policies } = store();
      const routing: RoutingGraph = {
        nodes: [
          { id: 'start', kind: 'start', data: {} },
          { id: 'to_general', kind: 'route', data: { targets: [{ queue: 'general', skipIfNoAgentAvailable: true }] } },
        ],
        edges: [{ id: 'e1', source: 'start', target: 'to_general' }],
      };
      await policies.createPolicy(newPolicy('p', { routing }));
      expect((await policies.getPolicy('p'))?.draft.routing).toEqual(routing);
      const version = await policies.publishVersion({
        policyId: 'p',
        draftRevision: 1,
        contentHash: 'c'.repeat(64),
        graph: stayGraph(),
        settings: minimalSettings(),
        routing,
        compiledRules: {},
        comment: 'with routing',
        expectedActiveVersion: null,
        makeDefault: false,
        at: T1,
        actor: SYSTEM_ACTOR,
      });
      expect((await policies.getVersion('p', version.version))?.routing).toEqual(routing);
      const saved = await policies.saveDraft({
        policyId: 'p',
        graph: stayGraph(),
        settings: minimalSettings(),
        routing: null,
        baseRevision: 1,
        at: T1,
        actor: SYSTEM_ACTOR,
      });
      expect(saved.routing).toBeNull();
      expect((await policies.getVersion('p', version.version))?.routing).toEqual(routing);
    });

    it('refuses a publish whose active version moved meanwhile (two publishers racing), writing nothing', async () => {
      const { policies } = store();
      await policies.createPolicy(newPolicy('p'));
      const racing = {
        policyId: 'p',
        draftRevision: 1,
        contentHash: 'e'.repeat(64),
        graph: stayGraph(),
        settings: minimalSettings(),
        routing: null,
        compiledRules: {},
        comment: 'race',
        expectedActiveVersion: null,
        makeDefault: false,
        at: T1,
        actor: keyActor('key-a'),
      };
      const results = await Promise.allSettled([policies.publishVersion(racing), policies.publishVersion({ ...racing, actor: keyActor('key-b') })]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected?.reason).toMatchObject({ code: BatonErrorCode.Conflict, details: { activeVersion: 1 } });
      expect((await policies.listVersions('p')).map((v) => v.version)).toEqual([1]);
    });

    it('activates an existing version (rollback), records lineage and audits every change', async () => {
      const { policies, auditLog } = store();
      await policies.createPolicy(newPolicy('p'));
      await publish(policies, 'p', 1, '1'.repeat(64));
      await policies.saveDraft({
        policyId: 'p',
        graph: stayGraph('v2'),
        settings: minimalSettings(),
        routing: null,
        baseRevision: 1,
        at: T1,
        actor: keyActor('key-a'),
      });
      const v2 = await publish(policies, 'p', 2, '2'.repeat(64));
      expect(v2.parentVersion).toBe(1);
      const rolledBack = await policies.activateVersion({ policyId: 'p', version: 1, comment: 'v2 misroutes billing', at: T1, actor: keyActor('key-b') });
      expect(rolledBack.activeVersion).toBe(1);
      expect(await policies.getPolicyHead('p')).toMatchObject({ activeVersion: 1, activeContentHash: '1'.repeat(64) });
      await expectBatonError(
        policies.activateVersion({ policyId: 'p', version: 1, comment: 'again', at: T1, actor: keyActor('key-b') }),
        BatonErrorCode.BadUserInput,
      );
      await expectBatonError(policies.activateVersion({ policyId: 'p', version: 9, comment: 'x', at: T1, actor: keyActor('key-b') }), BatonErrorCode.NotFound);
      await expectBatonError(
        policies.activateVersion({ policyId: 'nope', version: 1, comment: 'x', at: T1, actor: keyActor('key-b') }),
        BatonErrorCode.NotFound,
      );
      expect((await policies.setRequiredApprovals('p', 2, T1, keyActor('key-b'))).requiredApprovals).toBe(2);
      const events = await auditLog.listEvents({ targetType: 'policy', targetId: 'p' }, 50, null);
      expect(events.map((e) => e.action)).toEqual([
        'policy.create',
        'policy.setDefault',
        'policy.publish',
        'policy.draft.save',
        'policy.publish',
        'policy.activate',
        'policy.requiredApprovals',
      ]);
      expect(events.find((e) => e.action === 'policy.activate')).toMatchObject({
        actor: { keyId: 'key-b', role: 'publisher' },
        before: { activeVersion: 2 },
        after: { activeVersion: 1, comment: 'v2 misroutes billing' },
      });
    });

    it('answers heads for unknown ids with null', async () => {
      const { policies } = store();
      await policies.createPolicy(newPolicy('p'));
      expect(await policies.getPolicyHead('unknown')).toBeNull();
      expect(await policies.getPolicyHead('p')).toMatchObject({ activeVersion: null, activeContentHash: null });
    });
  });
}
