/**
 * Internal: the worker thread of `wal-checkpointer.ts`. It opens its own connection to the
 * database file in `workerData` and runs a passive checkpoint every `intervalMs`: the pages
 * committed since the last one are copied from the WAL into the database file, and synced,
 * here instead of on the server's event loop.
 */
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, intervalMs } = workerData as { file: string; intervalMs: number };
const db = new Database(file, { fileMustExist: true });

// PASSIVE never waits for the writer or readers: what it cannot copy now, the next round copies.
setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), intervalMs);
