import { HANDOFF_ACTIONS, SPEAKERS, type PolicyNode } from '@baton/schemas';
import { sampleConversations } from './conversations/sample-conversations';
import { toDecideHandoffInput, type SampleConversation, type SampleExpectation } from './conversations/sample-conversation';
import { referencePolicy } from './reference-policy';

const LANGUAGES = ['en', 'es', 'pt', 'de', 'fr'];
/** Reason codes in reference-table order (README, "The reference policy"), first match wins. */
const TABLE_ORDER = [
  'crisis',
  'security_incident',
  'legal_compliance',
  'billing_dispute',
  'cancellation',
  'customer_request',
  'enterprise_account',
  'negative_sentiment',
  'low_confidence',
  'repeated_question',
  'no_progress',
  'ai_resolving',
];
const rank = (code: string) => TABLE_ORDER.indexOf(code);

/** The decision each leaf of the graph makes, keyed by leaf node id. */
const leafDecisions = new Map<string, SampleExpectation>(
  referencePolicy.document.graph.nodes.flatMap((n: PolicyNode): [string, SampleExpectation][] => {
    switch (n.kind) {
      case 'handoff':
        return [[n.id, { action: 'HANDOFF', reasonCode: n.data.reasonCode, queue: n.data.queue }]];
      case 'callback':
        return [[n.id, { action: 'CALLBACK', reasonCode: n.data.reasonCode, queue: n.data.queue }]];
      case 'stay':
        return [[n.id, { action: 'STAY', reasonCode: n.data.reasonCode, queue: null }]];
      default:
        return [];
    }
  }),
);
const leavesOf = (c: SampleConversation) => [...leafDecisions].filter(([, d]) => JSON.stringify(d) === JSON.stringify(c.expected)).map(([id]) => id);

const isIso = (s: unknown) => typeof s === 'string' && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s;
const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The facts that need no language model, computed from the sample directly: enough to check
 * that a conversation meant for a later branch cannot trip a behavioural trigger before it.
 */
function plainFacts(c: SampleConversation) {
  const { messages, customer } = c.input;
  const bot = messages.filter((m) => m.speaker === 'BOT');
  const customerTexts = messages.filter((m) => m.speaker === 'CUSTOMER').map((m) => normalize(m.text));
  let unsureTail = 0; // trailing bot replies scored below 0.7 or not scored (hedging unknown here)
  for (let i = bot.length - 1; i >= 0 && !((bot[i]!.confidence ?? 0) >= 0.7); i -= 1) unsureTail += 1;
  const times = messages.map((m) => Date.parse(m.at!));
  return {
    tier: customer.tier ?? '',
    botReplyCount: bot.length,
    conversationMinutes: (times[times.length - 1]! - times[0]!) / 60_000,
    unsureTail,
    exactRepeats: customerTexts.filter((t) => t === customerTexts[customerTexts.length - 1]).length,
  };
}

