/**
 * `ApiKeyStore` over MongoDB. Every change runs in a `MongoContext` transaction with its audit
 * event. The last-admin check of `revokeKey` is safe under concurrency because every audited
 * transaction also moves the audit head: two revocations racing for the last two admin keys
 * conflict there, and the retried one counts again and refuses.
 */
import type { ClientSession } from 'mongoose';
import { badInput, conflict, notFound } from '../../baton-error';
import { duplicateKeyAs } from '../../store/mongo/duplicate-key-as';
import type { MongoContext } from '../../store/mongo/mongo-context';
import type { Actor } from '../audit/audit-event';
import { appendMongoAuditEvent } from '../audit/mongo-audit-append';
import type { ApiKeyRecord, ApiKeyStore } from './api-key-store';
import { apiKeyModels, fromApiKeyDocument, toApiKeyDocument } from './mongo-api-key-models';
import { ROLES } from './roles';

/** Creates the MongoDB API key store. */
export function createMongoApiKeyStore(ctx: MongoContext): ApiKeyStore {
  const { ApiKey } = apiKeyModels(ctx.connection);
  const taken = (id: string) => conflict(`An API key with id '${id}' already exists.`, { keyId: id });

  const revokeAudited = async (session: ClientSession, id: string, role: string, at: Date, actor: Actor) => {
    await ApiKey.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: at } }, { session });
    await appendMongoAuditEvent(ctx.connection, session, {
      actor,
      action: 'apiKey.revoke',
      targetType: 'apiKey',
      targetId: id,
      before: { role, revoked: false },
      after: { role, revoked: true },
      at,
    });
  };

  return {
    findKey: async (id) => {
      const doc = await ApiKey.findById(id).lean();
      return doc ? fromApiKeyDocument(doc) : null;
    },
    listKeys: async () => (await ApiKey.find().sort({ createdAt: 1, _id: 1 }).lean()).map(fromApiKeyDocument),
    insertKey: async (key, actor) => {
      await ctx
        .transaction(async (session) => {
          if (await ApiKey.exists({ _id: key.id }).session(session)) throw taken(key.id);
          await ApiKey.create([toApiKeyDocument(key)], { session });
          await appendMongoAuditEvent(ctx.connection, session, {
            actor,
            action: 'apiKey.create',
            targetType: 'apiKey',
            targetId: key.id,
            after: { name: key.label, role: key.role, source: key.source },
            at: key.createdAt,
          });
        })
        // A concurrent insert of the same id that committed first.
        .catch(duplicateKeyAs('_id', () => taken(key.id)));
    },
    countActiveKeys: async (role) => ApiKey.countDocuments({ revokedAt: null, ...(role === undefined ? {} : { role }) }),
    revokeKeys: (source, exceptId, at, actor) =>
      ctx.transaction(async (session) => {
        const active = await ApiKey.find({ source, revokedAt: null, ...(exceptId === null ? {} : { _id: { $ne: exceptId } }) }, { role: 1 })
          .sort({ _id: 1 })
          .session(session)
          .lean();
        for (const { _id, role } of active) await revokeAudited(session, _id, role, at, actor);
        return active.length;
      }),
    revokeKey: (id, at, actor) =>
      ctx.transaction(async (session): Promise<ApiKeyRecord> => {
        const doc = await ApiKey.findById(id).session(session).lean();
        if (!doc) throw notFound(`API key '${id}' does not exist; list keys with the apiKeys query.`, { keyId: id });
        const key = fromApiKeyDocument(doc);
        if (key.revokedAt) throw badInput(`API key '${id}' was already revoked at ${key.revokedAt.toISOString()}.`, { keyId: id });
        if (key.role === 'admin' && (await ApiKey.countDocuments({ revokedAt: null, role: 'admin' }).session(session)) === 1) {
          throw badInput(`API key '${id}' is the last active admin key; create another admin key first, or nobody could manage keys.`, { keyId: id });
        }
        await revokeAudited(session, id, key.role, at, actor);
        return { ...key, revokedAt: at };
      }),
    // Not audited and not a governance write: using a key changes nothing.
    touchKey: async (id, at) => {
      await ApiKey.updateOne({ _id: id }, { $set: { lastUsedAt: at } });
    },
    // Roles are the code's fixed list (`ROLES`); SQLite keeps them as rows only for its foreign key.
    listRoles: async () => [...ROLES].sort(),
  };
}
