import type { TriggerSettings } from '@baton/schemas';
import { computeSignals, prepareSignals } from './index';
import { customerSays } from './fixtures/conversation.fixture';
import { FIXTURE_SETTINGS } from './fixtures/trigger-settings.fixture';

describe('prepareSignals', () => {
  it('compiles phrases once: a shared model gives the same answers as a fresh one', () => {
    const shared = prepareSignals(FIXTURE_SETTINGS);
    const inputs = [
      customerSays('someone hacked my account'),
      customerSays('quiero hablar con un agente'),
      customerSays('where is my order?', 'where is my order'),
    ];
    for (const input of inputs) computeSignals(input, shared, new Date(0));
    for (const input of inputs) {
      expect(computeSignals(input, shared, new Date(0))).toEqual(computeSignals(input, prepareSignals(FIXTURE_SETTINGS), new Date(0)));
    }
  });

  it('does not follow later changes to the settings object', () => {
    const settings: TriggerSettings = structuredClone(FIXTURE_SETTINGS);
    const model = prepareSignals(settings);
    settings.thresholds.assumedConfidence = 0.1;
    settings.topics.security?.phrases.en?.push('where is my order');
    const { facts } = computeSignals(customerSays('where is my order'), model, new Date(0));
    expect([facts.botConfidenceLatest, facts.topics]).toEqual([0.9, []]);
  });

  it('matches phrases of a language nlp.js has no resources for, word by word', () => {
    const settings: TriggerSettings = structuredClone(FIXTURE_SETTINGS);
    settings.topics.cancellation = { phrases: { ...settings.topics.cancellation?.phrases, it: ['disdire abbonamento'] } };
    const model = prepareSignals(settings);
    expect(computeSignals(customerSays('Vorrei disdire il mio abbonamento'), model, new Date(0)).facts.topics).toEqual(['cancellation']);
    expect(computeSignals(customerSays('Vorrei disdetta'), model, new Date(0)).facts.topics).toEqual([]);
  });

  it('accepts settings with empty lexicons', () => {
    const model = prepareSignals({ topics: {}, humanRequest: { phrases: {}, negations: {} }, hedging: {}, thresholds: FIXTURE_SETTINGS.thresholds });
    const { facts } = computeSignals(customerSays('I want to talk to a person about my hacked account'), model, new Date(0));
    expect([facts.topics, facts.humanRequested, facts.hedgingCount]).toEqual([[], false, 0]);
  });
});
