/**
 * WAL checkpoints off the event loop. By default SQLite checkpoints inside the commit that
 * takes the WAL past 1,000 pages: the committing thread, here the server's only JavaScript
 * thread, copies those pages into the database file and waits for the disk. With every decision
 * logged, that was about half of each row's insert cost (about 60 of 110 µs, measured on this
 * project's benchmark rows). A worker thread now checkpoints on its own connection every
 * second, so a commit only appends to the WAL; a page rewritten by many commits within the
 * second is copied once. If the worker dies, SQLite's own checkpoints come back on.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How often the worker checkpoints, ms: the WAL holds about a second of writes. */
export const CHECKPOINT_INTERVAL_MS = 1000;

/** SQLite's default `wal_autocheckpoint`, in pages, restored when the worker is gone. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/** A running background checkpointer. */
export interface WalCheckpointer {
  /** Stops the worker; the connection checkpoints itself again. Call before closing `db`. */
  stop(): Promise<void>;
}

/**
 * The worker's compiled file. Tests run this module from `src/` through swc, where no compiled
 * worker sits beside it, so they use the build of `dist/` (`npm test` builds first).
 */
function workerFile(): string {
  const here = path.extname(__filename) === '.ts' ? __dirname.replace(`${path.sep}src${path.sep}`, `${path.sep}dist${path.sep}`) : __dirname;
  return path.join(here, 'wal-checkpoint-worker.js');
}

/**
 * Turns off the automatic checkpoints of `db` (a file database in WAL mode) and starts a worker
 * thread that checkpoints it every `intervalMs`. The worker never keeps the process alive.
 */
export function startWalCheckpointer(db: Database.Database, intervalMs: number = CHECKPOINT_INTERVAL_MS): WalCheckpointer {
  const worker = new Worker(workerFile(), { workerData: { file: db.name, intervalMs } });
  worker.unref();
  db.pragma('wal_autocheckpoint = 0');
  const restore = () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  };
  let stopping = false;
  const fallBack = () => {
    if (!stopping) restore();
  };
  // An error is followed by 'exit'; both end in the same fallback.
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  return {
    stop: async () => {
      stopping = true;
      await worker.terminate();
      restore();
    },
  };
}
