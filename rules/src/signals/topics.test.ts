import { computeSignals, prepareSignals } from './index';
import { conversation, customerSays } from './fixtures/conversation.fixture';
import { FIXTURE_SETTINGS } from './fixtures/trigger-settings.fixture';

const model = prepareSignals(FIXTURE_SETTINGS);
const signals = (...texts: string[]) => computeSignals(customerSays(...texts), model, new Date());
const topics = (...texts: string[]) => signals(...texts).facts.topics;

describe('topics', () => {
  it.each([
    ['billing_dispute', "this is ridiculous, I've been charged twice!!"],
    ['billing_dispute', 'you charged me twice'],
    ['billing_dispute', 'I was charged two times for one order'],
    ['billing_dispute', 'I got CHARGED on my card TWICE'],
    ['billing_dispute', 'Me cobraron dos veces'],
    ['billing_dispute', 'Fui cobrado duas vezes este mês'],
    ['billing_dispute', 'Ich wurde zweimal belastet'],
    ['billing_dispute', "On m'a débité deux fois"],
    ['security', 'someone hacked my account'],
    ['security', 'my acount was hackd'],
    ['security', 'There was an unauthorized login from Brazil'],
    ['security', 'I think I fell for a phishing email'],
    ['security', 'Me hackearon la cuenta'],
    ['security', 'alguém invadiu minha conta'],
    ['security', 'Mein Konto wurde gehackt'],
    ['security', 'Mon compte a été piraté'],
    ['cancellation', 'I want to cancel my subscription'],
    ['cancellation', 'how do I cancell my premium subscripton?'],
    ['cancellation', 'Quiero cancelar mi suscripción'],
    ['cancellation', 'Ich möchte mein Abo kündigen'],
    ['legal', 'I will forward this to my lawyer'],
    ['legal', 'Hablaré con mi abogado'],
  ])('finds %s in: %s', (topic, text) => {
    expect(topics(text)).toEqual([topic]);
  });

  it.each([
    'cancel my order',
    'I love the new security features',
    'When will I be charged for the annual plan?',
    'I changed my address twice',
    'my account page shows the wrong language',
    'Quiero cancelar mi pedido',
    'Je veux annuler ma commande',
  ])('finds no topic in: %s', (text) => {
    expect(topics(text)).toEqual([]);
  });

  it('does not join phrase words across sentences or long gaps', () => {
    expect(topics('I was charged. Twice I asked for help.')).toEqual([]);
    expect(topics('I was charged for the premium annual plan upgrade twice')).toEqual([]);
    expect(topics('cancel order, keep subscription')).toEqual([]);
    expect(topics('cancel my yearly subscription')).toEqual(['cancellation']);
  });

  it('lists every topic once, in settings order, across messages', () => {
    expect(topics('I want to cancel my subscription', 'and you charged me twice', 'charged twice!!')).toEqual(['billing_dispute', 'cancellation']);
  });

  it('reads customer messages only', () => {
    const input = conversation([
      ['BOT', 'If your account was hacked, reply SECURITY.'],
      ['CUSTOMER', 'ok thanks'],
    ]);
    expect(computeSignals(input, model, new Date()).facts.topics).toEqual([]);
  });

  it('quotes the matching message and names the phrase', () => {
    expect(signals('hi', 'you charged me twice').evidence.topics).toEqual([
      'billing_dispute: customer message 2: "you charged me twice" matched "charged twice"',
    ]);
  });
});
