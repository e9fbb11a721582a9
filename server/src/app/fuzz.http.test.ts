/**
 * Fuzzing (issue 17): fast-check generates arguments for every mutation of the schema and for
 * decideHandoff — valid, boundary and hostile values (huge and empty strings, NUL, lone
 * surrogates, deep JSON, wrong types, negative and huge numbers, far timestamps) — and sends
 * them over HTTP. Properties: never a 5xx nor an INTERNAL_SERVER_ERROR, the server stays up, and
 * a request that failed changed nothing (every SQLite table hashed before and after).
 * `BATON_FUZZ_RUNS` sets the number of requests (default 1,000: under a minute here).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { typeDefs } from '@baton/schemas';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { DATABASE_FILE } from '../store/sqlite/open-database';
import { removeTempDirs } from '../test-support/temp-dir';
import { startTestServer, type TestServer } from '../test-support/test-server';

afterAll(removeTempDirs);

const RUNS = Number(process.env.BATON_FUZZ_RUNS ?? 1000);
const schema = buildSchema(typeDefs.join('\n'));

const deepJson = (depth: number): unknown => (depth === 0 ? 1 : { a: deepJson(depth - 1) });
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\u200b',
    'line\nbreak',
    '../../etc/passwd',
    '<script>',
    "' OR 1=1 --",
    'support-default',
    'general',
    'en',
    'UTC',
  ),
  fc.integer({ min: 1, max: 3 }).map((n) => 'x'.repeat(10 ** (n + 2) * 3)),
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(-1, 0, 1, 2 ** 31, -(2 ** 31), Number.MAX_SAFE_INTEGER),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const hostileDate = fc.oneof(
  fc.constantFrom('1970-01-01T00:00:00Z', '2099-01-01T00:00:00Z', '9999-12-31T23:59:59Z', 'not a date', '', new Date().toISOString()),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
);
const hostileJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: 10, max: 40 }).map(deepJson),
  fc.constantFrom({ nodes: [], edges: [] }, { '\u0000': 1 }, { s: '\ud800' }, [], null),
);

/** Any value at all: what a client sending the wrong type sends. */
const wrongType = fc.oneof(fc.constant(null), fc.boolean(), hostileNumber, hostileString, fc.constant([1, 'a']), fc.constant({ x: 1 }));

/** An arbitrary for a value of `type`, mostly well-typed (so the server's own checks run), sometimes not. */
function valueOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return fc.oneof({ weight: 12, arbitrary: valueOf(type.ofType, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type)) return fc.array(valueOf(type.ofType, depth + 1), { maxLength: depth > 2 ? 1 : 4 });
  const named = getNamedType(type);
  let typed: fc.Arbitrary<unknown>;
  if (isEnumType(named)) typed = fc.constantFrom(...named.getValues().map((v) => v.name));
  else if (isInputObjectType(named)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(named.getFields());
    typed = fc.record(Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, depth + 1)])), {
      requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
    });
  } else if (isScalarType(named)) {
    typed =
      named.name === 'Int' || named.name === 'Float'
        ? hostileNumber
        : named.name === 'Boolean'
          ? fc.boolean()
          : named.name === 'DateTime'
            ? hostileDate
            : named.name === 'JSON'
              ? hostileJson
              : hostileString;
  } else typed = fc.constant(null);
  return fc.oneof({ weight: 10, arbitrary: typed }, { weight: 1, arbitrary: wrongType });
}

/** `mutation ($a: T!, ...) { field(a: $a, ...) { __typename } }` for `field`. */
function operationOf(kind: 'mutation' | 'query', field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind}${vars ? ` (${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} { __typename } }`;
}

const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
const decide = schema.getQueryType()!.getFields().decideHandoff!;
const targets = [
  ...mutations.map((f) => ({ kind: 'mutation' as const, field: f })),
  { kind: 'query' as const, field: decide },
  { kind: 'query' as const, field: decide },
];

describe('fuzzed GraphQL inputs', () => {
  let t: TestServer;
  let db: Database.Database;
  beforeAll(async () => {
    t = await startTestServer({ handoffs: { acceptSeconds: null, maxAgeSeconds: null, sweepSeconds: null } });
    db = new Database(path.join(t.config.dataDir, DATABASE_FILE), { readonly: true });
  });
  afterAll(async () => {
    db.close();
    await t.close();
  });

  /** A hash of every table (but API keys' use times, which reads touch). */
  const snapshot = (): string => {
    const hash = createHash('sha256');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    for (const { name } of tables) {
      if (name === 'api_keys') continue;
      for (const row of db.prepare(`SELECT * FROM "${name}"`).iterate())
        hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
    }
    return hash.digest('hex');
  };

  it(`sends ${RUNS} generated requests to every mutation (${mutations.length}) and decideHandoff: no 5xx, no internal error, no partial write`, async () => {
    const seen = { ok: 0, refused: 0 };
    const problems: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...targets)
          .chain((target) =>
            fc.record(Object.fromEntries(target.field.args.map((a) => [a.name, valueOf(a.type)]))).map((variables) => ({ target, variables })),
          ),
        async ({ target, variables }) => {
          const before = snapshot();
          const response = await t.gql(operationOf(target.kind, target.field), variables);
          const codes = (response.body.errors ?? []).map((e) => e.extensions.code);
          if (response.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR')) {
            problems.push(`${target.field.name}: ${response.status} ${JSON.stringify(response.body.errors).slice(0, 300)}`);
            return false;
          }
          if (response.body.errors) {
            seen.refused += 1;
            // A refused request changed nothing.
            if (snapshot() !== before) {
              problems.push(`${target.field.name} failed (${codes.join(',')}) but changed the store`);
              return false;
            }
          } else seen.ok += 1;
          return true;
        },
      ),
      { numRuns: RUNS, seed: process.env.BATON_FUZZ_SEED ? Number(process.env.BATON_FUZZ_SEED) : undefined },
    );
    expect(problems).toEqual([]);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    process.stdout.write(`fuzz: ${RUNS} requests, ${seen.ok} succeeded, ${seen.refused} refused with a client error\n`);
  }, 180_000);
});
