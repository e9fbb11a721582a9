/**
 * Several Baton servers on one store. Two real server processes (`node server/dist/main.js`)
 * share one embedded SQLite file: a publish, a rollback and a roll forward made through A reach
 * B's decisions within a few poll intervals (the polling path; MongoDB adds change streams on
 * top). In process, a server with a long poll interval shows the other half: it keeps deciding
 * with the head it cached until its cache is refreshed, while the server that made the change
 * uses it at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stayGraph } from '../test-support/fixtures';
import { CREATE_POLICY, DECIDE, decideInput, PUBLISH, SAVE_DRAFT } from '../test-support/operations';
import { makeTempDir, removeTempDirs } from '../test-support/temp-dir';
import { startTestServer, TEST_ADMIN_KEY, type GraphQLResponse, type TestServer } from '../test-support/test-server';

const MAIN = path.resolve(__dirname, '../../dist/main.js');
const ACTIVATE = `mutation ($policyId: ID!, $version: Int!, $comment: String!) {
  activatePolicyVersion(policyId: $policyId, version: $version, comment: $comment) { id activeVersion { version } } }`;
/** B's poll interval in the two-process test, in ms. */
const POLL_MS = 200;
/** How long a change may take to reach B: a few intervals, generous for a loaded machine (6 workers on 2 cores). */
const DEADLINE_MS = 10 * POLL_MS;
const START_TIMEOUT_MS = 20_000;

interface RunningServer {
  url: string;
  /** The fields of its "Baton is listening" line. */
  listening: Record<string, unknown>;
}

const children: ChildProcess[] = [];

/**
 * Starts `node server/dist/main.js` with `env` and resolves once it logs "Baton is listening".
 * @throws when it exits or stays silent for `START_TIMEOUT_MS` (with its stderr).
 */
function startServerProcess(name: string, env: Record<string, string>): Promise<RunningServer> {
  const { MONGODB_URI: _ignored, ...inherited } = process.env;
  // Without MONGODB_URI even where CI sets it: this test is about servers sharing one SQLite file.
  const child = spawn(process.execPath, [MAIN], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let partialLine = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server ${name} did not start within ${START_TIMEOUT_MS} ms; stderr:\n${stderr}`)), START_TIMEOUT_MS);
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      const lines = (partialLine + chunk.toString()).split('\n');
      partialLine = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (entry.msg === 'Baton is listening') {
          clearTimeout(timer);
          resolve({ url: entry.url as string, listening: entry });
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server ${name} exited with code ${code} before listening; stderr:\n${stderr}`));
    });
  });
}

/** SIGTERM (graceful shutdown), then SIGKILL after 5 s. */
async function stopServerProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(force);
}

