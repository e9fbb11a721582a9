/**
 * The transfer port: what each storage adapter offers a store migration. It moves stored
 * records as they are (no audit events appended, no ids, times, revisions or hashes
 * regenerated), page by page so memory stays bounded, however large the decision log.
 */
import type { AuditLogStore } from '../../features/audit/audit-log-store';
import type { TransferCollection, TransferRecords } from './transfer-records';

/** One page of a collection, in the adapter's stable order. */
export interface TransferPage<C extends TransferCollection> {
  records: TransferRecords[C][];
  /** Pass as `after` for the next page; null when this was the last page. */
  next: string | null;
}

/** The last event of an audit log. */
export interface AuditHead {
  sequence: number;
  hash: string;
}

/** A store as a migration reads it. */
export interface TransferEndpoint {
  /** Where the store is, for messages; never holds a password. */
  readonly label: string;
  /** The store's audit log reader, for `AuditService.verify`. */
  readonly auditLog: AuditLogStore;
  count(collection: TransferCollection): Promise<number>;
  /**
   * Up to `limit` records after the opaque cursor `after` (null: from the start). Pages of one
   * collection never overlap or skip a record while the store is not written to.
   */
  readPage<C extends TransferCollection>(collection: C, after: string | null, limit: number): Promise<TransferPage<C>>;
  /** The event with the highest sequence number; null for an empty log. */
  auditHead(): Promise<AuditHead | null>;
  /** Releases the connection. Idempotent. */
  close(): Promise<void>;
}

/** A store a migration writes into. */
export interface TransferTarget extends TransferEndpoint {
  /**
   * Inserts records exactly as given (ids, times, revisions, sequence numbers and hashes kept).
   * The records of one call are written atomically where the adapter can (SQLite: one
   * transaction). @throws on a duplicate id or a record the store's schema refuses.
   */
  write<C extends TransferCollection>(collection: C, records: readonly TransferRecords[C][]): Promise<void>;
  /**
   * Whether `write` would accept `records`, without storing anything (MongoDB: schema
   * validation; SQLite: the inserts in a transaction that is rolled back).
   * @returns one sentence per refusal; empty when all would be stored
   */
  validate<C extends TransferCollection>(collection: C, records: readonly TransferRecords[C][]): Promise<string[]>;
  /**
   * Integrity checks only the adapter can make once everything is written (SQLite: foreign
   * keys; MongoDB: the audit head document). @returns one sentence per problem; empty when sound.
   */
  checkIntegrity(): Promise<string[]>;
}
