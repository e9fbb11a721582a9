/**
 * Idempotency records over better-sqlite3 (table `idempotency_keys`, migration 12): the
 * repository a unit of work writes through (`store/sqlite/sqlite-unit-of-work.ts`). No rule here.
 */
import type Database from 'better-sqlite3';
import { insertOrDuplicate, type QueueWrite } from '../../store/sqlite/sqlite-unit-of-work';
import type { IdempotencyRecord, IdempotencyRepository, IdempotencyStatus, IdempotentOperation } from './idempotency-store';

interface KeyRow {
  api_key_id: string;
  key: string;
  operation: IdempotentOperation;
  request_hash: string;
  status: IdempotencyStatus;
  response: string | null;
  created_at: string;
  expires_at: string;
}

const toRecord = (row: KeyRow): IdempotencyRecord => ({
  apiKeyId: row.api_key_id,
  key: row.key,
  operation: row.operation,
  requestHash: row.request_hash,
  status: row.status,
  response: row.response,
  createdAt: new Date(row.created_at),
  expiresAt: new Date(row.expires_at),
});

const params = (r: IdempotencyRecord) => ({
  apiKeyId: r.apiKeyId,
  key: r.key,
  operation: r.operation,
  requestHash: r.requestHash,
  status: r.status,
  response: r.response,
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
});

const COLUMNS = '(api_key_id, key, operation, request_hash, status, response, created_at, expires_at)';
const VALUES = '(@apiKeyId, @key, @operation, @requestHash, @status, @response, @createdAt, @expiresAt)';

/** The repository of one unit of work; statements are prepared once. */
export function sqliteIdempotencyRepositories(db: Database.Database): (queue: QueueWrite) => { idempotencyKeys: IdempotencyRepository } {
  const find = db.prepare('SELECT * FROM idempotency_keys WHERE api_key_id = ? AND key = ?');
  const insert = db.prepare(`INSERT INTO idempotency_keys ${COLUMNS} VALUES ${VALUES}`);
  const replace = db.prepare(`INSERT OR REPLACE INTO idempotency_keys ${COLUMNS} VALUES ${VALUES}`);
  const remove = db.prepare('DELETE FROM idempotency_keys WHERE api_key_id = ? AND key = ?');
  const removeExpired = db.prepare('DELETE FROM idempotency_keys WHERE expires_at <= ?');
  return (queue) => ({
    idempotencyKeys: {
      find: async (apiKeyId, key) => {
        const row = find.get(apiKeyId, key) as KeyRow | undefined;
        return row ? toRecord(row) : null;
      },
      insert: async (record) => queue(() => insertOrDuplicate('Idempotency key', 'key', () => insert.run(params(record)))),
      replace: async (record) => queue(() => replace.run(params(record))),
      remove: async (apiKeyId, key) => queue(() => remove.run(apiKeyId, key)),
      removeExpired: async (now) => queue(() => removeExpired.run(now.toISOString())),
    },
  });
}
