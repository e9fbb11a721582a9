/**
 * MongoDB collections of the audit log: `audit_log` (one document per event, insert-only) and
 * `audit_head` (one document holding the last sequence number and hash). Every append updates
 * the head inside the change's transaction, so two concurrent writers conflict on it and the
 * driver retries the later one: the chain stays linear. The unique index on `sequence` refuses
 * a fork even if that guard were bypassed. Also the pure mappers between events and documents
 * (the migration copies events with them, hashes unchanged).
 */
import { Schema, type Connection } from 'mongoose';
import { modelOn } from '../../store/mongo/mongo-context';
import { SHA256_HEX, refuseChanges, wholeNumber } from '../../store/mongo/schema-fields';
import type { AuditEvent } from './audit-event';

/** An `audit_log` document: the event with `before` / `after` null when the event has none. */
export type StoredAuditEvent = Omit<AuditEvent, 'before' | 'after'> & { before: unknown; after: unknown };

/** The `audit_head` document: where the next append links to. */
export interface StoredAuditHead {
  _id: string;
  /** 0 and the genesis hash before the first event. */
  sequence: number;
  hash: string;
}

export const auditEventSchema = new Schema<StoredAuditEvent>(
  {
    sequence: { type: Number, required: true, min: 1, validate: wholeNumber },
    at: { type: Date, required: true },
    actor: {
      keyId: { type: String, default: null },
      role: { type: String, required: true },
    },
    action: { type: String, required: true, match: /^[a-zA-Z]+(\.[a-zA-Z]+)+$/ },
    targetType: { type: String, required: true },
    targetId: { type: String, required: true },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
    prevHash: { type: String, required: true, match: SHA256_HEX },
    hash: { type: String, required: true, match: SHA256_HEX },
  },
  { versionKey: false, minimize: false, strict: 'throw' },
);
// scanEvents (verification, export) and every listEvents page walk sequence order; unique, so
// two events can never take one place in the chain.
auditEventSchema.index({ sequence: 1 }, { unique: true });
// listEvents filtered by action (exact, or a prefix such as `policy.`).
auditEventSchema.index({ action: 1, sequence: 1 });
// listEvents filtered by target (an auditor's "history of policy p").
auditEventSchema.index({ targetType: 1, targetId: 1, sequence: 1 });
// listEvents filtered by actor ("what did this key change").
auditEventSchema.index({ 'actor.keyId': 1, sequence: 1 });
// listEvents filtered by time (from / to).
auditEventSchema.index({ at: 1 });
// Append-only, like the SQLite table's triggers: the hash chain proves nothing was edited.
refuseChanges(auditEventSchema, 'The audit log is append-only: events are never updated or deleted.');

/** `_id` is always `AUDIT_HEAD_ID`. */
export const auditHeadSchema = new Schema<StoredAuditHead>(
  {
    _id: { type: String, required: true },
    sequence: { type: Number, required: true, min: 0, validate: wholeNumber },
    hash: { type: String, required: true, match: SHA256_HEX },
  },
  { versionKey: false, strict: 'throw' },
);

export const AUDIT_HEAD_ID = 'audit';

/** The audit models on `connection`. */
export function auditModels(connection: Connection) {
  return {
    AuditEvent: modelOn(connection, 'AuditEvent', auditEventSchema, 'audit_log'),
    AuditHead: modelOn(connection, 'AuditHead', auditHeadSchema, 'audit_head'),
  };
}

/** The `audit_log` document of a stored event (its hash is kept, not recomputed). */
export function toAuditEventDocument(event: AuditEvent): StoredAuditEvent {
  return {
    sequence: event.sequence,
    at: event.at,
    actor: { keyId: event.actor.keyId, role: event.actor.role },
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    before: event.before ?? null,
    after: event.after ?? null,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

/** The event of an `audit_log` document read with `.lean()`; no `before` / `after` key when null, as the SQLite store returns them. */
export function fromAuditEventDocument(doc: StoredAuditEvent): AuditEvent {
  return {
    sequence: doc.sequence,
    at: doc.at,
    actor: { keyId: doc.actor.keyId, role: doc.actor.role },
    action: doc.action,
    targetType: doc.targetType,
    targetId: doc.targetId,
    ...(doc.before === null || doc.before === undefined ? {} : { before: doc.before }),
    ...(doc.after === null || doc.after === undefined ? {} : { after: doc.after }),
    prevHash: doc.prevHash,
    hash: doc.hash,
  };
}
