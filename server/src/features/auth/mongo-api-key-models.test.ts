/**
 * The API key MongoDB schema without a server: validation of documents the mapper builds from
 * real keys, the round trip through BSON (what the driver writes and reads back), and indexes.
 */
import mongoose, { mongo, type Connection } from 'mongoose';
import { apiKeyId, generateApiKey, hashApiKey } from './api-key';
import type { ApiKeyRecord } from './api-key-store';
import { apiKeyModels, apiKeySchema, fromApiKeyDocument, toApiKeyDocument, type StoredApiKeyDocument } from './mongo-api-key-models';
import { invalidPaths } from '../../test-support/invalid-paths';

let connection: Connection;
beforeEach(() => {
  // Never opened: models compile and validate without a server.
  connection = mongoose.createConnection();
});
afterEach(() => connection.close());

async function realKey(extra: Partial<ApiKeyRecord> = {}): Promise<ApiKeyRecord> {
  const key = generateApiKey();
  return {
    id: apiKeyId(key),
    role: 'bot',
    ...(await hashApiKey(key)),
    label: 'zendesk bot (prod)',
    source: 'generated',
    createdAt: new Date('2026-01-02T03:04:05.678Z'),
    createdBy: 'bk_admin0001',
    lastUsedAt: null,
    revokedAt: null,
    ...extra,
  };
}

/** What the driver reads back for a document it wrote. */
const throughBson = (doc: object): StoredApiKeyDocument => mongo.BSON.deserialize(mongo.BSON.serialize(doc)) as StoredApiKeyDocument;

const apiKey = (doc: object) => new (apiKeyModels(connection).ApiKey)(doc);

describe('api key documents', () => {
  it('accepts a real key and reads it back equal, binary salt and hash as Buffers', async () => {
    const active = await realKey();
    const revoked = await realKey({
      role: 'admin',
      source: 'env',
      createdBy: null,
      lastUsedAt: new Date('2026-02-01T00:00:00Z'),
      revokedAt: new Date('2026-03-01T00:00:00Z'),
    });
    for (const key of [active, revoked]) {
      const doc = toApiKeyDocument(key);
      expect(await invalidPaths(apiKey(doc))).toEqual([]);
      const read = fromApiKeyDocument(throughBson(doc));
      expect(read).toEqual(key);
      expect(Buffer.isBuffer(read.salt) && Buffer.isBuffer(read.hash)).toBe(true);
    }
  });

  it('reads an absent creator and times as null', async () => {
    const { createdBy: _c, lastUsedAt: _l, revokedAt: _r, ...rest } = toApiKeyDocument(await realKey());
    expect(await invalidPaths(apiKey(rest))).toEqual([]);
    expect(fromApiKeyDocument(throughBson(rest))).toMatchObject({ createdBy: null, lastUsedAt: null, revokedAt: null });
  });

  it.each([
    ['an unknown role', { role: 'root' }, ['role']],
    ['an unknown source', { source: 'imported' }, ['source']],
    ['an id longer than 12 characters', { _id: 'bk_0123456789' }, ['_id']],
    ['an empty salt', { salt: Buffer.alloc(0) }, ['salt']],
    ['a missing hash', { hash: undefined }, ['hash']],
    ['a missing label', { label: undefined }, ['label']],
    ['a missing creation time', { createdAt: undefined }, ['createdAt']],
  ])('rejects %s', async (_name, change, paths) => {
    expect(await invalidPaths(apiKey({ ...toApiKeyDocument(await realKey()), ...change }))).toEqual(paths);
  });
});

describe('api key indexes', () => {
  const has = (fields: object) => apiKeySchema.indexes().some(([declared]) => JSON.stringify(declared) === JSON.stringify(fields));
  it.each([
    ['listKeys (oldest first)', { createdAt: 1, _id: 1 }],
    ['countActiveKeys by role', { revokedAt: 1, role: 1 }],
    ['revokeKeys by source', { revokedAt: 1, source: 1 }],
  ])('serves %s', (_query, fields) => {
    expect(has(fields)).toBe(true);
  });
});
