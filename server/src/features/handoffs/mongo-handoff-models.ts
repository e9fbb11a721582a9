/**
 * MongoDB collection of committed handoffs: `assignments`, one document per decision (`_id` is
 * the decision id). A queued handoff lists the agents who may take it later (`candidates`, the
 * SQLite `handoff_candidates` rows); the list is emptied once it is assigned or released. A
 * queued handoff's position is counted from the waiting index, never stored.
 */
import { AssignmentStatus, CHANNELS, type Channel } from '@baton/schemas';
import { Schema, type Connection, type InferRawDocTypeFromSchema } from 'mongoose';
import { modelOn } from '../../store/mongo/mongo-context';
import { wholeNumber } from '../../store/mongo/schema-fields';
import type { AssignmentRecord } from './handoff-store';

const STATUSES: readonly AssignmentStatus[] = Object.values(AssignmentStatus);

function isAssigned(this: { status?: unknown }): boolean {
  return this.status === 'ASSIGNED';
}

export const assignmentSchema = new Schema(
  {
    _id: { type: String, required: true },
    conversationId: { type: String, required: true },
    customerId: { type: String, required: true },
    queueId: { type: String, required: true },
    // Null while queued; kept after release (the customer's last agent).
    agentId: { type: String, required: isAssigned },
    channel: { type: String, required: true, enum: CHANNELS },
    status: { type: String, required: true, enum: STATUSES },
    rank: { type: Number, required: true, validate: wholeNumber },
    fallbackUsed: { type: Boolean, required: true },
    explanation: { type: [String], required: true },
    candidates: { type: [String], required: true },
    createdAt: { type: Date, required: true },
    assignedAt: { type: Date },
    releasedAt: { type: Date },
  },
  { versionKey: false, strict: 'throw' },
);

const QUEUED = { partialFilterExpression: { status: 'QUEUED' } };
/** Serving order of queued handoffs: higher rank first, then oldest, then decision id. */
export const SERVING_ORDER = { rank: -1, createdAt: 1, _id: 1 } as const;
// Position of a queued handoff (those ahead of it in its queue), and waiting counts per queue of the snapshot.
assignmentSchema.index({ queueId: 1, ...SERVING_ORDER }, QUEUED);
// Queued handoffs an agent with free capacity may take, in serving order (drain).
assignmentSchema.index({ candidates: 1, ...SERVING_ORDER }, QUEUED);
// removeAgent: handoffs still assigned to the agent.
assignmentSchema.index({ agentId: 1, status: 1 });
// Snapshot: each customer's most recently assigned agent.
assignmentSchema.index({ customerId: 1, assignedAt: -1 });
// Handoff KPIs: a handed-off conversation's first assignment (time to assignment).
assignmentSchema.index({ conversationId: 1, assignedAt: 1 });

export type AssignmentDocument = InferRawDocTypeFromSchema<typeof assignmentSchema>;

/**
 * The document storing `record`.
 * @param candidates agents who may take it while it is queued (ignored otherwise)
 */
export function toAssignmentDocument(record: AssignmentRecord, candidates: readonly string[]): AssignmentDocument {
  return {
    _id: record.decisionId,
    conversationId: record.conversationId,
    customerId: record.customerId,
    queueId: record.queueId,
    agentId: record.agentId,
    channel: record.channel,
    status: record.status,
    rank: record.rank,
    fallbackUsed: record.fallbackUsed,
    explanation: [...record.explanation],
    candidates: record.status === 'QUEUED' ? [...new Set(candidates)] : [],
    createdAt: record.createdAt,
    assignedAt: record.assignedAt,
    releasedAt: record.releasedAt,
  };
}

/**
 * The assignment a document holds.
 * @param position 1-based place among the queue's waiting handoffs (counted by the store); ignored unless queued
 */
export function fromAssignmentDocument(doc: AssignmentDocument, position: number | null): AssignmentRecord {
  const status = doc.status as AssignmentStatus;
  return {
    decisionId: doc._id,
    conversationId: doc.conversationId,
    customerId: doc.customerId,
    queueId: doc.queueId,
    agentId: doc.agentId ?? null,
    channel: doc.channel as Channel,
    status,
    rank: doc.rank,
    fallbackUsed: doc.fallbackUsed,
    explanation: [...doc.explanation],
    createdAt: doc.createdAt,
    assignedAt: doc.assignedAt ?? null,
    releasedAt: doc.releasedAt ?? null,
    position: status === 'QUEUED' ? position : null,
  };
}

/** The handoff model on `connection`. */
export function handoffModels(connection: Connection) {
  return { Assignment: modelOn(connection, 'Assignment', assignmentSchema, 'assignments') };
}
