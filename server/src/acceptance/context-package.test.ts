/**
 * Acceptance for the context package: every HANDOFF among the seed conversations, decided over
 * HTTP, carries a complete package whose content fits the conversation, in its language.
 */
import { referencePolicy, sampleConversations } from '@baton/seed';
import { isLeaf } from '@baton/schemas';
import { removeTempDirs } from '../test-support/temp-dir';
import { startTestServer, type TestServer } from '../test-support/test-server';

const PACKAGE = /* GraphQL */ `
  query Decide($input: DecideHandoffInput!) {
    decideHandoff(input: $input) {
      action
      reasonCode
      customerMessage
      signals
      routing {
        queueId
      }
      context {
        summary
        markdown
        suggestedGreeting
        recommendedActions
        issue {
          category
          subcategory
          evidence
        }
        customer {
          id
          language
          flags
        }
        triggers {
          code
          messageIndex
          at
          excerpt
        }
        sentimentTrajectory {
          reading
          points {
            messageIndex
            offset
            score
            label
          }
        }
        aiAssessment {
          lastConfidence
          lowestConfidence
          lowConfidenceStreak
          hedgingSeen
          kbArticleIds
        }
        attempts {
          action
          result
          source
        }
        transcript {
          index
          speaker
          text
        }
        condensedTranscript {
          index
          speaker
          text
        }
      }
    }
  }
`;

interface Package {
  action: string;
  reasonCode: string;
  customerMessage: string | null;
  signals: { language: string };
  routing: { queueId: string };
  context: {
    summary: string;
    markdown: string;
    suggestedGreeting: string;
    recommendedActions: string[];
    issue: { category: string; evidence: string[] };
    customer: { id: string; language: string };
    triggers: { code: string; messageIndex: number | null }[];
    sentimentTrajectory: { reading: string; points: { messageIndex: number; offset: string; label: string }[] };
    aiAssessment: { lastConfidence: number | null };
    transcript: { index: number }[];
    condensedTranscript: { index: number; speaker: string }[];
  };
}

const APOLOGY =
  /(?<!\p{L})(sorry|apolog\p{L}*|lo siento|disculp\p{L}*|lamento|lamentamos|desculp\p{L}*|entschuldig\p{L}*|bedauer\p{L}*|leider|désolée?s?|excusez|pardon)(?!\p{L})/iu;
const HELLO: Record<string, string> = { en: 'Hi', es: 'Hola', pt: 'Olá', de: 'Hallo', fr: 'Bonjour' };
const SECTIONS = ['Issue summary', 'Customer', 'Why escalated', 'What the AI tried', 'Sentiment', 'Conversation'];
const handoffs = sampleConversations.filter((s) => s.expected.action === 'HANDOFF');
const leaves = referencePolicy.document.graph.nodes.filter(isLeaf);

let t: TestServer;
const greetings = new Map<string, Map<string, string>>();

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
  removeTempDirs();
});

describe('context package for every seed handoff', () => {
  it.each(handoffs.map((s) => [s.name, s] as const))('%s', async (_name, sample) => {
    const { body } = await t.gql<{ decideHandoff: Package }>(PACKAGE, { input: sample.input });
    expect(body.errors).toBeUndefined();
    const d = body.data?.decideHandoff as Package;
    const c = d.context;
    const messages = sample.input.messages;
    const language = d.signals.language;

    expect(c.summary.length).toBeLessThanOrEqual(200);
    expect(c.summary).toContain(d.reasonCode.replace(/_/g, ' '));
    expect(c.issue.category).not.toBe('');
    expect(c.customer).toMatchObject({ id: sample.input.customer.id, language });
    expect(c.triggers[0]?.code).toBe(d.reasonCode);
    expect(c.sentimentTrajectory.points.map((p) => p.messageIndex)).toEqual(messages.flatMap((m, i) => (m.speaker === 'CUSTOMER' ? [i] : [])));
    expect(c.sentimentTrajectory.points[0]?.offset).toBe('0:00');
    expect(c.sentimentTrajectory.reading).toMatch(/at \d+:\d{2}/);
    if (messages.some((m) => m.speaker === 'BOT')) expect(c.aiAssessment.lastConfidence).not.toBeNull();
    expect(c.transcript.map((e) => e.index)).toEqual(messages.map((_, i) => i));
    expect(c.condensedTranscript.length).toBeGreaterThan(0);
    expect(c.condensedTranscript.length).toBeLessThanOrEqual(10);
    expect(c.condensedTranscript.some((e) => e.speaker === 'CUSTOMER')).toBe(true);
    expect(c.recommendedActions.length).toBeGreaterThan(0);
    expect(c.recommendedActions).toEqual(expect.arrayContaining(referencePolicy.document.settings.recommendedActions?.[d.reasonCode] ?? ['(missing)']));
    expect(c.suggestedGreeting.startsWith(HELLO[language] ?? '?')).toBe(true);
    for (const section of SECTIONS) expect(c.markdown).toContain(`## ${section}`);

    const leaf = leaves.find((l) => l.kind !== 'stay' && l.data.reasonCode === d.reasonCode && l.data.queue === d.routing.queueId);
    const templates = leaf && leaf.kind !== 'stay' ? leaf.data.message : undefined;
    expect(templates?.[language]).toBeDefined();
    // Routing adds the expected wait (Erlang C, in the conversation's language) after the leaf's template.
    expect(d.customerMessage?.startsWith(`${templates?.[language]} `)).toBe(true);
    expect(d.customerMessage).not.toMatch(APOLOGY);
    expect(d.customerMessage).toMatch(/conversation|conversación|conversa|Gespräch|conversation/i);

    const byLanguage = greetings.get(language) ?? new Map<string, string>();
    byLanguage.set(d.reasonCode, c.suggestedGreeting);
    greetings.set(language, byLanguage);
  });

  it('greets about the issue: each content trigger gets its own greeting in each language', () => {
    const topics = ['security_incident', 'legal_compliance', 'billing_dispute', 'cancellation'];
    for (const [language, byCode] of greetings) {
      const lines = topics.map((code) => byCode.get(code)).filter((g): g is string => g !== undefined);
      expect({ language, distinct: new Set(lines).size }).toEqual({ language, distinct: lines.length });
      expect(lines.length).toBeGreaterThanOrEqual(3);
    }
    expect([...greetings.keys()].sort()).toEqual(['de', 'en', 'es', 'fr', 'pt']);
  });
});
