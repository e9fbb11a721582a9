/**
 * MongoDB collections of the audit log: `audit_log` (one document per event, never updated)
 * and `audit_head` (one document holding the last sequence number and hash). Every append
 * updates the head inside the change's transaction, so two concurrent writers conflict on it
 * and the driver retries the later one: the chain stays linear. The unique index on
 * `sequence` refuses a fork even if that guard were bypassed.
 */
import { Schema, type Connection } from 'mongoose';
import { modelOn } from '../../store/mongo/mongo-context';

const HEX64 = /^[0-9a-f]{64}$/;

export const auditEventSchema = new Schema(
  {
    sequence: { type: Number, required: true, min: 1, validate: Number.isInteger },
    at: { type: Date, required: true },
    actor: {
      keyId: { type: String, default: null },
      role: { type: String, required: true },
    },
    action: { type: String, required: true, match: /^[a-zA-Z]+(\.[a-zA-Z]+)+$/ },
    targetType: { type: String, required: true },
    targetId: { type: String, required: true },
    before: { type: Schema.Types.Mixed },
    after: { type: Schema.Types.Mixed },
    prevHash: { type: String, required: true, match: HEX64 },
    hash: { type: String, required: true, match: HEX64 },
  },
  { versionKey: false, minimize: false, strict: 'throw' },
);
// listEvents and scanEvents page by sequence; the filters narrow by action, target or actor.
auditEventSchema.index({ sequence: 1 }, { unique: true });
auditEventSchema.index({ action: 1, sequence: 1 });
auditEventSchema.index({ targetType: 1, targetId: 1, sequence: 1 });
auditEventSchema.index({ 'actor.keyId': 1, sequence: 1 });
auditEventSchema.index({ at: 1 });

/** `_id` is always `AUDIT_HEAD_ID`; sequence 0 and the genesis hash before the first event. */
export const auditHeadSchema = new Schema(
  {
    _id: { type: String, required: true },
    sequence: { type: Number, required: true, min: 0 },
    hash: { type: String, required: true, match: HEX64 },
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
