/**
 * Internal: what the MongoDB schemas share, so every collection validates alike: field rules,
 * the stored form of free-form JSON, and insert-only models.
 */
import type { Schema } from 'mongoose';

/** A sha256 digest in lower-case hex (content hashes, audit hashes). */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * A whole number, or null / absent (mongoose's `min` and `max` check the range but accept 1.5).
 * Custom validators also see null, so nullable fields must let it through here.
 */
export const wholeNumber = {
  validator: (value: unknown): boolean => value === null || value === undefined || Number.isInteger(value),
  message: '{PATH} must be a whole number; got {VALUE}.',
};

/** A JSON object (not null, not an array), e.g. trigger settings or a test conversation. */
export const jsonObject = {
  validator: (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value),
  message: '{PATH} must be a JSON object.',
};

/**
 * A deep copy of `value` as JSON would store it: `undefined` members dropped, dates as strings.
 * Documents hold their free-form JSON this way so MongoDB returns what the SQLite store (which
 * keeps JSON text) returns; BSON would otherwise turn `undefined` into null.
 */
export function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Makes the model of `schema` insert-only: updates, replacements and deletions through it
 * (by query, by document or in a bulk write) throw `message` before reaching the server.
 * Inserts stay allowed, and deletions too with `allowDeletes` (the decision log's retention
 * purge). The MongoDB counterpart of the SQLite triggers on immutable tables.
 */
export function refuseChanges(schema: Schema, message: string, { allowDeletes = false } = {}): void {
  const refuse = (): never => {
    throw new Error(message);
  };
  const deletes = allowDeletes ? [] : (['deleteOne', 'deleteMany', 'findOneAndDelete'] as const);
  schema.pre(['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace', ...deletes], { document: false, query: true }, refuse);
  schema.pre(['updateOne', ...(allowDeletes ? [] : (['deleteOne'] as const))], { document: true, query: false }, refuse);
  schema.pre('save', function refuseResave() {
    if (!this.isNew) refuse();
  });
  schema.pre('bulkWrite', (operations) => {
    if (operations.some((operation) => !('insertOne' in operation) && !(allowDeletes && ('deleteOne' in operation || 'deleteMany' in operation)))) refuse();
  });
}
