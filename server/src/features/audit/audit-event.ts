/**
 * The audit log's event model: every mutation appends one event in the same transaction as
 * its change (after Unleash's events with data/preData). Events form a
 * sha256 hash chain, so an edited or deleted row breaks every hash after it.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@baton/rules';

/** Who made a change: an API key and its role, or the system (seed, migrations). */
export interface Actor {
  /** API key id; null for system writes. */
  keyId: string | null;
  /** Role of the key, or `system`. */
  role: string;
}

/** The system as an actor (seed loader, start-up). */
export const SYSTEM_ACTOR: Actor = { keyId: null, role: 'system' };

/** What a changing store method records. */
export interface AuditEventInput {
  actor: Actor;
  /** Dotted verb, e.g. `policy.publish`, `directory.queue.upsert`, `apiKey.revoke`. */
  action: string;
  /** Kind of thing changed, e.g. `policy`, `queue`, `agent`, `apiKey`, `changeRequest`. */
  targetType: string;
  targetId: string;
  /** Short before/after of what changed (no secrets, no full graphs: hashes and the fields that moved). */
  before?: unknown;
  after?: unknown;
  at: Date;
}

/** A stored event. `hash = sha256(prevHash + canonicalJson(event without hash))`. */
export interface AuditEvent extends AuditEventInput {
  /** 1, 2, 3... with no gaps. */
  sequence: number;
  /** Hash of the previous event; 64 zeros for the first. */
  prevHash: string;
  hash: string;
}

/** `prevHash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The canonical content an event's hash covers. */
function hashedContent(event: Omit<AuditEvent, 'hash'>): string {
  return canonicalJson({
    sequence: event.sequence,
    at: event.at.toISOString(),
    actor: { keyId: event.actor.keyId, role: event.actor.role },
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    before: event.before ?? null,
    after: event.after ?? null,
    prevHash: event.prevHash,
  });
}

/** sha256 hex over the previous hash and the canonical event. */
export function hashAuditEvent(event: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256').update(event.prevHash).update(hashedContent(event)).digest('hex');
}
