/**
 * The policy head cache on its own: reads served from memory, invalidation, polling against a
 * second SQLite store instance on the same file (what another server process does), push
 * notifications, failures and shutdown.
 */
import { silentLogger } from '../../logger';
import type { BatonStore } from '../../store/baton-store';
import { openSqliteStore } from '../../store/sqlite/open-sqlite-store';
import { captureLogs } from '../../test-support/captured-logs';
import { minimalSettings, newStayPolicy, stayGraph } from '../../test-support/fixtures';
import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import type { Actor } from '../audit/audit-event';
import { PolicyHeadCache } from './policy-head-cache';
import type { PolicyHead, PolicyStore } from './policy-store';

afterAll(removeTempDirs);

const ACTOR: Actor = { keyId: 'key-ops', role: 'publisher' };
const AT = new Date('2025-03-01T09:00:00.000Z');

/** `getPolicyHead` of `store`, counting the reads that reach it. */
function countingStore(store: Pick<PolicyStore, 'getPolicyHead'>) {
  const counter = { reads: 0, getPolicyHead: (id: string | null) => ((counter.reads += 1), store.getPolicyHead(id)) };
  return counter;
}

/** Policy `id` with versions 1 and 2 published (2 active); the first one created becomes the default. */
async function policyWithTwoVersions(store: BatonStore, id: string): Promise<void> {
  await store.policies.createPolicy(newStayPolicy(id, AT, ACTOR));
  for (const [revision, reason] of [
    [1, 'v1'],
    [2, 'v2'],
  ] as const) {
    if (revision === 2)
      await store.policies.saveDraft({
        policyId: id,
        graph: stayGraph(reason),
        settings: minimalSettings(),
        routing: null,
        baseRevision: 1,
        at: AT,
        actor: ACTOR,
      });
    await store.policies.publishVersion({
      policyId: id,
      draftRevision: revision,
      contentHash: `${id}-${reason}`.padEnd(64, '0'),
      graph: stayGraph(reason),
      settings: minimalSettings(),
      routing: null,
      compiledRules: {},
      comment: reason,
      expectedActiveVersion: revision === 1 ? null : 1,
      makeDefault: false,
      at: AT,
      actor: ACTOR,
    });
  }
}

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<{ value: T; afterMs: number }> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (accept(value)) return { value, afterMs: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`no accepted value within ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const head = (id: string, activeVersion: number): PolicyHead => ({ id, name: id, activeVersion, activeContentHash: `hash-${activeVersion}` });

/** A store whose reads wait until the test answers them. */
function manualStore() {
  const pending: { id: string | null; answer: (head: PolicyHead | null) => void; fail: (error: Error) => void }[] = [];
  const store = {
    getPolicyHead: (id: string | null) => new Promise<PolicyHead | null>((answer, fail) => pending.push({ id, answer, fail })),
  };
  return { store, pending };
}

describe('PolicyHeadCache', () => {
  it('refuses a poll interval that is not a positive whole number of ms', () => {
    const store = manualStore().store;
    expect(() => new PolicyHeadCache({ store, pollMs: 0, logger: silentLogger })).toThrow(/pollMs must be a positive whole number/);
    expect(() => new PolicyHeadCache({ store, pollMs: 1.5, logger: silentLogger })).toThrow(RangeError);
  });

  it('serves repeated lookups from memory, the default policy under its own key, and never caches a missing policy', async () => {
    const store = await openSqliteStore(makeTempDir());
    await policyWithTwoVersions(store, 'p');
    const counting = countingStore(store.policies);
    const cache = new PolicyHeadCache({ store: counting, pollMs: 600_000, logger: silentLogger });

    expect(await cache.get('p')).toMatchObject({ id: 'p', activeVersion: 2 });
    expect(await cache.get('p')).toMatchObject({ id: 'p', activeVersion: 2 });
    expect(await cache.get(null)).toMatchObject({ id: 'p', activeVersion: 2 });
    expect(await cache.get(null)).toMatchObject({ id: 'p' });
    expect(counting.reads).toBe(2);

    expect(await cache.get('missing')).toBeNull();
    expect(await cache.get('missing')).toBeNull();
    expect(counting.reads).toBe(4);
    expect(cache.size).toBe(2);
    await cache.close();
    await store.close();
  });

  it('lets concurrent misses share one read, and does not cache a failed one', async () => {
    const { store, pending } = manualStore();
    const cache = new PolicyHeadCache({ store, pollMs: 600_000, logger: silentLogger });
    const both = Promise.all([cache.get('p'), cache.get('p')]);
    expect(pending).toHaveLength(1);
    pending[0]?.fail(new Error('store unavailable'));
    await expect(both).rejects.toThrow('store unavailable');

    const again = cache.get('p');
    expect(pending).toHaveLength(2);
    pending[1]?.answer(head('p', 1));
    expect(await again).toEqual(head('p', 1));
    await cache.close();
  });

  it('does not cache what a read saw when the cache was invalidated while it ran', async () => {
    const { store, pending } = manualStore();
    const cache = new PolicyHeadCache({ store, pollMs: 600_000, logger: silentLogger });
    const stale = cache.get('p');
    cache.invalidate();
    pending[0]?.answer(head('p', 1));
    expect(await stale).toEqual(head('p', 1));

    const fresh = cache.get('p');
    expect(pending).toHaveLength(2);
    pending[1]?.answer(head('p', 2));
    expect(await fresh).toEqual(head('p', 2));
    expect(await cache.get('p')).toEqual(head('p', 2));
    expect(pending).toHaveLength(2);
    await cache.close();
  });

  it('polling picks up an activation and a new default made through another store instance on the same SQLite file', async () => {
    const dir = makeTempDir();
    const here = await openSqliteStore(dir);
    const elsewhere = await openSqliteStore(dir);
    await policyWithTwoVersions(elsewhere, 'p');
    await policyWithTwoVersions(elsewhere, 'q');
    const pollMs = 100;
    const counting = countingStore(here.policies);
    const cache = new PolicyHeadCache({ store: counting, pollMs, logger: silentLogger });
    cache.start();
    expect(await cache.get('p')).toMatchObject({ activeVersion: 2 });
    expect(await cache.get(null)).toMatchObject({ id: 'p' });

    await elsewhere.policies.activateVersion({ policyId: 'p', version: 1, comment: 'rollback', at: AT, actor: ACTOR });
    await elsewhere.policies.setDefaultPolicy('q', AT, ACTOR);
    // Nothing invalidates this cache: only its polls can bring the change.
    const rolledBack = await eventually(
      () => cache.get('p'),
      (h) => h?.activeVersion === 1,
      5 * pollMs,
    );
    expect(rolledBack.afterMs).toBeLessThanOrEqual(5 * pollMs);
    expect(
      (
        await eventually(
          () => cache.get(null),
          (h) => h?.id === 'q',
          5 * pollMs,
        )
      ).value,
    ).toMatchObject({ id: 'q', activeVersion: 2 });
    await cache.close();
    await here.close();
    await elsewhere.close();
  });

  it('re-reads every cached head at each refresh and drops a policy that no longer exists', async () => {
    const answers = new Map<string | null, PolicyHead | null>([
      ['p', head('p', 1)],
      ['q', head('q', 1)],
    ]);
    const counting = countingStore({ getPolicyHead: (id) => Promise.resolve(answers.get(id) ?? null) });
    const cache = new PolicyHeadCache({ store: counting, pollMs: 600_000, logger: silentLogger });
    await cache.get('p');
    await cache.get('q');
    answers.set('p', head('p', 3));
    answers.set('q', null);
    await cache.refresh();
    expect(counting.reads).toBe(4);
    expect(cache.size).toBe(1);
    expect(await cache.get('p')).toEqual(head('p', 3));
    expect(counting.reads).toBe(4);
    await cache.close();
  });

  it('logs one warning per polling outage, keeps serving the heads read last, and says when polling works again', async () => {
    let failing = false;
    const counting = countingStore({ getPolicyHead: () => (failing ? Promise.reject(new Error('database is locked')) : Promise.resolve(head('p', 1))) });
    const { logger, lines } = captureLogs();
    const cache = new PolicyHeadCache({ store: counting, pollMs: 20, logger });
    cache.start();
    await cache.get('p');
    failing = true;
    await eventually(
      () => Promise.resolve(counting.reads),
      (reads) => reads >= 5,
      2000,
    );
    expect(await cache.get('p')).toEqual(head('p', 1));
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: expect.stringMatching(/policy head polling failed/),
        err: expect.objectContaining({ message: 'database is locked' }),
      }),
    ]);
    failing = false;
    await eventually(
      () => Promise.resolve(lines.length),
      (count) => count === 2,
      2000,
    );
    expect(lines[1]).toMatchObject({ level: 'info', msg: 'policy head polling works again' });
    await cache.close();
  });

  it('clears the cache at once on a pushed change', async () => {
    let pushed: (() => void) | undefined;
    let unsubscribed = 0;
    const answers = new Map([['p', head('p', 1)]]);
    const counting = countingStore({ getPolicyHead: (id) => Promise.resolve(id === null ? null : (answers.get(id) ?? null)) });
    const cache = new PolicyHeadCache({
      store: counting,
      pollMs: 600_000,
      logger: silentLogger,
      watch: (listener) => {
        pushed = listener;
        return () => Promise.resolve(void (unsubscribed += 1));
      },
    });
    cache.start();
    expect(await cache.get('p')).toEqual(head('p', 1));
    answers.set('p', head('p', 2));
    expect(await cache.get('p')).toEqual(head('p', 1));
    pushed?.();
    expect(await cache.get('p')).toEqual(head('p', 2));
    expect(counting.reads).toBe(2);
    await cache.close();
    expect(unsubscribed).toBe(1);
  });

  it('stops polling at close, after the poll in flight ends, and cannot be started again', async () => {
    const { store, pending } = manualStore();
    const cache = new PolicyHeadCache({ store, pollMs: 10, logger: silentLogger });
    const first = cache.get('p');
    pending[0]?.answer(head('p', 1));
    await first;
    cache.start();
    expect(() => cache.start()).toThrow(/already started or closed/);
    await eventually(
      () => Promise.resolve(pending.length),
      (count) => count === 2,
      2000,
    );

    let closed = false;
    const closing = cache.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(closed).toBe(false);
    pending[1]?.answer(head('p', 2));
    await closing;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pending).toHaveLength(2);
    expect(cache.size).toBe(0);
    expect(() => cache.start()).toThrow(/already started or closed/);
    await cache.close();
  });
});
