import type { DecideHandoffInput, MessageInput, TriggerSettings } from '@baton/schemas';
import { computeSignals, prepareSignals } from './index';
import { at } from './fixtures/conversation.fixture';
import { FIXTURE_SETTINGS } from './fixtures/trigger-settings.fixture';

const settings: TriggerSettings = {
  ...FIXTURE_SETTINGS,
  botSignals: {
    intentTopics: { 'Billing.Duplicate_Charge': 'billing_dispute', card_lost: 'security', weather: 'not_a_topic' },
    humanRequestIntents: ['talk_to_agent'],
    minIntentConfidence: 0.8,
  },
};
const model = prepareSignals(settings);

function signals(...messages: MessageInput[]) {
  const input: DecideHandoffInput = { conversationId: 'c-bot', customer: { id: 'cus-bot', language: 'en' }, messages };
  return computeSignals(input, model, at(5));
}
const customer = (text: string, extra: Partial<MessageInput> = {}): MessageInput => ({ speaker: 'CUSTOMER', text, ...extra });

describe('signals reported by the bot', () => {
  it('adds the topics the bot reports to its own detection, ignoring names the policy lacks', () => {
    const { facts, evidence, sources } = signals(
      customer('hi, question about my bill', { topics: ['billing_dispute', 'weather'] }),
      customer('someone hacked my account'),
    );
    expect(facts.topics).toEqual(['security', 'billing_dispute']);
    expect(evidence.topics).toContain('billing_dispute: customer message 1: reported by the bot (topic billing_dispute)');
    expect(sources.topics).toEqual([0, 1]);
  });

  it('maps a confident intent to its topic, case-insensitively, and ignores an unsure one', () => {
    const sure = signals(customer('it is about the amount', { intent: 'billing.duplicate_charge', intentConfidence: 0.91 }));
    expect(sure.facts.topics).toEqual(['billing_dispute']);
    expect(sure.evidence.topics).toEqual(['billing_dispute: customer message 1: reported by the bot (intent billing.duplicate_charge, confidence 0.91)']);
    expect(signals(customer('it is about the amount', { intent: 'billing.duplicate_charge', intentConfidence: 0.79 })).facts.topics).toEqual([]);
    expect(signals(customer('where is it', { intent: 'card_lost' })).facts.topics).toEqual(['security']);
    expect(signals(customer('sunny?', { intent: 'weather' })).facts.topics).toEqual([]);
  });

  it('reads a request-for-a-person intent as a human request, unless the customer declines later', () => {
    const asked = signals(customer('ok', { intent: 'talk_to_agent', intentConfidence: 0.95 }));
    expect(asked.facts.humanRequested).toBe(true);
    expect(asked.evidence.humanRequested).toEqual(['customer message 1: reported by the bot (intent talk_to_agent, confidence 0.95) asks for a person']);
    const declined = signals(customer('ok', { intent: 'talk_to_agent' }), customer('no need for an agent, thanks'));
    expect(declined.facts.humanRequested).toBe(false);
  });

  it('takes the bot sentiment of a message instead of its own, and says so', () => {
    const { facts, evidence, customerSentiments } = signals(customer('fine.', { sentiment: -0.7 }), customer('ok then', { sentiment: -0.4 }));
    expect(customerSentiments).toEqual([-0.7, -0.4]);
    expect(facts).toMatchObject({ negativeTurns: 2, sentimentMin: -0.7 });
    expect(evidence.negativeTurns).toEqual([
      'customer message 1: "fine." scored -0.7 (reported by the bot)',
      'customer message 2: "ok then" scored -0.4 (reported by the bot)',
    ]);
  });
});
