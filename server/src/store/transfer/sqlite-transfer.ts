/**
 * The embedded store as a migration source (read-only, one snapshot) or target (a new or empty
 * `baton.sqlite`, bulk-loaded with foreign keys checked once at the end).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteAuditLogStore } from '../../features/audit/sqlite-audit-log-store';
import { MIGRATIONS } from '../sqlite/migrations';
import { DATABASE_FILE, openDatabase } from '../sqlite/open-database';
import { MigrationError, messageOf } from './migration-error';
import { sqliteTransferTables, type SqliteTables } from './sqlite-transfer-tables';
import type { AuditHead, TransferEndpoint, TransferTarget } from './transfer-port';
import { recordName, type TransferCollection } from './transfer-records';

/** Thrown to roll back a trial insert that succeeded. */
class RolledBack extends Error {}

const LATEST_SCHEMA = Math.max(...MIGRATIONS.map((m) => m.version));

function endpointOn(db: Database.Database, file: string, tables: SqliteTables): TransferEndpoint {
  const head = db.prepare('SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1');
  const counts = new Map<TransferCollection, Database.Statement>();
  const pages = new Map<TransferCollection, Database.Statement>();
  const prepared = (cache: Map<TransferCollection, Database.Statement>, collection: TransferCollection, sql: (table: string) => string) => {
    let statement = cache.get(collection);
    if (!statement) {
      statement = db.prepare(sql(tables[collection].table));
      cache.set(collection, statement);
    }
    return statement;
  };
  return {
    label: `sqlite:${file}`,
    auditLog: createSqliteAuditLogStore(db),
    count: async (collection) => (prepared(counts, collection, (t) => `SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n,
    // rowid order: every table has one, it is the sequence for the audit log, and it never repeats.
    readPage: async (collection, after, limit) => {
      const statement = prepared(pages, collection, (t) => `SELECT rowid AS transfer_rowid, * FROM ${t} WHERE rowid > ? ORDER BY rowid LIMIT ?`);
      const rows = statement.all(after === null ? 0 : Number(after), limit) as { transfer_rowid: number }[];
      const table = tables[collection];
      const last = rows.at(-1);
      return { records: rows.map((row) => table.toRecord(row)), next: rows.length === limit && last ? String(last.transfer_rowid) : null };
    },
    auditHead: async () => (head.get() as AuditHead | undefined) ?? null,
    close: async () => {
      if (db.open) db.close();
    },
  };
}

/**
 * Opens `<dataDir>/baton.sqlite` read-only and pins one read snapshot for the whole migration,
 * so a server still writing to it cannot make the copy inconsistent.
 * @throws MigrationError (`source`) when the file is missing, not a SQLite database, or at
 *   another schema version than this Baton's.
 */
export function openSqliteTransferSource(dataDir: string): TransferEndpoint {
  const file = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(file))
    throw new MigrationError('source', `No embedded store at ${file}: give --from sqlite: the data directory (BATON_DATA_DIR) or its ${DATABASE_FILE}.`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.exec('BEGIN');
    const version = schemaVersion(db);
    if (version !== LATEST_SCHEMA) {
      throw new MigrationError(
        'source',
        `${file} is at schema version ${version ?? 'none'}, this Baton writes version ${LATEST_SCHEMA}: start this Baton version on it once (it upgrades the file), then migrate.`,
      );
    }
  } catch (error) {
    db?.close();
    if (error instanceof MigrationError) throw error;
    throw new MigrationError('source', `Cannot read ${file} as a Baton store: ${messageOf(error)}`);
  }
  return endpointOn(db, file, sqliteTransferTables(db));
}

/** The highest applied migration; null when the file has no migration table (not a Baton store). */
function schemaVersion(db: Database.Database): number | null {
  const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
  if (!table) return null;
  return (db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null }).version;
}

/**
 * Opens (creating and migrating when needed) `<dataDir>/baton.sqlite` as a migration target.
 * Foreign keys are enforced by `checkIntegrity` after the copy instead of row by row: a
 * queue may fall back to a queue copied after it.
 * @throws MigrationError (`target`) when the directory or file cannot be opened.
 */
export function openSqliteTransferTarget(dataDir: string): TransferTarget {
  let db: Database.Database;
  try {
    db = openDatabase(dataDir);
  } catch (error) {
    throw new MigrationError('target', `Cannot open the target store in ${dataDir}: ${messageOf(error)}`);
  }
  db.pragma('foreign_keys = OFF');
  const tables = sqliteTransferTables(db);
  return {
    ...endpointOn(db, path.join(dataDir, DATABASE_FILE), tables),
    write: async (collection, records) => {
      const table = tables[collection];
      db.transaction(() => {
        for (const record of records) table.insert(record);
      })();
    },
    validate: async (collection, records) => {
      const table = tables[collection];
      const problems: string[] = [];
      const trial = db.transaction(() => {
        for (const record of records) {
          try {
            table.insert(record);
          } catch (error) {
            // A failed statement leaves the transaction open; the ones after it are checked too.
            problems.push(`${recordName(collection, record)}: ${messageOf(error)}`);
          }
        }
        throw new RolledBack();
      });
      try {
        trial();
      } catch (error) {
        if (!(error instanceof RolledBack)) throw error;
      }
      return problems;
    },
    checkIntegrity: async () =>
      (db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map(
        (v) => `${v.table} row ${v.rowid} refers to a ${v.parent} row that does not exist.`,
      ),
  };
}
