/**
 * The MongoDB side of a migration without a server (none can run here): every record of a
 * populated embedded store passes the MongoDB schemas the copy is validated against, reads back
 * from its document as the same record, and broken records are refused by name.
 */
import mongoose, { type Connection } from 'mongoose';
import { silentLogger } from '../../logger';
import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer } from '../../test-support/test-server';
import { assembleMongoStore } from '../mongo/open-mongo-store';
import { allRecords, populate } from './migration-fixture';
import { mongoTransferCollections } from './mongo-transfer-collections';
import { mongoTransferTarget } from './mongo-transfer';
import { openSqliteTransferSource } from './sqlite-transfer';
import type { TransferTarget } from './transfer-port';
import { TRANSFER_COLLECTIONS, type TransferCollection, type TransferRecords } from './transfer-records';

type AllRecords = { [C in TransferCollection]: TransferRecords[C][] };

let records: AllRecords;
let connection: Connection;
let target: TransferTarget;

beforeAll(async () => {
  const t = await startTestServer({ dataDir: makeTempDir() });
  try {
    await populate(t);
  } finally {
    await t.close();
  }
  const source = openSqliteTransferSource(t.config.dataDir);
  records = await allRecords(source);
  await source.close();
  // Never opened: models validate and map without a server.
  connection = mongoose.createConnection();
  target = mongoTransferTarget(assembleMongoStore(connection, { logger: silentLogger }), 'mongodb://offline/baton');
}, 60_000);
afterAll(async () => {
  await connection.close();
  removeTempDirs();
});

/** `record` stored as its MongoDB document and read back. */
function throughDocument<C extends TransferCollection>(collection: C, record: TransferRecords[C]): TransferRecords[C] {
  const mapped = mongoTransferCollections(connection)[collection];
  return mapped.fromDocument(mapped.toDocument(record));
}

describe('copying into MongoDB, without a server', () => {
  it.each(TRANSFER_COLLECTIONS)('%s: every record of the embedded store passes the MongoDB schema', async (collection) => {
    const all = records[collection] as TransferRecords[typeof collection][];
    expect(all.length).toBeGreaterThan(0);
    expect(await target.validate(collection, all)).toEqual([]);
  });

  it.each(TRANSFER_COLLECTIONS)('%s: every record reads back from its document unchanged', (collection) => {
    // Both stores keep a handoff's candidates, in routing order, while it is open, and none once it ended.
    for (const record of records[collection] as TransferRecords[typeof collection][]) expect(throughDocument(collection, record)).toEqual(record);
  });

  it('refuses broken records, each named', async () => {
    const [event] = records.auditLog;
    const [version] = records.policyVersions;
    const [decision] = records.decisions;
    const [queue] = records.queues;
    if (!event || !version || !decision || !queue) throw new Error('the populated store has every collection');
    expect(await target.validate('auditLog', [{ ...event, hash: 'edited' }])).toEqual([expect.stringMatching(/^auditLog #1: .*hash/)]);
    expect(await target.validate('policyVersions', [{ ...version, contentHash: 'x' }])).toEqual([
      expect.stringMatching(new RegExp(`^policyVersions ${version.policyId} v${version.version}: .*contentHash`)),
    ]);
    expect(await target.validate('decisions', [{ ...decision, outcome: { ...decision.outcome, action: 'MAYBE' as never } }])).toEqual([
      expect.stringMatching(new RegExp(`^decisions ${decision.decisionId}: .*action`)),
    ]);
    expect(await target.validate('queues', [queue, { ...queue, id: 'slow', priority: 0 }])).toEqual([expect.stringMatching(/^queues slow: .*priority/)]);
  });
});
