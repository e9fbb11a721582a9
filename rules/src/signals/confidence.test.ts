import { computeSignals, prepareSignals } from './index';
import { conversation, type MessageSpec } from './fixtures/conversation.fixture';
import { FIXTURE_SETTINGS } from './fixtures/trigger-settings.fixture';

const model = prepareSignals(FIXTURE_SETTINGS);
const facts = (...messages: MessageSpec[]) => computeSignals(conversation(messages), model, new Date()).facts;

describe('bot confidence facts', () => {
  it('uses the confidence the bot sent, clamped to 0..1', () => {
    expect(facts(['BOT', 'Your order ships tomorrow.', { confidence: 0.42 }]).botConfidenceLatest).toBe(0.42);
    expect(facts(['BOT', 'Done.', { confidence: 1.7 }]).botConfidenceLatest).toBe(1);
  });

  it('uses the hedged confidence for a hedging reply without a confidence, in every lexicon language', () => {
    for (const text of [
      'I think your parcel is at the depot.',
      'Creo que su paquete está en el almacén.',
      'Acho que o seu pacote está no depósito.',
      'Ich glaube, Ihr Paket ist im Lager.',
      'Je pense que votre colis est au dépôt.',
    ]) {
      expect(facts(['BOT', text]).botConfidenceLatest).toBe(0.5);
    }
  });

  it('assumes the plain confidence for a reply that neither hedges nor reports one', () => {
    expect(facts(['BOT', 'Your parcel is at the depot and ships tomorrow.']).botConfidenceLatest).toBe(0.9);
    expect(facts(['BOT', 'Thanks for thinking of us!']).botConfidenceLatest).toBe(0.9);
  });

  it('prefers a reported confidence over hedging, but still counts the hedge', () => {
    const result = facts(['BOT', 'Maybe it is the cache.', { confidence: 0.95 }]);
    expect(result.botConfidenceLatest).toBe(0.95);
    expect(result.hedgingCount).toBe(1);
  });

  it('counts the trailing low-confidence replies only, ignoring customer messages between them', () => {
    const result = facts(
      ['BOT', 'Hello!', { confidence: 0.3 }],
      ['BOT', 'Your plan renews monthly.', { confidence: 0.95 }],
      ['CUSTOMER', 'ok?'],
      ['BOT', 'It might be the browser.'],
      ['CUSTOMER', 'which one?'],
      ['BOT', 'Not sure, maybe Safari.', { confidence: 0.69 }],
    );
    expect(result.lowConfidenceStreak).toBe(2);
    expect(result.hedgingCount).toBe(2);
  });

  it('does not count a reply exactly at the low-confidence threshold', () => {
    expect(facts(['BOT', 'a', { confidence: 0.6 }], ['BOT', 'b', { confidence: 0.7 }]).lowConfidenceStreak).toBe(0);
  });

  it('has no streak and the assumed confidence without bot replies', () => {
    const result = facts(['CUSTOMER', 'hello']);
    expect([result.botConfidenceLatest, result.lowConfidenceStreak, result.hedgingCount]).toEqual([0.9, 0, 0]);
  });

  it('explains low-confidence replies with their source', () => {
    const { evidence } = computeSignals(
      conversation([
        ['BOT', 'It might be the cache, try clearing it.'],
        ['BOT', 'Please restart the app.', { confidence: 0.4 }],
      ]),
      model,
      new Date(),
    );
    expect(evidence.lowConfidenceStreak).toEqual([
      'bot message 1: "It might be the cache, try clearing it." confidence 0.5 (hedging "it might be")',
      'bot message 2: "Please restart the app." confidence 0.4 (reported)',
    ]);
  });
});
