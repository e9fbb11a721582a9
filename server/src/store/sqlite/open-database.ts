/**
 * Opens (creating when needed) the embedded SQLite database under a data directory, in WAL
 * mode, and brings its schema up to date.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

/** File name of the database inside `BATON_DATA_DIR`. */
export const DATABASE_FILE = 'baton.sqlite';

/**
 * Opens `<dataDir>/baton.sqlite`, creating the directory (mode 0700: it holds key hashes).
 * Pragmas: WAL journal, synchronous NORMAL, foreign keys on, 5 s busy timeout.
 * @throws when the directory cannot be created or the file is not a SQLite database.
 */
export function openDatabase(dataDir: string, migrations: readonly Migration[] = MIGRATIONS): Database.Database {
  try {
    ensureDirectory(dataDir);
  } catch (error) {
    throw new Error(`Cannot create the data directory ${dataDir} (BATON_DATA_DIR): ${error instanceof Error ? error.message : String(error)}`);
  }
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * `mkdir -p` with mode 0700. Not `fs.mkdirSync(..., { recursive: true })`: on Node 20 that
 * spins forever when the parent exists but refuses children (e.g. under /proc).
 */
function ensureDirectory(dir: string): void {
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && fs.statSync(dir).isDirectory()) return;
    const parent = path.dirname(dir);
    if (code !== 'ENOENT' || parent === dir || fs.existsSync(parent)) throw error;
    ensureDirectory(parent);
    fs.mkdirSync(dir, { mode: 0o700 });
  }
}

/**
 * Applies every migration newer than the last recorded one, each in its own transaction.
 * @returns the versions applied now (empty when already up to date).
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  const current = row.version ?? 0;
  const applied: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
    applied.push(migration.version);
  }
  return applied;
}
