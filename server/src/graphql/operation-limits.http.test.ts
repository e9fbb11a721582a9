/**
 * Operation limits over HTTP (issue 17, findings 2, 3 and 7): aliases, depth, tokens, cost and
 * root fields are refused before anything runs; one mutation per request, so nothing is left
 * half-done; introspection and field suggestions only for the keys that edit policies when
 * restricted (production).
 */
import { BatonErrorCode } from '@baton/schemas';
import { DEFAULT_GRAPHQL_LIMITS } from '../config';
import { DECIDE, decideInput } from '../test-support/operations';
import { removeTempDirs } from '../test-support/temp-dir';
import { startTestServer, TEST_ADMIN_KEY, type GraphQLResponse, type TestServer } from '../test-support/test-server';

afterAll(removeTempDirs);

const errorOf = (response: GraphQLResponse) => response.body.errors?.[0];
const CREATE_KEY = `mutation ($name: String!, $role: Role!) { createApiKey(name: $name, role: $role) { secret key { id } } }`;
const API_KEYS = `{ apiKeys { id name active } }`;
const AUDIT_COUNT = `{ auditLog(first: 500) { nodes { sequence } } }`;

describe('operation limits over HTTP', () => {
  let t: TestServer;
  const keys: Record<string, string> = {};
  const logged = async () => (await t.server.store.decisionLog.countDecisions()) + t.server.decisionLog.pending;
  const auditEvents = async () => (await t.gql<{ auditLog: { nodes: unknown[] } }>(AUDIT_COUNT)).body.data?.auditLog.nodes.length;

  beforeAll(async () => {
    // As in production: introspection and suggestions only for ADMIN, PUBLISHER and EDITOR keys.
    t = await startTestServer({ graphql: { ...DEFAULT_GRAPHQL_LIMITS, introspection: 'restricted' } });
    for (const role of ['BOT', 'EDITOR', 'AUDITOR']) {
      keys[role] = (await t.gql<{ createApiKey: { secret: string } }>(CREATE_KEY, { name: role, role })).body.data?.createApiKey.secret as string;
    }
  });
  afterAll(() => t.close());

  it('refuses 100 aliases of decideHandoff over a large input before deciding anything, in well under a second', async () => {
    const input = decideInput({ messages: Array.from({ length: 200 }, (_, i) => ({ speaker: 'CUSTOMER', text: `message ${i} `.repeat(200) })) });
    const query = `query ($input: DecideHandoffInput!) { ${Array.from({ length: 100 }, (_, i) => `d${i}: decideHandoff(input: $input) { decisionId }`).join(' ')} }`;
    const before = await logged();
    const started = performance.now();
    const response = await t.gql(query, { input }, keys.BOT);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(response.status).toBe(400);
    expect(errorOf(response)).toMatchObject({ extensions: { code: BatonErrorCode.BadUserInput } });
    expect(errorOf(response)?.message).toMatch(/Aliases limit of 15 exceeded, found 100\. \(BATON_MAX_ALIASES\)/);
    expect(await logged()).toBe(before);
    // Health stays responsive.
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('calls decideHandoff at most once per request, even with few aliases', async () => {
    const before = await logged();
    const response = await t.gql(
      `query ($input: DecideHandoffInput!) { a: decideHandoff(input: $input) { decisionId } b: decideHandoff(input: $input) { decisionId } }`,
      {
        input: decideInput(),
      },
    );
    expect(response.status).toBe(400);
    expect(errorOf(response)).toMatchObject({ extensions: { code: BatonErrorCode.BadUserInput, field: 'decideHandoff', limit: 1 } });
    expect(await logged()).toBe(before);
  });

  it('prices pages by their size: three aliased pages of 200 decisions with input and facts are refused, one page of 100 is fine', async () => {
    const page = (alias: string, first: string) => `${alias}: decisions(first: ${first}) { nodes { input facts } }`;
    const aliased = await t.gql(`{ ${page('a', '200')} ${page('b', '200')} ${page('c', '200')} }`, {}, keys.AUDITOR);
    expect(aliased.status).toBe(400);
    expect(errorOf(aliased)).toMatchObject({ extensions: { code: BatonErrorCode.BadUserInput, limit: 10_000 } });
    expect(errorOf(aliased)?.message).toMatch(/costs \d+; the limit is 10000 \(BATON_MAX_QUERY_COST\)/);
    // A variable is priced as what it asks for.
    const byVariable = await t.gql(`query ($n: Int) { ${page('a', '$n')} }`, { n: 200 }, keys.AUDITOR);
    expect(errorOf(byVariable)?.extensions).toMatchObject({ code: BatonErrorCode.BadUserInput, cost: 1 + 200 * 61 });
    const fine = await t.gql(`query ($n: Int) { ${page('a', '$n')} }`, { n: 100 }, keys.AUDITOR);
    expect(fine.body.errors).toBeUndefined();
    // And the cap itself still holds.
    const capped = await t.gql(`{ decisions(first: 501) { nodes { decisionId } } }`, {}, keys.AUDITOR);
    expect(errorOf(capped)?.extensions).toMatchObject({ code: BatonErrorCode.BadUserInput, argument: 'first' });
  });

  it('refuses 100,000 aliases of __typename by their tokens, before parsing', async () => {
    const query = `{ ${Array.from({ length: 100_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const started = performance.now();
    const response = await t.gql(query, {}, keys.BOT);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(response.status).toBe(400);
    expect(errorOf(response)).toMatchObject({ message: 'The document has more than 3000 tokens (BATON_MAX_QUERY_TOKENS); send a smaller operation.' });
    expect(errorOf(response)?.extensions.code).toBe(BatonErrorCode.BadUserInput);
  });

  it('refuses a query 500 levels deep', async () => {
    // Valid against the schema: type references nest without end.
    const query = `{ __type(name: "Query") { ${'fields { type { '.repeat(250)}name${' } }'.repeat(250)} } }`;
    const response = await t.gql(query);
    expect(response.status).toBe(400);
    expect(errorOf(response)?.message).toMatch(/^Query depth limit of 12 exceeded, found \d{3}\. \(BATON_MAX_QUERY_DEPTH\)$/);
    expect(errorOf(response)?.extensions.code).toBe(BatonErrorCode.BadUserInput);
  });

  it('refuses a fragment bomb (each fragment spreading the one before twice) quickly: each spread is a level of depth', async () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === 0 ? 'fragment F0 on Query { viewer { role } }' : `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`,
    );
    const started = performance.now();
    const response = await t.gql(`{ ...F${levels - 1} }\n${fragments.join('\n')}`, {}, keys.BOT);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(response.status).toBe(400);
    expect(errorOf(response)?.message).toMatch(/Query depth limit of 12 exceeded, found \d+\. \(BATON_MAX_QUERY_DEPTH\)/);
  });

  it('refuses more root fields than BATON_MAX_ROOT_FIELDS', async () => {
    const fields =
      'viewer { role } policies { id } queues { id } agents { id } datasets { id } apiKeys { id } auditLog(first: 1) { nodes { sequence } } backtestRuns(first: 1) { id } verifyAuditLog { valid } sampleConversations { name } decisions(first: 1) { nodes { decisionId } }';
    const response = await t.gql(`{ ${fields} }`);
    expect(response.status).toBe(400);
    expect(errorOf(response)?.message).toMatch(/selects 11 root fields; the limit is 10 \(BATON_MAX_ROOT_FIELDS\)/);
  });

  describe('one mutation per request (finding 3)', () => {
    it('refuses an admin key created in the same request as a failing mutation: no key, no audit event, nothing half-done', async () => {
      const keysBefore = (await t.gql<{ apiKeys: { id: string }[] }>(API_KEYS)).body.data?.apiKeys.length;
      const eventsBefore = await auditEvents();
      const response = await t.gql(`mutation { sneaky: createApiKey(name: "sneaky", role: ADMIN) { secret } revokeApiKey(id: "no-such-key") { id } }`);
      expect(response.status).toBe(400);
      expect(errorOf(response)).toMatchObject({ extensions: { code: BatonErrorCode.BadUserInput, limit: 1, mutations: ['createApiKey', 'revokeApiKey'] } });
      expect(errorOf(response)?.message).toMatch(/send one mutation per request/);
      const after = (await t.gql<{ apiKeys: { name: string }[] }>(API_KEYS)).body.data?.apiKeys;
      expect(after).toHaveLength(keysBefore as number);
      expect(after?.map((k) => k.name)).not.toContain('sneaky');
      expect(await auditEvents()).toBe(eventsBefore);
    });

    it('cannot create an admin and revoke the last usable one in one request (the lock-out)', async () => {
      const adminId = TEST_ADMIN_KEY.slice(0, 12);
      const response = await t.gql(`mutation { createApiKey(name: "spare", role: ADMIN) { secret } revokeApiKey(id: "${adminId}") { id } }`);
      expect(errorOf(response)?.extensions.code).toBe(BatonErrorCode.BadUserInput);
      const admins = (await t.gql<{ apiKeys: { id: string; name: string; active: boolean }[] }>(API_KEYS)).body.data?.apiKeys;
      expect(admins?.find((k) => k.id === adminId)?.active).toBe(true);
      expect(admins?.map((k) => k.name)).not.toContain('spare');
      // One mutation per request still works, fragments and aliases included.
      const single = await t.gql(`mutation { made: createApiKey(name: "alone", role: BOT) { key { id } } }`);
      expect(single.body.errors).toBeUndefined();
    });
  });

  describe('introspection and suggestions when restricted (finding 7)', () => {
    const INTROSPECT = `{ __schema { queryType { name } } }`;

    it('refuses introspection to BOT and AUDITOR keys, allows it to EDITOR and ADMIN keys', async () => {
      for (const key of [keys.BOT, keys.AUDITOR]) {
        const refused = await t.gql(INTROSPECT, {}, key);
        expect(refused.status).toBe(403);
        expect(errorOf(refused)?.extensions.code).toBe(BatonErrorCode.Forbidden);
        expect(errorOf(refused)?.message).toMatch(/BATON_INTROSPECTION=restricted/);
      }
      for (const key of [keys.EDITOR, TEST_ADMIN_KEY]) {
        expect((await t.gql<{ __schema: { queryType: { name: string } } }>(INTROSPECT, {}, key)).body.data?.__schema.queryType.name).toBe('Query');
      }
      // __typename is no introspection.
      expect((await t.gql(`{ __typename viewer { role } }`, {}, keys.BOT)).body.errors).toBeUndefined();
    });

    it('hides field suggestions from a BOT key and shows them to an EDITOR key', async () => {
      const typo = `{ viewr { role } }`;
      const bot = errorOf(await t.gql(typo, {}, keys.BOT))?.message;
      expect(bot).toBe('Cannot query field "viewr" on type "Query".');
      expect(errorOf(await t.gql(typo, {}, keys.EDITOR))?.message).toMatch(/Did you mean "viewer"\?/);
      const input = await t.gql(DECIDE, { input: { ...decideInput(), custmer: {} } }, keys.BOT);
      expect(errorOf(input)?.message).not.toMatch(/Did you mean/);
    });
  });
});
