/**
 * Internal (tests only): the behaviour every `AuditLogStore` adapter must show, with the events
 * the other feature stores append. Called by `defineStoreContractTests`.
 */
import { BatonErrorCode, type Queue } from '@baton/schemas';
import { minimalSettings, newStayPolicy, stayGraph } from '../../test-support/fixtures';
import type { BatonStore } from '../../store/baton-store';
import type { ApiKeyRecord } from '../auth/api-key-store';
import { GENESIS_HASH, SYSTEM_ACTOR, hashAuditEvent, type Actor, type AuditEvent } from './audit-event';

const actor = (keyId: string): Actor => ({ keyId, role: 'admin' });
const T0 = new Date('2025-05-01T10:00:00.000Z');
const T1 = new Date('2025-05-01T11:00:00.000Z');
const T2 = new Date('2025-05-01T12:00:00.000Z');
const T3 = new Date('2025-05-01T13:00:00.000Z');

const queue = (id: string): Queue => ({
  id,
  name: id,
  requiredSkills: [],
  languages: ['en'],
  hours: null,
  priority: 1,
  fallbackQueueId: null,
  maxWaitSeconds: 300,
  averageHandleSeconds: 600,
});
const apiKey = (id: string): ApiKeyRecord => ({
  id,
  role: 'bot',
  salt: Buffer.from(`salt-${id}`),
  hash: Buffer.from(`hash-${id}`),
  label: id,
  source: 'generated',
  createdAt: T1,
  createdBy: 'key-a',
  lastUsedAt: null,
  revokedAt: null,
});

async function createPolicy({ policies }: BatonStore, id: string, by: Actor, at: Date): Promise<void> {
  await policies.createPolicy(newStayPolicy(id, at, by));
}

/** Fails unless `events` are the whole chain: sequence 1, 2, 3..., each linked to and hashed over the one before. */
function expectLinearChain(events: AuditEvent[]): void {
  expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
  events.forEach((event, i) => {
    expect(event.prevHash).toBe(i === 0 ? GENESIS_HASH : events[i - 1]?.hash);
    const { hash, ...unhashed } = event;
    expect(hashAuditEvent(unhashed)).toBe(hash);
  });
}

/**
 * p (key-a, T0): policy.create, policy.setDefault; q (key-b, T1): policy.create;
 * q's draft (key-b, T2): policy.draft.save; queue (system, T2): directory.queue.upsert;
 * p's test case (key-a, T3): policyTestCase.save.
 */
async function sixEvents(s: BatonStore): Promise<void> {
  await createPolicy(s, 'p', actor('key-a'), T0);
  await createPolicy(s, 'q', actor('key-b'), T1);
  await s.policies.saveDraft({
    policyId: 'q',
    graph: stayGraph('edited'),
    settings: minimalSettings(),
    routing: null,
    baseRevision: 1,
    at: T2,
    actor: actor('key-b'),
  });
  await s.directory.upsertQueue(queue('billing'), T2, SYSTEM_ACTOR);
  await s.policyTests.saveTestCase('p', { id: 'c1', name: 'c1', input: {}, expected: { action: 'STAY' } }, T3, actor('key-a'));
}

