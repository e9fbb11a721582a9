/**
 * `npm run migrate`: the compiled command copies a seeded store into a new SQLite file and
 * says it verified; bad arguments, a missing source, the same store twice and a non-empty
 * target are refused with their exit codes and nothing written.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir, removeTempDirs } from '../test-support/temp-dir';
import { startTestServer } from '../test-support/test-server';
import { DATABASE_FILE } from '../store/sqlite/open-database';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store';
import { EXIT, runMigrateCommand } from './migrate-command';

const SERVER_ROOT = path.resolve(__dirname, '../..');
const COMPILED = path.join(SERVER_ROOT, 'dist/cli/migrate.js');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runMigrateCommand(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: makeTempDir() });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Compiles the server as `npm test` does before jest (a no-op when up to date), so the command run is this code. */
async function build(): Promise<void> {
  await promisify(execFile)(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', SERVER_ROOT]);
}

async function auditEvents(dataDir: string): Promise<unknown[]> {
  const store = await openSqliteStore(dataDir);
  try {
    return await store.auditLog.scanEvents(0, 100_000);
  } finally {
    await store.close();
  }
}

let sourceDir: string;

beforeAll(async () => {
  const t = await startTestServer();
  await t.close();
  sourceDir = t.config.dataDir;
}, 30_000);
afterAll(removeTempDirs);

describe('npm run migrate', () => {
  it('copies a seeded store to a new SQLite file, relative to where it was started, and prints the verified table', async () => {
    await build();
    const startedIn = makeTempDir();
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [COMPILED, '--from', `sqlite:${path.join(sourceDir, DATABASE_FILE)}`, '--to', 'sqlite:copy'],
      {
        env: { ...process.env, INIT_CWD: startedIn },
      },
    );
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^ {2}collection +source +copied +target$/m);
    expect(stdout).toMatch(/^ {2}policies +1 +1 +1$/m);
    expect(stdout).toMatch(/^Target audit chain: valid, \d+ events$/m);
    expect(stdout).toMatch(/\(match\)/);
    expect(stdout).toMatch(/Migration verified: the target is a complete copy of the source\.$/m);
    const copy = await openSqliteStore(path.join(startedIn, 'copy'));
    try {
      expect((await copy.policies.listPolicies()).map((p) => p.id)).toEqual(['support-default']);
    } finally {
      await copy.close();
    }
  }, 180_000);

  it('prints its usage with --help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(EXIT.verified);
    expect(out).toMatch(/^Usage: npm run migrate -- --from sqlite:PATH --to TARGET/);
  });

  it.each([
    ['no arguments', [], /Give both --from and --to \(missing: --from, --to\)/],
    ['an unknown option', ['--form', 'sqlite:x'], /Unknown option '--form'/],
    ['an unknown scheme', ['--from', 'sqlite:x', '--to', 'postgres://db/baton'], /is not a store location/],
    ['a MongoDB URI without a database', ['--from', 'sqlite:x', '--to', 'mongodb://localhost:27017'], /names no database \(it would default to "test"\)/],
    ['a MongoDB URI without a host', ['--from', 'sqlite:x', '--to', 'mongodb:///baton'], /names no host/],
    [
      'a MongoDB option the driver does not know',
      ['--from', 'sqlite:x', '--to', 'mongodb://localhost/baton?colour=blue'],
      /mongodb:\/\/localhost\/baton\?colour=blue is not valid: option colour is not supported/,
    ],
    [
      'a MongoDB port that is not a number, without showing the password',
      ['--from', 'sqlite:x', '--to', 'mongodb://ops:s3cret@localhost:port/baton'],
      /^migrate: The MongoDB URI mongodb:\/\/ops:\*\*\*@localhost:port\/baton is not valid/,
    ],
    ['a MongoDB source', ['--from', 'mongodb://localhost/baton', '--to', 'sqlite:x'], /--from must be an embedded store/],
    ['an empty sqlite path', ['--from', 'sqlite:', '--to', 'sqlite:x'], /sqlite: needs a path/],
  ])('exits %s with the usage code', async (_name, argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(EXIT.usage);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/s3cret/);
  });

  it('refuses a file that is not baton.sqlite', async () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'x');
    const { code, err } = await run('--from', `sqlite:${path.join(dir, 'notes.txt')}`, '--to', `sqlite:${makeTempDir()}`);
    expect(code).toBe(EXIT.usage);
    expect(err).toMatch(/is a file but not baton\.sqlite/);
  });

  it('fails on a missing source without creating the target', async () => {
    const target = path.join(makeTempDir(), 'never');
    const { code, err } = await run('--from', `sqlite:${path.join(makeTempDir(), 'nothing-here')}`, '--to', `sqlite:${target}`);
    expect(code).toBe(EXIT.failed);
    expect(err).toMatch(/No embedded store at .*nothing-here\/baton\.sqlite/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('fails when no MongoDB answers, after reading the source only', async () => {
    const { code, err } = await run('--from', `sqlite:${sourceDir}`, '--to', 'mongodb://127.0.0.1:1/baton');
    expect(code).toBe(EXIT.failed);
    expect(err).toMatch(/^migrate: Cannot open the MongoDB store at mongodb:\/\/127\.0\.0\.1:1\/baton: .*ECONNREFUSED/);
    expect(err).not.toMatch(/holds part of the store/);
  }, 30_000);

  it('refuses to copy a store onto itself', async () => {
    const { code, err } = await run('--from', `sqlite:${sourceDir}`, '--to', `sqlite:${path.join(sourceDir, DATABASE_FILE)}`);
    expect(code).toBe(EXIT.failed);
    expect(err).toMatch(/name the same store/);
  });

  it('refuses a non-empty target, writing nothing', async () => {
    const target = makeTempDir();
    expect((await run('--from', `sqlite:${sourceDir}`, '--to', `sqlite:${target}`)).code).toBe(EXIT.verified);
    const eventsBefore = await auditEvents(target);
    const { code, err } = await run('--from', `sqlite:${sourceDir}`, '--to', `sqlite:${target}`);
    expect(code).toBe(EXIT.failed);
    expect(err).toMatch(/is not empty \(apiKeys: 1, queues: \d+, .*\); nothing was written/);
    expect(err).not.toMatch(/holds part of the store/);
    const store = await openSqliteStore(target);
    try {
      expect(await store.policies.listPolicies()).toHaveLength(1);
      expect(await store.apiKeys.listKeys()).toHaveLength(1);
    } finally {
      await store.close();
    }
    expect(await auditEvents(target)).toEqual(eventsBefore);
  });
});