async function gql<T>(url: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>['body'];
  if (body.errors) throw new Error(`${query.trim().split(/\s+/).slice(0, 2).join(' ')} failed: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

/** The version `url` decides policy `policyId` with (a dry run: nothing logged). */
async function versionDecidedBy(url: string, policyId: string): Promise<number> {
  const data = await gql<{ decideHandoff: { policy: { version: number } } }>(url, DECIDE, { input: decideInput({ policyId, dryRun: true }) });
  return data.decideHandoff.policy.version;
}

/** Decides on `url` until it uses `version`; returns the ms it took. @throws after `DEADLINE_MS`. */
async function untilDecidedWith(url: string, policyId: string, version: number): Promise<number> {
  const started = Date.now();
  let seen = await versionDecidedBy(url, policyId);
  while (seen !== version) {
    if (Date.now() - started > DEADLINE_MS)
      throw new Error(`still deciding with version ${seen} ${DEADLINE_MS} ms after version ${version} was activated on the other server`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    seen = await versionDecidedBy(url, policyId);
  }
  return Date.now() - started;
}

afterAll(async () => {
  await Promise.all(children.map(stopServerProcess));
  removeTempDirs();
});

describe('two server processes on one SQLite file', () => {
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(
    async () => {
      if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} does not exist: build the server first (npx tsc -b; npm test does it before jest).`);
      const dataDir = makeTempDir();
      const env = {
        PORT: '0',
        HOST: '127.0.0.1',
        BATON_DATA_DIR: dataDir,
        BATON_ADMIN_KEY: TEST_ADMIN_KEY,
        BATON_POLICY_POLL_MS: String(POLL_MS),
        BATON_DECISION_LOG_FLUSH_MS: '50',
      };
      // A first: it seeds the empty store, which B then finds populated.
      a = await startServerProcess('A', env);
      b = await startServerProcess('B', env);
    },
    2 * START_TIMEOUT_MS + 5000,
  );

  it('run the build that has the poll interval', () => {
    // One SQLite file for both: the store line names the same data directory.
    expect(a.listening.store).toMatch(/^sqlite \(.+\)$/);
    expect(b.listening).toMatchObject({ policyPollMs: POLL_MS, store: a.listening.store });
    expect(b.url).not.toBe(a.url);
  });

  it('B decides with what A publishes, rolls back and rolls forward, within a few poll intervals', async () => {
    await gql(a.url, CREATE_POLICY, { input: { id: 'shared', name: 'Shared', graph: stayGraph('first_cut') } });
    await gql(a.url, PUBLISH, { policyId: 'shared', comment: 'v1' });
    expect(await versionDecidedBy(b.url, 'shared')).toBe(1);

    await gql(a.url, SAVE_DRAFT, { policyId: 'shared', graph: stayGraph('second_cut'), baseRevision: 1 });
    await gql(a.url, PUBLISH, { policyId: 'shared', comment: 'v2' });
    // A made the change: its own next decision uses it.
    expect(await versionDecidedBy(a.url, 'shared')).toBe(2);
    const published = await untilDecidedWith(b.url, 'shared', 2);

    await gql(a.url, ACTIVATE, { policyId: 'shared', version: 1, comment: 'v2 misroutes' });
    expect(await versionDecidedBy(a.url, 'shared')).toBe(1);
    const rolledBack = await untilDecidedWith(b.url, 'shared', 1);

    await gql(a.url, ACTIVATE, { policyId: 'shared', version: 2, comment: 'fixed in the directory' });
    const rolledForward = await untilDecidedWith(b.url, 'shared', 2);
    expect(Math.max(published, rolledBack, rolledForward)).toBeLessThanOrEqual(DEADLINE_MS);
  });
});

describe('a server with a long poll interval, in process', () => {
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    const dataDir = makeTempDir();
    a = await startTestServer({ dataDir, policyPollMs: 600_000 });
    b = await startTestServer({ dataDir, policyPollMs: 600_000 });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('keeps deciding with the head it cached until a poll refreshes it; the server that activated uses the new version at once', async () => {
    await a.gql(CREATE_POLICY, { input: { id: 'cached', name: 'Cached', graph: stayGraph('first_cut') } });
    await a.gql(PUBLISH, { policyId: 'cached', comment: 'v1' });
    await a.gql(SAVE_DRAFT, { policyId: 'cached', graph: stayGraph('second_cut'), baseRevision: 1 });
    await a.gql(PUBLISH, { policyId: 'cached', comment: 'v2' });
    expect(await versionDecidedBy(b.url, 'cached')).toBe(2);

    const activated = await a.gql(ACTIVATE, { policyId: 'cached', version: 1, comment: 'rollback' });
    expect(activated.body.errors).toBeUndefined();
    expect(await versionDecidedBy(a.url, 'cached')).toBe(1);
    // B has not polled yet (10 minutes): its cached head still names version 2.
    expect(await versionDecidedBy(b.url, 'cached')).toBe(2);
    expect(await versionDecidedBy(b.url, 'cached')).toBe(2);

    // What each of B's polls does.
    await b.server.policyHeads.refresh();
    expect(await versionDecidedBy(b.url, 'cached')).toBe(1);
  });
});
