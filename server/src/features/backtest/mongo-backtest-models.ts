/**
 * MongoDB collections of the backtest feature, and the pure mappers between their documents and
 * the port's records (the store writes and reads through them; the migration bulk-copies with
 * them): `datasets` (`_id` the dataset id), `dataset_rows`, `backtest_runs` (`_id` the run id)
 * and `backtest_gates` (`_id` the policy id, its gates embedded).
 *
 * A dataset's rows are one document each, not one array in the dataset's document: a dataset may
 * hold 50,000 rows and 50 MB, far past the 16 MB a document can hold, and chunks of rows would
 * only stay under it if cut by size, since one row alone may be megabytes (the request limits
 * allow 500 messages of 10,000 characters). One row per document also makes `datasetRow` a point
 * read. The row itself is the text `rowToJson` writes, as in SQLite, so a stored row decides
 * exactly as the parsed one did.
 *
 * A run is stored as the text `runToJson` writes beside the fields its lists filter and sort on:
 * it is written once and only ever read whole. Text, like a dataset's expectation counts, because
 * its tables are keyed by reason codes and languages taken from imported files: any text, e.g.
 * with a `.` or a leading `$`, which MongoDB field names handle poorly. A report is a few MB at most.
 */
import type { BacktestRow } from '@baton/rules';
import { Schema, type Connection, type InferRawDocTypeFromSchema } from 'mongoose';
import { modelOn } from '../../store/mongo/mongo-context';
import { asJson, jsonObject, wholeNumber } from '../../store/mongo/schema-fields';
import { runFromJson, runToJson } from './backtest-run-json';
import type { BacktestGate, BacktestRunRecord, DatasetFormat, DatasetRecord } from './backtest-store';
import { rowFromJson, rowToJson } from './dataset-row-json';

/** Where rows come from (`DatasetFormat`). */
const FORMATS: readonly DatasetFormat[] = ['conversations', 'messages', 'csv', 'decision_log'];
const STRICT = { versionKey: false, minimize: false, strict: 'throw' } as const;

const ratio = { type: Number, min: 0, max: 1 };

const jsonObjectText = {
  validator: (text: string): boolean => {
    try {
      return jsonObject.validator(JSON.parse(text));
    } catch {
      return false;
    }
  },
  message: '{PATH} must be a JSON object as text.',
};

export const datasetSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    format: { type: String, required: true, enum: FORMATS },
    source: { type: String, required: true },
    rows: { type: Number, required: true, min: 0, validate: wholeNumber },
    // Rows per expectation key, as JSON text (keys are reason codes from the file).
    expectations: { type: String, required: true, validate: jsonObjectText },
    redactions: { type: Number, required: true, min: 0, validate: wholeNumber },
    warnings: { type: [String], required: true },
    createdAt: { type: Date, required: true },
    // Null: imported by the system.
    createdBy: { type: String, default: null },
  },
  STRICT,
);
// listDatasets: newest first, ties by id.
datasetSchema.index({ createdAt: -1, _id: -1 });

/** A `dataset_rows` document (plus a generated `_id`). */
export interface DatasetRowDocument {
  datasetId: string;
  position: number;
  rowId: string;
  row: string;
}

export const datasetRowSchema = new Schema<DatasetRowDocument>(
  {
    datasetId: { type: String, required: true },
    // 0-based place in the dataset: rows are read back in line order by it.
    position: { type: Number, required: true, min: 0, validate: wholeNumber },
    // The row's own id, named apart from mongoose's `id` (an alias of `_id`).
    rowId: { type: String, required: true },
    row: { type: String, required: true },
  },
  STRICT,
);
// datasetRows (in line order) and removing a dataset's rows; unique, so no place is taken twice.
datasetRowSchema.index({ datasetId: 1, position: 1 }, { unique: true });
// datasetRow (a missed row opened in the test panel); unique, as a dataset's row ids are.
datasetRowSchema.index({ datasetId: 1, rowId: 1 }, { unique: true });

export const backtestRunSchema = new Schema(
  {
    _id: { type: String, required: true },
    datasetId: { type: String, required: true },
    policyId: { type: String, required: true },
    contentHash: { type: String, required: true },
    // A publish gate started it (`gateFailures` set).
    gateRun: { type: Boolean, required: true },
    startedAt: { type: Date, required: true },
    run: { type: String, required: true },
  },
  STRICT,
);
const NEWEST = { startedAt: -1, _id: -1 } as const;
// listRuns, newest first: unfiltered, and by each filter (gate runs are filtered among a policy's).
backtestRunSchema.index(NEWEST);
backtestRunSchema.index({ datasetId: 1, ...NEWEST });
backtestRunSchema.index({ policyId: 1, ...NEWEST });
backtestRunSchema.index({ contentHash: 1, ...NEWEST });

