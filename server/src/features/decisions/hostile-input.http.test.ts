/**
 * Hostile decision inputs over HTTP (issue 17, findings 1 and 6): JSON nested thousands of
 * levels deep, oversized or ill-formed strings, impossible times, unknown languages and time
 * zones. Each is refused with BAD_USER_INPUT naming the field, before anything is logged; and
 * the decision log never loses other callers' decisions to one entry it cannot write.
 */
import { BatonErrorCode } from '@baton/schemas';
import { openSqliteStore } from '../../store/sqlite/open-sqlite-store';
import { DECIDE, decideInput } from '../../test-support/operations';
import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server';

afterAll(removeTempDirs);

const DECISION = `query ($id: ID!) { decision(id: $id) { decisionId conversationId } }`;

/** `{ "a": { "a": … 1 } }`, `depth` objects deep. */
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 1 };
  for (let i = 1; i < depth; i += 1) value = { a: value };
  return value;
}

/** The JSON text of `nested(depth)`, written without recursion (JSON.stringify runs out of stack first). */
const nestedText = (depth: number): string => `${'{"a":'.repeat(depth - 1)}{"leaf":1}${'}'.repeat(depth - 1)}`;

const errorOf = (response: GraphQLResponse) => response.body.errors?.[0];
type Decided = GraphQLResponse<{ decideHandoff: { decisionId: string } }>;

describe('hostile decision inputs over HTTP', () => {
  let t: TestServer;
  const decide = (input: Record<string, unknown>) => t.gql<{ decideHandoff: { decisionId: string } }>(DECIDE, { input }) as Promise<Decided>;
  const logged = async () => (await t.server.store.decisionLog.countDecisions()) + t.server.decisionLog.pending;

  beforeAll(async () => {
    t = await startTestServer({ decisionLog: { flushMs: 0, batchSize: 100 } });
  });
  afterAll(() => t.close());

  it('refuses attributes nested 4,500 levels deep naming the field, and the other decisions of the same batch are all written', async () => {
    const good = Array.from({ length: 5 }, (_, i) => decideInput({ conversationId: `deep-ok-${i}` }));
    // The request as an attacker writes it: the deep value spliced into the JSON text.
    const deep = (input: Record<string, unknown>) =>
      t.raw(JSON.stringify({ query: DECIDE, variables: { input } }).replace('"DEEP"', nestedText(4500))) as Promise<Decided>;
    const hostile = [
      deep(decideInput({ conversationId: 'deep-1', attributes: 'DEEP' })),
      deep(decideInput({ conversationId: 'deep-2', customer: { id: 'c', attributes: 'DEEP' } })),
      decide(decideInput({ conversationId: 'deep-3', pageContext: nested(17) })),
    ];
    const responses = await Promise.all([...good.map(decide), ...hostile]);
    const [ok, refused] = [responses.slice(0, 5), responses.slice(5)];
    expect(ok.map((r) => errorOf(r))).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(refused.map((r) => [r.status, errorOf(r)?.extensions.code, errorOf(r)?.extensions.field])).toEqual([
      [400, BatonErrorCode.BadUserInput, 'input.attributes'],
      [400, BatonErrorCode.BadUserInput, 'input.customer.attributes'],
      [400, BatonErrorCode.BadUserInput, 'input.pageContext'],
    ]);
    expect(errorOf(refused[0] as Decided)?.message).toMatch(/nested deeper than 16 levels .*BATON_MAX_JSON_DEPTH/);
    // The refusal does not echo the 4,500 levels back.
    expect(JSON.stringify(refused[0]?.body).length).toBeLessThan(3000);

    await t.server.decisionLog.flush();
    expect(t.server.decisionLog.pending).toBe(0);
    expect(t.server.decisionLog.dropped).toBe(0);
    for (const response of ok) {
      const id = response.body.data?.decideHandoff.decisionId;
      expect((await t.gql<{ decision: { decisionId: string } | null }>(DECISION, { id })).body.data?.decision?.decisionId).toBe(id);
    }
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a name of 1.5 MB', { customer: { id: 'c', name: 'x'.repeat(1_500_000) } }, 'input.customer.name', /1500000 characters; the limit is 200/],
    ['a name of 201 characters', { customer: { id: 'c', name: 'n'.repeat(201) } }, 'input.customer.name', /limit is 200/],
    ['an email of 255 characters', { customer: { id: 'c', email: `${'e'.repeat(245)}@x.example` } }, 'input.customer.email', /limit is 254/],
    ['an intent of 101 characters', { messages: [{ speaker: 'CUSTOMER', text: 'hi', intent: 'i'.repeat(101) }] }, 'input.messages[0].intent', /limit is 100/],
    ['attributes of 20 KB', { attributes: { blob: 'x'.repeat(20_000) } }, 'input.attributes', /BATON_MAX_ATTRIBUTES_BYTES/],
    ['a pageContext of 20 KB', { pageContext: { html: 'x'.repeat(20_000) } }, 'input.pageContext', /BATON_MAX_ATTRIBUTES_BYTES/],
    ['a zero-width conversation id', { conversationId: '\u200B\u200B' }, 'input.conversationId', /empty/],
    ['an empty customer id', { customer: { id: '' } }, 'input.customer.id', /empty/],
    ['a name with a NUL', { customer: { id: 'c', name: 'Ana\u0000' } }, 'input.customer.name', /control character/],
    ['a name with a newline', { customer: { id: 'c', name: 'Ana\nBob' } }, 'input.customer.name', /control character/],
    ['a message with a NUL', { messages: [{ speaker: 'CUSTOMER', text: 'hi\u0000there' }] }, 'input.messages[0].text', /NUL/],
    ['a message with a lone surrogate', { messages: [{ speaker: 'CUSTOMER', text: 'hi \uD800 there' }] }, 'input.messages[0].text', /surrogate/],
    ['attributes with a NUL', { attributes: { note: 'a\u0000b' } }, 'input.attributes', /NUL/],
    ['attributes with a lone surrogate in a key', { attributes: { ['k\uDC00']: 1 } }, 'input.attributes', /surrogate/],
    ['language "xx"', { customer: { id: 'c', language: 'xx' } }, 'input.customer.language', /not a known language/],
    ['time zone "Mars/Olympus"', { customer: { id: 'c', timezone: 'Mars/Olympus' } }, 'input.customer.timezone', /not an IANA time zone/],
    ['a channel with spaces', { channel: 'web chat' }, 'input.channel', /letters, digits/],
    ['a message from 1970', { messages: [{ speaker: 'CUSTOMER', text: 'hi', at: '1970-01-01T00:00:00Z' }] }, 'input.messages[0].at', /before 2000/],
    [
      'a message from 2099',
      { messages: [{ speaker: 'CUSTOMER', text: 'hi', at: '2099-01-01T00:00:00Z' }] },
      'input.messages[0].at',
      /BATON_MAX_CLOCK_SKEW_SECONDS/,
    ],
    ['now in the year 9999', { now: '9999-12-31T00:00:00Z' }, 'input.now', /BATON_MAX_CLOCK_SKEW_SECONDS/],
    ['an attempt from 1999', { attempts: [{ action: 'refund', result: 'failed', at: '1999-12-31T23:59:59Z' }] }, 'input.attempts[0].at', /before 2000/],
    [
      'now before the messages',
      { messages: [{ speaker: 'CUSTOMER', text: 'hi', at: '2026-03-02T10:00:00Z' }], now: '2026-03-02T09:00:00Z' },
      'input.now',
      /before the last message/,
    ],
  ])('refuses %s with BAD_USER_INPUT naming the field, logging nothing', async (_name, extra, field, message) => {
    const before = await logged();
    const response = await decide(decideInput({ conversationId: 'hostile', ...extra }));
    const error = errorOf(response);
    expect(error?.extensions).toMatchObject({ code: BatonErrorCode.BadUserInput, field });
    expect(error?.message).toMatch(message);
    expect(await logged()).toBe(before);
  });

  it('accepts what a real bot sends: a BCP 47 language, an IANA zone, a channel, times up to the skew window', async () => {
    const soon = new Date(Date.now() + 60_000).toISOString();
    const response = await decide(
      decideInput({
        channel: 'web_chat',
        customer: { id: 'c-1', name: 'Ana María', email: 'ana@example.com', language: 'pt-BR', timezone: 'America/Sao_Paulo', tier: 'vip' },
        messages: [{ speaker: 'CUSTOMER', text: 'Olá!\nPreciso de ajuda 🙂', at: soon }],
        attributes: { plan: 'pro', nested: nested(14) },
      }),
    );
    expect(errorOf(response)).toBeUndefined();
  });
});