describe('sample conversations', () => {
  it('are at least 48, with unique names and conversation ids', () => {
    expect(sampleConversations.length).toBeGreaterThanOrEqual(48);
    expect(new Set(sampleConversations.map((c) => c.name)).size).toBe(sampleConversations.length);
    expect(new Set(sampleConversations.map((c) => c.input.conversationId)).size).toBe(sampleConversations.length);
  });

  it.each(sampleConversations.map((c) => [c.name, c]))('%s: is a well-formed decideHandoff input', (_, c) => {
    const { input } = c;
    expect(input.customer.id).toEqual(expect.any(String));
    expect(LANGUAGES).toContain(input.customer.language);
    expect(input.messages.length).toBeGreaterThan(0);
    let previous = -Infinity;
    for (const m of input.messages) {
      expect(SPEAKERS).toContain(m.speaker);
      expect(m.text.trim()).not.toBe('');
      expect(isIso(m.at)).toBe(true);
      expect(Date.parse(m.at!)).toBeGreaterThanOrEqual(previous);
      previous = Date.parse(m.at!);
      if (m.confidence != null) {
        expect(m.speaker).toBe('BOT');
        expect(m.confidence).toBeGreaterThanOrEqual(0);
        expect(m.confidence).toBeLessThanOrEqual(1);
      }
    }
    expect(input.messages[input.messages.length - 1]!.speaker).toBe('CUSTOMER');
    expect(isIso(input.now)).toBe(true);
    expect(Date.parse(input.now!)).toBeGreaterThanOrEqual(previous);
    for (const a of input.attempts ?? []) expect(isIso(a.at)).toBe(true);
  });

  it.each(sampleConversations.map((c) => [c.name, c]))('%s: expects the decision of exactly one leaf', (_, c) => {
    expect(HANDOFF_ACTIONS).toContain(c.expected.action);
    expect(leavesOf(c)).toHaveLength(1);
  });

  it.each(sampleConversations.map((c) => [c.name, c]))('%s: cannot trip a plain-fact trigger before its branch', (_, c) => {
    const facts = plainFacts(c);
    const r = rank(c.expected.reasonCode);
    expect(r).toBeGreaterThanOrEqual(0);
    if (c.expected.reasonCode === 'enterprise_account') expect(facts.tier).toBe('enterprise');
    if (facts.tier === 'enterprise') expect(r).toBeLessThanOrEqual(rank('enterprise_account'));
    if (c.expected.reasonCode === 'negative_sentiment') expect(c.expected.queue === 'vip').toBe(facts.tier === 'vip');
    if (c.expected.reasonCode === 'low_confidence') expect(facts.unsureTail).toBeGreaterThanOrEqual(2);
    if (r > rank('low_confidence')) expect(facts.unsureTail).toBeLessThan(2);
    if (c.expected.reasonCode === 'repeated_question') expect(facts.exactRepeats).toBeGreaterThanOrEqual(3);
    if (r > rank('repeated_question')) expect(facts.exactRepeats).toBeLessThan(3);
    const stalled = facts.botReplyCount >= 4 || facts.conversationMinutes >= 6;
    if (c.expected.reasonCode === 'no_progress') expect(stalled).toBe(true);
    if (r > rank('no_progress')) expect(stalled).toBe(false);
  });

  it('cover every leaf of the graph at least 3 times', () => {
    const coverage = Object.fromEntries([...leafDecisions.keys()].map((id) => [id, 0]));
    for (const c of sampleConversations) for (const id of leavesOf(c)) coverage[id]! += 1;
    const thin = Object.entries(coverage).filter(([, n]) => n < 3);
    expect(thin).toEqual([]);
  });

  it('use all five languages, each in at least 5 conversations', () => {
    const counts = Object.fromEntries(LANGUAGES.map((l) => [l, 0]));
    for (const c of sampleConversations) counts[c.input.customer.language!] = (counts[c.input.customer.language!] ?? 0) + 1;
    for (const l of LANGUAGES) expect([l, counts[l]! >= 5]).toEqual([l, true]);
  });

  it('include STAY cases and precedence cases where a later trigger also fires', () => {
    expect(sampleConversations.filter((c) => c.expected.action === 'STAY').length).toBeGreaterThanOrEqual(6);
    expect(sampleConversations.filter((c) => c.name.startsWith('precedence')).length).toBeGreaterThanOrEqual(6);
  });

  it('turn into DecideHandoffInput with Date objects', () => {
    const sample = sampleConversations.find((c) => c.input.attempts?.length)!;
    const input = toDecideHandoffInput(sample.input);
    expect(input.messages[0]!.at).toEqual(new Date(sample.input.messages[0]!.at!));
    expect(input.attempts![0]!.at).toBeInstanceOf(Date);
    expect(input.now).toEqual(new Date(sample.input.now!));
    expect(input.customer).toBe(sample.input.customer);
    expect(typeof sample.input.messages[0]!.at).toBe('string');
  });
});
