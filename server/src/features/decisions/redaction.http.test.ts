/**
 * The raw text of a card number and a password reaches neither the bot's response nor the
 * decision log; the decision is still made on the raw conversation.
 */
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, type TestServer } from '../../test-support/test-server';

afterAll(removeTempDirs);

const CARD = '4111 1111 1111 1111';
const PASSWORD = 'Sunflower#2291';

const FULL_DECISION = /* GraphQL */ `
  query Decide($input: DecideHandoffInput!) {
    decideHandoff(input: $input) {
      decisionId
      action
      reasonCode
      signals
      reasons {
        code
        evidence
      }
      context {
        summary
        markdown
        suggestedGreeting
        recommendedActions
        pageContext
        issue {
          category
          subcategory
          evidence
        }
        customer {
          id
          attributes
          flags
        }
        triggers {
          code
          messageIndex
          excerpt
        }
        transcript {
          index
          text
        }
        condensedTranscript {
          index
          text
        }
        attempts {
          action
          result
        }
      }
    }
  }
`;

describe('redaction', () => {
  it('masks a card number and a password in the response and in the stored decision', async () => {
    const t = await startTestServer({ decisionLog: { flushMs: 0, batchSize: 100 } });
    try {
      await decideAndCheck(t);
    } finally {
      await t.close();
    }
  });
});

async function decideAndCheck(t: TestServer): Promise<void> {
  const input = {
    conversationId: 'redact-1',
    customer: { id: 'cus-9', name: 'Lena', language: 'en', attributes: { note: `card on file ${CARD}` } },
    messages: [
      {
        // Evidence quotes are cut at 120 characters: the card sits where a cut would halve it.
        speaker: 'CUSTOMER',
        text: `Someone hacked my account last night and they changed the delivery address on two orders, then paid with card ${CARD} again`,
        at: '2026-11-21T09:00:00Z',
      },
      { speaker: 'BOT', text: 'I can help. Can you confirm your login?', at: '2026-11-21T09:00:10Z', confidence: 0.9 },
      { speaker: 'CUSTOMER', text: `my password is ${PASSWORD}, please check my account`, at: '2026-11-21T09:01:00Z' },
    ],
    attempts: [{ action: 'verify card', result: `card ${CARD} flagged`, at: '2026-11-21T09:00:30Z' }],
    pageContext: { url: 'https://shop.example/checkout', field: `card=${CARD}` },
    now: '2026-11-21T09:01:05Z',
  };
  const { body } = await t.gql<{ decideHandoff: { decisionId: string; action: string; reasonCode: string; context: { transcript: { text: string }[] } } }>(
    FULL_DECISION,
    { input },
  );
  expect(body.errors).toBeUndefined();
  const decision = body.data?.decideHandoff;
  expect(decision).toMatchObject({ action: 'HANDOFF', reasonCode: 'security_incident' });

  const response = JSON.stringify(body);
  for (const secret of [CARD, CARD.replace(/ /g, ''), PASSWORD, '4111 111', 'Sunflo']) expect(response).not.toContain(secret);
  expect(decision?.context.transcript[0]?.text).toContain('[card ••••1111]');
  expect(decision?.context.transcript[2]?.text).toBe('my password is [password], please check my account');

  await t.server.decisionLog.flush();
  const stored = await t.server.store.decisionLog.getDecision(decision?.decisionId as string);
  expect(stored).not.toBeNull();
  const logged = JSON.stringify(stored);
  for (const secret of [CARD, CARD.replace(/ /g, ''), PASSWORD]) expect(logged).not.toContain(secret);
  expect(logged).toContain('Someone hacked my account');
}
