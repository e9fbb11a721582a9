/**
 * Internal: appends audit events in MongoDB. Feature stores call it inside their own
 * transaction (`MongoContext.transaction`), so the change and its event commit or abort
 * together. See `mongo-audit-models.ts` for why the chain stays linear.
 */
import type { ClientSession, Connection } from 'mongoose';
import { GENESIS_HASH, hashAuditEvent, type AuditEvent, type AuditEventInput } from './audit-event';
import { AUDIT_HEAD_ID, auditModels } from './mongo-audit-models';

const toJson = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** Creates the head document when the log is empty; run once at start-up (idempotent). */
export async function ensureAuditHead(connection: Connection): Promise<void> {
  const { AuditHead } = auditModels(connection);
  await AuditHead.updateOne({ _id: AUDIT_HEAD_ID }, { $setOnInsert: { sequence: 0, hash: GENESIS_HASH } }, { upsert: true });
}

/**
 * Appends one event after the current head, in `session`'s transaction.
 * @throws when called outside a transaction, or when the head moved under this transaction
 *   (the driver's write conflict, retried by `MongoContext.transaction`).
 */
export async function appendMongoAuditEvent(connection: Connection, session: ClientSession, input: AuditEventInput): Promise<AuditEvent> {
  if (!session.inTransaction()) throw new Error('Audit events are appended inside the transaction of the change they record.');
  const { AuditEvent, AuditHead } = auditModels(connection);
  const head = await AuditHead.findById(AUDIT_HEAD_ID, null, { session }).lean();
  const previous = head ?? { sequence: 0, hash: GENESIS_HASH };
  // Hash what will be read back: a Date in before/after becomes a string in storage.
  const unhashed = {
    ...input,
    before: toJson(input.before),
    after: toJson(input.after),
    sequence: previous.sequence + 1,
    prevHash: previous.hash,
  };
  const event: AuditEvent = { ...unhashed, hash: hashAuditEvent(unhashed) };
  const moved = await AuditHead.updateOne(
    { _id: AUDIT_HEAD_ID, sequence: previous.sequence },
    { $set: { sequence: event.sequence, hash: event.hash } },
    { session, upsert: head === null },
  );
  if (moved.matchedCount === 0 && moved.upsertedCount === 0) throw new Error('The audit log head moved during the transaction; retry.');
  await AuditEvent.create([{ ...event, before: event.before ?? null, after: event.after ?? null }], { session });
  return event;
}
