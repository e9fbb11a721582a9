/**
 * Idempotency records in memory, for unit tests of their service: the same unique key (API key
 * and `Idempotency-Key`), replacement and expiry as `sqlite-idempotency-repositories.ts`, over a map.
 */
import { insertUnique, type QueueMemoryWrite } from '../../store/memory/memory-unit-of-work';
import type { IdempotencyRecord, IdempotencyTransaction } from './idempotency-store';

/** The records, by `recordKey(apiKeyId, key)`. */
export type IdempotencyTables = { idempotencyKeys: Map<string, IdempotencyRecord> };

/** Empty tables. */
export function emptyIdempotencyTables(): IdempotencyTables {
  return { idempotencyKeys: new Map() };
}

// JSON keeps the pair apart whatever characters either holds.
const recordKey = (apiKeyId: string, key: string) => JSON.stringify([apiKeyId, key]);
const copy = (record: IdempotencyRecord): IdempotencyRecord => structuredClone(record);

/** The repository of one unit of work: reads from `committed`, writes through `queue`. */
export function memoryIdempotencyRepositories(committed: IdempotencyTables, queue: QueueMemoryWrite<IdempotencyTables>): IdempotencyTransaction {
  return {
    idempotencyKeys: {
      find: async (apiKeyId, key) => {
        const record = committed.idempotencyKeys.get(recordKey(apiKeyId, key));
        return record ? copy(record) : null;
      },
      insert: async (record) =>
        queue((next) => insertUnique(next.idempotencyKeys, recordKey(record.apiKeyId, record.key), copy(record), 'Idempotency key', 'key')),
      replace: async (record) => queue((next) => void next.idempotencyKeys.set(recordKey(record.apiKeyId, record.key), copy(record))),
      remove: async (apiKeyId, key) => queue((next) => void next.idempotencyKeys.delete(recordKey(apiKeyId, key))),
      removeExpired: async (now) =>
        queue((next) => {
          for (const [id, record] of next.idempotencyKeys) if (record.expiresAt.getTime() <= now.getTime()) next.idempotencyKeys.delete(id);
        }),
    },
  };
}
