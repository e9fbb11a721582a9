/**
 * The backtest MongoDB schemas without a server: validation of documents the mappers build from
 * real datasets, rows, runs and gates, the round trip through BSON (what the driver writes and
 * reads back: dates revived, nothing lost), and the indexes the store's queries need.
 */
import mongoose, { mongo, type Connection } from 'mongoose';
import { conversationRows, datasetRecord, messageRows, runRecord, storedReport } from '../../test-support/backtest-records';
import { invalidPaths } from '../../test-support/invalid-paths';
import type { BacktestGate, StoredBacktestReport } from './backtest-store';
import {
  backtestGatesSchema,
  backtestModels,
  backtestRunSchema,
  datasetRowSchema,
  datasetSchema,
  fromBacktestGatesDocument,
  fromBacktestRunDocument,
  fromDatasetDocument,
  fromDatasetRowDocument,
  toBacktestGatesDocument,
  toBacktestRunDocument,
  toDatasetDocument,
  toDatasetRowDocument,
  type BacktestGatesDocument,
  type BacktestRunDocument,
  type DatasetDocument,
  type DatasetRowDocument,
} from './mongo-backtest-models';

let connection: Connection;
let models: ReturnType<typeof backtestModels>;
let report: StoredBacktestReport;
beforeAll(async () => {
  report = await storedReport();
});
beforeEach(() => {
  // Never opened: models compile and validate without a server.
  connection = mongoose.createConnection();
  models = backtestModels(connection);
});
afterEach(() => connection.close());

/** What the driver reads back for a document it wrote. */
const throughBson = <T>(doc: object): T => mongo.BSON.deserialize(mongo.BSON.serialize(doc)) as T;

describe('dataset documents', () => {
  it('accept real datasets and read back equal, expectation keys any text', async () => {
    const datasets = [
      datasetRecord('ds-1'),
      // Keys MongoDB field names handle poorly are safe inside the JSON text.
      datasetRecord('ds-2', { format: 'csv', expectations: { 'billing.dispute': 2, $where: 1 }, createdBy: null, warnings: [] }),
      datasetRecord('ds-3', { format: 'decision_log', rows: 0, expectations: {}, redactions: 0 }),
    ];
    for (const dataset of datasets) {
      const doc = toDatasetDocument(dataset);
      expect(await invalidPaths(new models.Dataset(doc))).toEqual([]);
      expect(fromDatasetDocument(throughBson<DatasetDocument>(doc))).toEqual(dataset);
    }
  });

  it.each([
    ['an unknown format', { format: 'xlsx' }, ['format']],
    ['a fractional row count', { rows: 2.5 }, ['rows']],
    ['negative redactions', { redactions: -1 }, ['redactions']],
    ['expectations that are not a JSON object', { expectations: '[1, 2]' }, ['expectations']],
    ['expectations that are not JSON', { expectations: '{billing' }, ['expectations']],
    ['a missing name', { name: undefined }, ['name']],
    ['a missing creation time', { createdAt: undefined }, ['createdAt']],
  ])('rejects %s', async (_name, change, paths) => {
    expect(await invalidPaths(new models.Dataset({ ...toDatasetDocument(datasetRecord('ds-1')), ...change }))).toEqual(paths);
  });
});

describe('dataset row documents', () => {
  it('accept every parsed row and read it back equal, dates revived as Dates', async () => {
    const rows = [...conversationRows(), ...messageRows()];
    for (const [position, row] of rows.entries()) {
      const doc = toDatasetRowDocument('ds-1', position, row);
      expect(doc).toMatchObject({ datasetId: 'ds-1', position, rowId: row.id });
      expect(await invalidPaths(new models.DatasetRow(doc))).toEqual([]);
      expect(fromDatasetRowDocument(throughBson<DatasetRowDocument>(doc))).toEqual(row);
    }
    const [timed] = conversationRows();
    const read = fromDatasetRowDocument(throughBson<DatasetRowDocument>(toDatasetRowDocument('ds-1', 0, timed!)));
    expect(read.input.now).toEqual(new Date('2026-11-21T09:01:12Z'));
    expect(read.input.messages.map((message) => message.at)).toEqual([new Date('2026-11-21T09:00:00Z'), new Date('2026-11-21T09:00:05Z')]);
  });

  it.each([
    ['a negative position', { position: -1 }, ['position']],
    ['a fractional position', { position: 0.5 }, ['position']],
    ['no row id', { rowId: undefined }, ['rowId']],
    ['no row', { row: undefined }, ['row']],
  ])('rejects %s', async (_name, change, paths) => {
    const [row] = messageRows();
    expect(await invalidPaths(new models.DatasetRow({ ...toDatasetRowDocument('ds-1', 0, row!), ...change }))).toEqual(paths);
  });
});

