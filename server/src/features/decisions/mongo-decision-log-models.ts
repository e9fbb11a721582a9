/**
 * MongoDB collection of the decision log: `decision_log`, one document per decision (`_id` is
 * the decision id), never updated. Input, facts and reasons are stored as the JSON the SQLite
 * adapter stores (dates become ISO strings, undefined fields vanish), so both adapters read
 * back the same record. Retention (`BATON_DECISION_RETENTION_DAYS`) is a TTL index on
 * `loggedAt`; `syncIndexes` at start-up creates it, changes its expiry or drops it when the
 * setting changes, because the expiry is part of the declared index.
 */
import { HANDOFF_ACTIONS, PRIORITIES, SUPPORT_TIERS, type HandoffAction, type Priority, type SupportTier, type TriggerReason } from '@baton/schemas';
import { Schema, type Connection, type InferRawDocTypeFromSchema } from 'mongoose';
import { modelOn } from '../../store/mongo/mongo-context';
import { asJson, jsonObject, refuseChanges, wholeNumber } from '../../store/mongo/schema-fields';
import type { DecisionLogRecord, StoredDecision } from './decision-log-store';

/** Seconds per retention day (`expireAfterSeconds` = days × 86,400). */
const DAY_SECONDS = 86_400;

export interface DecisionLogModelOptions {
  /** `BATON_DECISION_RETENTION_DAYS`: whole days, at least 1; unset keeps decisions forever. */
  retentionDays?: number;
}

const outcomeSchema = new Schema(
  {
    action: { type: String, required: true, enum: HANDOFF_ACTIONS },
    // Null only for a STAY logged before reason codes were stored (SQLite schema version 6).
    reasonCode: { type: String },
    reasons: { type: Schema.Types.Mixed, required: true, validate: { validator: Array.isArray, message: '{PATH} must be a JSON array.' } },
    queue: { type: String },
    priority: { type: String, required: true, enum: PRIORITIES },
    tier: { type: String, required: true, enum: SUPPORT_TIERS },
  },
  { _id: false, minimize: false, strict: 'throw' },
);

const definition = {
  _id: { type: String, required: true },
  evaluatedAt: { type: Date, required: true },
  loggedAt: { type: Date, required: true },
  policyId: { type: String, required: true },
  policyVersion: { type: Number, required: true, min: 1, validate: wholeNumber },
  contentHash: { type: String, required: true },
  conversationId: { type: String, required: true },
  input: { type: Schema.Types.Mixed, required: true, validate: jsonObject },
  facts: { type: Schema.Types.Mixed, required: true, validate: jsonObject },
  outcome: { type: outcomeSchema, required: true },
  latencyMs: { type: Number, required: true, min: 0 },
};

/** Sort of `queryDecisions`: newest evaluation first, ties broken by decision id descending. */
const NEWEST = { evaluatedAt: -1, _id: -1 } as const;

/**
 * The `decision_log` schema for one retention setting.
 * @throws when `retentionDays` is given but is not a whole number of days ≥ 1
 */
export function decisionLogSchema({ retentionDays }: DecisionLogModelOptions) {
  if (retentionDays !== undefined && !(Number.isInteger(retentionDays) && retentionDays >= 1)) {
    throw new Error(`Decision retention must be a whole number of days, at least 1 (BATON_DECISION_RETENTION_DAYS); got ${retentionDays}.`);
  }
  const schema = new Schema(definition, { versionKey: false, minimize: false, strict: 'throw' });
  // queryDecisions without filters, and with only from/to: the keyset order itself.
  schema.index(NEWEST);
  // queryDecisions by policyId, or policyId and policyVersion.
  schema.index({ policyId: 1, policyVersion: 1, ...NEWEST });
  // queryDecisions by conversationId.
  schema.index({ conversationId: 1, ...NEWEST });
  // queryDecisions by action.
  schema.index({ 'outcome.action': 1, ...NEWEST });
  // queryDecisions by reasonCode.
  schema.index({ 'outcome.reasonCode': 1, ...NEWEST });
  // queryDecisions by queue.
  schema.index({ 'outcome.queue': 1, ...NEWEST });
  // Handoff KPIs: the same customer's HANDOFF decisions in the 7 days before a handoff (repeat handoffs).
  schema.index({ 'input.customer.id': 1, evaluatedAt: 1 }, { partialFilterExpression: { 'outcome.action': 'HANDOFF' } });
  // purgeDecisionsLoggedBefore; with retention set, also the TTL monitor's expiry.
  schema.index({ loggedAt: 1 }, retentionDays === undefined ? {} : { expireAfterSeconds: retentionDays * DAY_SECONDS });
  // What a decision was must not change after the fact (replay and audits read it); retention deletes whole records.
  refuseChanges(schema, 'Logged decisions are immutable; only the retention purge deletes them.', { allowDeletes: true });
  return schema;
}

