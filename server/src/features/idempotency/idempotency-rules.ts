/**
 * The rules of safe retries, pure: which `Idempotency-Key` values are accepted, how a request is
 * fingerprinted, and what a request finds when its key was used before — the first answer again
 * (same operation and request), a refusal (another request under the same key, or the first one
 * still running), or a fresh run (never used, expired, or a first run abandoned by a crashed
 * server).
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@baton/rules';
import { BatonErrorCode } from '@baton/schemas';
import { BatonError, badInput } from '../../baton-error';
import type { IdempotencyRecord, IdempotentOperation } from './idempotency-store';

/** Longest key accepted (Stripe's and the IETF draft's practice: a UUID fits many times over). */
export const MAX_KEY_LENGTH = 255;

/**
 * Seconds after which a PENDING record whose request never finished (its server died) may be
 * taken over by a retry. Far above any decideHandoff or startHandoff run (milliseconds).
 */
export const PENDING_LEASE_SECONDS = 60;

/** Seconds a client is told to wait before retrying a key whose first request is still running. */
export const IN_PROGRESS_RETRY_AFTER_SECONDS = 1;

/**
 * Checks an `Idempotency-Key` header value: 1..255 visible ASCII characters.
 * @throws BAD_USER_INPUT otherwise
 */
export function checkIdempotencyKey(key: string): void {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw badInput(
      `The Idempotency-Key header must be 1 to ${MAX_KEY_LENGTH} visible ASCII characters without spaces (got ${key.length} characters); a UUID per logical request works.`,
      { field: 'Idempotency-Key' },
    );
  }
}

/**
 * The fingerprint of a request: sha256 (hex) of the canonical JSON of its operation's printed
 * document, its name and its variables, so a retry that re-serialises the same variables in
 * another key order is still the same request.
 */
export function requestHash(request: { document: string; operationName: string | null; variables: Record<string, unknown> }): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

/** What a request with a used key gets. */
export type ClaimPlan = { kind: 'run'; replaces: boolean } | { kind: 'replay'; response: string };

/**
 * What a request (`operation`, `hash`) finds under its key at `now`, given the stored record.
 * @throws IDEMPOTENCY_KEY_REUSED when the key was used for another operation or request (422)
 * @throws CONFLICT (`reason: IDEMPOTENCY_KEY_IN_PROGRESS`, `retryAfterSeconds`) while the first
 *   request with this key still runs (409): retry after a moment to get its answer
 */
export function planClaim(existing: IdempotencyRecord | null, operation: IdempotentOperation, hash: string, now: Date): ClaimPlan {
  if (!existing || existing.expiresAt.getTime() <= now.getTime()) return { kind: 'run', replaces: existing !== null };
  if (existing.operation !== operation || existing.requestHash !== hash) {
    const what = existing.operation !== operation ? `${existing.operation}, not ${operation}` : `${operation} with a different request (document or variables)`;
    throw new BatonError(
      BatonErrorCode.IdempotencyKeyReused,
      `Idempotency-Key '${existing.key}' was first used at ${existing.createdAt.toISOString()} for ${what}; nothing was run. ` +
        'A retry must send the identical request; a new request needs a new key.',
      { idempotencyKey: existing.key, operation: existing.operation, firstUsedAt: existing.createdAt.toISOString() },
    );
  }
  if (existing.status === 'COMPLETED' && existing.response !== null) return { kind: 'replay', response: existing.response };
  if (now.getTime() - existing.createdAt.getTime() >= PENDING_LEASE_SECONDS * 1000) return { kind: 'run', replaces: true };
  throw new BatonError(
    BatonErrorCode.Conflict,
    `The first request with Idempotency-Key '${existing.key}' is still running; retry in ${IN_PROGRESS_RETRY_AFTER_SECONDS} s to get its answer. Nothing was run twice.`,
    { reason: 'IDEMPOTENCY_KEY_IN_PROGRESS', idempotencyKey: existing.key, retryAfterSeconds: IN_PROGRESS_RETRY_AFTER_SECONDS },
  );
}
