/**
 * The API keys feature over MongoDB: the repository a unit of work writes through
 * (`store/mongo/mongo-unit-of-work.ts`) and the reads. No rule here: `api-key-transitions.ts`
 * decides. The last-admin check holds under concurrency because every audited transaction also
 * moves the audit head: two revocations racing for the last two admin keys conflict there, and
 * the retried one counts again and refuses.
 */
import type { ClientSession } from 'mongoose';
import { insertOrDuplicate } from '../../store/mongo/insert-or-duplicate';
import type { MongoContext } from '../../store/mongo/mongo-context';
import { StaleWriteError } from '../../store/unit-of-work';
import type { ApiKeyAccess, ApiKeyRepository } from './api-key-repositories';
import { apiKeyModels, fromApiKeyDocument, toApiKeyDocument } from './mongo-api-key-models';
import { ROLES } from './roles';

/** The repository of one unit of work, bound to its session. */
export function mongoApiKeyRepositories(ctx: MongoContext): (session: ClientSession) => { apiKeys: ApiKeyRepository } {
  const { ApiKey } = apiKeyModels(ctx.connection);
  return (session) => ({
    apiKeys: {
      find: async (id) => {
        const doc = await ApiKey.findById(id, null, { session }).lean();
        return doc ? fromApiKeyDocument(doc) : null;
      },
      listActive: async ({ role, source }) =>
        (
          await ApiKey.find({ revokedAt: null, ...(role === undefined ? {} : { role }), ...(source === undefined ? {} : { source }) }, null, { session })
            .sort({ _id: 1 })
            .lean()
        ).map(fromApiKeyDocument),
      insert: (key) => insertOrDuplicate('apiKey', { _id: 'id' }, () => ApiKey.create([toApiKeyDocument(key)], { session })),
      revoke: async (id, at) => {
        const result = await ApiKey.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: at } }, { session });
        if (result.matchedCount === 0) throw new StaleWriteError(`API key '${id}'`);
      },
    },
  });
}

/** The API keys feature's reads and use stamp. */
export function createMongoApiKeyAccess(ctx: MongoContext): ApiKeyAccess {
  const { ApiKey } = apiKeyModels(ctx.connection);
  return {
    findKey: async (id) => {
      const doc = await ApiKey.findById(id).lean();
      return doc ? fromApiKeyDocument(doc) : null;
    },
    listKeys: async () => (await ApiKey.find().sort({ createdAt: 1, _id: 1 }).lean()).map(fromApiKeyDocument),
    countActiveKeys: async (role) => ApiKey.countDocuments({ revokedAt: null, ...(role === undefined ? {} : { role }) }),
    // Not audited and not a governance write: using a key changes nothing.
    touchKey: async (id, at) => {
      await ApiKey.updateOne({ _id: id }, { $set: { lastUsedAt: at } });
    },
    // Roles are the code's fixed list (`ROLES`); SQLite keeps them as rows only for its foreign key.
    listRoles: async () => [...ROLES].sort(),
  };
}
