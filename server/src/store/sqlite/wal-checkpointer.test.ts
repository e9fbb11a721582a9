import { statSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import { startWalCheckpointer } from './wal-checkpointer';

afterAll(removeTempDirs);

/** A WAL-mode database with a table, as `openDatabase` leaves it (its own checkpoints on). */
function walDatabase(dir: string): Database.Database {
  const db = new Database(path.join(dir, 'test.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return db;
}

/** Commits about 2 MB in 40 transactions. */
function writeTwoMegabytes(db: Database.Database): void {
  const insert = db.prepare('INSERT INTO rows (body) VALUES (?)');
  const commit = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) insert.run('x'.repeat(1000));
  });
  for (let t = 0; t < 40; t++) commit(50);
}

const pages = (db: Database.Database, pragma: string) => db.pragma(pragma, { simple: true }) as number;

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
}

describe('startWalCheckpointer', () => {
  it('stops the connection checkpointing in its commits and copies the WAL into the database file from the worker', async () => {
    const dir = makeTempDir();
    const db = walDatabase(dir);
    const checkpointer = startWalCheckpointer(db, 50);
    try {
      expect(pages(db, 'wal_autocheckpoint')).toBe(0);
      const before = statSync(path.join(dir, 'test.sqlite')).size;
      writeTwoMegabytes(db);
      // Nothing on this thread checkpoints now, so only the worker can grow the database file.
      expect(statSync(path.join(dir, 'test.sqlite')).size).toBe(before);
      expect(await until(() => statSync(path.join(dir, 'test.sqlite')).size > before + 2_000_000, 10_000)).toBe(true);
      expect(db.prepare('SELECT COUNT(*) AS n FROM rows').get()).toEqual({ n: 2000 });
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it('gives the connection its own checkpoints back when stopped', async () => {
    const db = walDatabase(makeTempDir());
    await startWalCheckpointer(db, 50).stop();
    expect(pages(db, 'wal_autocheckpoint')).toBe(1000);
    db.close();
  });

  it('gives the connection its own checkpoints back when the worker fails', async () => {
    const dir = makeTempDir();
    const db = walDatabase(dir);
    // The worker cannot open a file that is gone; this connection keeps its open handle.
    rmSync(dir, { recursive: true, force: true });
    const checkpointer = startWalCheckpointer(db, 50);
    try {
      expect(await until(() => pages(db, 'wal_autocheckpoint') === 1000, 10_000)).toBe(true);
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });
});
