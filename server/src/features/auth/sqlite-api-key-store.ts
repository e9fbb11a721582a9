/** `ApiKeyStore` over better-sqlite3. */
import type Database from 'better-sqlite3';
import { badInput, conflict, notFound } from '../../baton-error';
import type { Actor } from '../audit/audit-event';
import { createSqliteAuditAppender } from '../audit/sqlite-audit-append';
import type { ApiKeyRecord, ApiKeySource, ApiKeyStore } from './api-key-store';
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

/** Creates the SQLite API key store on an open, migrated database. */
export function createSqliteApiKeyStore(db: Database.Database): ApiKeyStore {
  const audit = createSqliteAuditAppender(db);
  const stmt = {
    find: db.prepare('SELECT * FROM api_keys WHERE id = ?'),
    list: db.prepare('SELECT * FROM api_keys ORDER BY created_at, id'),
    insert: db.prepare(`INSERT INTO api_keys (id, role, salt, hash, label, source, created_at, created_by, last_used_at, revoked_at)
      VALUES (@id, @role, @salt, @hash, @label, @source, @createdAt, @createdBy, NULL, @revokedAt)`),
    countActive: db.prepare('SELECT COUNT(*) AS n FROM api_keys WHERE revoked_at IS NULL AND (@role IS NULL OR role = @role)'),
    activeOfSource: db.prepare('SELECT id, role FROM api_keys WHERE source = @source AND revoked_at IS NULL AND id IS NOT @exceptId'),
    revoke: db.prepare('UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL'),
    touch: db.prepare('UPDATE api_keys SET last_used_at = @at WHERE id = @id'),
    roles: db.prepare('SELECT name FROM roles ORDER BY name'),
  };
  const find = (id: string): ApiKeyRecord | null => {
    const row = stmt.find.get(id) as KeyRow | undefined;
    return row ? toKey(row) : null;
  };
  const countActive = (role?: Role): number => (stmt.countActive.get({ role: role ?? null }) as { n: number }).n;
  const revokeAudited = (id: string, role: string, at: Date, actor: Actor): void => {
    stmt.revoke.run({ id, at: at.toISOString() });
    audit({ actor, action: 'apiKey.revoke', targetType: 'apiKey', targetId: id, before: { role, revoked: false }, after: { role, revoked: true }, at });
  };

  const insert = db.transaction((key: ApiKeyRecord, actor: Actor) => {
    if (stmt.find.get(key.id)) throw conflict(`An API key with id '${key.id}' already exists.`, { keyId: key.id });
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
    });
    audit({
      actor,
      action: 'apiKey.create',
      targetType: 'apiKey',
      targetId: key.id,
      after: { name: key.label, role: key.role, source: key.source },
      at: key.createdAt,
    });
  });

  const revokeMany = db.transaction((source: ApiKeySource, exceptId: string | null, at: Date, actor: Actor): number => {
    const rows = stmt.activeOfSource.all({ source, exceptId }) as { id: string; role: string }[];
    for (const row of rows) revokeAudited(row.id, row.role, at, actor);
    return rows.length;
  });

  const revokeOne = db.transaction((id: string, at: Date, actor: Actor): ApiKeyRecord => {
    const key = find(id);
    if (!key) throw notFound(`API key '${id}' does not exist; list keys with the apiKeys query.`, { keyId: id });
    if (key.revokedAt) throw badInput(`API key '${id}' was already revoked at ${key.revokedAt.toISOString()}.`, { keyId: id });
    if (key.role === 'admin' && countActive('admin') === 1) {
      throw badInput(`API key '${id}' is the last active admin key; create another admin key first, or nobody could manage keys.`, { keyId: id });
    }
    revokeAudited(id, key.role, at, actor);
    return find(id) as ApiKeyRecord;
  });

  return {
    findKey: async (id) => find(id),
    listKeys: async () => (stmt.list.all() as KeyRow[]).map(toKey),
    insertKey: async (key, actor) => insert(key, actor),
    countActiveKeys: async (role) => countActive(role),
    revokeKeys: async (source, exceptId, at, actor) => revokeMany(source, exceptId, at, actor),
    revokeKey: async (id, at, actor) => revokeOne(id, at, actor),
    touchKey: async (id, at) => void stmt.touch.run({ id, at: at.toISOString() }),
    listRoles: async () => (stmt.roles.all() as { name: string }[]).map((row) => row.name),
  };
}
