import { computeSignals, prepareSignals } from './index';
import { at, conversation } from './fixtures/conversation.fixture';
import { FIXTURE_SETTINGS } from './fixtures/trigger-settings.fixture';
import { AnalysedText } from './message-analysis';
import { sentimentFacts } from './sentiment-facts';

const model = prepareSignals(FIXTURE_SETTINGS);

// Index 0 is the bot's greeting; the AGENT note at 5 belongs to no source.
const billing = conversation(
  [
    ['BOT', 'Hi! How can I help you today?', { at: at(0) }],
    ['CUSTOMER', 'where is my order?', { at: at(0.5) }],
    ['BOT', 'I think it might be at the depot.', { at: at(1) }],
    ['CUSTOMER', 'You charged me twice for it, this is ridiculous', { at: at(2) }],
    ['BOT', 'Let me check.', { at: at(2.5), confidence: 0.4 }],
    ['AGENT', 'internal note', { at: at(3) }],
    ['CUSTOMER', "where's my order?? This is terrible, I'm furious", { at: at(4) }],
    ['BOT', 'Maybe tomorrow.', { at: at(4.5), confidence: 0.3 }],
    ['CUSTOMER', 'WHERE IS MY ORDER. Worst service ever, I hate this.', { at: at(6) }],
  ],
  { customer: { id: 'c-1', tier: 'vip' } },
);

describe('SignalResult.sources', () => {
  const { sources, facts } = computeSignals(billing, model, at(7));

  it('points topics at every customer message that matched one', () => {
    expect(facts.topics).toEqual(['billing_dispute']);
    expect(sources.topics).toEqual([3]);
  });

  it('points the sentiment facts at the customer messages behind them', () => {
    expect(facts.negativeStreak).toBe(3);
    expect(sources.negativeStreak).toEqual([3, 6, 8]);
    expect(sources.sentimentLatest).toEqual([8]);
    expect(sources.sentimentPrevious).toEqual([6]);
    expect(sources.sentimentMin).toHaveLength(1);
    expect([3, 6, 8]).toContain(sources.sentimentMin?.[0]);
  });

  it('points the confidence facts at the bot replies behind them', () => {
    // Reply 2 hedges (0.5 assumed), 4 and 7 report 0.4 and 0.3: all three below 0.7; 7 hedges too ("maybe").
    expect(facts.lowConfidenceStreak).toBe(3);
    expect(sources.lowConfidenceStreak).toEqual([2, 4, 7]);
    expect(sources.hedgingCount).toEqual([2, 7]);
    expect(sources.botConfidenceLatest).toEqual([7]);
  });

  it('points the repeated question at the repeats and the latest message', () => {
    expect(facts.repeatedQuestionCount).toBe(3);
    expect(sources.repeatedQuestionCount).toEqual([1, 6, 8]);
  });

  it('points counts and times at the messages they count', () => {
    expect(sources.customerMessageCount).toEqual([1, 3, 6, 8]);
    expect(sources.botReplyCount).toEqual([0, 2, 4, 7]);
    expect(sources.conversationMinutes).toEqual([0, 8]);
    expect(sources.elapsedMinutes).toEqual([0]);
    expect(sources.messageLengthGrowth).toEqual([1, 8]);
  });

  it('gives profile and attribute facts no sources', () => {
    expect(sources.customerTier).toBeUndefined();
    expect(sources.lifetimeValue).toBeUndefined();
    expect(sources.humanRequested).toBeUndefined();
    expect(Object.values(sources).every((list) => list.length > 0)).toBe(true);
  });

  it('points humanRequested at the message that decided it, an ask or a withdrawal', () => {
    const ask = computeSignals(
      conversation([
        ['CUSTOMER', 'my parcel is late'],
        ['BOT', 'It ships tomorrow.'],
        ['CUSTOMER', 'I want to talk to a real person'],
        ['CUSTOMER', 'ok thanks'],
      ]),
      model,
      at(0),
    );
    expect(ask.facts.humanRequested).toBe(true);
    expect(ask.sources.humanRequested).toEqual([2]);
    const withdrawn = computeSignals(
      conversation([
        ['CUSTOMER', 'I want to talk to a real person'],
        ['CUSTOMER', 'actually, no need for a human'],
      ]),
      model,
      at(0),
    );
    expect(withdrawn.facts.humanRequested).toBe(false);
    expect(withdrawn.sources.humanRequested).toEqual([1]);
  });

  it('points a sharp drop at the previous and latest messages, or the latest alone from a neutral start', () => {
    const drop = computeSignals(
      conversation([
        ['CUSTOMER', 'Hello, quick question about my plan'],
        ['BOT', 'Sure.'],
        ['CUSTOMER', 'Unbelievable. Your delivery people are thieves and your app is garbage.'],
      ]),
      model,
      at(0),
    );
    expect(drop.facts.sentimentSharpDrop).toBe(true);
    expect(drop.sources.sentimentSharpDrop).toEqual([0, 2]);
    const opening = computeSignals(conversation([['CUSTOMER', 'Unbelievable. Your delivery people are thieves and your app is garbage.']]), model, at(0));
    expect(opening.sources.sentimentSharpDrop).toEqual([0]);
    expect(opening.sources.sentimentPrevious).toBeUndefined();
  });

  it('leaves sources empty for an empty conversation and skips time sources without timestamps', () => {
    expect(computeSignals(conversation([]), model, at(0)).sources).toEqual({});
    const untimed = computeSignals(conversation([['CUSTOMER', 'hello']]), model, at(0)).sources;
    expect(untimed.conversationMinutes).toBeUndefined();
    expect(untimed.elapsedMinutes).toBeUndefined();
  });
});

describe('sentimentFacts sources', () => {
  it('uses the messages’ 0-based indices, not their 1-based positions', () => {
    const scored = [-0.1, -0.4, -0.7].map((score, i) => ({ message: new AnalysedText(`m${i}`, i * 2 + 2), score }));
    const { sources } = sentimentFacts(scored, FIXTURE_SETTINGS.thresholds);
    expect(sources).toEqual({ sentimentLatest: [5], sentimentPrevious: [3], sentimentMin: [5], negativeStreak: [3, 5], negativeTurns: [3, 5] });
  });
});
