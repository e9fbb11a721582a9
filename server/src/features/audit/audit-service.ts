/**
 * Reading and proving the audit log: filtered pages for people, a chain verification that
 * recomputes every hash, and a JSON-lines export for tools. Writing happens in the feature
 * stores, inside each change's transaction.
 */
import { badInput } from '../../baton-error';
import { GENESIS_HASH, hashAuditEvent, type AuditEvent } from './audit-event';
import type { AuditFilter, AuditLogStore } from './audit-log-store';

/** The longest page `auditLog` returns. */
export const MAX_AUDIT_PAGE = 500;
const SCAN_BATCH = 1000;

export interface AuditPage {
  events: AuditEvent[];
  /** Opaque cursor of the last event; pass it as `after` for the next page. */
  endCursor: string | null;
  hasNextPage: boolean;
}

/** The outcome of walking the whole chain. */
export interface AuditVerification {
  valid: boolean;
  /** Events checked. */
  checked: number;
  /** Sequence number of the first event whose hash, link or number is wrong; null when valid. */
  firstBrokenSequence: number | null;
  /** What is wrong there, in a sentence; null when valid. */
  problem: string | null;
  /** Hash of the last event (the chain head an auditor can note down); null for an empty log. */
  headHash: string | null;
}

const toCursor = (sequence: number): string => Buffer.from(`audit:${sequence}`).toString('base64url');

function fromCursor(cursor: string): number {
  const match = /^audit:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1]) throw badInput('The after cursor is not one this API returned; pass pageInfo.endCursor from the previous page.', { field: 'after' });
  return Number(match[1]);
}

export class AuditService {
  constructor(private readonly store: AuditLogStore) {}

  /**
   * Events matching `filter`, oldest first.
   * @throws BAD_USER_INPUT for `first` outside 1..500 or a malformed cursor.
   */
  async list(filter: AuditFilter, first: number, after: string | null): Promise<AuditPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_AUDIT_PAGE) {
      throw badInput(`first must be between 1 and ${MAX_AUDIT_PAGE}; got ${first}. Page with after: pageInfo.endCursor.`, { field: 'first' });
    }
    const rows = await this.store.listEvents(filter, first + 1, after === null ? null : fromCursor(after));
    const events = rows.slice(0, first);
    const last = events.at(-1);
    return { events, endCursor: last ? toCursor(last.sequence) : null, hasNextPage: rows.length > first };
  }

  /**
   * Walks the chain from the first event: sequence numbers must run 1, 2, 3..., each `prevHash`
   * must be the previous event's hash, and each hash must equal sha256(prevHash + canonical event).
   */
  async verify(): Promise<AuditVerification> {
    let checked = 0;
    let previous: AuditEvent | null = null;
    for (let after = 0; ;) {
      const batch = await this.store.scanEvents(after, SCAN_BATCH);
      for (const event of batch) {
        const problem = this.problemWith(event, previous);
        if (problem) return { valid: false, checked, firstBrokenSequence: event.sequence, problem, headHash: null };
        checked += 1;
        previous = event;
      }
      if (batch.length < SCAN_BATCH) break;
      after = batch[batch.length - 1]?.sequence ?? after;
    }
    return { valid: true, checked, firstBrokenSequence: null, problem: null, headHash: previous?.hash ?? null };
  }

  /** Every event as one JSON object per line, oldest first, in batches (for `GET /audit-log.jsonl`). */
  async *exportJsonLines(): AsyncGenerator<string> {
    for (let after = 0; ;) {
      const batch = await this.store.scanEvents(after, SCAN_BATCH);
      for (const event of batch) yield `${JSON.stringify({ ...event, at: event.at.toISOString() })}\n`;
      if (batch.length < SCAN_BATCH) return;
      after = batch[batch.length - 1]?.sequence ?? after;
    }
  }

  private problemWith(event: AuditEvent, previous: AuditEvent | null): string | null {
    const expectedSequence = (previous?.sequence ?? 0) + 1;
    if (event.sequence !== expectedSequence) return `sequence ${expectedSequence} is missing (the next event is ${event.sequence}): an event was deleted.`;
    const expectedPrev = previous?.hash ?? GENESIS_HASH;
    if (event.prevHash !== expectedPrev) return `its prevHash does not match the hash of event ${expectedSequence - 1}: the chain was cut or rewritten.`;
    const { hash: _stored, ...unhashed } = event;
    if (hashAuditEvent(unhashed) !== event.hash) return 'its content does not match its hash: the event was edited after it was written.';
    return null;
  }
}
