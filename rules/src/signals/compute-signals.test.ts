import { FACT_CATALOG, type DecideHandoffInput, type FactName } from '@baton/schemas';
import { computeSignals, prepareSignals } from './index';
import { ANALYSED_CHARS_PER_MESSAGE } from './read-messages';
import { at, conversation } from './fixtures/conversation.fixture';
import { FIXTURE_SETTINGS } from './fixtures/trigger-settings.fixture';

const model = prepareSignals(FIXTURE_SETTINGS);

const angryEnglish: DecideHandoffInput = conversation(
  [
    ['CUSTOMER', 'Hi, where is my order? It was due on Monday.', { at: at(0) }],
    ['BOT', 'I think it might be delayed at the depot.', { at: at(0.5) }],
    ['CUSTOMER', "where's my order??", { at: at(2) }],
    ['BOT', 'Let me check that for you.', { at: at(2.5), confidence: 0.6 }],
    ['AGENT', 'internal note: carrier backlog', { at: at(3) }],
    ['CUSTOMER', "This is ridiculous, you charged me twice and I still don't have my order!! WHERE IS MY ORDER", { at: at(7.5) }],
  ],
  {
    channel: 'Chat',
    customer: { id: 'c-1', tier: 'VIP', language: 'en', lifetimeValue: 830, attributes: { plan: 'gold' } },
    attempts: [{ action: 'track parcel', result: 'carrier API error' }],
    attributes: { orderStatus: 'in_transit' },
  },
);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('computeSignals', () => {
  it('returns exactly the facts of the catalog, each of its declared type and range', () => {
    const { facts } = computeSignals(angryEnglish, model, at(10));
    expect(Object.keys(facts).sort()).toEqual(Object.keys(FACT_CATALOG).sort());
    for (const [name, spec] of Object.entries(FACT_CATALOG)) {
      const value: unknown = facts[name as FactName];
      switch (spec.type) {
        case 'number':
          expect(Number.isFinite(value)).toBe(true);
          if ('range' in spec) {
            expect(value).toBeGreaterThanOrEqual(spec.range[0]);
            expect(value).toBeLessThanOrEqual(spec.range[1]);
          }
          break;
        case 'boolean':
          expect(typeof value).toBe('boolean');
          break;
        case 'string':
          expect(typeof value).toBe('string');
          break;
        case 'stringList':
          expect(Array.isArray(value) && value.every((item) => typeof item === 'string')).toBe(true);
          break;
        case 'object':
          expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true);
          break;
      }
    }
  });

  it('computes the facts of a realistic escalating conversation', () => {
    const { facts, customerSentiments } = computeSignals(angryEnglish, model, at(10));
    expect(facts).toMatchObject({
      negativeStreak: 1,
      botConfidenceLatest: 0.6,
      lowConfidenceStreak: 2,
      hedgingCount: 1,
      humanRequested: false,
      repeatedQuestionCount: 3,
      topics: ['billing_dispute'],
      customerMessageCount: 3,
      botReplyCount: 2,
      conversationMinutes: 7.5,
      elapsedMinutes: 10,
      language: 'en',
      customerTier: 'vip',
      lifetimeValue: 830,
      channel: 'chat',
      attemptCount: 1,
      failedAttemptCount: 1,
      customerAttributes: { plan: 'gold' },
      attributes: { orderStatus: 'in_transit' },
    });
    expect(customerSentiments).toHaveLength(3);
    expect(facts.sentimentLatest).toBeLessThanOrEqual(-0.5);
    // "where's my order??" already reads impatient (below 0), so this is no sharp drop from calm.
    expect(facts.sentimentPrevious).toBeLessThan(0);
    expect(facts.sentimentSharpDrop).toBe(false);
    expect(facts.sentimentMin).toBe(facts.sentimentLatest);
  });

  it('handles a conversation without messages', () => {
    const { facts, evidence, customerSentiments } = computeSignals(conversation([]), model, at(0));
    expect(facts).toMatchObject({
      sentimentLatest: 0,
      negativeStreak: 0,
      humanRequested: false,
      repeatedQuestionCount: 0,
      topics: [],
      customerMessageCount: 0,
      botReplyCount: 0,
      elapsedMinutes: 0,
      language: 'en',
    });
    expect(customerSentiments).toEqual([]);
    expect(Object.keys(evidence)).toEqual(['language']);
  });

  it('reads a furious opening message as a sharp drop from a neutral start, a plain fault report as none', () => {
    const opening = (text: string) => computeSignals(conversation([['CUSTOMER', text, { at: at(0) }]]), model, at(1));
    const furious = opening('Unbelievable. Your delivery people are thieves and your app is garbage.');
    expect(furious.facts).toMatchObject({ sentimentPrevious: 0, sentimentSharpDrop: true, negativeStreak: 1 });
    expect(furious.evidence.sentimentSharpDrop?.[0]).toMatch(
      /^sentiment fell from a neutral 0 \(no earlier customer message\) to -0\.\d+ \(customer message 1\)$/,
    );
    const report = opening('The scanner app is not working since the last update');
    expect(report.facts.sentimentLatest).toBeLessThan(0);
    expect(report.facts).toMatchObject({ negativeTurns: 0, sentimentSharpDrop: false });
  });

  it('keeps evidence short, keyed by fact names, with quotes of at most 120 characters', () => {
    const long = `${'Let me explain everything from the start, because nobody has listened so far. '.repeat(4)}You charged me twice. ${'More details follow here. '.repeat(6)}`;
    const { evidence } = computeSignals(conversation([['CUSTOMER', long]]), model, at(0));
    for (const name of Object.keys(evidence)) expect(Object.keys(FACT_CATALOG)).toContain(name);
    const topicLine = evidence.topics?.[0] ?? '';
    const quoted = /"(.*)" matched/.exec(topicLine)?.[1] ?? '';
    expect(quoted.length).toBeLessThanOrEqual(120);
    expect(quoted).toContain('charged me twice');
    expect(quoted.startsWith('…')).toBe(true);
  });

  it('explains times, tier and failed attempts', () => {
    const { evidence } = computeSignals(angryEnglish, model, at(10));
    expect(evidence.elapsedMinutes).toEqual(['10 minutes from the first message (2026-03-02T10:00:00.000Z) to 2026-03-02T10:10:00.000Z']);
    expect(evidence.customerTier).toEqual(['customer tier "vip"']);
    expect(evidence.failedAttemptCount).toEqual(['attempt 1 "track parcel": "carrier API error"']);
    expect(evidence.negativeStreak?.[0]).toMatch(/^customer message 6: "This is ridiculous/);
  });

  it('is deterministic and leaves the input untouched', () => {
    const frozen = deepFreeze(structuredClone(angryEnglish));
    const first = computeSignals(frozen, model, at(10));
    const second = computeSignals(frozen, model, at(10));
    expect(second).toEqual(first);
    expect(frozen).toEqual(angryEnglish);
  });

  it('takes elapsed time from the clock it is given', () => {
    expect(computeSignals(angryEnglish, model, at(70)).facts.elapsedMinutes).toBe(70);
  });
});

describe('analysed text per message', () => {
  const padding = 'Here is the whole story of my week with your service and my order. '.repeat(40);
  const facts = (text: string) => computeSignals(conversation([['CUSTOMER', text, { at: at(0) }]]), model, at(1)).facts;

  it('reads a message up to ANALYSED_CHARS_PER_MESSAGE characters, and no further', () => {
    expect(padding.length).toBeGreaterThan(ANALYSED_CHARS_PER_MESSAGE);
    expect(facts(`You charged twice. ${padding}`).topics).toContain('billing_dispute');
    expect(facts(`${padding} You charged twice.`).topics).not.toContain('billing_dispute');
  });
});
