/**
 * The backtest feature's rules on stored things, as pure functions: given what a transaction
 * read, each returns the audit event of the change or throws the client-facing error. A dataset a
 * publish gate names cannot be deleted, or that policy could never be published again.
 */
import { conflict, notFound } from '../../baton-error';
import type { Actor, AuditEventInput } from '../audit/audit-event';
import type { BacktestGate, DatasetRecord } from './backtest-store';

/** CONFLICT `{ datasetId }`: the id is taken (a random id clashing means a bug or a replay). */
export function datasetIdTaken(id: string): Error {
  return conflict(`A dataset with id '${id}' already exists.`, { datasetId: id });
}

/** NOT_FOUND `{ datasetId }`. */
export function datasetNotFound(id: string): Error {
  return notFound(`Dataset '${id}' does not exist; list datasets with the datasets query.`, { datasetId: id });
}

/** A new dataset. @throws CONFLICT when `existing` holds its id */
export function importedDataset(existing: DatasetRecord | null, dataset: DatasetRecord, actor: Actor): AuditEventInput {
  if (existing) throw datasetIdTaken(dataset.id);
  const { name, format, source, rows, redactions } = dataset;
  return {
    actor,
    action: 'dataset.import',
    targetType: 'dataset',
    targetId: dataset.id,
    after: { name, format, source, rows, redactions },
    at: dataset.createdAt,
  };
}

/**
 * A dataset deleted; `gatedPolicies` are the policies whose publish gates name it.
 * @throws NOT_FOUND when it does not exist; CONFLICT while a gate names it
 */
export function removedDataset(id: string, dataset: DatasetRecord | null, gatedPolicies: readonly string[], at: Date, actor: Actor): AuditEventInput {
  if (!dataset) throw datasetNotFound(id);
  if (gatedPolicies.length > 0) {
    throw conflict(
      `Dataset '${dataset.name}' is a publish gate of ${gatedPolicies.map((p) => `'${p}'`).join(', ')}; remove it from their gates (setBacktestGates) first.`,
      { datasetId: id, policyIds: [...gatedPolicies] },
    );
  }
  return { actor, action: 'dataset.remove', targetType: 'dataset', targetId: id, before: { name: dataset.name, rows: dataset.rows }, at };
}

/**
 * A policy's gates replaced; `datasets` are the datasets the new gates name, as read (null: gone).
 * @throws NOT_FOUND when a gate names a dataset that does not exist
 */
export function replacedGates(
  policyId: string,
  before: readonly BacktestGate[],
  after: readonly BacktestGate[],
  datasets: readonly (DatasetRecord | null)[],
  at: Date,
  actor: Actor,
): AuditEventInput {
  after.forEach((gate, i) => {
    if (!datasets[i]) throw datasetNotFound(gate.datasetId);
  });
  return { actor, action: 'policy.backtestGates', targetType: 'policy', targetId: policyId, before: { gates: [...before] }, after: { gates: [...after] }, at };
}
