import fs from 'node:fs';
import path from 'node:path';
import { BatonErrorCode } from '@baton/schemas';
import { DEFAULT_LIMITS } from '../config';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store';
import { captureLogs } from '../test-support/captured-logs';
import { DECIDE, POLICIES, decideInput } from '../test-support/operations';
import { removeTempDirs, makeTempDir } from '../test-support/temp-dir';
import { TEST_ADMIN_KEY, startTestServer, type TestServer } from '../test-support/test-server';

afterAll(removeTempDirs);

describe('HTTP transport', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ limits: { ...DEFAULT_LIMITS, maxBodyBytes: 64 * 1024 } });
  });
  afterAll(() => t.close());

  it('answers GET /healthz with 200 {"status":"ok"}', async () => {
    const response = await fetch(`${t.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers unknown API paths with 404 and GET /graphql with a GraphQL-shaped 405', async () => {
    // GET of any other path is the editor's (it routes in the browser); other methods are not.
    expect((await fetch(`${t.url}/nope`, { method: 'POST' })).status).toBe(404);
    const response = await fetch(`${t.url}/graphql?query={policies{id}}`, { headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } });
    expect(response.status).toBe(405);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: BatonErrorCode.BadUserInput } }] });
  });

  describe('authentication', () => {
    it('refuses a request without a key', async () => {
      const { status, body } = await t.gql(POLICIES, {}, null);
      expect(status).toBe(401);
      expect(body.errors?.[0]).toMatchObject({
        extensions: { code: BatonErrorCode.Unauthenticated },
        message: expect.stringContaining('Authorization: Bearer'),
      });
      expect(body.data).toBeUndefined();
    });

    it('refuses a wrong key and a non-Bearer scheme', async () => {
      const wrong = await t.gql(POLICIES, {}, TEST_ADMIN_KEY.slice(0, -1) + 'X');
      expect(wrong.status).toBe(401);
      expect(wrong.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.Unauthenticated);
      const basic = await t.raw(JSON.stringify({ query: POLICIES }), { authorization: `Basic ${TEST_ADMIN_KEY}` });
      expect(basic.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.Unauthenticated);
    });

    it('accepts the admin key', async () => {
      const { status, body } = await t.gql<{ policies: { id: string }[] }>(POLICIES);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data?.policies.map((p) => p.id)).toContain('support-default');
    });

    it('tells every cache not to keep an answer (cache-control: no-store)', async () => {
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` },
        body: JSON.stringify({ query: '{ policies { id } }' }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('malformed requests', () => {
    it('refuses a body that is not JSON', async () => {
      const { status, body } = await t.raw('{"query": "{ policies { id } }"');
      expect(status).toBe(400);
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: BatonErrorCode.BadUserInput }, message: expect.stringContaining('not valid JSON') });
    });

    it('refuses a non-JSON content type', async () => {
      const { status, body } = await t.raw('query { policies { id } }', { 'content-type': 'text/plain' });
      expect(status).toBe(415);
      expect(body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);
    });

    it('refuses a body over BATON_MAX_BODY_BYTES with PAYLOAD_TOO_LARGE, even 5 MB', async () => {
      const huge = JSON.stringify({
        query: DECIDE,
        variables: { input: decideInput({ messages: [{ speaker: 'CUSTOMER', text: 'a'.repeat(5 * 1024 * 1024) }] }) },
      });
      const { status, body } = await t.raw(huge);
      expect(status).toBe(413);
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: BatonErrorCode.PayloadTooLarge, limit: 64 * 1024 } });
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    });

    it.each([
      ['a syntax error', { query: '{ policies { id ' }, 'GRAPHQL_PARSE_FAILED'],
      ['an unknown field', { query: '{ policies { nope } }' }, 'GRAPHQL_VALIDATION_FAILED'],
      ['no query at all', { variables: {} }, 'BAD_REQUEST'],
      ['a batch', [{ query: '{ policies { id } }' }], 'BAD_REQUEST'],
    ])('maps %s to BAD_USER_INPUT keeping the GraphQL reason', async (_name, payload, reason) => {
      const { status, body } = await t.raw(JSON.stringify(payload));
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions).toEqual({ code: BatonErrorCode.BadUserInput, reason });
    });
  });
});

