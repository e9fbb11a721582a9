/**
 * The API key store, written once for every adapter: creating and revoking keys are units of
 * work that read through the repository, decide with `api-key-transitions.ts` and write the
 * record with its audit event. Adapters supply only the repository and `ApiKeyAccess`.
 */
import { DuplicateKeyError, conflictAs, type Transaction, type UnitOfWork } from '../../store/unit-of-work';
import type { ApiKeyAccess } from './api-key-repositories';
import type { ApiKeyStore } from './api-key-store';
import { createdKey, keyIdTaken, revokedKey, revokedKeys } from './api-key-transitions';

/** The part of a unit of work the API keys feature reads and writes. */
export type ApiKeyTransaction = Pick<Transaction, 'apiKeys' | 'audit'>;

/** Builds the store over `uow`; reads and the use stamp go straight to `access`. */
export function createApiKeyStore(uow: UnitOfWork<ApiKeyTransaction>, access: ApiKeyAccess): ApiKeyStore {
  return {
    findKey: (id) => access.findKey(id),
    listKeys: () => access.listKeys(),
    countActiveKeys: (role) => access.countActiveKeys(role),
    touchKey: (id, at) => access.touchKey(id, at),
    listRoles: () => access.listRoles(),

    insertKey: (key, actor) =>
      uow
        .transaction(async (tx) => {
          const { event } = createdKey(await tx.apiKeys.find(key.id), key, actor);
          await tx.apiKeys.insert(key);
          await tx.audit.append(event);
        })
        // A concurrent insert of the same id that committed first.
        .catch(conflictAs(DuplicateKeyError, async () => keyIdTaken(key.id), 'id')),

    revokeKeys: (source, exceptId, at, actor) =>
      uow.transaction(async (tx) => {
        const keys = (await tx.apiKeys.listActive({ source })).filter((key) => key.id !== exceptId);
        for (const key of keys) await tx.apiKeys.revoke(key.id, at);
        await tx.audit.append(...revokedKeys(keys, at, actor));
        return keys.length;
      }),

    revokeKey: (id, at, actor) =>
      uow.transaction(async (tx) => {
        const admins = (await tx.apiKeys.listActive({ role: 'admin' })).length;
        const { record, event } = revokedKey(id, await tx.apiKeys.find(id), admins, at, actor);
        await tx.apiKeys.revoke(id, at);
        await tx.audit.append(event);
        return record;
      }),
  };
}
