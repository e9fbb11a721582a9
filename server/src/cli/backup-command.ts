/**
 * `npm run backup`: an online backup of the embedded SQLite store to one file, through SQLite's
 * backup API (better-sqlite3's `db.backup()`), which copies a consistent snapshot page by page
 * while a server keeps serving and writing (a plain file copy of a WAL database is not). The
 * MongoDB store is refused with a pointer to `mongodump`. `backup.ts` runs it on the process;
 * tests call it directly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../store/sqlite/open-database';

/** Exit codes, as `--help` lists them. */
export const BACKUP_EXIT = { done: 0, failed: 1, usage: 2 } as const;

export const BACKUP_HELP = `Usage: npm run backup -- --to FILE [--data-dir DIR]

Copies the embedded store (BATON_DATA_DIR/${DATABASE_FILE}) into FILE while Baton keeps
running: SQLite's online backup, one consistent snapshot. FILE must not exist yet.

  --to FILE        the backup file to create, e.g. backups/baton-2026-12-07.sqlite
  --data-dir DIR   the data directory (default: BATON_DATA_DIR, else .baton)
  --help           this text

To restore: stop Baton, move the data directory's ${DATABASE_FILE} (and any -wal, -shm files)
away, copy the backup file there as ${DATABASE_FILE}, start Baton.
With MONGODB_URI set, back up MongoDB with mongodump instead.

Exit codes: 0 done, 1 failed, 2 usage.`;

export interface BackupIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Base of relative paths. */
  cwd: string;
  env: Record<string, string | undefined>;
}

/**
 * Runs the command line `args`.
 * @returns the exit code (`BACKUP_EXIT`); never throws.
 */
export async function runBackupCommand(args: readonly string[], io: BackupIo): Promise<number> {
  let values: { to?: string; 'data-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: [...args], options: { to: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean' } }, strict: true }));
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${BACKUP_HELP}`);
    return BACKUP_EXIT.usage;
  }
  if (values.help) {
    io.out(BACKUP_HELP);
    return BACKUP_EXIT.done;
  }
  if (io.env.MONGODB_URI?.trim()) {
    io.err(
      'MONGODB_URI is set: Baton runs on MongoDB, whose backups are made with mongodump (e.g. mongodump --uri "$MONGODB_URI" --archive=baton.archive --oplog) and restored with mongorestore.',
    );
    return BACKUP_EXIT.usage;
  }
  if (!values.to) {
    io.err(`Say where to write the backup with --to FILE.\n\n${BACKUP_HELP}`);
    return BACKUP_EXIT.usage;
  }
  const dataDir = path.resolve(io.cwd, values['data-dir'] ?? (io.env.BATON_DATA_DIR?.trim() || '.baton'));
  const source = path.join(dataDir, DATABASE_FILE);
  const target = path.resolve(io.cwd, values.to);
  if (!fs.existsSync(source)) {
    io.err(`No embedded store at ${source}; pass the data directory with --data-dir (or set BATON_DATA_DIR).`);
    return BACKUP_EXIT.failed;
  }
  if (fs.existsSync(target)) {
    io.err(`${target} exists; choose a new file name (a backup never overwrites).`);
    return BACKUP_EXIT.failed;
  }
  let db: Database.Database | undefined;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Read-only: the backup never changes the live store; the server's writes go on meanwhile.
    db = new Database(source, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const { totalPages } = await db.backup(target);
    const copy = new Database(target, { readonly: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy failed SQLite's integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    io.out(`Backed up ${source} to ${target} (${totalPages} pages, ${fs.statSync(target).size} bytes; integrity check ok).`);
    return BACKUP_EXIT.done;
  } catch (error) {
    fs.rmSync(target, { force: true });
    io.err(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    return BACKUP_EXIT.failed;
  } finally {
    db?.close();
  }
}
