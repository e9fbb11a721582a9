/**
 * Every API example in README.md runs against a freshly seeded server, in the order a reader
 * meets them, with the admin key a first start prints. Each must answer without errors, and
 * where the README shows a "Real output", the answer must be that output (generated ids and
 * server-clock times by their form only; see test-support/shown-output.ts). Ids the server
 * generates are carried from the output that shows them to the examples that reuse them, as a
 * reader would copy them. See test-support/readme-examples.ts for what counts as an example:
 * a block that looks like one but cannot be run fails the first test; none is exempt.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { readmeExamples, type GraphQLExample, type HttpExample, type ReadmeExample } from '../test-support/readme-examples';
import { compareShown, GENERATED_ID, locateField, locateShown } from '../test-support/shown-output';
import { removeTempDirs } from '../test-support/temp-dir';
import { startTestServer, type GraphQLResponse, type TestServer } from '../test-support/test-server';

const README_PATH = path.resolve(__dirname, '../../../README.md');
const { examples, problems } = readmeExamples(fs.readFileSync(README_PATH, 'utf8'));

/** `BATON_PRINT_README_ANSWERS=1 npx jest server/src/app/readme-examples.test.ts` prints every real answer. */
const PRINT_ANSWERS = process.env.BATON_PRINT_README_ANSWERS === '1';

let t: TestServer;
let adminKey = '';
/** The shell variables the curl examples use for keys: the admin key, and an auditor's. */
const keys = new Map<string, string>();
/** README id → the id this run generated in its place. */
const carried = new Map<string, string>();

/**
 * The server's clock starts a minute after "Your first decision" and runs on from there, so what
 * depends on the time of day (agents' working hours when `startHandoff` routes) is the same on
 * every run.
 */
const CLOCK_START = Date.parse('2026-11-21T09:02:12Z');

beforeAll(async () => {
  const started = Date.now();
  const clock = () => new Date(CLOCK_START + (Date.now() - started));
  t = await startTestServer({ adminKey: undefined }, { announceAdminKey: (key) => (adminKey = key), clock });
  const auditor = await t.gql<{ createApiKey: { secret: string } }>('mutation { createApiKey(name: "auditor", role: AUDITOR) { secret } }', {}, adminKey);
  keys.set('KEY', adminKey).set('BATON_AUDITOR_KEY', auditor.body.data?.createApiKey.secret ?? '');
});
afterAll(async () => {
  await t.close();
  removeTempDirs();
});

/** Puts this run's ids in place of the README's; fails on an id no earlier output gave. */
function withCarriedIds(text: string, where: string): string {
  return text.replace(GENERATED_ID, (id) => {
    const real = carried.get(id);
    if (real === undefined) throw new Error(`${where}: the id ${id} is not one an earlier "Real output" shows, so a reader cannot have it.`);
    return real;
  });
}

function withKeys(text: string, where: string): string {
  const replaced = text.replace(/\$(\w+)/g, (whole, name: string) => keys.get(name) ?? whole);
  const unknown = /\$\w+/.exec(replaced);
  if (unknown) throw new Error(`${where}: the shell variable ${unknown[0]} is not one the test knows.`);
  return replaced;
}

function print(where: string, answer: unknown): void {
  if (PRINT_ANSWERS) process.stdout.write(`${where} answered:\n${typeof answer === 'string' ? answer : JSON.stringify(answer, null, 2)}\n`);
}

function expectNoErrors(response: GraphQLResponse, where: string): void {
  expect({ where, status: response.status, errors: response.body.errors ?? [] }).toEqual({ where, status: 200, errors: [] });
  expect(response.body.data).not.toBeNull();
}

/** A subscription's first event, over the WebSocket (graphql-ws) with the admin key, as a reader's client gets it. */
async function firstEvent(query: string, variables: Record<string, unknown>): Promise<GraphQLResponse> {
  const client = createClient({
    url: `${t.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${adminKey}` },
    retryAttempts: 0,
  });
  try {
    const events = client.iterate({ query, variables });
    let timer: NodeJS.Timeout | undefined;
    const silence = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no event within 5 s for ${query}`)), 5000);
    });
    const first = await Promise.race([events.next(), silence]).finally(() => clearTimeout(timer));
    await events.return?.();
    return { status: 200, body: (first.value ?? { data: null }) as GraphQLResponse['body'] };
  } finally {
    await client.dispose();
  }
}

async function runGraphQL(example: GraphQLExample): Promise<unknown> {
  let last: unknown = null;
  for (const operation of example.operations) {
    const where = `README.md:${example.line} ${operation.label}`;
    const variables = Object.fromEntries(operation.variableNames.map((name) => [name, example.variables?.[name]]));
    const send = /^\s*subscription\b/.test(operation.source) ? firstEvent : (query: string, vars: Record<string, unknown>) => t.gql(query, vars, adminKey);
    const response = await send(
      withCarriedIds(operation.source, where),
      JSON.parse(withCarriedIds(JSON.stringify(variables), where)) as Record<string, unknown>,
    );
    print(where, response.body);
    expectNoErrors(response, where);
    last = response.body;
  }
  return last;
}

async function runHttp(example: HttpExample): Promise<unknown> {
  const where = `README.md:${example.line} ${example.method} ${example.path}`;
  const headers = Object.fromEntries(Object.entries(example.headers).map(([name, value]) => [name, withKeys(value, where)]));
  const response = await fetch(`${t.url}${example.path}`, {
    method: example.method,
    headers,
    body: example.body === null ? undefined : withCarriedIds(example.body, where),
  });
  const text = await response.text();
  print(where, text);
  expect({ where, status: response.status }).toEqual({ where, status: 200 });
  // /graphql and POST /datasets answer in GraphQL's shape.
  if (response.headers.get('content-type')?.startsWith('application/json')) {
    const body = JSON.parse(text) as GraphQLResponse['body'];
    expectNoErrors({ status: response.status, body }, where);
    return body;
  }
  if (example.path.endsWith('.jsonl')) {
    const lines = text.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  }
  return text;
}

function label(example: ReadmeExample): string {
  return example.kind === 'graphql' ? example.operations.map((op) => op.label).join(', ') : `curl ${example.method} ${example.path}`;
}

describe('README examples', () => {
  it('finds only examples it can run', () => {
    expect(problems).toEqual([]);
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const example of examples) {
    it(`README.md:${example.line}: ${label(example)}`, async () => {
      const answer = example.kind === 'graphql' ? await runGraphQL(example) : await runHttp(example);
      for (const shown of example.shown) {
        const shownAt = `README.md:${shown.line}`;
        if (shown.kind === 'text') {
          const real = locateField(shown.path, answer);
          expect({ shownAt, text: typeof real === 'string' ? real.trimEnd() : real }).toEqual({ shownAt, text: shown.text.trimEnd() });
          continue;
        }
        const { mismatches, ids } = compareShown(shown.json, locateShown(shown.json, answer), shown.abridged);
        expect({ shownAt, mismatches }).toEqual({ shownAt, mismatches: [] });
        for (const [readmeId, real] of ids) carried.set(readmeId, real);
      }
    });
  }
});
