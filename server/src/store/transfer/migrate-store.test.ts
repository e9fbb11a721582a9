/**
 * Store migration, SQLite to a fresh SQLite file: a store seeded as `npm start` does, plus
 * governance, directory, handoff, decision, backtest and webhook activity, is copied record for record; the copy
 * verifies, reads back equal through every port, decides the same and accepts the same keys.
 * A non-empty target is refused untouched; a tampered source audit row is reported.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { AuditService } from '../../features/audit/audit-service';
import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, TEST_ADMIN_KEY, type TestServer } from '../../test-support/test-server';
import type { BatonStore } from '../baton-store';
import { DATABASE_FILE } from '../sqlite/open-database';
import { openSqliteStore } from '../sqlite/open-sqlite-store';
import { migrateStore, type MigrationReport } from './migrate-store';
import { MigrationError } from './migration-error';
import { allRecords, billingDispute, DECIDE_ALL, expectOk, populate, throughPorts, WHO_AM_I, type Populated } from './migration-fixture';
import { openSqliteTransferSource, openSqliteTransferTarget } from './sqlite-transfer';
import type { TransferEndpoint } from './transfer-port';
import { TRANSFER_COLLECTIONS, type TransferCollection, type TransferRecords } from './transfer-records';

async function withStore<T>(dataDir: string, fn: (store: BatonStore) => Promise<T>): Promise<T> {
  const store = await openSqliteStore(dataDir);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** A copy of the populated source in a new data directory (SQLite's own online copy). */
function cloneSource(): string {
  const dir = makeTempDir();
  const original = new Database(path.join(sourceDir, DATABASE_FILE), { readonly: true });
  original.exec(`VACUUM INTO '${path.join(dir, DATABASE_FILE)}'`);
  original.close();
  // As Baton keeps its stores: in WAL mode, where one reader's snapshot never blocks a writer.
  const copy = new Database(path.join(dir, DATABASE_FILE));
  copy.pragma('journal_mode = WAL');
  copy.close();
  return dir;
}

async function migrate(sourceDir: string, targetDir: string, pageSize = 3): Promise<MigrationReport> {
  const source = openSqliteTransferSource(sourceDir);
  const target = openSqliteTransferTarget(targetDir);
  try {
    return await migrateStore(source, target, { pageSize });
  } finally {
    await source.close();
    await target.close();
  }
}

let sourceDir: string;
let copyDir: string;
let report: MigrationReport;
let populated: Populated;

beforeAll(async () => {
  const t = await startTestServer();
  try {
    populated = await populate(t);
  } finally {
    await t.close();
  }
  sourceDir = t.config.dataDir;
  copyDir = makeTempDir();
  // A small page size: every collection spans several pages.
  report = await migrate(sourceDir, copyDir, 3);
}, 60_000);
afterAll(removeTempDirs);

