/**
 * Internal (tests only): the behaviour every `BacktestStore` adapter must show. Called by
 * `defineStoreContractTests`.
 */
import { BatonErrorCode } from '@baton/schemas';
import type { BatonStore } from '../../store/baton-store';
import { conversationRows, datasetRecord, messageRows, runRecord, storedReport } from '../../test-support/backtest-records';
import type { Actor } from '../audit/audit-event';
import type { BacktestGate, BacktestRunRecord } from './backtest-store';

const ADMIN: Actor = { keyId: 'admin-key-01', role: 'admin' };
const T0 = new Date('2026-03-01T09:00:00.000Z');
const T1 = new Date('2026-03-01T10:00:00.000Z');
const T2 = new Date('2026-03-01T11:00:00.000Z');
const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

/** The stores the backtest contract reads and writes. */
type BacktestContractStores = Pick<BatonStore, 'backtests' | 'auditLog'>;

/** Registers the backtest store contract; `store()` returns a fresh, empty store per test. */
export function describeBacktestStoreContract(store: () => BacktestContractStores): void {
  const events = async () => (await store().auditLog.listEvents({}, 100, null)).map((e) => [e.action, e.targetType, e.targetId, e.before, e.after]);

  describe('backtests', () => {
    it('stores a dataset with its rows, read back in line order with their dates revived', async () => {
      const { backtests } = store();
      await backtests.insertDataset(datasetRecord('ds-1'), conversationRows(), ADMIN);
      await backtests.insertDataset(datasetRecord('ds-empty', { rows: 0, expectations: {}, createdBy: null }), [], ADMIN);

      expect(await backtests.findDataset('ds-1')).toEqual(datasetRecord('ds-1'));
      expect(await backtests.findDataset('ds-empty')).toEqual(datasetRecord('ds-empty', { rows: 0, expectations: {}, createdBy: null }));
      expect(await backtests.findDataset('ds-unknown')).toBeNull();
      const rows = await backtests.datasetRows('ds-1');
      expect(rows).toEqual(conversationRows());
      const [timed] = rows ?? [];
      expect(timed?.input.now).toBeInstanceOf(Date);
      expect(timed?.input.messages.map((m) => m.at)).toEqual([new Date('2026-11-21T09:00:00Z'), new Date('2026-11-21T09:00:05Z')]);
      expect(await backtests.datasetRows('ds-empty')).toEqual([]);
      expect(await backtests.datasetRows('ds-unknown')).toBeNull();

      expect(await backtests.datasetRow('ds-1', 'c2')).toEqual(conversationRows()[1]);
      expect((await backtests.datasetRow('ds-1', 'c1'))?.input.now).toEqual(new Date('2026-11-21T09:01:12Z'));
      expect(await backtests.datasetRow('ds-1', 'm1')).toBeNull();
      expect(await backtests.datasetRow('ds-empty', 'c1')).toBeNull();

      const { name, format, source, rows: count, redactions } = datasetRecord('ds-1');
      expect((await events())[0]).toEqual(['dataset.import', 'dataset', 'ds-1', undefined, { name, format, source, rows: count, redactions }]);
      expect((await store().auditLog.listEvents({}, 100, null)).map((e) => [e.actor, e.at])).toEqual([
        [ADMIN, datasetRecord('ds-1').createdAt],
        [ADMIN, datasetRecord('ds-empty').createdAt],
      ]);
    });

    it('lists datasets newest first, ties by id', async () => {
      const { backtests } = store();
      expect(await backtests.listDatasets()).toEqual([]);
      await backtests.insertDataset(datasetRecord('ds-old', { createdAt: T0 }), [], ADMIN);
      await backtests.insertDataset(datasetRecord('ds-new', { createdAt: T2 }), [], ADMIN);
      await backtests.insertDataset(datasetRecord('ds-mid-a', { createdAt: T1 }), [], ADMIN);
      await backtests.insertDataset(datasetRecord('ds-mid-b', { createdAt: T1 }), [], ADMIN);
      expect((await backtests.listDatasets()).map((d) => d.id)).toEqual(['ds-new', 'ds-mid-b', 'ds-mid-a', 'ds-old']);
      expect((await backtests.listDatasets())[0]).toEqual(datasetRecord('ds-new', { createdAt: T2 }));
    });

    it("refuses a taken id with CONFLICT and keeps the first import's rows only", async () => {
      const { backtests } = store();
      await backtests.insertDataset(datasetRecord('ds-1'), conversationRows(), ADMIN);
      await expect(backtests.insertDataset(datasetRecord('ds-1', { name: 'Again', rows: 10 }), messageRows(), ADMIN)).rejects.toMatchObject({
        code: BatonErrorCode.Conflict,
        details: { datasetId: 'ds-1' },
      });
      expect(await backtests.findDataset('ds-1')).toEqual(datasetRecord('ds-1'));
      expect(await backtests.datasetRows('ds-1')).toEqual(conversationRows());
      expect(await backtests.datasetRow('ds-1', 'm1')).toBeNull();
      expect((await events()).map(([action]) => action)).toEqual(['dataset.import']);
    });

    it('keeps exactly one of two imports under one id made at the same time', async () => {
      const { backtests } = store();
      const imports = [conversationRows(), messageRows()];
      const results = await Promise.allSettled(imports.map((rows) => backtests.insertDataset(datasetRecord('ds-1', { rows: rows.length }), rows, ADMIN)));
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: BatonErrorCode.Conflict } });
      const kept = imports[results.findIndex((r) => r.status === 'fulfilled')];
      expect(await backtests.datasetRows('ds-1')).toEqual(kept);
      expect((await events()).map(([action]) => action)).toEqual(['dataset.import']);
    });

    it('stores nothing of an import whose rows cannot all be stored', async () => {
      const { backtests } = store();
      const [first, second] = conversationRows();
      // Two rows under one id: the parser refuses such files, the store's unique row ids too. The
      // storage's own error (SQLite's may come from another realm under jest, so not toThrow).
      await expect(backtests.insertDataset(datasetRecord('ds-1', { rows: 2 }), [first!, { ...second!, id: first!.id }], ADMIN)).rejects.toMatchObject({
        message: expect.stringMatching(/unique|duplicate/i),
      });
      expect(await backtests.findDataset('ds-1')).toBeNull();
      expect(await backtests.datasetRows('ds-1')).toBeNull();
      expect(await backtests.listDatasets()).toEqual([]);
      expect(await events()).toEqual([]);
      await backtests.insertDataset(datasetRecord('ds-1'), conversationRows(), ADMIN);
      expect(await backtests.datasetRows('ds-1')).toEqual(conversationRows());
    });

    it('removes a dataset with its rows and audits it; an unknown one is NOT_FOUND', async () => {
      const { backtests } = store();
      await backtests.insertDataset(datasetRecord('ds-1'), conversationRows(), ADMIN);
      await backtests.insertDataset(datasetRecord('ds-2'), messageRows(), ADMIN);
      expect(await backtests.removeDataset('ds-1', T2, ADMIN)).toEqual(datasetRecord('ds-1'));
      expect(await backtests.findDataset('ds-1')).toBeNull();
      expect(await backtests.datasetRows('ds-1')).toBeNull();
      expect(await backtests.datasetRow('ds-1', 'c1')).toBeNull();
      expect((await backtests.listDatasets()).map((d) => d.id)).toEqual(['ds-2']);
      expect(await backtests.datasetRows('ds-2')).toEqual(messageRows());

      await expect(backtests.removeDataset('ds-1', T2, ADMIN)).rejects.toMatchObject({ code: BatonErrorCode.NotFound, details: { datasetId: 'ds-1' } });
      await expect(backtests.removeDataset('ds-unknown', T2, ADMIN)).rejects.toMatchObject({ code: BatonErrorCode.NotFound });
      expect((await events()).slice(2)).toEqual([['dataset.remove', 'dataset', 'ds-1', { name: 'Dataset ds-1', rows: 3 }, undefined]]);

      // No row was left behind: the id takes a new import with other rows (some at the same places).
      await backtests.insertDataset(datasetRecord('ds-1', { rows: 10 }), messageRows(), ADMIN);
      expect(await backtests.datasetRows('ds-1')).toEqual(messageRows());
      expect(await backtests.datasetRow('ds-1', 'c1')).toBeNull();
    });

    it('refuses to remove a dataset a publish gate names until no gate names it', async () => {
      const { backtests } = store();
      await backtests.insertDataset(datasetRecord('ds-1'), conversationRows(), ADMIN);
      await backtests.replaceGates('support-us', [{ datasetId: 'ds-1', minRecall: 0.8 }], T1, ADMIN);
      await backtests.replaceGates('support-eu', [{ datasetId: 'ds-1', maxFalsePositiveRate: 0.1 }], T1, ADMIN);
      await expect(backtests.removeDataset('ds-1', T2, ADMIN)).rejects.toMatchObject({
        code: BatonErrorCode.Conflict,
        details: { datasetId: 'ds-1', policyIds: ['support-eu', 'support-us'] },
      });
      expect(await backtests.findDataset('ds-1')).toEqual(datasetRecord('ds-1'));
      expect(await backtests.datasetRows('ds-1')).toEqual(conversationRows());

      await backtests.replaceGates('support-us', [], T2, ADMIN);
      await backtests.replaceGates('support-eu', [], T2, ADMIN);
      await backtests.removeDataset('ds-1', T2, ADMIN);
      expect(await backtests.findDataset('ds-1')).toBeNull();
      expect((await events()).map(([action]) => action)).toEqual([
        'dataset.import',
        'policy.backtestGates',
        'policy.backtestGates',
        'policy.backtestGates',
        'policy.backtestGates',
        'dataset.remove',
      ]);
    });

    it("replaces a policy's gates in the order given, audits before and after, and removes them with an empty list", async () => {
      const { backtests } = store();
      for (const id of ['ds-1', 'ds-2']) await backtests.insertDataset(datasetRecord(id), [], ADMIN);
      expect(await backtests.findGates('support-eu')).toEqual([]);
      const first: BacktestGate[] = [
        { datasetId: 'ds-2', minRecall: 0.9 },
        { datasetId: 'ds-1', maxFalsePositiveRate: 0.1 },
      ];
      const second: BacktestGate[] = [{ datasetId: 'ds-1', minRecall: 0.75, maxFalsePositiveRate: 0.05 }];

      expect(await backtests.replaceGates('support-eu', first, T1, ADMIN)).toEqual(first);
      expect(await backtests.findGates('support-eu')).toStrictEqual(first);
      expect(await backtests.findGates('support-us')).toEqual([]);
      expect(await backtests.replaceGates('support-eu', second, T2, ADMIN)).toEqual(second);
      expect(await backtests.findGates('support-eu')).toStrictEqual(second);
      expect(await backtests.replaceGates('support-eu', [], T2, ADMIN)).toEqual([]);
      expect(await backtests.findGates('support-eu')).toEqual([]);

      expect((await events()).slice(2)).toEqual([
        ['policy.backtestGates', 'policy', 'support-eu', { gates: [] }, { gates: first }],
        ['policy.backtestGates', 'policy', 'support-eu', { gates: first }, { gates: second }],
        ['policy.backtestGates', 'policy', 'support-eu', { gates: second }, { gates: [] }],
      ]);
      expect((await store().auditLog.listEvents({ action: 'policy.backtestGates' }, 10, null)).map((e) => e.at)).toEqual([T1, T2, T2]);
    });

    it('refuses a gate on an unknown dataset with NOT_FOUND and changes nothing', async () => {
      const { backtests } = store();
      await backtests.insertDataset(datasetRecord('ds-1'), [], ADMIN);
      const kept: BacktestGate[] = [{ datasetId: 'ds-1', minRecall: 0.9 }];
      await backtests.replaceGates('support-eu', kept, T1, ADMIN);
      await expect(backtests.replaceGates('support-eu', [{ datasetId: 'ds-1' }, { datasetId: 'ds-gone', minRecall: 0.5 }], T2, ADMIN)).rejects.toMatchObject({
        code: BatonErrorCode.NotFound,
        details: { datasetId: 'ds-gone' },
      });
      await expect(backtests.replaceGates('support-us', [{ datasetId: 'ds-gone' }], T2, ADMIN)).rejects.toMatchObject({ code: BatonErrorCode.NotFound });
      expect(await backtests.findGates('support-eu')).toStrictEqual(kept);
      expect(await backtests.findGates('support-us')).toEqual([]);
      expect((await events()).map(([action]) => action)).toEqual(['dataset.import', 'policy.backtestGates']);
    });

    it('stores finished runs and finds them by id, whole, with their times revived', async () => {
      const { backtests, auditLog } = store();
      const report = await storedReport();
      const succeeded = runRecord('run-1', report);
      const failed = runRecord('run-2', null, {
        status: 'failed',
        error: 'A decision threw.',
        comparison: null,
        gateFailures: ['the run failed'],
        startedBy: null,
      });
      await backtests.insertRun(succeeded);
      await backtests.insertRun(failed);
      const found = await backtests.findRun('run-1');
      expect(found).toEqual(succeeded);
      expect(found?.startedAt).toBeInstanceOf(Date);
      expect(found?.finishedAt).toBeInstanceOf(Date);
      expect(found?.report?.falseNegatives.map((miss) => miss.id)).toEqual(report.falseNegatives.map((miss) => miss.id));
      expect(await backtests.findRun('run-2')).toEqual(failed);
      expect(await backtests.findRun('run-unknown')).toBeNull();
      // Results, not changes: nothing is audited.
      expect(await auditLog.listEvents({}, 10, null)).toEqual([]);
    });

    it('lists runs newest first (ties by id), by each filter, up to the limit', async () => {
      const { backtests } = store();
      const run = (id: string, extra: Partial<BacktestRunRecord>) => runRecord(id, null, { comparison: null, ...extra });
      const runs = [
        run('run-1', { datasetId: 'ds-1', policyId: 'support-default', contentHash: HASH_A, startedAt: T0 }),
        run('run-2', { datasetId: 'ds-1', policyId: 'support-eu', contentHash: HASH_B, startedAt: T1, gateFailures: [] }),
        run('run-3', { datasetId: 'ds-2', policyId: 'support-eu', contentHash: HASH_B, startedAt: T2, gateFailures: ['recall of billing_dispute is 50.0%'] }),
        run('run-4', { datasetId: 'ds-2', policyId: 'support-default', contentHash: HASH_A, startedAt: T2 }),
      ];
      for (const r of runs) await backtests.insertRun(r);
      const ids = async (filter: Parameters<typeof backtests.listRuns>[0]) => (await backtests.listRuns(filter)).map((r) => r.id);

      expect(await ids({ limit: 10 })).toEqual(['run-4', 'run-3', 'run-2', 'run-1']);
      expect(await ids({ datasetId: null, policyId: null, contentHash: null, gateRuns: false, limit: 10 })).toEqual(['run-4', 'run-3', 'run-2', 'run-1']);
      expect(await ids({ datasetId: 'ds-1', limit: 10 })).toEqual(['run-2', 'run-1']);
      expect(await ids({ policyId: 'support-eu', limit: 10 })).toEqual(['run-3', 'run-2']);
      expect(await ids({ contentHash: HASH_A, limit: 10 })).toEqual(['run-4', 'run-1']);
      // A passed gate run (no failures) is a gate run too.
      expect(await ids({ gateRuns: true, limit: 10 })).toEqual(['run-3', 'run-2']);
      expect(await ids({ datasetId: 'ds-2', policyId: 'support-eu', gateRuns: true, limit: 10 })).toEqual(['run-3']);
      expect(await ids({ datasetId: 'ds-unknown', limit: 10 })).toEqual([]);
      expect(await ids({ limit: 2 })).toEqual(['run-4', 'run-3']);
      expect(await ids({ policyId: 'support-default', limit: 1 })).toEqual(['run-4']);
      expect(await backtests.listRuns({ datasetId: 'ds-1', limit: 10 })).toEqual([runs[1], runs[0]]);
    });
  });
}
