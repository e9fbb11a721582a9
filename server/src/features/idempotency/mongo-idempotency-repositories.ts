/**
 * Idempotency records over MongoDB: collection `idempotency_keys`, one document per API key and
 * key (`_id` is `<api key id>:<key>`), with a TTL index on `expiresAt` so MongoDB deletes
 * expired keys itself (within about a minute; reads ignore expired ones before that). The
 * repository a unit of work writes through (`store/mongo/mongo-unit-of-work.ts`). No rule here.
 */
import { Schema, type ClientSession, type Connection, type InferRawDocTypeFromSchema } from 'mongoose';
import { insertOrDuplicate } from '../../store/mongo/insert-or-duplicate';
import { modelOn, type MongoContext } from '../../store/mongo/mongo-context';
import { IDEMPOTENT_OPERATIONS, type IdempotencyRecord, type IdempotencyRepository } from './idempotency-store';

const idempotencySchema = new Schema(
  {
    _id: { type: String, required: true },
    apiKeyId: { type: String, required: true },
    key: { type: String, required: true },
    operation: { type: String, required: true, enum: IDEMPOTENT_OPERATIONS },
    requestHash: { type: String, required: true },
    status: { type: String, required: true, enum: ['PENDING', 'COMPLETED'] },
    response: { type: String, default: null },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false, strict: 'throw' },
);
idempotencySchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

type IdempotencyDocument = InferRawDocTypeFromSchema<typeof idempotencySchema>;

/** The `idempotency_keys` model on `connection`. */
export function idempotencyModel(connection: Connection) {
  return modelOn(connection, 'IdempotencyKey', idempotencySchema, 'idempotency_keys');
}

const idOf = (apiKeyId: string, key: string) => `${apiKeyId}:${key}`;

const toDocument = (r: IdempotencyRecord): IdempotencyDocument => ({ _id: idOf(r.apiKeyId, r.key), ...r });

const fromDocument = (d: IdempotencyDocument): IdempotencyRecord => ({
  apiKeyId: d.apiKeyId,
  key: d.key,
  operation: d.operation as IdempotencyRecord['operation'],
  requestHash: d.requestHash,
  status: d.status as IdempotencyRecord['status'],
  response: d.response ?? null,
  createdAt: d.createdAt,
  expiresAt: d.expiresAt,
});

/** The repository of one unit of work, bound to its session. */
export function mongoIdempotencyRepositories(ctx: MongoContext): (session: ClientSession) => { idempotencyKeys: IdempotencyRepository } {
  const Key = idempotencyModel(ctx.connection);
  return (session) => ({
    idempotencyKeys: {
      find: async (apiKeyId, key) => {
        const doc = await Key.findById(idOf(apiKeyId, key), null, { session }).lean<IdempotencyDocument>();
        return doc ? fromDocument(doc) : null;
      },
      insert: (record) => insertOrDuplicate('Idempotency key', { _id: 'key' }, () => Key.create([toDocument(record)], { session })),
      replace: async (record) => {
        const doc = toDocument(record);
        await Key.replaceOne({ _id: doc._id }, doc, { session, upsert: true, runValidators: true });
      },
      remove: async (apiKeyId, key) => {
        await Key.deleteOne({ _id: idOf(apiKeyId, key) }, { session });
      },
      removeExpired: async (now) => {
        await Key.deleteMany({ expiresAt: { $lte: now } }, { session });
      },
    },
  });
}
