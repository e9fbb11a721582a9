/** API keys over HTTP: created with a role, shown once, stored hashed, revoked at once, last use recorded. */
import { BatonErrorCode } from '@baton/schemas';
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, TEST_ADMIN_KEY, type TestServer } from '../../test-support/test-server';
import { apiKeyId } from './api-key';

afterAll(removeTempDirs);

const CREATE = `mutation ($name: String!, $role: Role!) { createApiKey(name: $name, role: $role) { secret key { id name role active createdBy lastUsedAt } } }`;
const REVOKE = `mutation ($id: ID!) { revokeApiKey(id: $id) { id active revokedAt } }`;
const KEYS = `{ apiKeys { id name role active lastUsedAt } }`;

describe('API keys over HTTP', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('creates a key whose secret works at once and is never listed', async () => {
    const { body } = await t.gql<{ createApiKey: { secret: string; key: { id: string; role: string; createdBy: string; lastUsedAt: null } } }>(CREATE, {
      name: 'zendesk bot',
      role: 'BOT',
    });
    const created = body.data?.createApiKey;
    expect(created?.key).toMatchObject({ id: apiKeyId(created?.secret ?? ''), role: 'BOT', createdBy: apiKeyId(TEST_ADMIN_KEY), lastUsedAt: null });
    expect((await t.gql(`{ viewer { role } }`, undefined, created?.secret)).body.data).toEqual({ viewer: { role: 'BOT' } });
    const listed = await t.gql<{ apiKeys: { id: string; lastUsedAt: string | null }[] }>(KEYS);
    expect(JSON.stringify(listed.body)).not.toContain(created?.secret);
    expect(listed.body.data?.apiKeys.find((k) => k.id === created?.key.id)?.lastUsedAt).not.toBeNull();
  });

  it('refuses bad names and roles, writing nothing', async () => {
    const before = (await t.gql<{ apiKeys: unknown[] }>(KEYS)).body.data?.apiKeys.length;
    expect((await t.gql(CREATE, { name: '  ', role: 'BOT' })).body.errors?.[0]?.extensions).toMatchObject({ code: BatonErrorCode.BadUserInput, field: 'name' });
    expect((await t.gql(CREATE, { name: 'x', role: 'OWNER' })).body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);
    expect((await t.gql<{ apiKeys: unknown[] }>(KEYS)).body.data?.apiKeys.length).toBe(before);
  });

  it('revokes a key at once; revoked and malformed keys are UNAUTHENTICATED', async () => {
    const created = (await t.gql<{ createApiKey: { secret: string; key: { id: string } } }>(CREATE, { name: 'temp editor', role: 'EDITOR' })).body.data
      ?.createApiKey;
    const secret = created?.secret as string;
    expect((await t.gql(`{ viewer { role } }`, undefined, secret)).status).toBe(200);
    const revoked = await t.gql(REVOKE, { id: created?.key.id });
    expect(revoked.body.data).toMatchObject({ revokeApiKey: { id: created?.key.id, active: false } });
    const after = await t.gql(`{ viewer { role } }`, undefined, secret);
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.Unauthenticated);
    const again = await t.gql(REVOKE, { id: created?.key.id });
    expect(again.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);
    expect((await t.gql(REVOKE, { id: 'bk_unknown00' })).body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.NotFound);
    const malformed = await t.gql(`{ viewer { role } }`, undefined, 'short');
    expect(malformed.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.Unauthenticated);
  });

  it("names keys by id for every person's role (never a secret), leaves unknown ids out and bounds the list", async () => {
    const NAMES = `query ($ids: [ID!]!) { keyNames(ids: $ids) { id name role active } }`;
    const editor = (await t.gql<{ createApiKey: { secret: string; key: { id: string } } }>(CREATE, { name: 'Ines, editor', role: 'EDITOR' })).body.data
      ?.createApiKey;
    const bot = (await t.gql<{ createApiKey: { secret: string; key: { id: string } } }>(CREATE, { name: 'widget bot', role: 'BOT' })).body.data?.createApiKey;
    await t.gql(REVOKE, { id: bot?.key.id });
    const asked = await t.gql<{ keyNames: unknown[] }>(NAMES, { ids: [bot?.key.id, apiKeyId(TEST_ADMIN_KEY), 'bk_unknown000'] }, editor?.secret);
    expect(asked.body.errors).toBeUndefined();
    expect(asked.body.data?.keyNames).toEqual(
      expect.arrayContaining([
        { id: bot?.key.id, name: 'widget bot', role: 'BOT', active: false },
        expect.objectContaining({ id: apiKeyId(TEST_ADMIN_KEY), role: 'ADMIN', active: true }),
      ]),
    );
    expect(asked.body.data?.keyNames).toHaveLength(2);
    expect(JSON.stringify(asked.body)).not.toContain(bot?.secret);
    const tooMany = await t.gql(NAMES, { ids: Array.from({ length: 101 }, (_, i) => `k${i}`) }, editor?.secret);
    expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: BatonErrorCode.BadUserInput, field: 'ids' });
    const botKey = (await t.gql<{ createApiKey: { secret: string } }>(CREATE, { name: 'another bot', role: 'BOT' })).body.data?.createApiKey.secret;
    expect((await t.gql(NAMES, { ids: [] }, botKey)).body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.Forbidden);
  });

  it('never revokes the last active admin key', async () => {
    const refused = await t.gql(REVOKE, { id: apiKeyId(TEST_ADMIN_KEY) });
    expect(refused.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);
    expect(refused.body.errors?.[0]?.message).toMatch(/last active admin key/);
    expect((await t.gql(`{ viewer { role } }`)).body.data).toEqual({ viewer: { role: 'ADMIN' } });
  });
});