/** A `backtest_gates` document: a policy's gates in the order set. */
export interface BacktestGatesDocument {
  _id: string;
  gates: BacktestGate[];
}

const gateSchema = new Schema<BacktestGate>(
  {
    datasetId: { type: String, required: true },
    minRecall: ratio,
    maxFalsePositiveRate: ratio,
  },
  { ...STRICT, _id: false },
);

export const backtestGatesSchema = new Schema<BacktestGatesDocument>(
  {
    _id: { type: String, required: true },
    // Never empty: replacing a policy's gates with none deletes its document.
    gates: {
      type: [gateSchema],
      required: true,
      validate: { validator: (gates: unknown[]) => gates.length > 0, message: '{PATH} must name at least one dataset.' },
    },
  },
  STRICT,
);
// policiesGatedOn: which policies a dataset's removal would leave without a gate.
backtestGatesSchema.index({ 'gates.datasetId': 1 });

export type DatasetDocument = InferRawDocTypeFromSchema<typeof datasetSchema>;
export type BacktestRunDocument = InferRawDocTypeFromSchema<typeof backtestRunSchema>;
/** The document storing `dataset`. */
export function toDatasetDocument(dataset: DatasetRecord): DatasetDocument {
  return {
    _id: dataset.id,
    name: dataset.name,
    format: dataset.format,
    source: dataset.source,
    rows: dataset.rows,
    expectations: JSON.stringify(dataset.expectations),
    redactions: dataset.redactions,
    warnings: [...dataset.warnings],
    createdAt: dataset.createdAt,
    createdBy: dataset.createdBy,
  };
}

/** The dataset a document holds. */
export function fromDatasetDocument(doc: DatasetDocument): DatasetRecord {
  return {
    id: doc._id,
    name: doc.name,
    format: doc.format as DatasetFormat,
    source: doc.source,
    rows: doc.rows,
    expectations: JSON.parse(doc.expectations) as Record<string, number>,
    redactions: doc.redactions,
    warnings: [...doc.warnings],
    createdAt: doc.createdAt,
    createdBy: doc.createdBy ?? null,
  };
}

/** The document storing `row` at `position` (0-based) of dataset `datasetId`. */
export function toDatasetRowDocument(datasetId: string, position: number, row: BacktestRow): DatasetRowDocument {
  return { datasetId, position, rowId: row.id, row: rowToJson(row) };
}

/** The row a document holds, its dates revived. */
export function fromDatasetRowDocument(doc: Pick<DatasetRowDocument, 'row'>): BacktestRow {
  return rowFromJson(doc.row);
}

/** The document storing a finished `run`. */
export function toBacktestRunDocument(run: BacktestRunRecord): BacktestRunDocument {
  return {
    _id: run.id,
    datasetId: run.datasetId,
    policyId: run.policyId,
    contentHash: run.contentHash,
    gateRun: run.gateFailures !== null,
    startedAt: run.startedAt,
    run: runToJson(run),
  };
}

/** The run a document holds. */
export function fromBacktestRunDocument(doc: Pick<BacktestRunDocument, 'run'>): BacktestRunRecord {
  return runFromJson(doc.run);
}

/** The document storing `policyId`'s gates (which must not be empty), as JSON would keep them. */
export function toBacktestGatesDocument(policyId: string, gates: readonly BacktestGate[]): BacktestGatesDocument {
  return { _id: policyId, gates: asJson([...gates]) };
}

/** The gates a document holds, in the order set. */
export function fromBacktestGatesDocument(doc: BacktestGatesDocument): BacktestGate[] {
  return doc.gates.map((gate) => ({ ...gate }));
}

/** The backtest feature's models on `connection`. */
export function backtestModels(connection: Connection) {
  return {
    Dataset: modelOn(connection, 'Dataset', datasetSchema, 'datasets'),
    DatasetRow: modelOn(connection, 'DatasetRow', datasetRowSchema, 'dataset_rows'),
    BacktestRun: modelOn(connection, 'BacktestRun', backtestRunSchema, 'backtest_runs'),
    BacktestGates: modelOn(connection, 'BacktestGates', backtestGatesSchema, 'backtest_gates'),
  };
}
