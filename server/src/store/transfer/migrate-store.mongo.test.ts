/**
 * Store migration into MongoDB, against `MONGODB_URI` (the GitHub workflow's replica set) or a
 * `mongod` from `MONGOMS_SYSTEM_BINARY`; otherwise skipped with one line saying why (no MongoDB
 * can run on the project's own machines). The populated embedded store is copied with
 * `npm run migrate`'s command; the copy verifies, reads back equal through every port, serves
 * the same decision and keys, and continues the audit chain on the next change.
 */
import { AuditService } from '../../features/audit/audit-service';
import { silentLogger } from '../../logger';
import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, TEST_ADMIN_KEY, type TestServer } from '../../test-support/test-server';
import { runMigrateCommand } from '../../cli/migrate-command';
import { describeWithMongo } from '../mongo/mongo-test-target';
import { openMongoStore, type MongoBatonStore } from '../mongo/open-mongo-store';
import { openSqliteStore } from '../sqlite/open-sqlite-store';
import { billingDispute, DECIDE_ALL, expectOk, populate, throughPorts, WHO_AM_I, type Populated } from './migration-fixture';

/** `uri` naming database `name` instead of its own (hosts and options kept). */
const withDatabase = (uri: string, name: string): string => uri.replace(/^(mongodb(?:\+srv)?:\/\/[^/?]*)(\/[^?]*)?/, `$1/${name}`);

describeWithMongo('MongoDB migration test', (mongoUri) => {
  const database = `baton_migrate_${process.pid}`;
  let uri: string;
  let sourceDir: string;
  let populated: Populated;
  let output: { code: number; out: string; err: string };

  const openCopy = (): Promise<MongoBatonStore> => openMongoStore(uri, { logger: silentLogger, dbName: database, serverSelectionTimeoutMs: 5000 });

  beforeAll(async () => {
    uri = mongoUri();
    const t = await startTestServer();
    try {
      populated = await populate(t);
    } finally {
      await t.close();
    }
    sourceDir = t.config.dataDir;
    const out: string[] = [];
    const err: string[] = [];
    const code = await runMigrateCommand(['--from', `sqlite:${sourceDir}`, '--to', withDatabase(uri, database)], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      cwd: makeTempDir(),
    });
    output = { code, out: out.join('\n'), err: err.join('\n') };
  }, 180_000);
  afterAll(async () => {
    const store = await openCopy();
    await store.connection.dropDatabase();
    await store.close();
    removeTempDirs();
  });

  describe('migration into MongoDB', () => {
    it('copies and verifies every collection', () => {
      expect(output.err).toBe('');
      expect(output.code).toBe(0);
      expect(output.out).toMatch(/^Target integrity: sound$/m);
      expect(output.out).toMatch(/^Migration verified: the target is a complete copy of the source\.$/m);
    });

    it('reads back equal through every port', async () => {
      const original = await openSqliteStore(sourceDir);
      const copy = await openCopy();
      try {
        expect(await throughPorts(copy)).toEqual(await throughPorts(original));
      } finally {
        await original.close();
        await copy.close();
      }
    });

    it('refuses to migrate into it again, writing nothing', async () => {
      const err: string[] = [];
      const code = await runMigrateCommand(['--from', `sqlite:${sourceDir}`, '--to', withDatabase(uri, database)], {
        out: () => undefined,
        err: (l) => err.push(l),
        cwd: makeTempDir(),
      });
      expect(code).toBe(1);
      expect(err.join('\n')).toMatch(/is not empty \(apiKeys: 4, .*\); nothing was written/);
    });
  });

  describe('a server on the MongoDB copy', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer(
        { adminKey: undefined },
        {
          store: await openCopy(),
          announceAdminKey: () => {
            throw new Error('the copy has an admin key; none may be generated');
          },
        },
      );
    }, 60_000);
    afterAll(() => t?.close());

    it('decides as the original did and accepts the same keys', async () => {
      const decided = expectOk<{ decideHandoff: Record<string, unknown> }>(await t.gql(DECIDE_ALL, { input: billingDispute })).decideHandoff;
      expect({ ...decided, decisionId: 'x' }).toEqual({ ...populated.decided, decisionId: 'x' });
      expect((await t.gql(WHO_AM_I, undefined, TEST_ADMIN_KEY)).body.errors).toBeUndefined();
      expect((await t.gql(WHO_AM_I, undefined, populated.keys.pub1)).body.errors).toBeUndefined();
      expect((await t.gql(WHO_AM_I, undefined, populated.revokedKey)).body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    });

    it('appends the next change after the copied chain', async () => {
      expectOk(await t.gql(`mutation { createApiKey(name: "after the move", role: AUDITOR) { secret } }`));
      const verification = await new AuditService(t.server.store.auditLog).verify();
      expect(verification).toMatchObject({ valid: true, firstBrokenSequence: null });
      const [last] = await t.server.store.auditLog.listEvents({ action: 'apiKey.create' }, 500, null).then((events) => events.slice(-1));
      expect(last).toMatchObject({ targetType: 'apiKey', after: { name: 'after the move' } });
      expect(last?.sequence).toBe(verification.checked);
    });
  });
});
