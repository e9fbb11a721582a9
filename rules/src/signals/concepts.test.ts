/**
 * Concepts (object and state near each other) on a small lexicon of their own and on the
 * reference settings in all five languages. Every message here is written for this test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TriggerSettings } from '@baton/schemas';
import { computeSignals, prepareSignals } from './index';
import { customerSays } from './fixtures/conversation.fixture';
import { FIXTURE_SETTINGS } from './fixtures/trigger-settings.fixture';

const settings: TriggerSettings = {
  ...FIXTURE_SETTINGS,
  topics: {
    lost_item: {
      phrases: {},
      concepts: [
        {
          id: 'lost_card',
          objects: { en: ['card', 'wallet'] },
          states: { en: ['lost', "can't find", 'stolen', 'no longer have'] },
          resolvedBy: { en: ['found'] },
          window: 4,
        },
      ],
    },
  },
};
const model = prepareSignals(settings);
const signals = (...texts: string[]) => computeSignals(customerSays(...texts), model, new Date('2026-03-01T10:00:00Z'));
const topics = (...texts: string[]) => signals(...texts).facts.topics;

describe('topic concepts', () => {
  it('matches an object and a state near each other, in either order and any inflection', () => {
    expect(topics('I have lost my card')).toEqual(['lost_item']);
    expect(topics('my wallet, I cannot find it anywhere')).toEqual([]); // "cannot" is not "can't": no such state
    expect(topics("the card? I can't find it")).toEqual([]); // two sentences
    expect(topics("my card... I can't find it")).toEqual([]);
    expect(topics("my card I can't find it")).toEqual(['lost_item']);
    expect(topics('think my wallets were stolen yesterday')).toEqual(['lost_item']);
  });

  it('says in the evidence which concept matched and on which words', () => {
    const { evidence } = signals('Hello, I lost my wallet on the train');
    expect(evidence.topics).toEqual(['lost_item: customer message 1: "Hello, I lost my wallet on the train" matched concept lost_card ("lost" … "wallet")']);
  });

  it('keeps to its window', () => {
    expect(topics('my card was in the drawer next to the keys and was lost')).toEqual([]);
    expect(topics('my card in the drawer was lost')).toEqual(['lost_item']);
  });

  it('does not count determiners, possessives or a partitive "one of" against the window', () => {
    // Window 4: "lost" … "cards" has six words between; only "bright new shiny" count.
    expect(topics('I lost one of my bright new shiny cards')).toEqual(['lost_item']);
    expect(topics('I lost the last of my bright new shiny cards')).toEqual([]); // "last of": no quantifier, "of" counts
  });

  it('is cancelled by a negation before or inside the pair, but not by a denial state or a closed clause', () => {
    expect(topics('my card is not lost')).toEqual([]);
    expect(topics('I never lost my card')).toEqual([]);
    expect(topics('I no longer have my card')).toEqual(['lost_item']);
    expect(topics('No, my card was stolen')).toEqual(['lost_item']);
  });

  it('reads a suspicion as a report, but not a hypothetical, a how-to question or a policy question', () => {
    // A worried customer should reach a person: "maybe" and "might" no longer hide the report.
    expect(topics('maybe my card was stolen, not sure')).toEqual(['lost_item']);
    expect(topics('someone might have my card details, I think my wallet was stolen')).toEqual(['lost_item']);
    expect(topics('I wonder whether a card left in a locker gets stolen')).toEqual([]);
    expect(topics('Is there anything I should do since my card was stolen?')).toEqual(['lost_item']);
    expect(topics("I can't find where my card settings are")).toEqual([]);
    expect(topics('Is a lost card replaced for free?')).toEqual([]);
    expect(topics('What do I do, my card was stolen?')).toEqual(['lost_item']);
  });

  it('is cancelled by its resolvedBy words in the same message only', () => {
    expect(topics('I lost my card but found it this morning')).toEqual([]);
    expect(topics('I lost my card', 'I found the receipt though')).toEqual(['lost_item']);
  });
});

describe('reference concepts in five languages', () => {
  const file = path.join(__dirname, '../../../seed/src/policies/support-default/trigger-settings.json');
  const reference = prepareSignals(JSON.parse(fs.readFileSync(file, 'utf8')) as TriggerSettings);
  const facts = (text: string) => computeSignals(customerSays(text), reference, new Date('2026-03-01T10:00:00Z')).facts;

  it.each([
    ['security', 'en', 'Somebody nicked my wallet at the station and the card was in it, it is gone'],
    ['security', 'es', 'Anoche me robaron el bolso con la tarjeta dentro'],
    ['security', 'pt', 'Perdi a carteira no ônibus com o cartão'],
    ['security', 'de', 'Meine Geldbörse ist seit gestern verschwunden, samt Karte'],
    ['security', 'fr', "J'ai perdu mon portefeuille avec ma carte dedans"],
    ['billing_dispute', 'en', 'That debit on Monday was not me, I was at home'],
    ['billing_dispute', 'es', 'Me aparece un cargo de una tienda que no reconozco'],
    ['billing_dispute', 'pt', 'A assinatura foi cobrada duas vezes este mês'],
    ['billing_dispute', 'de', 'Die Abbuchung vom Montag habe ich nicht getätigt'],
    ['billing_dispute', 'fr', "Ce prélèvement n'est pas à moi, je ne connais pas ce site"],
    ['cancellation', 'en', 'please shut down my account for good'],
    ['cancellation', 'es', 'Quiero dar de baja mi suscripción'],
    ['cancellation', 'pt', 'Quero encerrar minha conta hoje'],
    ['cancellation', 'de', 'Ich möchte mein Abo kündigen'],
    ['cancellation', 'fr', 'Je veux résilier mon abonnement'],
    ['cancellation', 'en', 'Please close one of my savings accounts with you'],
    ['billing_dispute', 'en', 'Something is off with my latest invoice, there is a mistake in it'],
    ['billing_dispute', 'es', 'Tengo un problema con la factura de este mes'],
    ['billing_dispute', 'pt', 'A minha fatura veio errada de novo'],
    ['billing_dispute', 'de', 'Meine letzte Rechnung ist falsch'],
    ['billing_dispute', 'fr', 'Il y a une erreur sur ma facture'],
    ['billing_dispute', 'en', 'The ATM withdrawal from Friday was not authorised by me.'],
    ['security', 'es', 'Sí, la perdí ayer en el metro'],
    ['security', 'fr', "Je l'ai perdue hier dans le métro"],
    ['security', 'en', 'Could you block my card right now please?'],
    ['security', 'es', 'no puedo encontrar mi pasaporte desde ayer'],
    ['security', 'en', 'my tablet was taken from the lounge last night'],
    ['billing_dispute', 'en', 'What is this mysterious debit from last week?'],
    ['billing_dispute', 'en', 'somebody just made a purchase on my account from a shop abroad'],
    ['billing_dispute', 'en', 'that transfer out of my account looks fishy'],
  ])('finds %s in %s', (topic, _language, text) => {
    expect(facts(text).topics).toContain(topic === 'security' ? 'security' : topic);
  });

  it.each([
    ['en', 'My new card has not arrived yet, is it lost in the post?'],
    ['en', 'I was not charged twice after all, thanks'],
    ['es', '¿Puedo pagar la suscripción dos veces al año?'],
    ['de', 'Wie lange dauert die Lieferung der Karte?'],
    ['fr', 'Comment ajouter une carte à mon compte ?'],
    ['en', "I'd like to end the recurring billing of the account and pay each month myself"],
    ['en', 'How do I change my billing address?'],
    ['en', 'There is no problem with my bill, I only need a copy'],
    ['en', 'Do you charge extra for a duplicate statement?'],
    ['en', 'Which payment methods are unknown to your shop?'],
  ])('stays calm on a routine %s message', (_language, text) => {
    expect(facts(text).topics).toEqual([]);
  });

  it.each([
    ['en', 'Could you put me through to one of your advisors please'],
    ['es', '¿Me puede pasar con un asesor, por favor?'],
    ['pt', 'Quero falar com um atendente agora'],
    ['de', 'Verbinden Sie mich bitte mit einem Mitarbeiter'],
    ['fr', 'Je voudrais parler à un conseiller'],
    ['en', 'Can I talk directly with the front desk?'],
  ])('hears a request for a person in %s', (_language, text) => {
    expect(facts(text).humanRequested).toBe(true);
  });

  it('does not hear a request in talk about other people', () => {
    expect(facts('I need to add a person to my plan').humanRequested).toBe(false);
    expect(facts("I don't want to speak to an advisor, just tell me the fee").humanRequested).toBe(false);
  });
});
