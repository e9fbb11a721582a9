/**
 * `npm run migrate`: the command line of a store migration (arguments, opening both stores,
 * printing the report, the exit code). `migrate.ts` runs it on the process; tests call it directly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatMigrationReport } from '../store/transfer/format-migration-report';
import { migrateStore } from '../store/transfer/migrate-store';
import { openMongoTransferTarget } from '../store/transfer/mongo-transfer';
import { MigrationError, messageOf } from '../store/transfer/migration-error';
import { openSqliteTransferSource, openSqliteTransferTarget } from '../store/transfer/sqlite-transfer';
import { parseStoreLocation, type StoreLocation } from '../store/transfer/store-location';
import type { TransferEndpoint, TransferTarget } from '../store/transfer/transfer-port';

/** Exit codes, as `--help` lists them. */
export const EXIT = { verified: 0, failed: 1, usage: 2, unverified: 3 } as const;

export const MIGRATE_HELP = `Usage: npm run migrate -- --from sqlite:PATH --to TARGET

Copies a whole Baton store into a new, empty one: policies with their drafts and every
version, change requests and approvals, policy test cases, API keys, the audit log (its hash
chain as it is: nothing is appended), the directory (queues, agents with presence and load),
handoff assignments and the decision log. Then it verifies the copy: the same count in every
collection, an audit chain that verifies on the target and ends on the source's last hash,
and every version's content hash matching its content.

  --from sqlite:PATH  the embedded store: its data directory (BATON_DATA_DIR, e.g. .baton) or
                      the baton.sqlite file in it. Opened read-only and copied as one snapshot:
                      what a server still running on it writes meanwhile is not copied.
  --to TARGET         sqlite:PATH           a new data directory (or one with an empty store)
                      mongodb://HOST[:PORT][,HOST...]/DATABASE[?OPTIONS]
                      mongodb+srv://HOST/DATABASE[?OPTIONS]
                                            an empty database on a replica set; the server
                                            later uses it with MONGODB_URI set to this URI
  --help              this text

Relative paths are resolved against the directory the command was started from.
A target that holds any record is refused and left untouched.

Exit codes: 0 copied and verified; 1 not copied or copied partly (missing source, non-empty
target, an error while copying); 2 bad arguments; 3 copied, but verification failed.`;

/** Where the command writes: lines to stdout and stderr, and the directory relative paths start from. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

function parse(argv: readonly string[]): { help: true } | { help: false; from: string; to: string } {
  let values: { from?: string; to?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    throw new MigrationError('usage', messageOf(error));
  }
  if (values.help) return { help: true };
  if (!values.from || !values.to)
    throw new MigrationError(
      'usage',
      `Give both --from and --to (missing: ${[values.from ? null : '--from', values.to ? null : '--to'].filter(Boolean).join(', ')}).`,
    );
  return { help: false, from: values.from, to: values.to };
}

const realDir = (dir: string): string => (fs.existsSync(dir) ? fs.realpathSync(dir) : path.resolve(dir));

async function openTarget(location: StoreLocation, source: StoreLocation): Promise<TransferTarget> {
  switch (location.kind) {
    case 'sqlite':
      if (source.kind === 'sqlite' && realDir(source.dataDir) === realDir(location.dataDir)) {
        throw new MigrationError('target', `--from and --to name the same store (${location.dataDir}); migrate into a new data directory.`);
      }
      return openSqliteTransferTarget(location.dataDir);
    case 'mongodb':
      return openMongoTransferTarget(location.uri, location.label);
  }
}

/**
 * Runs the migration the arguments describe and prints its report.
 * @returns the exit code (see `EXIT`); never throws for a refused or failed migration.
 */
export async function runMigrateCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let source: TransferEndpoint | undefined;
  let target: TransferTarget | undefined;
  let copying = false;
  try {
    const args = parse(argv);
    if (args.help) {
      io.out(MIGRATE_HELP);
      return EXIT.verified;
    }
    const from = parseStoreLocation(args.from, io.cwd);
    const to = parseStoreLocation(args.to, io.cwd);
    if (from.kind !== 'sqlite') throw new MigrationError('usage', `--from must be an embedded store (sqlite:PATH); got ${from.label}.`);
    source = openSqliteTransferSource(from.dataDir);
    target = await openTarget(to, from);
    copying = true;
    const report = await migrateStore(source, target, { onCopied: (collection, count) => io.out(`copied ${collection}: ${count}`) });
    io.out(`\n${formatMigrationReport(report)}`);
    return report.ok ? EXIT.verified : EXIT.unverified;
  } catch (error) {
    if (error instanceof MigrationError) {
      io.err(`migrate: ${error.message}`);
      if (error.kind === 'usage') io.err('Run with --help for the arguments.');
      return error.kind === 'usage' ? EXIT.usage : EXIT.failed;
    }
    io.err(`migrate: the copy failed: ${messageOf(error)}`);
    if (copying && target) io.err(`The target ${target.label} may hold part of the store now: empty it (or remove it) before migrating again.`);
    return EXIT.failed;
  } finally {
    await source?.close();
    await target?.close();
  }
}
