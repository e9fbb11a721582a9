/**
 * The API keys feature over better-sqlite3: rows to records, the repository a unit of work
 * writes through (`store/sqlite/sqlite-unit-of-work.ts`) and the reads. No rule here:
 * `api-key-transitions.ts` decides.
 */
import type Database from 'better-sqlite3';
import { insertOrDuplicate, type QueueWrite } from '../../store/sqlite/sqlite-unit-of-work';
import { StaleWriteError } from '../../store/unit-of-work';
import type { ApiKeyAccess, ApiKeyRepository } from './api-key-repositories';
import type { ApiKeyRecord, ApiKeySource } from './api-key-store';
import type { Role } from './roles';

/** An `api_keys` row. */
export interface KeyRow {
  id: string;
  role: Role;
  salt: Buffer;
  hash: Buffer;
  label: string;
  source: ApiKeySource;
  created_at: string;
  created_by: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

const dateOrNull = (text: string | null): Date | null => (text === null ? null : new Date(text));

/** Maps an `api_keys` row to the port record. */
export function toKey(row: KeyRow): ApiKeyRecord {
  return {
    id: row.id,
    role: row.role,
    salt: row.salt,
    hash: row.hash,
    label: row.label,
    source: row.source,
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
    lastUsedAt: dateOrNull(row.last_used_at),
    revokedAt: dateOrNull(row.revoked_at),
  };
}

function statements(db: Database.Database) {
  return {
    find: db.prepare('SELECT * FROM api_keys WHERE id = ?'),
    list: db.prepare('SELECT * FROM api_keys ORDER BY created_at, id'),
    active: db.prepare(
      'SELECT * FROM api_keys WHERE revoked_at IS NULL AND (@role IS NULL OR role = @role) AND (@source IS NULL OR source = @source) ORDER BY id',
    ),
    countActive: db.prepare('SELECT COUNT(*) AS n FROM api_keys WHERE revoked_at IS NULL AND (@role IS NULL OR role = @role)'),
    insert: db.prepare(`INSERT INTO api_keys (id, role, salt, hash, label, source, created_at, created_by, last_used_at, revoked_at)
      VALUES (@id, @role, @salt, @hash, @label, @source, @createdAt, @createdBy, NULL, @revokedAt)`),
    revoke: db.prepare('UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL'),
    touch: db.prepare('UPDATE api_keys SET last_used_at = @at WHERE id = @id'),
    roles: db.prepare('SELECT name FROM roles ORDER BY name'),
  };
}

function readKey(stmt: ReturnType<typeof statements>, id: string): ApiKeyRecord | null {
  const row = stmt.find.get(id) as KeyRow | undefined;
  return row ? toKey(row) : null;
}

/** The repository of one unit of work: reads run now, writes go to `queue`. */
export function sqliteApiKeyRepositories(db: Database.Database): (queue: QueueWrite) => { apiKeys: ApiKeyRepository } {
  const stmt = statements(db);
  return (queue) => ({
    apiKeys: {
      find: async (id) => readKey(stmt, id),
      listActive: async ({ role, source }) => (stmt.active.all({ role: role ?? null, source: source ?? null }) as KeyRow[]).map(toKey),
      insert: async (key) =>
        queue(() =>
          insertOrDuplicate('apiKey', 'id', () =>
            stmt.insert.run({
              id: key.id,
              role: key.role,
              salt: key.salt,
              hash: key.hash,
              label: key.label,
              source: key.source,
              createdAt: key.createdAt.toISOString(),
              createdBy: key.createdBy,
              revokedAt: key.revokedAt?.toISOString() ?? null,
            }),
          ),
        ),
      revoke: async (id, at) =>
        queue(() => {
          if (stmt.revoke.run({ id, at: at.toISOString() }).changes === 0) throw new StaleWriteError(`API key '${id}'`);
        }),
    },
  });
}

/** The API keys feature's reads and use stamp on `db`. */
export function createSqliteApiKeyAccess(db: Database.Database): ApiKeyAccess {
  const stmt = statements(db);
  return {
    findKey: async (id) => readKey(stmt, id),
    listKeys: async () => (stmt.list.all() as KeyRow[]).map(toKey),
    countActiveKeys: async (role) => (stmt.countActive.get({ role: role ?? null }) as { n: number }).n,
    touchKey: async (id, at) => void stmt.touch.run({ id, at: at.toISOString() }),
    listRoles: async () => (stmt.roles.all() as { name: string }[]).map((row) => row.name),
  };
}
