/**
 * The API keys feature's repository and reads in memory, for unit tests of its services: the
 * same unique id and conditional revocation as `sqlite-api-key-repositories.ts`, over a map.
 */
import { byCodeUnit, insertUnique, type QueueMemoryWrite } from '../../store/memory/memory-unit-of-work';
import { StaleWriteError } from '../../store/unit-of-work';
import type { ApiKeyAccess, ApiKeyRepository } from './api-key-repositories';
import type { ApiKeyRecord } from './api-key-store';
import { ROLES } from './roles';

/** The keys, by id. */
export type ApiKeyTables = { apiKeys: Map<string, ApiKeyRecord> };

/** Empty tables. */
export function emptyApiKeyTables(): ApiKeyTables {
  return { apiKeys: new Map() };
}

// structuredClone would turn the Buffers into plain Uint8Arrays.
const copy = (key: ApiKeyRecord): ApiKeyRecord => ({ ...key, salt: Buffer.from(key.salt), hash: Buffer.from(key.hash) });
const byId = (a: ApiKeyRecord, b: ApiKeyRecord) => byCodeUnit(a.id, b.id);

/** The repository of one unit of work: reads from `committed`, writes through `queue`. */
export function memoryApiKeyRepositories(committed: ApiKeyTables, queue: QueueMemoryWrite<ApiKeyTables>): { apiKeys: ApiKeyRepository } {
  return {
    apiKeys: {
      find: async (id) => {
        const key = committed.apiKeys.get(id);
        return key ? copy(key) : null;
      },
      listActive: async ({ role, source }) =>
        [...committed.apiKeys.values()]
          .filter((k) => k.revokedAt === null && (role === undefined || k.role === role) && (source === undefined || k.source === source))
          .sort(byId)
          .map(copy),
      insert: async (key) => queue((next) => insertUnique(next.apiKeys, key.id, copy(key), 'apiKey')),
      revoke: async (id, at) =>
        queue((next) => {
          const key = next.apiKeys.get(id);
          if (!key || key.revokedAt !== null) throw new StaleWriteError(`API key '${id}'`);
          next.apiKeys.set(id, { ...key, revokedAt: at });
        }),
    },
  };
}

/** The reads over `tables()`, the committed tables; the use stamp writes them directly, unaudited as in every adapter. */
export function memoryApiKeyAccess(tables: () => ApiKeyTables): ApiKeyAccess {
  const active = () => [...tables().apiKeys.values()].filter((k) => k.revokedAt === null);
  return {
    findKey: async (id) => {
      const key = tables().apiKeys.get(id);
      return key ? copy(key) : null;
    },
    listKeys: async () => [...tables().apiKeys.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || byId(a, b)).map(copy),
    countActiveKeys: async (role) => active().filter((k) => role === undefined || k.role === role).length,
    touchKey: async (id, at) => {
      const key = tables().apiKeys.get(id);
      if (key) tables().apiKeys.set(id, { ...key, lastUsedAt: at });
    },
    listRoles: async () => [...ROLES].sort(),
  };
}