/** A `decision_log` document as written and as read back with `.lean()`. */
export type DecisionDocument = InferRawDocTypeFromSchema<ReturnType<typeof decisionLogSchema>>;

/** The document storing `record`. */
export function toDecisionDocument(record: DecisionLogRecord): DecisionDocument {
  return {
    _id: record.decisionId,
    evaluatedAt: record.evaluatedAt,
    loggedAt: record.loggedAt,
    policyId: record.policyId,
    policyVersion: record.policyVersion,
    contentHash: record.contentHash,
    conversationId: record.conversationId,
    // The writer serialised the record when it accepted it; parsing that text gives the same JSON as asJson.
    input: record.serialised ? (JSON.parse(record.serialised.input) as unknown) : asJson(record.input),
    facts: record.serialised ? (JSON.parse(record.serialised.facts) as unknown) : asJson(record.facts),
    outcome: {
      action: record.outcome.action,
      reasonCode: record.outcome.reasonCode,
      reasons: record.serialised ? (JSON.parse(record.serialised.reasons) as unknown) : asJson(record.outcome.reasons),
      queue: record.outcome.queue,
      priority: record.outcome.priority,
      tier: record.outcome.tier,
    },
    latencyMs: record.latencyMs,
  };
}

/** The stored decision a document holds. */
export function fromDecisionDocument(doc: DecisionDocument): StoredDecision {
  return {
    decisionId: doc._id,
    evaluatedAt: doc.evaluatedAt,
    loggedAt: doc.loggedAt,
    policyId: doc.policyId,
    policyVersion: doc.policyVersion,
    contentHash: doc.contentHash,
    conversationId: doc.conversationId,
    input: doc.input as Record<string, unknown>,
    facts: doc.facts as Record<string, unknown>,
    outcome: {
      action: doc.outcome.action as HandoffAction,
      reasonCode: doc.outcome.reasonCode ?? null,
      reasons: doc.outcome.reasons as TriggerReason[],
      queue: doc.outcome.queue ?? null,
      priority: doc.outcome.priority as Priority,
      tier: doc.outcome.tier as SupportTier,
    },
    latencyMs: doc.latencyMs,
  };
}

/** The `expireAfterSeconds` of a schema's `loggedAt` index; undefined when it has none. */
const expiryOf = (schema: Schema): unknown => schema.indexes().find(([fields]) => 'loggedAt' in fields)?.[1].expireAfterSeconds;

/**
 * The decision log model on `connection`, compiled on the first call.
 * @throws as `decisionLogSchema` for a bad `retentionDays`, and when the model was already
 *   compiled on this connection with another retention (one connection, one retention).
 */
export function decisionLogModels(connection: Connection, options: DecisionLogModelOptions) {
  const schema = decisionLogSchema(options);
  const compiled = connection.models.DecisionLogEntry;
  if (compiled && expiryOf(compiled.schema) !== expiryOf(schema)) {
    throw new Error(`The decision log model on this connection already has another retention (expireAfterSeconds ${String(expiryOf(compiled.schema))}).`);
  }
  return { DecisionLogEntry: modelOn(connection, 'DecisionLogEntry', schema, 'decision_log') };
}
