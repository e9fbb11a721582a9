import path from 'node:path';
import Database from 'better-sqlite3';
import { silentLogger } from '../../logger';
import { DATABASE_FILE } from '../../store/sqlite/open-database';
import { openSqliteStore } from '../../store/sqlite/open-sqlite-store';
import { captureLogs } from '../../test-support/captured-logs';
import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer } from '../../test-support/test-server';
import { sampleEntry } from './decision-log-store.contract';
import { DecisionRetention } from './decision-retention';

afterAll(removeTempDirs);

const DAY = 86_400_000;
const NOW = new Date('2026-06-30T00:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

describe('DecisionRetention', () => {
  it('purges decisions logged more than N days ago at start, then on its timer, until stopped', async () => {
    const store = await openSqliteStore(makeTempDir());
    await store.decisionLog.appendDecisions([sampleEntry('older', { loggedAt: daysAgo(31) }), sampleEntry('inside', { loggedAt: daysAgo(29) })]);
    let now = NOW;
    const { logger, lines } = captureLogs();
    const retention = new DecisionRetention({ store: store.decisionLog, days: 30, logger, clock: () => now, intervalMs: 20 });
    await retention.start();
    expect(await store.decisionLog.getDecision('older')).toBeNull();
    expect(await store.decisionLog.getDecision('inside')).not.toBeNull();
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'decision log retention', deleted: 1, retentionDays: 30 }));

    now = new Date(NOW.getTime() + 2 * DAY);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await store.decisionLog.countDecisions()).toBe(0);

    await retention.stop();
    await store.decisionLog.appendDecisions([sampleEntry('after-stop', { loggedAt: daysAgo(400) })]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await store.decisionLog.getDecision('after-stop')).not.toBeNull();
    await store.close();
  });

  it('joins a purge in progress instead of starting another', async () => {
    let calls = 0;
    const slow = { purgeDecisionsLoggedBefore: async () => ((calls += 1), await new Promise((resolve) => setTimeout(resolve, 20)), 0) };
    const retention = new DecisionRetention({ store: slow, days: 1, logger: silentLogger });
    await Promise.all([retention.purgeNow(), retention.purgeNow()]);
    expect(calls).toBe(1);
  });

  it('runs at server start-up with BATON_DECISION_RETENTION_DAYS and deletes nothing but old decisions', async () => {
    const dataDir = makeTempDir();
    const first = await startTestServer({ dataDir });
    await first.server.store.decisionLog.appendDecisions([
      sampleEntry('ancient', { loggedAt: new Date('2001-01-01T00:00:00Z') }),
      sampleEntry('recent', { loggedAt: new Date() }),
    ]);
    await first.close();
    const tables = () => {
      const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
      try {
        return Object.fromEntries(
          ['policies', 'policy_versions', 'audit_log', 'api_keys'].map((table) => [
            table,
            (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
          ]),
        );
      } finally {
        db.close();
      }
    };
    const before = tables();
    const second = await startTestServer({ dataDir, decisionLog: { flushMs: 50, batchSize: 100, retentionDays: 365 } });
    expect(await second.server.store.decisionLog.getDecision('ancient')).toBeNull();
    expect(await second.server.store.decisionLog.getDecision('recent')).not.toBeNull();
    await second.close();
    expect(tables()).toEqual(before);
  });
});
