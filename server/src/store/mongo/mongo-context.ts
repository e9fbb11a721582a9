/**
 * What every MongoDB feature store is built from: one mongoose connection and one way to run
 * a transaction. Governance writes (publish, approvals, keys, directory, reservations) go
 * through `transaction`, which commits with `writeConcern: majority` so an acknowledged change
 * survives a primary failover.
 */
import type { ClientSession, Connection, Schema } from 'mongoose';

export interface MongoContext {
  readonly connection: Connection;
  /**
   * Runs `fn` in a snapshot-read, majority-write transaction. The driver retries the whole
   * function on transient errors (write conflicts with a concurrent transaction, failover), so
   * `fn` must only touch the database through `session` and hold no state across attempts.
   * @throws whatever `fn` throws (the transaction is aborted), or the driver's error after
   *   retries run out (120 s).
   */
  transaction<T>(fn: (session: ClientSession) => Promise<T>): Promise<T>;
}

/** Write concern of governance writes outside a transaction too (e.g. key touches excluded). */
export const MAJORITY = { w: 'majority' } as const;

/** Builds the context for an open connection. */
export function createMongoContext(connection: Connection): MongoContext {
  return {
    connection,
    transaction: (fn) => connection.transaction(fn, { readConcern: { level: 'snapshot' }, writeConcern: MAJORITY }),
  };
}

/** True for a duplicate-key error (code 11000), e.g. an id that is already taken. */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

function compile<TSchema extends Schema>(connection: Connection, name: string, schema: TSchema, collection: string) {
  return connection.model(name, schema, collection);
}

/**
 * The model `name` on `connection`, compiled from `schema` into `collection` the first time.
 * Feature stores call it for their models so several stores on one connection share them.
 */
export function modelOn<TSchema extends Schema>(
  connection: Connection,
  name: string,
  schema: TSchema,
  collection: string,
): ReturnType<typeof compile<TSchema>> {
  const compiled = connection.models[name] as ReturnType<typeof compile<TSchema>> | undefined;
  return compiled ?? compile(connection, name, schema, collection);
}
