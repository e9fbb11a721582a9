/**
 * MongoDB collection of API keys: `api_keys`, one document per key (`_id` is the key id, its
 * first 12 characters). Salt and hash are binary, as in SQLite; the key itself is never stored.
 */
import { Schema, type Connection, type InferRawDocTypeFromSchema, type mongo } from 'mongoose';
import { modelOn } from '../../store/mongo/mongo-context';
import { API_KEY_ID_LENGTH } from './api-key';
import type { ApiKeyRecord, ApiKeySource } from './api-key-store';
import { ROLES, type Role } from './roles';

/** Where keys come from (`ApiKeySource`). */
const SOURCES: readonly ApiKeySource[] = ['env', 'generated'];

const nonEmpty = (value: Buffer): boolean => value.length > 0;

export const apiKeySchema = new Schema(
  {
    _id: { type: String, required: true, minlength: 1, maxlength: API_KEY_ID_LENGTH },
    role: { type: String, required: true, enum: ROLES },
    salt: { type: Buffer, required: true, validate: nonEmpty },
    hash: { type: Buffer, required: true, validate: nonEmpty },
    label: { type: String, required: true },
    source: { type: String, required: true, enum: SOURCES },
    createdAt: { type: Date, required: true },
    // Absent or null: created by the system.
    createdBy: { type: String },
    lastUsedAt: { type: Date },
    revokedAt: { type: Date },
  },
  { versionKey: false, strict: 'throw' },
);
// listKeys: oldest first, ties by id.
apiKeySchema.index({ createdAt: 1, _id: 1 });
// countActiveKeys (revokedAt null, of one role or all) and revokeKeys (active keys of a source).
apiKeySchema.index({ revokedAt: 1, role: 1 });
apiKeySchema.index({ revokedAt: 1, source: 1 });

/** An `api_keys` document as written. */
export type ApiKeyDocument = InferRawDocTypeFromSchema<typeof apiKeySchema>;

/** A document read back with `.lean()`: the driver returns binary fields as BSON `Binary`. */
export type StoredApiKeyDocument = Omit<ApiKeyDocument, 'salt' | 'hash'> & { salt: Buffer | mongo.Binary; hash: Buffer | mongo.Binary };

const toBuffer = (value: Buffer | mongo.Binary): Buffer => (Buffer.isBuffer(value) ? value : Buffer.from(value.value()));

/** The document storing `key`. */
export function toApiKeyDocument(key: ApiKeyRecord): ApiKeyDocument {
  return {
    _id: key.id,
    role: key.role,
    salt: key.salt,
    hash: key.hash,
    label: key.label,
    source: key.source,
    createdAt: key.createdAt,
    createdBy: key.createdBy,
    lastUsedAt: key.lastUsedAt,
    revokedAt: key.revokedAt,
  };
}

/** The key record a document holds. */
export function fromApiKeyDocument(doc: StoredApiKeyDocument): ApiKeyRecord {
  return {
    id: doc._id,
    role: doc.role as Role,
    salt: toBuffer(doc.salt),
    hash: toBuffer(doc.hash),
    label: doc.label,
    source: doc.source as ApiKeySource,
    createdAt: doc.createdAt,
    createdBy: doc.createdBy ?? null,
    lastUsedAt: doc.lastUsedAt ?? null,
    revokedAt: doc.revokedAt ?? null,
  };
}

/** The API key model on `connection`. */
export function apiKeyModels(connection: Connection) {
  return { ApiKey: modelOn(connection, 'ApiKey', apiKeySchema, 'api_keys') };
}
