import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { minimalSettings, stayGraph } from '../../test-support/fixtures';
import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import { defineStoreContractTests } from '../store-contract';
import { DATABASE_FILE, migrate, openDatabase } from './open-database';
import { openSqliteStore } from './open-sqlite-store';
import { MIGRATIONS } from './migrations';
import { SYSTEM_ACTOR } from '../../features/audit/audit-event';

afterAll(removeTempDirs);

/** The message of what `fn` throws (better-sqlite3's errors may come from another realm under jest). */
function errorMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return String((error as { message?: unknown }).message);
  }
  return 'did not throw';
}

defineStoreContractTests('sqlite', () => openSqliteStore(makeTempDir()));

describe('sqlite database', () => {
  it('creates the data directory and runs in WAL mode', () => {
    const dir = path.join(makeTempDir(), 'nested', 'data');
    const db = openDatabase(dir);
    expect(fs.existsSync(path.join(dir, DATABASE_FILE))).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('fails with a clear message when the data directory cannot be created', () => {
    const file = path.join(makeTempDir(), 'a-file');
    fs.writeFileSync(file, 'x');
    expect(errorMessage(() => openDatabase(path.join(file, 'data')))).toMatch(/Cannot create the data directory .*BATON_DATA_DIR/);
    expect(errorMessage(() => openDatabase(file))).toMatch(/Cannot create the data directory/);
  });

  it('applies migrations once', () => {
    const dir = makeTempDir();
    openDatabase(dir).close();
    const db = openDatabase(dir);
    expect(migrate(db)).toEqual([]);
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual(MIGRATIONS.map(({ version }) => ({ version })));
    db.close();
  });

  it('refuses to update or delete a published version, even with raw SQL', async () => {
    const dir = makeTempDir();
    const store = await openSqliteStore(dir);
    await store.policies.createPolicy({
      id: 'p',
      name: 'P',
      description: null,
      graph: stayGraph(),
      settings: minimalSettings(),
      routing: null,
      makeDefault: false,
      at: new Date(),
      actor: SYSTEM_ACTOR,
    });
    await store.policies.publishVersion({
      policyId: 'p',
      draftRevision: 1,
      contentHash: 'h',
      graph: stayGraph(),
      settings: minimalSettings(),
      routing: null,
      compiledRules: {},
      comment: 'c',
      expectedActiveVersion: null,
      makeDefault: false,
      at: new Date(),
      actor: SYSTEM_ACTOR,
    });
    await store.close();
    const db = new Database(path.join(dir, DATABASE_FILE));
    expect(errorMessage(() => db.prepare("UPDATE policy_versions SET comment = 'x'").run())).toMatch(/immutable/);
    expect(errorMessage(() => db.prepare('DELETE FROM policy_versions').run())).toMatch(/immutable/);
    db.close();
  });

  it('reports health and closes idempotently', async () => {
    const store = await openSqliteStore(makeTempDir());
    expect(store.isHealthy()).toBe(true);
    await store.close();
    await store.close();
    expect(store.isHealthy()).toBe(false);
  });
});
