/**
 * The API keys feature's rules as pure functions: given what a transaction read, each returns
 * the audit events of the change or throws the client-facing error. The rule that matters: the
 * last active admin key cannot be revoked, or nobody could manage keys again.
 */
import { badInput, conflict, notFound } from '../../baton-error';
import type { Actor, AuditEventInput } from '../audit/audit-event';
import type { ApiKeyRecord } from './api-key-store';

/** CONFLICT `{ keyId }`: a key id another key has. */
export function keyIdTaken(id: string): Error {
  return conflict(`An API key with id '${id}' already exists.`, { keyId: id });
}

/** A new key. @throws CONFLICT when `existing` holds the id already */
export function createdKey(existing: ApiKeyRecord | null, key: ApiKeyRecord, actor: Actor): { event: AuditEventInput } {
  if (existing) throw keyIdTaken(key.id);
  return {
    event: {
      actor,
      action: 'apiKey.create',
      targetType: 'apiKey',
      targetId: key.id,
      after: { name: key.label, role: key.role, source: key.source },
      at: key.createdAt,
    },
  };
}

function revocation(key: ApiKeyRecord, at: Date, actor: Actor): AuditEventInput {
  return {
    actor,
    action: 'apiKey.revoke',
    targetType: 'apiKey',
    targetId: key.id,
    before: { role: key.role, revoked: false },
    after: { role: key.role, revoked: true },
    at,
  };
}

/**
 * One key revoked; `activeAdmins` is how many admin keys are active now.
 * @throws NOT_FOUND for an unknown key; BAD_USER_INPUT when it is revoked already or the last active admin key
 */
export function revokedKey(
  id: string,
  key: ApiKeyRecord | null,
  activeAdmins: number,
  at: Date,
  actor: Actor,
): { record: ApiKeyRecord; event: AuditEventInput } {
  if (!key) throw notFound(`API key '${id}' does not exist; list keys with the apiKeys query.`, { keyId: id });
  if (key.revokedAt) throw badInput(`API key '${id}' was already revoked at ${key.revokedAt.toISOString()}.`, { keyId: id });
  if (key.role === 'admin' && activeAdmins === 1) {
    throw badInput(`API key '${id}' is the last active admin key; create another admin key first, or nobody could manage keys.`, { keyId: id });
  }
  return { record: { ...key, revokedAt: at }, event: revocation(key, at, actor) };
}

/** Several active keys revoked at once (a rotated `BATON_ADMIN_KEY` retires the keys it replaced). */
export function revokedKeys(keys: readonly ApiKeyRecord[], at: Date, actor: Actor): AuditEventInput[] {
  return keys.map((key) => revocation(key, at, actor));
}