describe('migrateStore, SQLite to a new SQLite file', () => {
  it('copies every collection, each non-empty, with equal counts, and verifies', async () => {
    expect(report.collections.map((c) => c.collection)).toEqual([...TRANSFER_COLLECTIONS]);
    for (const c of report.collections) {
      expect({ collection: c.collection, copied: c.copied, target: c.target }).toEqual({ collection: c.collection, copied: c.source, target: c.source });
      expect({ collection: c.collection, nonEmpty: c.source > 0 }).toEqual({ collection: c.collection, nonEmpty: true });
    }
    const count = (name: TransferCollection) => report.collections.find((c) => c.collection === name)?.source;
    // The seed policy, four-eyes and overflow; the admin key and the three created here.
    expect(count('policies')).toBe(3);
    expect(count('apiKeys')).toBe(4);
    expect(count('assignments')).toBe(3);
    // Two handoff outcomes and one of a conversation the AI kept.
    expect(count('outcomes')).toBe(3);
    expect(count('changeRequests')).toBe(1);
    // Two datasets of 3 and 10 rows, one policy's gates, two runs.
    expect([count('datasets'), count('datasetRows'), count('backtestGates'), count('backtestRuns')]).toEqual([2, 13, 1, 2]);
    // One webhook endpoint; a handoff.started event and its delivery per started handoff.
    expect([count('webhookEndpoints'), count('webhookEvents'), count('webhookDeliveries')]).toEqual([1, 3, 3]);
    expect(report).toMatchObject({
      ok: true,
      integrity: [],
      versions: { mismatchCount: 0 },
      audit: { headsMatch: true, source: { valid: true }, target: { valid: true } },
    });
    expect(report.versions.checked).toBe(count('policyVersions'));
    expect(report.audit.target.checked).toBe(count('auditLog'));
  });

  it('reads back equal through every port, and record for record through the transfer port', async () => {
    const [original, copy] = [await withStore(sourceDir, throughPorts), await withStore(copyDir, throughPorts)];
    expect(copy).toEqual(original);
    expect(copy.assignments.map((a) => a?.status).sort()).toEqual(['ACCEPTED', 'QUEUED', 'RELEASED']);
    expect(copy.keys.filter((k) => k.revokedAt !== null)).toHaveLength(1);
    expect(copy.datasets.map((d) => d.id)).toEqual(['ds-messages', 'ds-conversations']);
    expect(copy.datasetRows.map((rows) => rows?.map((r) => r.id))).toEqual([
      ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10'],
      ['c1', 'c2', 'c3'],
    ]);
    expect(copy.datasetRows[1]?.[0]?.input.now).toEqual(new Date('2026-11-21T09:01:12Z'));
    expect(copy.perPolicy.flatMap((p) => p.gates)).toEqual([{ datasetId: 'ds-messages', minRecall: 0.5, maxFalsePositiveRate: 0.5 }]);
    expect(copy.outcomes.map((o) => [o.kind, o.conversationId, o.csat, o.correctedReasonCode])).toEqual([
      ['HANDOFF', 'over-conv-2', null, 'billing_dispute'],
      ['HANDOFF', 'over-conv-1', 4, null],
      ['AI_ONLY', 'kept-conv', 5, null],
    ]);
    expect(copy.outcomes[1]?.fieldTimes.csat).toBeInstanceOf(Date);
    // The endpoint with both signing secrets (the rotated one still valid for a day), and its delivery log.
    expect(copy.webhookEndpoints).toEqual([
      expect.objectContaining({ url: 'http://127.0.0.1:9/helpdesk', eventTypes: ['handoff.started'], enabled: true, description: 'helpdesk' }),
    ]);
    expect(copy.webhookEndpoints[0]?.secrets.map((x) => [x.secret.startsWith('whsec_'), x.expiresAt === null])).toEqual([
      [true, true],
      [true, false],
    ]);
    expect(copy.webhookDeliveries.map((d) => [d.eventType, d.endpointId, d.decisionId.length > 0])).toEqual(
      Array.from({ length: 3 }, () => ['handoff.started', copy.webhookEndpoints[0]?.id, true]),
    );
    expect(copy.runs.map((r) => [r.id, r.gateFailures])).toEqual([
      ['run-gate', []],
      ['run-manual', null],
    ]);

    const source = openSqliteTransferSource(sourceDir);
    const target = openSqliteTransferSource(copyDir);
    try {
      const [a, b] = [await allRecords(source), await allRecords(target)];
      expect(b).toEqual(a);
      // Stored fields the ports do not expose made it too.
      expect((b.assignments as { status: string; candidates: string[] }[]).find((x) => x.status === 'QUEUED')?.candidates).toEqual(['over-1', 'over-2']);
      expect((b.queues as { createdAt: Date }[]).every((q) => q.createdAt instanceof Date)).toBe(true);
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('keeps the audit chain: it verifies on the copy and ends on the same hash, with no event added', async () => {
    const [original, copy] = [
      await withStore(sourceDir, (s) => new AuditService(s.auditLog).verify()),
      await withStore(copyDir, (s) => new AuditService(s.auditLog).verify()),
    ];
    expect(copy).toEqual(original);
    expect(copy).toMatchObject({ valid: true });
    expect(report.audit.targetHead).toEqual(report.audit.sourceHead);
    expect(report.audit.targetHead?.hash).toBe(copy.headHash);
  });

  it('refuses a non-empty target and leaves it as it was', async () => {
    const before = await withStore(copyDir, throughPorts);
    await expect(migrate(sourceDir, copyDir)).rejects.toThrow(MigrationError);
    await expect(migrate(sourceDir, copyDir)).rejects.toMatchObject({
      kind: 'target',
      message: expect.stringMatching(/is not empty \(apiKeys: 4, .*nothing was written/),
    });
    expect(await withStore(copyDir, throughPorts)).toEqual(before);
  });

  it('reads the source as one snapshot: what a running server writes meanwhile is not half-copied', async () => {
    const liveDir = cloneSource();
    const pub2 = populated.keyIds.pub2 as string;
    const source = openSqliteTransferSource(liveDir);
    try {
      const before = { keys: await source.count('apiKeys'), events: await source.count('auditLog'), head: await source.auditHead() };
      await withStore(liveDir, (store) => store.apiKeys.revokeKey(pub2, new Date(), { keyId: null, role: 'system' }));
      expect({ keys: await source.count('apiKeys'), events: await source.count('auditLog'), head: await source.auditHead() }).toEqual(before);
      const keys = (await source.readPage('apiKeys', null, 100)).records;
      expect(keys.find((k) => k.id === pub2)?.revokedAt).toBeNull();
    } finally {
      await source.close();
    }
    expect(await withStore(liveDir, (store) => store.auditLog.scanEvents(0, 100_000).then((events) => events.length))).toBe(
      (await withStore(sourceDir, (store) => store.auditLog.scanEvents(0, 100_000))).length + 1,
    );
  });

  it('reports a source audit row edited behind the log: the chain is copied as it was and fails verification', async () => {
    const tamperedDir = cloneSource();
    const db = new Database(path.join(tamperedDir, DATABASE_FILE));
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare('UPDATE audit_log SET actor_role = ? WHERE sequence = 5').run('admin');
    db.close();

    const tampered = await migrate(tamperedDir, makeTempDir());
    expect(tampered.ok).toBe(false);
    expect(tampered.audit.source).toMatchObject({ valid: false, firstBrokenSequence: 5, problem: expect.stringMatching(/edited/) });
    expect(tampered.audit.target).toMatchObject({ valid: false, firstBrokenSequence: 5 });
    expect(tampered.audit.headsMatch).toBe(true);
    expect(tampered.collections.every((c) => c.source === c.target)).toBe(true);
  });
});

/** A source holding exactly `records`, for sources no real store can produce. */
function memorySource(records: { [C in TransferCollection]?: TransferRecords[C][] }): TransferEndpoint {
  return {
    label: 'memory:test',
    auditLog: { listEvents: async () => [], scanEvents: async () => [] },
    count: async (collection) => records[collection]?.length ?? 0,
    readPage: async (collection, after, limit) => {
      const all = (records[collection] ?? []) as TransferRecords[typeof collection][];
      const start = after === null ? 0 : Number(after);
      return { records: all.slice(start, start + limit), next: start + limit < all.length ? String(start + limit) : null };
    },
    auditHead: async () => null,
    close: async () => undefined,
  };
}

describe('records the target would refuse', () => {
  it('are all listed by name before anything is written', async () => {
    const source = openSqliteTransferSource(sourceDir);
    const records = await allRecords(source);
    await source.close();
    const [queue] = records.queues;
    const [agent] = records.agents;
    if (!queue || !agent) throw new Error('the populated source has queues and agents');
    const broken = {
      ...records,
      queues: [{ ...queue, priority: 11 }, ...records.queues.slice(1)],
      agents: [{ ...agent, seniority: 'INTERN' as never }, ...records.agents.slice(1)],
    };

    const targetDir = makeTempDir();
    const target = openSqliteTransferTarget(targetDir);
    try {
      const refused = migrateStore(memorySource(broken), target, { pageSize: 4 });
      await expect(refused).rejects.toMatchObject({
        kind: 'source',
        message: expect.stringMatching(/would refuse 2 record\(s\) of the source; nothing was written/),
      });
      await expect(refused).rejects.toThrow(
        new RegExp(`\\n  - queues ${queue.id}: CHECK constraint failed: priority[\\s\\S]*\\n  - agents ${agent.id}: CHECK constraint failed: seniority`),
      );
      for (const collection of TRANSFER_COLLECTIONS) expect(await target.count(collection)).toBe(0);
    } finally {
      await target.close();
    }
  });
});

describe('a server on the copy', () => {
  let copy: TestServer;
  beforeAll(async () => {
    // No BATON_ADMIN_KEY: the copied key must be what authenticates.
    copy = await startTestServer(
      { dataDir: copyDir, adminKey: undefined },
      {
        announceAdminKey: () => {
          throw new Error('the copy has an admin key; none may be generated');
        },
      },
    );
  });
  afterAll(() => copy.close());

  it('answers decideHandoff as the original did for the same input', async () => {
    const decided = expectOk<{ decideHandoff: Record<string, unknown> }>(await copy.gql(DECIDE_ALL, { input: billingDispute })).decideHandoff;
    expect({ ...decided, decisionId: 'x' }).toEqual({ ...populated.decided, decisionId: 'x' });
    expect(decided).toMatchObject({ action: 'HANDOFF', routing: { queueId: 'billing' } });
  });

  it('authenticates the copied keys and still refuses the revoked one', async () => {
    expect((await copy.gql(WHO_AM_I, undefined, TEST_ADMIN_KEY)).body.errors).toBeUndefined();
    expect((await copy.gql(WHO_AM_I, undefined, populated.keys.pub1)).body.errors).toBeUndefined();
    const revoked = await copy.gql(WHO_AM_I, undefined, populated.revokedKey);
    expect(revoked.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });
});
