/**
 * Every path through `PolicyService` that moves a policy head reaches this process's next
 * lookup at once, with a cache that never polls: create (the first policy becomes default),
 * publish, publish with makeDefault, the approval that completes a change request, activate
 * (rollback), set default. Writes that move no head keep the cache.
 */
import { silentLogger } from '../../logger';
import { DEFAULT_LIMITS } from '../../config';
import type { BatonStore } from '../../store/baton-store';
import { openSqliteStore } from '../../store/sqlite/open-sqlite-store';
import { minimalSettings, stayGraph } from '../../test-support/fixtures';
import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import type { Actor } from '../audit/audit-event';
import { withPolicyHeadCache } from './head-cached-stores';
import { PolicyHeadCache } from './policy-head-cache';
import { PolicyService } from './policy-service';

afterAll(removeTempDirs);

const AUTHOR: Actor = { keyId: 'key-author', role: 'publisher' };
const APPROVER: Actor = { keyId: 'key-approver', role: 'publisher' };
const ADMIN: Actor = { keyId: 'key-admin', role: 'admin' };

describe('withPolicyHeadCache: local changes reach the cache at once', () => {
  let store: BatonStore;
  let heads: PolicyHeadCache;
  let service: PolicyService;
  let reads: number;

  beforeAll(async () => {
    store = await openSqliteStore(makeTempDir());
    const counted = { getPolicyHead: (id: string | null) => ((reads += 1), store.policies.getPolicyHead(id)) };
    heads = new PolicyHeadCache({ store: counted, pollMs: 600_000, logger: silentLogger });
    heads.start();
    const stores = withPolicyHeadCache(store, heads);
    service = new PolicyService({
      store: stores.policies,
      changeRequests: stores.changeRequests,
      testCases: store.policyTests,
      limits: DEFAULT_LIMITS,
      defaultSettings: minimalSettings,
    });
  });
  beforeEach(() => (reads = 0));
  afterAll(async () => {
    await heads.close();
    await store.close();
  });

  /** The head as this process's decisions see it, after warming the cache. */
  const lookup = (id: string | null) => heads.get(id);

  it('sees the first policy become the default when it is created', async () => {
    expect(await lookup(null)).toBeNull();
    await service.createPolicy({ id: 'first', name: 'First', graph: stayGraph(), settings: minimalSettings() }, AUTHOR);
    expect(await lookup(null)).toMatchObject({ id: 'first', activeVersion: null });
    expect(await lookup('first')).toMatchObject({ activeVersion: null });
  });

  it('sees a publish, and a publish that also makes the policy the default', async () => {
    await service.publish('first', 'v1', AUTHOR);
    expect(await lookup('first')).toMatchObject({ activeVersion: 1 });
    expect(await lookup(null)).toMatchObject({ id: 'first', activeVersion: 1 });

    await service.createPolicy({ id: 'second', name: 'Second', graph: stayGraph(), settings: minimalSettings() }, AUTHOR);
    expect(await lookup('second')).toMatchObject({ activeVersion: null });
    await service.publish('second', 'v1 and default', AUTHOR, true);
    expect(await lookup('second')).toMatchObject({ activeVersion: 1 });
    expect(await lookup(null)).toMatchObject({ id: 'second' });
  });

  it('keeps the cache on writes that move no head (draft save, approval count, opening a change request)', async () => {
    await lookup('first');
    const readsBefore = reads;
    const draft = await service.saveDraft('first', stayGraph('v2'), undefined, 1, AUTHOR);
    await service.setRequiredApprovals('first', 1, AUTHOR);
    const outcome = await service.publish('first', 'v2 for review', AUTHOR);
    expect(draft.revision).toBe(2);
    expect(outcome.changeRequest).toMatchObject({ status: 'OPEN' });
    expect(await lookup('first')).toMatchObject({ activeVersion: 1 });
    expect(reads).toBe(readsBefore);
  });

  it('sees the version published by the approval that completes a change request', async () => {
    const [request] = await service.listChangeRequests('first');
    expect(await lookup('first')).toMatchObject({ activeVersion: 1 });
    const { version } = await service.approveChangeRequest(request?.id as string, APPROVER);
    expect(version?.version).toBe(2);
    expect(await lookup('first')).toMatchObject({ activeVersion: 2, activeContentHash: version?.contentHash });
  });

  it('sees a rollback and a roll forward', async () => {
    expect(await lookup('first')).toMatchObject({ activeVersion: 2 });
    // Under four eyes: a rollback through an approved activation request, a roll forward as an admin's emergency.
    const request = await service.requestActivation('first', 1, 'v2 misroutes', AUTHOR);
    await service.approveChangeRequest(request.id, APPROVER);
    expect(await lookup('first')).toMatchObject({ activeVersion: 1 });
    await service.activateVersion('first', 2, 'fixed elsewhere', ADMIN, true);
    expect(await lookup('first')).toMatchObject({ activeVersion: 2 });
  });

  it('sees a new default', async () => {
    expect(await lookup(null)).toMatchObject({ id: 'second' });
    await service.setDefault('first', AUTHOR);
    expect(await lookup(null)).toMatchObject({ id: 'first', activeVersion: 2 });
  });

  it('clears the cache even when the write fails, since a failure after the commit may have moved the head', async () => {
    await lookup('first');
    const readsBefore = reads;
    await expect(service.activateVersion('first', 2, 'already active', AUTHOR)).rejects.toMatchObject({ name: 'BatonError' });
    await lookup('first');
    expect(reads).toBe(readsBefore + 1);
  });
});
