import { silentLogger } from '../../logger';
import { openSqliteStore } from '../../store/sqlite/open-sqlite-store';
import { captureLogs } from '../../test-support/captured-logs';
import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import { sampleEntry } from './decision-log-store.contract';
import { DecisionLog } from './decision-log';
import type { DecisionLogRecord, DecisionLogStore } from './decision-log-store';

afterAll(removeTempDirs);

function recordingStore(failTimes = 0): DecisionLogStore & { batches: number[] } {
  const batches: number[] = [];
  let failures = failTimes;
  return {
    batches,
    appendDecisions: async (entries: readonly DecisionLogRecord[]) => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('disk full');
      }
      batches.push(entries.length);
    },
    getDecision: async () => null,
    queryDecisions: async () => ({ decisions: [], hasNextPage: false }),
    countDecisions: async () => batches.reduce((a, b) => a + b, 0),
    recentCustomerTiers: async () => [],
    purgeDecisionsLoggedBefore: async () => 0,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DecisionLog', () => {
  it('flushes as soon as batchSize entries wait, one transaction per batch of at most batchSize', async () => {
    const store = recordingStore();
    const log = new DecisionLog({ store, logger: silentLogger, flushMs: 60_000, batchSize: 100 });
    const committed = Array.from({ length: 250 }, (_, i) => log.enqueue(sampleEntry(`d${i}`)));
    expect(log.pending).toBe(250);
    await log.flush();
    expect(store.batches).toEqual([100, 100, 50]);
    await Promise.all(committed);
    await log.close();
    expect(store.batches).toEqual([100, 100, 50]);
    expect(log.pending).toBe(0);
  });

  it('writes queued entries after flushMs without waiting for a full batch, and settles each caller only then', async () => {
    const store = recordingStore();
    // Long enough that a loaded machine's 5 ms sleep cannot outlast it.
    const log = new DecisionLog({ store, logger: silentLogger, flushMs: 400, batchSize: 100 });
    let settled = 0;
    const committed = [log.enqueue(sampleEntry('a')), log.enqueue(sampleEntry('b'))].map((p) => p.then(() => (settled += 1)));
    expect(store.batches).toEqual([]);
    await sleep(5);
    expect(settled).toBe(0);
    await Promise.all(committed);
    expect(store.batches).toEqual([2]);
    expect(settled).toBe(2);
    await log.close();
  });

  it('group commit: entries accepted while a write runs share the next transaction', async () => {
    const batches: number[] = [];
    let release: () => void = () => undefined;
    const store: DecisionLogStore = {
      ...recordingStore(),
      appendDecisions: async (entries) => {
        batches.push(entries.length);
        // The first write is slow, as a disk under load would be.
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      },
    };
    const log = new DecisionLog({ store, logger: silentLogger, flushMs: 0, batchSize: 100 });
    const first = log.enqueue(sampleEntry('first'));
    await sleep(5);
    expect(batches).toEqual([1]);
    const during = Array.from({ length: 30 }, (_, i) => log.enqueue(sampleEntry(`during-${i}`)));
    await sleep(5);
    // No write starts while one runs.
    expect(batches).toEqual([1]);
    release();
    await Promise.all([first, ...during]);
    expect(batches).toEqual([1, 30]);
    await log.close();
  });

  it('lands entries in the SQLite store in one transaction per flush', async () => {
    const store = await openSqliteStore(makeTempDir());
    const log = new DecisionLog({ store: store.decisionLog, logger: silentLogger, flushMs: 10, batchSize: 100 });
    await Promise.all([log.enqueue(sampleEntry('x1')), log.enqueue(sampleEntry('x2'))]);
    await log.close();
    expect(await store.decisionLog.countDecisions()).toBe(2);
    expect((await store.decisionLog.getDecision('x2'))?.outcome.queue).toBe('trust_safety');
    await store.close();
  });

  it('retries a failed write, then logs, drops and refuses the entry to its caller', async () => {
    const { logger, lines } = captureLogs();
    const flaky = recordingStore(1);
    const log = new DecisionLog({ store: flaky, logger, flushMs: 60_000, batchSize: 100 });
    const retried = log.enqueue(sampleEntry('r1'));
    await log.flush();
    expect(log.pending).toBe(1);
    await log.flush();
    await retried;
    expect(flaky.batches).toEqual([1]);

    const broken = recordingStore(Infinity);
    const lossy = new DecisionLog({ store: broken, logger, flushMs: 60_000, batchSize: 100 });
    const lost = lossy.enqueue(sampleEntry('r2'));
    await lossy.close();
    await expect(lost).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(lossy.dropped).toBe(1);
    expect(lines.filter((l) => l.msg === 'decision log write failed').length).toBeGreaterThanOrEqual(3);
  });

  it('drops entries after close and when the queue is full', async () => {
    const store = recordingStore();
    const log = new DecisionLog({ store, logger: silentLogger, flushMs: 60_000, batchSize: 100, maxQueue: 2 });
    const accepted = [log.enqueue(sampleEntry('q1')), log.enqueue(sampleEntry('q2'))];
    await expect(log.enqueue(sampleEntry('q3'))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await log.close();
    await Promise.all(accepted);
    await expect(log.enqueue(sampleEntry('q4'))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(store.batches).toEqual([2]);
    expect(log.dropped).toBe(2);
  });

  it('stamps each entry with the time it was queued and finds it while it waits', async () => {
    const store = await openSqliteStore(makeTempDir());
    const queuedAt = new Date('2030-01-01T00:00:00.000Z');
    const log = new DecisionLog({ store: store.decisionLog, logger: silentLogger, flushMs: 60_000, batchSize: 100, clock: () => queuedAt });
    const committed = log.enqueue(sampleEntry('w1', { loggedAt: new Date(0) }));
    expect(log.findPending('w1')).toMatchObject({ decisionId: 'w1', loggedAt: queuedAt });
    expect(log.findPending('w2')).toBeUndefined();
    await log.close();
    await committed;
    expect(log.findPending('w1')).toBeUndefined();
    expect((await store.decisionLog.getDecision('w1'))?.loggedAt).toEqual(queuedAt);
    await store.close();
  });

  it('checks and serialises an entry when it accepts it: one it cannot store is refused to its caller and never queued', async () => {
    const store = recordingStore();
    const log = new DecisionLog({ store, logger: silentLogger, flushMs: 60_000, batchSize: 100 });
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i += 1) deep = { a: deep };
    for (const bad of [{ facts: cyclic }, { input: { big: 10n } }, { input: deep }, { facts: [] as unknown as Record<string, unknown> }]) {
      expect(() => log.enqueue(sampleEntry('bad', bad))).toThrow();
    }
    expect(log.pending).toBe(0);
    const fine = log.enqueue(sampleEntry('fine'));
    expect(log.findPending('fine')?.serialised?.input).toBe(JSON.stringify(sampleEntry('fine').input));
    await log.flush();
    await fine;
  });

  it('writes every other entry of a batch when one of them cannot be written, and retries only that one before refusing it', async () => {
    const written: string[] = [];
    let calls = 0;
    const store: DecisionLogStore = {
      ...recordingStore(),
      appendDecisions: async (entries) => {
        calls += 1;
        if (entries.some((e) => e.decisionId === 'poison')) throw new Error('constraint failed');
        written.push(...entries.map((e) => e.decisionId));
      },
    };
    const { logger, lines } = captureLogs();
    const log = new DecisionLog({ store, logger, flushMs: 60_000, batchSize: 100 });
    const results = ['a', 'b', 'poison', 'c'].map((id) =>
      log.enqueue(sampleEntry(id)).then(
        () => 'stored',
        (error: { code?: string }) => error.code,
      ),
    );
    await log.flush();
    expect(written).toEqual(['a', 'b', 'c']);
    expect(log.pending).toBe(1);
    await log.close();
    expect(await Promise.all(results)).toEqual(['stored', 'stored', 'UNAVAILABLE', 'stored']);
    expect(log.dropped).toBe(1);
    // The batch once, then each entry alone; the poison entry alone twice more.
    expect(calls).toBe(1 + 4 + 2);
    expect(lines.filter((l) => l.msg === 'decision log write failed')).toHaveLength(3);
  });
});
