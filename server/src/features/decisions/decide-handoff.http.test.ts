import { BatonErrorCode } from '@baton/schemas';
import { CREATE_POLICY, DECIDE, decideInput } from '../../test-support/operations';
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, type TestServer } from '../../test-support/test-server';

afterAll(removeTempDirs);

/** Every bad request must come back as one GraphQL error with a code and an actionable message, and log nothing. */
describe('decideHandoff over HTTP: bad input', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  async function expectRefused(variables: Record<string, unknown>, code: BatonErrorCode, messagePart?: string | RegExp) {
    const { status, body } = await t.gql(DECIDE, variables);
    expect(status).toBeLessThan(500);
    expect(body.errors).toHaveLength(1);
    const error = body.errors?.[0];
    expect(error?.extensions.code).toBe(code);
    if (messagePart) expect(error?.message).toMatch(messagePart);
    expect(body.data ?? null).toBeNull();
    return error;
  }

  afterEach(async () => {
    await t.server.decisionLog.flush();
    expect(await t.server.store.decisionLog.countDecisions()).toBe(0);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a string where an object is expected', { input: decideInput({ customer: 'cust-1' }) }, /customer/],
    ['a string where a number is expected', { input: decideInput({ messages: [{ speaker: 'BOT', text: 'hi', confidence: 'high' }] }) }, /confidence/],
    ['a string where a boolean is expected', { input: decideInput({ dryRun: 'yes' }) }, /dryRun/],
    ['a missing customer', { input: { conversationId: 'c', messages: [{ speaker: 'CUSTOMER', text: 'hi' }] } }, /customer/],
    ['a message without text', { input: decideInput({ messages: [{ speaker: 'CUSTOMER' }] }) }, /text/],
    ['no input at all', {}, /\$input/],
    ['an unknown speaker', { input: decideInput({ messages: [{ speaker: 'ROBOT', text: 'hi' }] }) }, /ROBOT.*Speaker/],
    [
      'an unparseable message date',
      { input: decideInput({ messages: [{ speaker: 'CUSTOMER', text: 'hi', at: 'yesterday' }] }) },
      /DateTime.*RFC 3339 date-time with a time zone/,
    ],
    [
      'a date without a time zone',
      { input: decideInput({ messages: [{ speaker: 'CUSTOMER', text: 'hi', at: '2026-11-21T09:00:00' }] }) },
      /with a time zone, e\.g\. "2026-11-21T09:00:00Z"/,
    ],
    [
      'messages out of order',
      {
        input: decideInput({
          messages: [
            { speaker: 'CUSTOMER', text: 'hi', at: '2026-11-21T10:00:00Z' },
            { speaker: 'CUSTOMER', text: 'hello?', at: '2026-11-21T09:00:00Z' },
          ],
        }),
      },
      /messages\[1\]\.at .* is earlier than input\.messages\[0\]\.at/,
    ],
    ['an unparseable now', { input: decideInput({ now: '2025-13-45T99:00:00Z' }) }, /DateTime/],
  ])('refuses %s with BAD_USER_INPUT', async (_name, variables, message) => {
    await expectRefused(variables, BatonErrorCode.BadUserInput, message);
  });

  it('refuses a wrong type written inline in the query with BAD_USER_INPUT', async () => {
    const { status, body } = await t.gql(`{ decideHandoff(input: { conversationId: "c", customer: { id: 1.5 }, messages: [] }) { action } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: BatonErrorCode.BadUserInput, reason: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('refuses empty messages', async () => {
    await expectRefused({ input: decideInput({ messages: [] }) }, BatonErrorCode.BadUserInput, /input.messages is empty/);
  });

  it('refuses confidence outside 0..1', async () => {
    const error = await expectRefused(
      {
        input: decideInput({
          messages: [
            { speaker: 'CUSTOMER', text: 'hi' },
            { speaker: 'BOT', text: 'ok', confidence: 1.2 },
          ],
        }),
      },
      BatonErrorCode.BadUserInput,
      /between 0 and 1/,
    );
    expect(error?.extensions.field).toBe('input.messages[1].confidence');
  });

  it.each([
    ['intentConfidence', { intent: 'card_lost', intentConfidence: 1.4 }, /between 0 and 1/],
    ['sentiment', { sentiment: -2 }, /between -1 and 1/],
  ])('refuses a bot-reported %s out of range, naming the field', async (field, extra, message) => {
    const error = await expectRefused(
      { input: decideInput({ messages: [{ speaker: 'CUSTOMER', text: 'hi', ...extra }] }) },
      BatonErrorCode.BadUserInput,
      message,
    );
    expect(error?.extensions.field).toBe(`input.messages[0].${field}`);
  });

  it.each([
    ['input.conversationId', (input: Record<string, unknown>) => delete input.conversationId],
    ['input.customer.id', (input: Record<string, unknown>) => delete (input.customer as Record<string, unknown>).id],
  ])('names a required field left out (%s) without echoing the whole input back', async (field, leaveOut) => {
    const input = decideInput() as unknown as Record<string, unknown>;
    leaveOut(input);
    const error = await expectRefused(
      { input },
      BatonErrorCode.BadUserInput,
      new RegExp(`^${field.replace(/\./g, '\\.')} is required \\(ID!\\) but was not provided\\.$`),
    );
    expect(error?.extensions.field).toBe(field);
  });

  it('refuses bot-reported topics of the wrong type', async () => {
    await expectRefused(
      { input: decideInput({ messages: [{ speaker: 'CUSTOMER', text: 'hi', topics: [{ code: 'security' }] }] }) },
      BatonErrorCode.BadUserInput,
      /topics/,
    );
  });

  it('refuses a message over BATON_MAX_MESSAGE_CHARS', async () => {
    const text = 'x'.repeat(t.config.limits.maxMessageChars + 1);
    const error = await expectRefused({ input: decideInput({ messages: [{ speaker: 'CUSTOMER', text }] }) }, BatonErrorCode.BadUserInput, /limit is 10000/);
    expect(error?.extensions).toMatchObject({ field: 'input.messages[0].text', limit: 10_000 });
  });

  it('refuses a 5 MB message at the HTTP body limit with PAYLOAD_TOO_LARGE', async () => {
    const text = 'x'.repeat(5 * 1024 * 1024);
    const { status, body } = await t.gql(DECIDE, { input: decideInput({ messages: [{ speaker: 'CUSTOMER', text }] }) });
    expect(status).toBe(413);
    expect(body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.PayloadTooLarge);
  });

  it('refuses 10,000 messages (limit 500)', async () => {
    const messages = Array.from({ length: 10_000 }, (_, i) => ({ speaker: i % 2 ? 'BOT' : 'CUSTOMER', text: `m${i}` }));
    const error = await expectRefused({ input: decideInput({ messages }) }, BatonErrorCode.BadUserInput, /10000 messages; the limit is 500/);
    expect(error?.extensions.limit).toBe(500);
  });

  it('refuses attributes that are not a JSON object', async () => {
    await expectRefused({ input: decideInput({ attributes: [1, 2, 3] }) }, BatonErrorCode.BadUserInput, /input.attributes must be a JSON object/);
  });

  it('answers NOT_FOUND for an unknown policyId', async () => {
    const error = await expectRefused({ input: decideInput({ policyId: 'no-such-policy' }) }, BatonErrorCode.NotFound, /no-such-policy/);
    expect(error?.extensions.policyId).toBe('no-such-policy');
  });

  it('answers NOT_FOUND for a policy with no published version', async () => {
    const created = await t.gql(CREATE_POLICY, { input: { id: 'unpublished', name: 'Unpublished' } });
    expect(created.body.errors).toBeUndefined();
    await expectRefused({ input: decideInput({ policyId: 'unpublished' }) }, BatonErrorCode.NotFound, /no published version/);
  });
});

describe('decideHandoff over HTTP: signals reported by the bot', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('hands off on a topic or intent the bot reports, and says the bot reported it', async () => {
    const byTopic = await t.gql(DECIDE, {
      input: decideInput({ messages: [{ speaker: 'CUSTOMER', text: 'please read my last message', topics: ['crisis'] }] }),
    });
    expect(byTopic.body.errors).toBeUndefined();
    expect(byTopic.body.data?.decideHandoff).toMatchObject({
      action: 'HANDOFF',
      reasonCode: 'crisis',
      priority: 'URGENT',
      routing: { queueId: 'trust_safety' },
    });
    const reasons = (byTopic.body.data?.decideHandoff as { reasons: Array<{ evidence: string[] }> }).reasons;
    expect(reasons[0]?.evidence).toContain('crisis: customer message 1: reported by the bot (topic crisis)');

    const byIntent = await t.gql(DECIDE, {
      input: decideInput({ messages: [{ speaker: 'CUSTOMER', text: 'about my card', intent: 'card_lost', intentConfidence: 0.93 }] }),
    });
    expect(byIntent.body.data?.decideHandoff).toMatchObject({ action: 'HANDOFF', reasonCode: 'security_incident' });

    const unsure = await t.gql(DECIDE, {
      input: decideInput({ messages: [{ speaker: 'CUSTOMER', text: 'about my card', intent: 'card_lost', intentConfidence: 0.4 }] }),
    });
    expect(unsure.body.data?.decideHandoff).toMatchObject({ action: 'STAY' });
  });
});
