/**
 * What safe retries store: one record per API key and `Idempotency-Key`, holding which operation
 * it was first used for, a hash of that request, and — once answered — the answer itself, until
 * it expires. Written through the unit of work (`store/unit-of-work.ts`); every rule (what a
 * second use of a key gets) lives in `idempotency-rules.ts`.
 */
import type { Transaction, UnitOfWork } from '../../store/unit-of-work';

/** The operations a key makes safe to retry. */
export type IdempotentOperation = 'decideHandoff' | 'startHandoff';

export const IDEMPOTENT_OPERATIONS: readonly IdempotentOperation[] = ['decideHandoff', 'startHandoff'];

/** PENDING while the first request runs; COMPLETED once its answer is stored. */
export type IdempotencyStatus = 'PENDING' | 'COMPLETED';

export interface IdempotencyRecord {
  /** The API key the `Idempotency-Key` belongs to: keys of different API keys never meet. */
  apiKeyId: string;
  /** The client's `Idempotency-Key`. */
  key: string;
  operation: IdempotentOperation;
  /** sha256 (hex) of the request's canonical form (`requestHash`). */
  requestHash: string;
  status: IdempotencyStatus;
  /** The GraphQL response body (JSON text) of the first request; null while PENDING. */
  response: string | null;
  createdAt: Date;
  /** After this the key is forgotten: a request with it runs again (`BATON_IDEMPOTENCY_TTL_SECONDS` after `createdAt`). */
  expiresAt: Date;
}

/** Idempotency records, inside a transaction. */
export interface IdempotencyRepository {
  find(apiKeyId: string, key: string): Promise<IdempotencyRecord | null>;
  /** Inserts a new record. @throws DuplicateKeyError (`key`) when the API key already has this key. */
  insert(record: IdempotencyRecord): Promise<void>;
  /** Replaces the stored record of the same API key and key. */
  replace(record: IdempotencyRecord): Promise<void>;
  remove(apiKeyId: string, key: string): Promise<void>;
  /** Deletes records expired at `now` (MongoDB's TTL index does it too, within a minute). */
  removeExpired(now: Date): Promise<void>;
}

/** The feature's store: units of work over the idempotency records alone. */
export interface IdempotencyStore {
  /** Runs `work` in one unit of work (see `UnitOfWork.transaction`: it may run more than once). */
  transaction<T>(work: (keys: IdempotencyRepository) => Promise<T>): Promise<T>;
}

/** The part of a unit of work the idempotency feature reads and writes. */
export type IdempotencyTransaction = Pick<Transaction, 'idempotencyKeys'>;

/** The store over an adapter's unit of work. */
export function createIdempotencyStore(uow: UnitOfWork<IdempotencyTransaction>): IdempotencyStore {
  return { transaction: (work) => uow.transaction((tx) => work(tx.idempotencyKeys)) };
}
