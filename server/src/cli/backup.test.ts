import fs from 'node:fs';
import path from 'node:path';
import { AuditService } from '../features/audit/audit-service';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store';
import { DECIDE, decideInput } from '../test-support/operations';
import { makeTempDir, removeTempDirs } from '../test-support/temp-dir';
import { startTestServer } from '../test-support/test-server';
import { BACKUP_EXIT, runBackupCommand } from './backup-command';

afterAll(removeTempDirs);

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: makeTempDir(), env } };
}

describe('npm run backup', () => {
  it('backs up a live store while it takes decisions, and the copy opens with the same records and a valid audit chain', async () => {
    const t = await startTestServer();
    try {
      for (let i = 0; i < 5; i += 1) expect((await t.gql(DECIDE, { input: decideInput({ conversationId: `b-${i}` }) })).body.errors).toBeUndefined();
      const target = path.join(makeTempDir(), 'nested', 'baton-backup.sqlite');
      const run = io();
      // Decisions keep arriving during the backup.
      const [code] = await Promise.all([
        runBackupCommand(['--data-dir', t.config.dataDir, '--to', target], run.io),
        t.gql(DECIDE, { input: decideInput({ conversationId: 'during' }) }),
      ]);
      expect(run.err).toEqual([]);
      expect(code).toBe(BACKUP_EXIT.done);
      expect(run.out[0]).toMatch(/Backed up .* to .*baton-backup\.sqlite .*integrity check ok/);
      const restoreDir = makeTempDir();
      fs.copyFileSync(target, path.join(restoreDir, 'baton.sqlite'));
      const copy = await openSqliteStore(restoreDir);
      try {
        expect(await copy.decisionLog.countDecisions()).toBeGreaterThanOrEqual(5);
        expect(await copy.policies.getPolicy('support-default')).not.toBeNull();
        expect(await new AuditService(copy.auditLog).verify()).toMatchObject({ valid: true });
      } finally {
        await copy.close();
      }
      // A backup never overwrites.
      const again = io();
      expect(await runBackupCommand(['--data-dir', t.config.dataDir, '--to', target], again.io)).toBe(BACKUP_EXIT.failed);
      expect(again.err[0]).toMatch(/exists/);
    } finally {
      await t.close();
    }
  });

  it('refuses MongoDB with a pointer to mongodump, a missing store, and a missing --to', async () => {
    const mongo = io({ MONGODB_URI: 'mongodb://db:27017/baton' });
    expect(await runBackupCommand(['--to', 'x.sqlite'], mongo.io)).toBe(BACKUP_EXIT.usage);
    expect(mongo.err[0]).toMatch(/mongodump/);
    const none = io();
    expect(await runBackupCommand(['--data-dir', makeTempDir(), '--to', 'x.sqlite'], none.io)).toBe(BACKUP_EXIT.failed);
    expect(none.err[0]).toMatch(/No embedded store/);
    const usage = io();
    expect(await runBackupCommand([], usage.io)).toBe(BACKUP_EXIT.usage);
    expect(usage.err[0]).toMatch(/--to FILE/);
  });
});