/** Registers the audit log store contract; `store()` returns a fresh, empty store per test. */
export function describeAuditLogStoreContract(store: () => BatonStore): void {
  describe('audit log', () => {
    it('starts empty', async () => {
      expect(await store().auditLog.listEvents({}, 10, null)).toEqual([]);
      expect(await store().auditLog.scanEvents(0, 10)).toEqual([]);
    });

    it('chains the events feature stores append and returns them as written', async () => {
      const s = store();
      await sixEvents(s);
      const events = await s.auditLog.scanEvents(0, 100);
      expectLinearChain(events);
      expect(events.map((e) => [e.action, e.targetType, e.targetId, e.actor.keyId, e.at])).toEqual([
        ['policy.create', 'policy', 'p', 'key-a', T0],
        ['policy.setDefault', 'policy', 'p', 'key-a', T0],
        ['policy.create', 'policy', 'q', 'key-b', T1],
        ['policy.draft.save', 'policy', 'q', 'key-b', T2],
        ['directory.queue.upsert', 'queue', 'billing', null, T2],
        ['policyTestCase.save', 'policy', 'p', 'key-a', T3],
      ]);
      expect(events[0]).toEqual({
        sequence: 1,
        at: T0,
        actor: { keyId: 'key-a', role: 'admin' },
        action: 'policy.create',
        targetType: 'policy',
        targetId: 'p',
        after: { name: 'p', draftRevision: 1 },
        prevHash: GENESIS_HASH,
        hash: events[0]?.hash,
      });
      expect(events[0]).not.toHaveProperty('before');
      expect(events[4]).toMatchObject({ actor: SYSTEM_ACTOR, after: queue('billing') });
      expect(await s.auditLog.listEvents({}, 100, null)).toEqual(events);
    });

    it('filters by actor, exact action, action prefix, target and time; all given filters must match', async () => {
      const s = store();
      await sixEvents(s);
      const list = async (filter: Parameters<BatonStore['auditLog']['listEvents']>[0]) =>
        (await s.auditLog.listEvents(filter, 100, null)).map((e) => e.sequence);
      expect(await list({ actorKeyId: 'key-b' })).toEqual([3, 4]);
      expect(await list({ action: 'policy.create' })).toEqual([1, 3]);
      // A prefix ends in '.': policyTestCase.save is not under policy.
      expect(await list({ action: 'policy.' })).toEqual([1, 2, 3, 4]);
      expect(await list({ action: 'policy' })).toEqual([]);
      // Prefixes are text, not patterns.
      expect(await list({ action: '.' })).toEqual([]);
      expect(await list({ action: 'p.*.' })).toEqual([]);
      expect(await list({ targetType: 'policy', targetId: 'q' })).toEqual([3, 4]);
      expect(await list({ targetType: 'queue' })).toEqual([5]);
      expect(await list({ from: T1, to: T2 })).toEqual([3, 4, 5]);
      expect(await list({ from: T3 })).toEqual([6]);
      expect(await list({ to: T0 })).toEqual([1, 2]);
      expect(await list({ actorKeyId: 'key-a', action: 'policy.' })).toEqual([1, 2]);
      expect(await list({ actorKeyId: 'key-a', targetId: 'q' })).toEqual([]);
    });

    it('pages after a sequence number, at most `first` at a time', async () => {
      const s = store();
      await sixEvents(s);
      const page = async (first: number, after: number | null) => (await s.auditLog.listEvents({ targetType: 'policy' }, first, after)).map((e) => e.sequence);
      expect(await page(2, null)).toEqual([1, 2]);
      expect(await page(2, 2)).toEqual([3, 4]);
      expect(await page(2, 4)).toEqual([6]);
      expect(await page(2, 6)).toEqual([]);
      expect(await page(0, null)).toEqual([]);
      expect((await s.auditLog.scanEvents(0, 4)).map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
      expect((await s.auditLog.scanEvents(4, 100)).map((e) => e.sequence)).toEqual([5, 6]);
      expect(await s.auditLog.scanEvents(6, 100)).toEqual([]);
    });

    it('keeps the chain linear when many writes through different feature stores run at once', async () => {
      const s = store();
      await createPolicy(s, 'p', actor('key-a'), T0);
      const writes = [
        ...['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => createPolicy(s, id, actor('key-a'), T1)),
        ...['t1', 't2', 't3', 't4', 't5'].map((id) =>
          s.policyTests.saveTestCase('p', { id, name: id, input: {}, expected: { action: 'STAY' } }, T1, actor('key-b')),
        ),
        ...['q1', 'q2', 'q3'].map((id) => s.directory.upsertQueue(queue(id), T1, SYSTEM_ACTOR)),
        ...['bk_aaaaaaaa1', 'bk_aaaaaaaa2', 'bk_aaaaaaaa3'].map((id) => s.apiKeys.insertKey(apiKey(id), actor('key-a'))),
        s.policies.setRequiredApprovals('p', 1, T1, actor('key-c')),
      ];
      await Promise.all(writes);
      const events = await s.auditLog.scanEvents(0, 1000);
      expectLinearChain(events);
      const count = (action: string) => events.filter((e) => e.action === action).length;
      expect([
        count('policy.create'),
        count('policyTestCase.save'),
        count('directory.queue.upsert'),
        count('apiKey.create'),
        count('policy.requiredApprovals'),
      ]).toEqual([6, 5, 3, 3, 1]);
      // p's create and setDefault, then one event per write.
      expect(events).toHaveLength(2 + writes.length);
    });

    it('appends nothing for a refused write', async () => {
      const s = store();
      await createPolicy(s, 'p', actor('key-a'), T0);
      const before = await s.auditLog.scanEvents(0, 100);
      await expect(createPolicy(s, 'p', actor('key-b'), T1)).rejects.toMatchObject({ code: BatonErrorCode.Conflict });
      await expect(s.policies.setDefaultPolicy('nope', T1, actor('key-b'))).rejects.toMatchObject({ code: BatonErrorCode.NotFound });
      await expect(s.policies.activateVersion({ policyId: 'p', version: 1, comment: 'x', at: T1, actor: actor('key-b') })).rejects.toMatchObject({
        code: BatonErrorCode.NotFound,
      });
      expect(await s.auditLog.scanEvents(0, 100)).toEqual(before);
    });
  });
}
