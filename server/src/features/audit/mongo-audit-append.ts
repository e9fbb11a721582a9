/**
 * Internal: appends audit events in MongoDB. Feature stores call it inside their own
 * transaction (`MongoContext.transaction`), so the change and its event commit or abort
 * together. See `mongo-audit-models.ts` for why the chain stays linear.
 */
import type { ClientSession, Connection } from 'mongoose';
import { MAJORITY } from '../../store/mongo/mongo-context';
import { GENESIS_HASH, chainedAuditEvent, type AuditEvent, type AuditEventInput } from './audit-event';
import { AUDIT_HEAD_ID, auditModels, toAuditEventDocument } from './mongo-audit-models';

/**
 * Makes the head document point at the last stored event (sequence 0 and the genesis hash for
 * an empty log): creates it when missing and moves it forward when events were copied in
 * without appending (the migration). Run at start-up, before any append; idempotent, and safe
 * for several servers starting at once.
 */
export async function ensureAuditHead(connection: Connection): Promise<void> {
  const { AuditEvent, AuditHead } = auditModels(connection);
  const last = await AuditEvent.findOne({}, { sequence: 1, hash: 1 }).sort({ sequence: -1 }).lean();
  const head = { sequence: last?.sequence ?? 0, hash: last?.hash ?? GENESIS_HASH };
  await AuditHead.updateOne({ _id: AUDIT_HEAD_ID }, { $setOnInsert: head }, { upsert: true, writeConcern: MAJORITY });
  await AuditHead.updateOne({ _id: AUDIT_HEAD_ID, sequence: { $lt: head.sequence } }, { $set: head }, { writeConcern: MAJORITY });
}

/**
 * Appends one event after the current head, in `session`'s transaction. `before` and `after`
 * are stored (and hashed) as JSON, as they will be read back.
 * @throws when called outside a transaction; when the head document is missing (`ensureAuditHead`
 *   did not run); or when the head moved under this transaction (the driver's write conflict,
 *   retried by `MongoContext.transaction`).
 */
export async function appendMongoAuditEvent(connection: Connection, session: ClientSession, input: AuditEventInput): Promise<AuditEvent> {
  if (!session.inTransaction()) throw new Error('Audit events are appended inside the transaction of the change they record.');
  const { AuditEvent, AuditHead } = auditModels(connection);
  // Never created here: two first appends would both insert it, and the loser's duplicate key
  // is not an error the driver retries.
  const previous = await AuditHead.findById(AUDIT_HEAD_ID, null, { session }).lean();
  if (!previous) throw new Error('The audit log has no head document: call ensureAuditHead(connection) at start-up, before any change.');
  const event = chainedAuditEvent(input, previous);
  const moved = await AuditHead.updateOne(
    { _id: AUDIT_HEAD_ID, sequence: previous.sequence },
    { $set: { sequence: event.sequence, hash: event.hash } },
    { session },
  );
  if (moved.matchedCount === 0) throw new Error('The audit log head moved during the transaction; retry.');
  await AuditEvent.create([toAuditEventDocument(event)], { session });
  return event;
}
