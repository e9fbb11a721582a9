/**
 * Copies a whole Baton store into another, empty one through the transfer port, then proves
 * the copy: the same number of records in every collection, an audit chain that verifies on
 * the target and ends on the source's last hash, and every version's content hash matching
 * its content. Used by `npm run migrate` (SQLite to MongoDB, or to a new SQLite file).
 */
import { AuditService, type AuditVerification } from '../../features/audit/audit-service';
import { contentHashOf, documentOf } from '../../features/policies/policy-document';
import type { VersionRecord } from '../../features/policies/policy-store';
import { MigrationError } from './migration-error';
import type { AuditHead, TransferEndpoint, TransferPage, TransferTarget } from './transfer-port';
import { TRANSFER_COLLECTIONS, type TransferCollection } from './transfer-records';

/** Records read and written per page: bounds memory for a large decision log. */
export const DEFAULT_PAGE_SIZE = 500;
/** Problems listed in a report or error (their count is always exact). */
const MAX_LISTED = 20;

export interface MigrationOptions {
  /** Records per page (default 500). */
  pageSize?: number;
  /** Called after each collection is copied, in copy order. */
  onCopied?: (collection: TransferCollection, count: number) => void;
}

export interface CollectionCount {
  collection: TransferCollection;
  /** Records in the source when the copy started. */
  source: number;
  /** Records written. */
  copied: number;
  /** Records in the target after the copy. */
  target: number;
}

export interface MigrationReport {
  source: string;
  target: string;
  collections: CollectionCount[];
  audit: {
    /** The source chain as read: a chain already broken there is copied broken, as it was. */
    source: AuditVerification;
    target: AuditVerification;
    sourceHead: AuditHead | null;
    targetHead: AuditHead | null;
    /** True when both logs end on the same sequence number and hash (or both are empty). */
    headsMatch: boolean;
  };
  versions: {
    checked: number;
    /** Versions whose stored content hash is not the hash of their content on the target (at most 20 listed). */
    mismatched: { policyId: string; version: number }[];
    mismatchCount: number;
  };
  /** The target adapter's own checks (foreign keys, audit head document). */
  integrity: string[];
  /** Every check passed: counts equal, target chain valid with the source's head, hashes and integrity sound. */
  ok: boolean;
}

async function countAll(endpoint: TransferEndpoint): Promise<Map<TransferCollection, number>> {
  const counts = new Map<TransferCollection, number>();
  for (const collection of TRANSFER_COLLECTIONS) counts.set(collection, await endpoint.count(collection));
  return counts;
}

/** Every page of `collection` in `source`, in order. */
async function* pages(source: TransferEndpoint, collection: TransferCollection, pageSize: number): AsyncGenerator<TransferPage<TransferCollection>['records']> {
  for (let after: string | null = null; ;) {
    const page: TransferPage<TransferCollection> = await source.readPage(collection, after, pageSize);
    if (page.records.length > 0) yield page.records;
    if (page.next === null) return;
    after = page.next;
  }
}

async function copyCollection(source: TransferEndpoint, target: TransferTarget, collection: TransferCollection, pageSize: number): Promise<number> {
  let copied = 0;
  for await (const records of pages(source, collection, pageSize)) {
    await target.write(collection, records);
    copied += records.length;
  }
  return copied;
}

async function checkVersionHashes(target: TransferEndpoint, pageSize: number): Promise<MigrationReport['versions']> {
  const mismatched: { policyId: string; version: number }[] = [];
  let checked = 0;
  let mismatchCount = 0;
  for await (const records of pages(target, 'policyVersions', pageSize)) {
    for (const version of records as VersionRecord[]) {
      checked += 1;
      if (contentHashOf(documentOf(version)) === version.contentHash) continue;
      mismatchCount += 1;
      if (mismatched.length < MAX_LISTED) mismatched.push({ policyId: version.policyId, version: version.version });
    }
  }
  return { checked, mismatched, mismatchCount };
}

/** Asks the target about every source record before anything is written. @returns the refusals (at most 20 listed) and their count */
async function preflight(source: TransferEndpoint, target: TransferTarget, pageSize: number): Promise<{ listed: string[]; count: number }> {
  const listed: string[] = [];
  let count = 0;
  for (const collection of TRANSFER_COLLECTIONS) {
    for await (const records of pages(source, collection, pageSize)) {
      const problems = await target.validate(collection, records);
      count += problems.length;
      listed.push(...problems.slice(0, MAX_LISTED - listed.length));
    }
  }
  return { listed, count };
}

/**
 * Copies every collection of `source` into `target` in dependency order, page by page, and
 * verifies the result. First the target checks every record it will be given (a pass that
 * writes nothing), so a record it would refuse stops the migration before the first write.
 * Nothing is appended to either audit log: the chain is copied as is. The caller closes both
 * endpoints.
 * @returns the report; `ok` false when any verification failed (the copy stays for inspection).
 * @throws MigrationError, with nothing written: `target` when the target holds any record,
 *   `source` when the target would refuse source records (listed); adapter errors while
 *   copying (a lost connection), leaving a partial target.
 */
export async function migrateStore(source: TransferEndpoint, target: TransferTarget, options: MigrationOptions = {}): Promise<MigrationReport> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive whole number; got ${pageSize}.`);
  const existing = [...(await countAll(target))].filter(([, n]) => n > 0);
  if (existing.length > 0) {
    throw new MigrationError(
      'target',
      `The target ${target.label} is not empty (${existing.map(([c, n]) => `${c}: ${n}`).join(', ')}); nothing was written. Migrate into a new store.`,
    );
  }
  const refused = await preflight(source, target, pageSize);
  if (refused.count > 0) {
    throw new MigrationError(
      'source',
      `The target ${target.label} would refuse ${refused.count} record(s) of the source; nothing was written:\n${refused.listed.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  const sourceCounts = await countAll(source);
  const copied = new Map<TransferCollection, number>();
  for (const collection of TRANSFER_COLLECTIONS) {
    const count = await copyCollection(source, target, collection, pageSize);
    copied.set(collection, count);
    options.onCopied?.(collection, count);
  }
  const targetCounts = await countAll(target);
  const collections = TRANSFER_COLLECTIONS.map((collection) => ({
    collection,
    source: sourceCounts.get(collection) ?? 0,
    copied: copied.get(collection) ?? 0,
    target: targetCounts.get(collection) ?? 0,
  }));

  const sourceChain = await new AuditService(source.auditLog).verify();
  const targetChain = await new AuditService(target.auditLog).verify();
  const sourceHead = await source.auditHead();
  const targetHead = await target.auditHead();
  const headsMatch = sourceHead?.sequence === targetHead?.sequence && sourceHead?.hash === targetHead?.hash;
  const versions = await checkVersionHashes(target, pageSize);
  const integrity = await target.checkIntegrity();
  const ok =
    collections.every((c) => c.source === c.copied && c.copied === c.target) &&
    targetChain.valid &&
    headsMatch &&
    versions.mismatchCount === 0 &&
    integrity.length === 0;
  return {
    source: source.label,
    target: target.label,
    collections,
    audit: { source: sourceChain, target: targetChain, sourceHead, targetHead, headsMatch },
    versions,
    integrity,
    ok,
  };
}