describe('backtest run documents', () => {
  it('accept finished runs, indexed fields beside the whole run, and read back equal', async () => {
    const runs = [
      runRecord('run-1', report),
      runRecord('run-2', null, { status: 'failed', error: 'The worker stopped.', finishedAt: null, comparison: null, gateFailures: [] }),
      runRecord('run-3', report, { gateFailures: ['overall recall is 71.4%, below 90.0%'], startedBy: null, turnByTurn: true }),
    ];
    for (const run of runs) {
      const doc = toBacktestRunDocument(run);
      expect(doc).toMatchObject({ _id: run.id, datasetId: run.datasetId, policyId: run.policyId, contentHash: run.contentHash, startedAt: run.startedAt });
      expect(doc.gateRun).toBe(run.gateFailures !== null);
      expect(await invalidPaths(new models.BacktestRun(doc))).toEqual([]);
      const read = fromBacktestRunDocument(throughBson<BacktestRunDocument>(doc));
      expect(read).toEqual(run);
      expect(read.startedAt).toBeInstanceOf(Date);
    }
  });

  it.each([
    ['no run text', { run: undefined }, ['run']],
    ['no start time', { startedAt: undefined }, ['startedAt']],
    ['no gate flag', { gateRun: undefined }, ['gateRun']],
    ['no policy', { policyId: undefined }, ['policyId']],
  ])('rejects %s', async (_name, change, paths) => {
    expect(await invalidPaths(new models.BacktestRun({ ...toBacktestRunDocument(runRecord('run-1', null)), ...change }))).toEqual(paths);
  });
});

describe('backtest gate documents', () => {
  const gates: BacktestGate[] = [{ datasetId: 'ds-2', minRecall: 0.9 }, { datasetId: 'ds-1', maxFalsePositiveRate: 0.1 }, { datasetId: 'ds-3' }];

  it("accept a policy's gates and read them back in the order set, absent bars still absent", async () => {
    const doc = toBacktestGatesDocument('support-eu', gates);
    const cast = new models.BacktestGates(doc);
    expect(await invalidPaths(cast)).toEqual([]);
    expect(fromBacktestGatesDocument(throughBson<BacktestGatesDocument>(doc))).toStrictEqual(gates);
    // What replaceOne writes: the document as the schema casts it, no subdocument ids added.
    expect(fromBacktestGatesDocument(throughBson<BacktestGatesDocument>(cast.toObject()))).toStrictEqual(gates);
  });

  it.each([
    ['a recall above 1', [{ datasetId: 'ds-1', minRecall: 1.5 }], ['gates.0.minRecall']],
    ['a negative false-positive rate', [{ datasetId: 'ds-1', maxFalsePositiveRate: -0.1 }], ['gates.0.maxFalsePositiveRate']],
    ['a gate without a dataset', [{ minRecall: 0.5 }], ['gates.0.datasetId']],
    ['no gate at all (none is stored as no document)', [], ['gates']],
  ])('rejects %s', async (_name, list, paths) => {
    expect(await invalidPaths(new models.BacktestGates({ _id: 'support-eu', gates: list }))).toEqual(paths);
  });
});

describe('backtest indexes', () => {
  const has = (schema: mongoose.Schema, fields: object, unique = false) =>
    schema.indexes().some(([declared, options]) => JSON.stringify(declared) === JSON.stringify(fields) && (options.unique ?? false) === unique);
  it.each([
    ['listDatasets (newest first)', datasetSchema, { createdAt: -1, _id: -1 }, false],
    ['datasetRows (line order, one row per place)', datasetRowSchema, { datasetId: 1, position: 1 }, true],
    ['datasetRow (one row per id)', datasetRowSchema, { datasetId: 1, rowId: 1 }, true],
    ['listRuns (newest first)', backtestRunSchema, { startedAt: -1, _id: -1 }, false],
    ['listRuns of a dataset', backtestRunSchema, { datasetId: 1, startedAt: -1, _id: -1 }, false],
    ['listRuns of a policy (and its gate runs)', backtestRunSchema, { policyId: 1, startedAt: -1, _id: -1 }, false],
    ['listRuns of a content hash', backtestRunSchema, { contentHash: 1, startedAt: -1, _id: -1 }, false],
    ['policiesGatedOn', backtestGatesSchema, { 'gates.datasetId': 1 }, false],
  ])('serve %s', (_query, schema, fields, unique) => {
    expect(has(schema, fields, unique)).toBe(true);
  });
});
