/**
 * MongoDB collection of committed handoffs: `assignments`, one document per decision (`_id` is
 * the decision id). An open handoff lists the agents who may take it (`candidates`, in routing
 * order: the SQLite `handoff_candidates` rows by ordinal) for when it waits or goes back to the
 * queue; the list is emptied once it ends. An open handoff also holds its conversation id in
 * `openConversationId`, under a unique index, so a conversation never has two open handoffs
 * however many starts race; the field is removed when it ends. A queued handoff's position is
 * counted from the waiting index, never stored.
 */
import { AssignmentStatus, CHANNELS, type Channel } from '@baton/schemas';
import { Schema, type Connection, type InferRawDocTypeFromSchema } from 'mongoose';
import { modelOn } from '../../store/mongo/mongo-context';
import { wholeNumber } from '../../store/mongo/schema-fields';
import { isOpen } from './handoff-lifecycle';
import type { AssignmentRecord } from './handoff-store';

const STATUSES: readonly AssignmentStatus[] = Object.values(AssignmentStatus);

function holdsAgent(this: { status?: unknown }): boolean {
  return this.status === 'ASSIGNED' || this.status === 'ACCEPTED';
}

export const assignmentSchema = new Schema(
  {
    _id: { type: String, required: true },
    conversationId: { type: String, required: true },
    customerId: { type: String, required: true },
    queueId: { type: String, required: true },
    // Null while queued; kept after it ends (the customer's last agent).
    agentId: { type: String, required: holdsAgent },
    channel: { type: String, required: true, enum: CHANNELS },
    status: { type: String, required: true, enum: STATUSES },
    rank: { type: Number, required: true, validate: wholeNumber },
    fallbackUsed: { type: Boolean, required: true },
    explanation: { type: [String], required: true },
    candidates: { type: [String], required: true },
    // Set while open (QUEUED, ASSIGNED, ACCEPTED): the unique index below allows one open handoff per conversation.
    openConversationId: { type: String },
    createdAt: { type: Date, required: true },
    assignedAt: { type: Date },
    acceptedAt: { type: Date },
    releasedAt: { type: Date },
    // Absent on handoffs of servers before the lifecycle (read as 0).
    requeues: { type: Number, validate: wholeNumber },
    startedBy: { type: String },
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
// Handoff KPIs: a handed-off conversation's first assignment (time to assignment); a conversation's handoffs.
assignmentSchema.index({ conversationId: 1, assignedAt: 1 });
// One open handoff per conversation.
assignmentSchema.index({ openConversationId: 1 }, { unique: true, partialFilterExpression: { openConversationId: { $type: 'string' } } });
// Timeouts: assignments waiting for acceptance, and open handoffs by age.
assignmentSchema.index({ status: 1, assignedAt: 1 });
assignmentSchema.index({ status: 1, createdAt: 1 });

export type AssignmentDocument = InferRawDocTypeFromSchema<typeof assignmentSchema>;

/**
 * The document storing `record`.
 * @param candidates agents who may take it while it is open, in routing order (ignored once it ended)
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
    candidates: isOpen(record.status) ? [...new Set(candidates)] : [],
    openConversationId: isOpen(record.status) ? record.conversationId : undefined,
    createdAt: record.createdAt,
    assignedAt: record.assignedAt,
    acceptedAt: record.acceptedAt,
    releasedAt: record.releasedAt,
    requeues: record.requeues,
    startedBy: record.startedBy,
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
    acceptedAt: doc.acceptedAt ?? null,
    releasedAt: doc.releasedAt ?? null,
    requeues: doc.requeues ?? 0,
    startedBy: doc.startedBy ?? null,
    position: status === 'QUEUED' ? position : null,
  };
}

/** The handoff model on `connection`. */
export function handoffModels(connection: Connection) {
  return { Assignment: modelOn(connection, 'Assignment', assignmentSchema, 'assignments') };
}

/**
 * Brings handoffs written by a server before the lifecycle (no `requeues` field) up to date, as
 * SQLite migration 9 does: an ASSIGNED one is a human already at work (nothing accepted
 * assignments then), so it becomes ACCEPTED at its assignment time and no acceptance timeout
 * requeues it; its starting key is read from its `handoff.start` audit event. Idempotent: run at
 * every start-up, it finds nothing once done.
 * @returns how many handoffs were upgraded
 */
export async function upgradeLegacyAssignments(connection: Connection): Promise<number> {
  const { Assignment } = handoffModels(connection);
  const AuditEvent = connection.collection('audit_log');
  const legacy = await Assignment.find({ requeues: { $exists: false } }, { _id: 1, status: 1, assignedAt: 1 }).lean();
  for (const doc of legacy) {
    const start = await AuditEvent.findOne<{ actor: { keyId: string | null } }>(
      { targetType: 'handoff', targetId: doc._id, action: 'handoff.start' },
      { sort: { sequence: 1 }, projection: { actor: 1 } },
    );
    const accepted = doc.status === 'ASSIGNED' ? { status: 'ACCEPTED', acceptedAt: doc.assignedAt } : {};
    await Assignment.updateOne({ _id: doc._id, requeues: { $exists: false } }, { $set: { requeues: 0, startedBy: start?.actor.keyId ?? null, ...accepted } });
  }
  return legacy.length;
}
