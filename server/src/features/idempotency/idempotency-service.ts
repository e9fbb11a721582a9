/**
 * Safe retries of `decideHandoff` and `startHandoff`. A request with an `Idempotency-Key` first
 * claims the key for its API key (one unit of work: read, `planClaim`, write a PENDING record);
 * it then runs, and its answer is stored (`complete`) — or, when it failed, the claim is dropped
 * (`release`) so a retry runs again: a refused request changed nothing, so running it again is
 * safe. A retry with the same key and request gets the stored answer without running anything.
 * Two requests racing on one key: the unit of work lets one claim it; the other gets CONFLICT
 * (`IDEMPOTENCY_KEY_IN_PROGRESS`) and retries a moment later.
 */
import { DuplicateKeyError } from '../../store/unit-of-work';
import { planClaim } from './idempotency-rules';
import type { IdempotencyRecord, IdempotencyStore, IdempotentOperation } from './idempotency-store';

export interface IdempotencyServiceDeps {
  store: IdempotencyStore;
  /** How long a key is remembered, seconds (`BATON_IDEMPOTENCY_TTL_SECONDS`, default 86,400). */
  ttlSeconds: number;
  clock?: () => Date;
}

/** What claiming a key gave: the stored answer to send again, or the right to run (identified by the claim's time). */
export type Claim = { kind: 'replay'; response: string } | { kind: 'claimed'; apiKeyId: string; key: string; claimedAt: Date };

/** Expired records are deleted at most this often (ms); reads ignore them anyway. */
const CLEANUP_EVERY_MS = 60_000;

export class IdempotencyService {
  private readonly clock: () => Date;
  private lastCleanup = 0;

  constructor(private readonly deps: IdempotencyServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /**
   * Claims `key` of `apiKeyId` for a request, or finds its stored answer.
   * @throws IDEMPOTENCY_KEY_REUSED, CONFLICT (see `planClaim`)
   */
  async claim(apiKeyId: string, key: string, operation: IdempotentOperation, requestHash: string): Promise<Claim> {
    try {
      return await this.claimOnce(apiKeyId, key, operation, requestHash);
    } catch (error) {
      // Another request inserted the key between our read and our write: plan again on what it wrote.
      if (error instanceof DuplicateKeyError) return this.claimOnce(apiKeyId, key, operation, requestHash);
      throw error;
    }
  }

  /** Stores the answer of a claimed request; a claim taken over meanwhile (after its lease) is left alone. */
  complete(claim: Extract<Claim, { kind: 'claimed' }>, response: string): Promise<void> {
    return this.deps.store.transaction(async (keys) => {
      const current = await keys.find(claim.apiKeyId, claim.key);
      if (!this.isClaim(current, claim)) return;
      await keys.replace({ ...current, status: 'COMPLETED', response });
    });
  }

  /** Drops the claim of a request that failed, so a retry runs it again. */
  release(claim: Extract<Claim, { kind: 'claimed' }>): Promise<void> {
    return this.deps.store.transaction(async (keys) => {
      const current = await keys.find(claim.apiKeyId, claim.key);
      if (this.isClaim(current, claim)) await keys.remove(claim.apiKeyId, claim.key);
    });
  }

  private isClaim(current: IdempotencyRecord | null, claim: Extract<Claim, { kind: 'claimed' }>): current is IdempotencyRecord {
    return current !== null && current.status === 'PENDING' && current.createdAt.getTime() === claim.claimedAt.getTime();
  }

  private claimOnce(apiKeyId: string, key: string, operation: IdempotentOperation, requestHash: string): Promise<Claim> {
    const now = this.clock();
    const cleanup = now.getTime() - this.lastCleanup >= CLEANUP_EVERY_MS;
    if (cleanup) this.lastCleanup = now.getTime();
    return this.deps.store.transaction(async (keys) => {
      if (cleanup) await keys.removeExpired(now);
      const existing = await keys.find(apiKeyId, key);
      const plan = planClaim(existing, operation, requestHash, now);
      if (plan.kind === 'replay') return plan;
      const record: IdempotencyRecord = {
        apiKeyId,
        key,
        operation,
        requestHash,
        status: 'PENDING',
        response: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.deps.ttlSeconds * 1000),
      };
      await (plan.replaces ? keys.replace(record) : keys.insert(record));
      return { kind: 'claimed', apiKeyId, key, claimedAt: now };
    });
  }
}
