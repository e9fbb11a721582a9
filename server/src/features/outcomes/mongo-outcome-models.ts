/**
 * MongoDB collection of the outcomes feature, and the pure mappers between its documents and the
 * port's records (the store writes and reads through them; the migration bulk-copies with them):
 * `conversation_outcomes`, one document per conversation and kind (`_id` is `<kind>:<conversation
 * id>`), with the filter dimensions of the decision it follows copied in, as in SQLite.
 */
import { Schema, type Connection, type InferRawDocTypeFromSchema } from 'mongoose';
import { modelOn } from '../../store/mongo/mongo-context';
import { wholeNumber } from '../../store/mongo/schema-fields';
import { OUTCOME_FIELDS, OUTCOME_KINDS, RESOLUTIONS, VERDICTS, type OutcomeKind, type OutcomeRecord } from './outcome-store';

const STRICT = { versionKey: false, minimize: false, strict: 'throw' } as const;

/** When each field's value was true: one optional date per outcome field. */
const fieldTimesSchema = new Schema(Object.fromEntries(OUTCOME_FIELDS.map((field) => [field, { type: Date }])), { ...STRICT, _id: false });

export const outcomeSchema = new Schema(
  {
    _id: { type: String, required: true },
    conversationId: { type: String, required: true },
    kind: { type: String, required: true, enum: OUTCOME_KINDS },
    decisionId: { type: String, required: true },
    decidedAt: { type: Date, required: true },
    policyId: { type: String, required: true },
    policyVersion: { type: Number, required: true, min: 1, validate: wholeNumber },
    reasonCode: { type: String, default: null },
    queue: { type: String, default: null },
    channel: { type: String, default: null },
    language: { type: String, default: null },
    firstAgentResponseAt: { type: Date, default: null },
    resolution: { type: String, enum: [...RESOLUTIONS, null], default: null },
    resolvedAt: { type: Date, default: null },
    csat: { type: Number, min: 1, max: 5, validate: wholeNumber, default: null },
    agentVerdict: { type: String, enum: [...VERDICTS, null], default: null },
    correctedReasonCode: { type: String, default: null },
    reopened: { type: Boolean, default: null },
    resolvedByAi: { type: Boolean, default: null },
    fieldTimes: { type: fieldTimesSchema, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, default: null },
  },
  STRICT,
);
// KPIs: outcomes of a kind decided in range (every aggregation starts with this match).
outcomeSchema.index({ kind: 1, decidedAt: 1 });
// Suggestions and their examples: one reason's outcomes in range, newest first.
outcomeSchema.index({ kind: 1, reasonCode: 1, decidedAt: -1 });

export type OutcomeDocument = InferRawDocTypeFromSchema<typeof outcomeSchema>;

/** The `_id` of a conversation's outcome of one kind. */
export const outcomeId = (kind: OutcomeKind, conversationId: string): string => `${kind}:${conversationId}`;

/** The document storing `record`. */
export function toOutcomeDocument(record: OutcomeRecord): OutcomeDocument {
  const fieldTimes = Object.fromEntries(Object.entries(record.fieldTimes).filter(([, at]) => at !== undefined));
  return {
    _id: outcomeId(record.kind, record.conversationId),
    conversationId: record.conversationId,
    kind: record.kind,
    decisionId: record.decisionId,
    decidedAt: record.decidedAt,
    policyId: record.policyId,
    policyVersion: record.policyVersion,
    reasonCode: record.reasonCode,
    queue: record.queue,
    channel: record.channel,
    language: record.language,
    firstAgentResponseAt: record.firstAgentResponseAt,
    resolution: record.resolution,
    resolvedAt: record.resolvedAt,
    csat: record.csat,
    agentVerdict: record.agentVerdict,
    correctedReasonCode: record.correctedReasonCode,
    reopened: record.reopened,
    resolvedByAi: record.resolvedByAi,
    fieldTimes,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
  } as OutcomeDocument;
}

/** The outcome a document holds. */
export function fromOutcomeDocument(doc: OutcomeDocument): OutcomeRecord {
  const times = (doc.fieldTimes ?? {}) as Record<string, Date | null | undefined>;
  return {
    conversationId: doc.conversationId,
    kind: doc.kind as OutcomeKind,
    decisionId: doc.decisionId,
    decidedAt: doc.decidedAt,
    policyId: doc.policyId,
    policyVersion: doc.policyVersion,
    reasonCode: doc.reasonCode ?? null,
    queue: doc.queue ?? null,
    channel: doc.channel ?? null,
    language: doc.language ?? null,
    firstAgentResponseAt: doc.firstAgentResponseAt ?? null,
    resolution: (doc.resolution ?? null) as OutcomeRecord['resolution'],
    resolvedAt: doc.resolvedAt ?? null,
    csat: doc.csat ?? null,
    agentVerdict: (doc.agentVerdict ?? null) as OutcomeRecord['agentVerdict'],
    correctedReasonCode: doc.correctedReasonCode ?? null,
    reopened: doc.reopened ?? null,
    resolvedByAi: doc.resolvedByAi ?? null,
    fieldTimes: Object.fromEntries(Object.entries(times).filter((entry): entry is [string, Date] => entry[1] instanceof Date)),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    updatedBy: doc.updatedBy ?? null,
  };
}

/** The outcomes feature's model on `connection`. */
export function outcomeModels(connection: Connection) {
  return { Outcome: modelOn(connection, 'Outcome', outcomeSchema, 'conversation_outcomes') };
}
