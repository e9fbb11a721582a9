/**
 * The message memo (`message-analysis.ts`) only saves work: signals computed on a model that has
 * already read the same texts — at other positions, in other conversations, redacted
 * differently — are exactly those of a model reading them for the first time.
 */
import type { DecideHandoffInput } from '@baton/schemas';
import { computeSignals, prepareSignals } from './index';
import { at, conversation } from './fixtures/conversation.fixture';
import { FIXTURE_SETTINGS } from './fixtures/trigger-settings.fixture';

const lostCard: DecideHandoffInput = conversation([
  ['CUSTOMER', 'hello', { at: at(0) }],
  ['BOT', 'Hi! How can I help you today?', { at: at(0.2) }],
  ['CUSTOMER', 'My card is gone and I think someone used it at a petrol station', { at: at(1) }],
  ['BOT', 'I might be able to help, maybe you could check the app?', { at: at(1.5) }],
  ['CUSTOMER', 'I already did that. Please get me a real person, this is the third time I ask!!', { at: at(3) }],
]);

/** The same texts in another order, with other neighbours, in another conversation. */
const shuffled: DecideHandoffInput = conversation([
  ['CUSTOMER', 'I already did that. Please get me a real person, this is the third time I ask!!', { at: at(0) }],
  ['BOT', 'Hi! How can I help you today?', { at: at(0.3) }],
  ['CUSTOMER', 'no, I do not need an agent', { at: at(1) }],
  ['CUSTOMER', 'My card is gone and I think someone used it at a petrol station', { at: at(2) }],
]);

describe('the message memo', () => {
  it('gives the facts, evidence and sources of a cold model when the texts were read before elsewhere', () => {
    const warm = prepareSignals(FIXTURE_SETTINGS);
    for (let round = 0; round < 3; round += 1) {
      computeSignals(shuffled, warm, at(5));
      computeSignals(lostCard, warm, at(5));
    }
    for (const input of [lostCard, shuffled]) {
      const cold = computeSignals(input, prepareSignals(FIXTURE_SETTINGS), at(5));
      expect(computeSignals(input, warm, at(5))).toEqual(cold);
    }
  });

  it('quotes evidence from each message’s own redacted text, not from an earlier one with the same words', () => {
    const model = prepareSignals(FIXTURE_SETTINGS);
    const raw: DecideHandoffInput = conversation([['CUSTOMER', 'they charged twice for the same order', { at: at(0) }]]);
    const shownA: DecideHandoffInput = conversation([['CUSTOMER', 'they charged twice for the same order (shown A)', { at: at(0) }]]);
    const shownB: DecideHandoffInput = conversation([['CUSTOMER', 'they charged twice for the same order (shown B)', { at: at(0) }]]);
    const first = computeSignals(raw, model, at(1), shownA);
    const second = computeSignals(raw, model, at(1), shownB);
    expect(first.facts.topics).toEqual(second.facts.topics);
    expect(first.facts.topics.length).toBeGreaterThan(0);
    expect(first.evidence.topics?.join(' ')).toContain('shown A');
    expect(second.evidence.topics?.join(' ')).toContain('shown B');
    expect(second.evidence.topics?.join(' ')).not.toContain('shown A');
  });
});
