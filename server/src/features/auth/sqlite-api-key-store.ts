/** `ApiKeyStore` over better-sqlite3. */
import type Database from 'better-sqlite3';
import { conflict } from '../../baton-error';
import type { ApiKeySource, ApiKeyStore } from './api-key-store';

interface KeyRow {
  id: string;
  role: string;
  salt: Buffer;
  hash: Buffer;
  label: string;
  source: ApiKeySource;
  created_at: string;
  revoked_at: string | null;
}

/** Creates the SQLite API key store on an open, migrated database. */
export function createSqliteApiKeyStore(db: Database.Database): ApiKeyStore {
  const find = db.prepare('SELECT * FROM api_keys WHERE id = ?');
  const insert = db.prepare(`INSERT INTO api_keys (id, role, salt, hash, label, source, created_at, revoked_at)
    VALUES (@id, @role, @salt, @hash, @label, @source, @createdAt, @revokedAt)`);
  const countActive = db.prepare('SELECT COUNT(*) AS n FROM api_keys WHERE revoked_at IS NULL');
  const revoke = db.prepare(
    'UPDATE api_keys SET revoked_at = @at WHERE source = @source AND revoked_at IS NULL AND id IS NOT @exceptId',
  );
  const roles = db.prepare('SELECT name FROM roles ORDER BY name');

  return {
    findKey: async (id) => {
      const row = find.get(id) as KeyRow | undefined;
      if (!row) return null;
      return {
        id: row.id,
        role: row.role,
        salt: row.salt,
        hash: row.hash,
        label: row.label,
        source: row.source,
        createdAt: new Date(row.created_at),
        revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
      };
    },
    insertKey: async (key) => {
      if (find.get(key.id)) throw conflict(`An API key with id '${key.id}' already exists.`, { keyId: key.id });
      insert.run({
        id: key.id,
        role: key.role,
        salt: key.salt,
        hash: key.hash,
        label: key.label,
        source: key.source,
        createdAt: key.createdAt.toISOString(),
        revokedAt: key.revokedAt?.toISOString() ?? null,
      });
    },
    countActiveKeys: async () => (countActive.get() as { n: number }).n,
    revokeKeys: async (source, exceptId, at) => revoke.run({ source, exceptId, at: at.toISOString() }).changes,
    listRoles: async () => (roles.all() as { name: string }[]).map((row) => row.name),
  };
}
