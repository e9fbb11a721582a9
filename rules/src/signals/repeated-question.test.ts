import { computeSignals, prepareSignals } from './index';
import { conversation, customerSays } from './fixtures/conversation.fixture';
import { FIXTURE_SETTINGS } from './fixtures/trigger-settings.fixture';
import { AnalysedText } from './message-analysis';
import { COMPARED_MESSAGES, messageSimilarity } from './repeated-question';

const model = prepareSignals(FIXTURE_SETTINGS);
const count = (...texts: string[]) => computeSignals(customerSays(...texts), model, new Date()).facts.repeatedQuestionCount;
const similarity = (language: string, a: string, b: string) => messageSimilarity(new AnalysedText(a, 1), new AnalysedText(b, 2), language);

describe('messageSimilarity', () => {
  it.each([
    ['en', 'where is my order?', "where's my order??"],
    ['en', 'where is my order?', 'WHERE IS MY ORDER'],
    ['en', 'How do I reset my password?', 'how can i reset the password'],
    ['en', 'when will my refund arrive?', 'When will I get my refund??'],
    ['en', 'Sure, it is 48213-XK. Where is my order?', 'where is my order'],
    ['es', '¿Dónde está mi pedido?', 'donde esta mi pedido??'],
    ['pt', 'Como exporto em PDF?', 'como faço para exportar em pdf'],
    ['de', 'Wo ist meine Bestellung?', 'wo bleibt meine Bestellung??'],
    ['fr', 'Comment changer mon mot de passe ?', 'comment je change le mot de passe'],
  ])('rates a %s rephrasing at or above 0.8: %s / %s', (language, a, b) => {
    expect(similarity(language, a, b)).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    ['en', 'where is my order?', 'where is my refund?'],
    ['en', 'how do I change my password?', 'how do I change my email?'],
    ['en', 'I want to cancel my order', 'I want to change my order'],
    ['en', 'Is order 48213 shipped?', 'Is order 77120 shipped?'],
    ['en', 'How do I add a team member?', 'How do I remove a team member?'],
    ['en', 'thanks!', 'ok'],
    ['es', '¿Dónde está mi pedido?', '¿Dónde está mi reembolso?'],
    ['de', 'Wie ändere ich mein Passwort?', 'Wie ändere ich meine Adresse?'],
    ['fr', 'Où est ma commande ?', 'Où est ma facture ?'],
  ])('rates different %s questions below 0.8: %s / %s', (language, a, b) => {
    expect(similarity(language, a, b)).toBeLessThan(0.8);
  });
});

describe('repeatedQuestionCount', () => {
  it('is 1 when the latest question is asked once, 0 without customer messages', () => {
    expect(count('hi', 'where is my order?')).toBe(1);
    expect(computeSignals(conversation([['BOT', 'Hello!']]), model, new Date()).facts.repeatedQuestionCount).toBe(0);
  });

  it('counts every near-duplicate of the latest message, itself included', () => {
    expect(count('where is my order?', 'hello??', "where's my order??", 'WHERE IS MY ORDER')).toBe(3);
  });

  it('counts repeats of the latest message only, not of earlier ones', () => {
    expect(count('where is my order?', 'where is my order?', 'where is my order?', 'how do I change my email?')).toBe(1);
  });

  it('compares the latest message with the 50 customer messages before it, not earlier ones', () => {
    const filler = Array.from({ length: COMPARED_MESSAGES - 1 }, (_, i) => `my parcel number is ${i}, is it at the depot?`);
    expect(count('where is my invoice?', ...filler, 'where is my invoice?')).toBe(2);
    expect(count('where is my invoice?', 'tracking please', ...filler, 'where is my invoice?')).toBe(1);
  });

  it('does not count unrelated or content-free repeats', () => {
    expect(count('where is my order?', 'where is my refund?', 'where is my invoice?')).toBe(1);
    expect(count('ok', 'ok', 'ok')).toBe(1);
    expect(count('???', '???')).toBe(1);
  });

  it('follows the policy threshold', () => {
    const strict = prepareSignals({ ...FIXTURE_SETTINGS, thresholds: { ...FIXTURE_SETTINGS.thresholds, repeatSimilarity: 0.95 } });
    const input = customerSays('when will my refund arrive?', 'When will I get my refund??');
    expect(computeSignals(input, model, new Date()).facts.repeatedQuestionCount).toBe(2);
    expect(computeSignals(input, strict, new Date()).facts.repeatedQuestionCount).toBe(1);
  });

  it('quotes the latest question and each repeat with its similarity', () => {
    const { evidence } = computeSignals(customerSays('where is my order?', 'thanks', 'WHERE IS MY ORDER'), model, new Date());
    expect(evidence.repeatedQuestionCount).toEqual([
      'customer message 3: "WHERE IS MY ORDER" asked 2 times',
      'customer message 1: "where is my order?" similarity 1',
    ]);
  });
});