describe('a decision log entry that cannot be written', () => {
  it('never fails the batch it is in: the other decisions are written and answered, it alone is retried, then refused to its caller', async () => {
    const store = await openSqliteStore(makeTempDir());
    const { decisionLog } = store;
    let refusals = 0;
    const t = await startTestServer(
      { decisionLog: { flushMs: 0, batchSize: 100 } },
      {
        store: {
          ...store,
          decisionLog: {
            ...decisionLog,
            // A write the store refuses for one entry (a constraint, a corrupt page…), whatever batch it is in.
            appendDecisions: async (records) => {
              if (records.some((r) => r.conversationId === 'poison')) {
                refusals += 1;
                throw new Error('the store refuses this entry');
              }
              return decisionLog.appendDecisions(records);
            },
          },
        },
      },
    );
    try {
      const conversations = ['a', 'b', 'poison', 'c', 'd'];
      const responses = await Promise.all(
        conversations.map((id) => t.gql<{ decideHandoff: { decisionId: string } }>(DECIDE, { input: decideInput({ conversationId: id }) })),
      );
      // Acknowledged means stored: the four others were answered with their ids, the poison one with UNAVAILABLE and no id.
      expect(responses.map((r) => r.body.errors?.[0]?.extensions.code)).toEqual([undefined, undefined, 'UNAVAILABLE', undefined, undefined]);
      expect(responses[2]?.body.data).toBeNull();
      const written = await Promise.all(
        responses.map(async (r) => (await decisionLog.getDecision(r.body.data?.decideHandoff.decisionId ?? ''))?.conversationId ?? null),
      );
      expect(written).toEqual(['a', 'b', null, 'c', 'd']);
      expect(t.server.decisionLog.pending).toBe(0);
      expect(t.server.decisionLog.dropped).toBe(1);
      // Whatever batch it shared, the poison entry failed it once, then failed alone on each of its three attempts.
      expect(refusals).toBeGreaterThanOrEqual(3);
      expect(await decisionLog.countDecisions()).toBe(4);
    } finally {
      await t.close();
    }
  });
});