describe('internal errors', () => {
  it('never sends an internal message to the client; logs it with a reference', async () => {
    const { logger, lines } = captureLogs();
    const store = await openSqliteStore(makeTempDir());
    const t = await startTestServer({}, { logger, store });
    jest.spyOn(store.policies, 'listPolicies').mockRejectedValue(new Error('SQLITE_CORRUPT: secret table detail'));
    const { status, body } = await t.gql(POLICIES);
    expect(status).toBe(200);
    const error = body.errors?.[0];
    expect(error?.extensions.code).toBe(BatonErrorCode.Internal);
    expect(JSON.stringify(body)).not.toContain('SQLITE_CORRUPT');
    expect(error?.message).toContain(String(error?.extensions.errorId));
    expect(lines.find((l) => l.level === 'error')).toMatchObject({
      errorId: error?.extensions.errorId,
      err: { message: expect.stringContaining('SQLITE_CORRUPT') },
    });
    await t.close();
  });

  it('answers /healthz with 503 once the store is closed', async () => {
    const t = await startTestServer();
    await t.server.store.close();
    const response = await fetch(`${t.url}/healthz`);
    expect(response.status).toBe(503);
    await t.close();
  });

  it('stores the admin key hashed only', async () => {
    const t = await startTestServer();
    await t.close();
    const files = fs.readdirSync(t.config.dataDir).map((f) => fs.readFileSync(path.join(t.config.dataDir, f)).toString('latin1'));
    expect(files.join('')).not.toContain(TEST_ADMIN_KEY);
  });
});

describe('request ids', () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  let t: TestServer;
  let lines: ReturnType<typeof captureLogs>['lines'];
  beforeAll(async () => {
    const captured = captureLogs();
    lines = captured.lines;
    t = await startTestServer({}, { logger: captured.logger });
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const listPolicies = (requestId?: string) =>
    fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}`, ...(requestId ? { 'x-request-id': requestId } : {}) },
      body: JSON.stringify({ query: POLICIES }),
    });

  it('answers every request with a new UUID in x-request-id when the caller sent none', async () => {
    const [health, graphql, missing] = await Promise.all([fetch(`${t.url}/healthz`), listPolicies(), fetch(`${t.url}/nope`, { method: 'POST' })]);
    const ids = [health, graphql, missing].map((response) => response.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(3);
  });

  it("keeps the caller's x-request-id when it is a short token, and replaces anything else", async () => {
    expect((await listPolicies('bot-turn_42:7.a')).headers.get('x-request-id')).toBe('bot-turn_42:7.a');
    for (const sent of ['x'.repeat(65), 'two words', '{"reqId":"forged"}']) {
      expect((await listPolicies(sent)).headers.get('x-request-id')).toMatch(UUID);
    }
  });

  it('tags the line logged while serving each of two concurrent requests with that request id', async () => {
    jest.spyOn(t.server.store.policies, 'listPolicies').mockRejectedValue(new Error('SQLITE_IOERR: disk I/O error'));
    const responses = await Promise.all([listPolicies('request-one'), listPolicies('request-two')]);
    const errorIds = await Promise.all(
      responses.map(async (response) => ((await response.json()) as { errors: { extensions: { errorId: string } }[] }).errors[0]?.extensions.errorId),
    );
    for (const [index, reqId] of ['request-one', 'request-two'].entries()) {
      expect(responses[index]?.headers.get('x-request-id')).toBe(reqId);
      expect(lines.filter((line) => line.reqId === reqId)).toEqual([
        expect.objectContaining({ level: 'error', errorId: errorIds[index], msg: 'unexpected error while handling a GraphQL request' }),
      ]);
    }
  });

  it('tags an unhandled HTTP error with the request id it answers with', async () => {
    jest.spyOn(t.server.store, 'isHealthy').mockImplementation(() => {
      throw new Error('health check exploded');
    });
    const response = await fetch(`${t.url}/healthz`);
    expect(response.status).toBe(500);
    const reqId = response.headers.get('x-request-id');
    expect(reqId).toMatch(UUID);
    expect(lines.find((line) => line.msg === 'unhandled HTTP error')).toMatchObject({
      level: 'error',
      reqId,
      path: '/healthz',
      err: { message: 'health check exploded' },
    });
  });
});
