/**
 * Concepts (object and state near each other) on a small lexicon of their own and on the
 * reference settings in all five languages. Every message here is written for this test.
 */
import type { TriggerSettings } from '@baton/schemas';
import { computeSignals, prepareSignals } from './index';
import { customerSays } from './fixtures/conversation.fixture';
import { FIXTURE_SETTINGS } from './fixtures/trigger-settings.fixture';
import { referenceTriggerSettings } from '../testing/reference-files';

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
    unexplained_debit: {
      phrases: {},
      concepts: [
        {
          id: 'unexplained_debit',
          objects: { en: ['debit', 'charge'], es: ['cargo'] },
          states: { en: ["don't know where", "didn't make"], es: ['no sé de dónde'] },
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
    // Two sentences pair only when the second is a short denial answering the first.
    expect(topics("the card? I can't find it")).toEqual(['lost_item']);
    expect(topics("my card... I can't find it anywhere in the house or the car")).toEqual([]);
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

  it('reads a state written with its question word as a report unless a how-to follows', () => {
    expect(topics("I really don't know where this debit on my card came from")).toEqual(['unexplained_debit']);
    expect(topics('No sé de dónde sale este cargo de 12 €')).toEqual(['unexplained_debit']);
    expect(topics("I don't know where to send the debit mandate")).toEqual([]);
    expect(topics("I don't know whether the debit is due this week")).toEqual([]); // "don't know" alone is no state here
  });

  it('does not let a negation reach across an embedded question', () => {
    expect(topics('no idea how wallet got stolen, it was in my locker')).toEqual(['lost_item']);
    expect(topics("I don't think my card was stolen")).toEqual([]);
  });

  it('does not count the pronouns and auxiliaries of a relative clause against the window', () => {
    expect(topics("there is a debit from my savings account which I didn't make")).toEqual(['unexplained_debit']);
    expect(topics("there is a debit from my old savings account at the other bank I didn't make")).toEqual([]);
  });

  it('does not count an amount against the window', () => {
    expect(topics('there is a debit of 1,249.99 USD from the 12th I didn’t make')).toEqual(['unexplained_debit']);
    expect(topics('a charge of 30 euros at the shop I didn’t make')).toEqual(['unexplained_debit']);
    expect(topics('there is a debit from the shop on the corner of the high street I didn’t make')).toEqual([]);
  });

  it('lets a denial opening a relative clause reach twice the window back to its noun', () => {
    expect(topics('a debit from the garden centre on the high street which I didn’t make')).toEqual(['unexplained_debit']);
    expect(topics('a debit from the garden centre on the high street I didn’t make')).toEqual([]);
    expect(topics('a debit from the big garden centre on the old high street near the station which I didn’t make')).toEqual([]);
  });

  it('pairs an object with a denial opening a short clause after it in the same sentence', () => {
    expect(topics('There is a debit on my card from the garden centre in the next town, I didn’t make it')).toEqual(['unexplained_debit']);
    expect(topics('There is a debit on my card from the garden centre in the next town, but I didn’t make it')).toEqual(['unexplained_debit']);
    expect(topics('There is a debit on my card from the garden centre in the next town, I didn’t make the trip to the shop myself')).toEqual([]);
  });

  it('does not read a denial of something else named after it as an answer', () => {
    expect(topics('There is a debit on my card from the garden centre in the next town, I didn’t make the list')).toEqual([]);
    expect(topics('There is a debit on my card from Monday. I didn’t make the cake.')).toEqual([]);
    expect(topics('There is a debit on my card from Monday. I didn’t make that!')).toEqual(['unexplained_debit']);
  });

  it('pairs an object with a denial answering it in a short sentence of its own', () => {
    expect(topics('There is a debit on my card from Monday. I didn’t make it!')).toEqual(['unexplained_debit']);
    expect(topics('There is a debit on my card from Monday. I didn’t make the other payment that week though.')).toEqual([]);
    expect(topics('My card was in the drawer. Then it was stolen.')).toEqual([]); // only a denial answers across sentences
  });

  it('is cancelled by its resolvedBy words in the same message only', () => {
    expect(topics('I lost my card but found it this morning')).toEqual([]);
    expect(topics('I lost my card', 'I found the receipt though')).toEqual(['lost_item']);
  });
});

describe('a concept that yields to another', () => {
  const yielding = prepareSignals({
    ...FIXTURE_SETTINGS,
    topics: {
      security: {
        phrases: {},
        concepts: [
          {
            id: 'lost_wallet',
            objects: { en: ['wallet', 'card'] },
            states: { en: ['lost', 'stolen', 'someone … using'] },
            resolvedBy: { en: ['found', '@cash_taken'] },
          },
        ],
      },
      billing_dispute: {
        phrases: {},
        concepts: [{ id: 'cash_taken', objects: { en: ['withdrawal', 'withdrew'] }, states: { en: ['stolen', 'lost', "didn't make"] } }],
      },
    },
  });
  const found = (...texts: string[]) => computeSignals(customerSays(...texts), yielding, new Date('2026-03-01T10:00:00Z')).facts.topics;

  it('gives way where the concept it names is found in the same message', () => {
    expect(found("The wallet got stolen on the bus, and a withdrawal appeared that I didn't make")).toEqual(['billing_dispute']);
    expect(found('My wallet was stolen yesterday on the tram')).toEqual(['security']);
  });

  it('stands when the word is only mentioned, or the other concept is in another message', () => {
    expect(found('I lost my card, how soon can I make a withdrawal again?')).toEqual(['security']);
    expect(found('My wallet was stolen on the tram', 'Somebody made a withdrawal I did not make')).toEqual(['security', 'billing_dispute']);
  });

  it('still yields to nothing once its phrases resolve it', () => {
    expect(found('I lost my wallet but found it under the seat')).toEqual([]);
  });

  it('does not compile the reference as a phrase', () => {
    expect(found('cash taken')).toEqual([]);
  });
});

describe('questions around a pair', () => {
  it('reads "is someone …?" as a suspicion, but not "can someone …?" or "does anyone …?"', () => {
    const misuse = prepareSignals({
      ...FIXTURE_SETTINGS,
      topics: {
        security: {
          phrases: {},
          concepts: [{ id: 'misuse', objects: { en: ['card', 'account'] }, states: { en: ['someone … using', 'someone … use', 'anyone … access'] } }],
        },
      },
    });
    const found = (text: string) => computeSignals(customerSays(text), misuse, new Date('2026-03-01T10:00:00Z')).facts.topics;
    expect(found('Is someone else using my card?')).toEqual(['security']);
    expect(found('Can someone else use my card if I lend it?')).toEqual([]);
    expect(found('Does anyone at your bank have access to my account?')).toEqual([]);
  });

  it('does not pair parts a new question separates', () => {
    expect(topics('I lost the bet, what happens to my card?')).toEqual([]);
    expect(topics('I lost my wallet, where is the nearest branch?')).toEqual(['lost_item']);
    expect(topics('I lost my wallet with the card in it')).toEqual(['lost_item']);
  });

  it('pairs an object with a denial of up to six words in the sentence after it', () => {
    expect(topics('There is a debit from Monday on the card. Honestly, I didn’t make it.')).toEqual(['unexplained_debit']);
    expect(topics('There is a debit from Monday on the card. Honestly, I didn’t make it at all.')).toEqual([]);
  });
});

describe('reference concepts in five languages', () => {
  const reference = prepareSignals(referenceTriggerSettings());
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
    // A payment the customer did not make is a billing dispute, even when someone else used the card to make it…
    ['billing_dispute', 'en', 'someone used my card to pay for concert tickets and withdraw 200 pounds'],
    ['billing_dispute', 'es', 'Alguien usó mi tarjeta para sacar dinero en un cajero de otra ciudad'],
    ['billing_dispute', 'pt', 'Alguém usou meu cartão e fez uma compra que eu não reconheço'],
    ['billing_dispute', 'de', 'Jemand hat meine Karte benutzt und Geld abgehoben'],
    ['billing_dispute', 'fr', "Quelqu'un a utilisé ma carte pour un achat chez un marchand inconnu"],
    // …and a freeze asked for because of such a payment is its remedy, not a separate incident.
    ['billing_dispute', 'en', 'Please freeze my card, there are two payments from yesterday I never made'],
    ['billing_dispute', 'es', 'Bloqueen mi tarjeta, hay un pago de ayer que no hice'],
    // The card or account itself in someone else's hands is security.
    ['security', 'en', 'I am afraid somebody else is using my card right now'],
    ['security', 'es', 'Creo que alguien está usando mi tarjeta sin mi permiso'],
    ['security', 'pt', 'Acho que alguém está usando meu cartão'],
    ['security', 'de', 'Ich glaube, jemand benutzt meine Karte ohne mein Wissen'],
    ['security', 'fr', "Je crois que quelqu'un utilise ma carte à mon insu"],
    ['security', 'en', 'my card was used in a city I have never visited'],
    // Unexplained payments, cash never received, duplicates, reversals, claims the customer disputes.
    ['billing_dispute', 'en', "I don't get where this debit from last Tuesday is coming from"],
    ['billing_dispute', 'es', 'No sé de dónde viene este cargo de la semana pasada'],
    ['billing_dispute', 'pt', 'Não sei de onde veio essa cobrança'],
    ['billing_dispute', 'de', 'Ich weiß nicht, woher diese Abbuchung kommt'],
    ['billing_dispute', 'fr', "Je ne sais pas d'où vient ce prélèvement"],
    ['billing_dispute', 'en', "What's this mystery debit of 9.99 on my statement?"],
    ['billing_dispute', 'de', 'Was ist das für eine Lastschrift vom Montag?'],
    ['billing_dispute', 'en', 'the machine kept my cash withdrawal and I never received the notes'],
    ['billing_dispute', 'es', 'El cajero hizo el retiro pero no recibí el efectivo'],
    ['billing_dispute', 'pt', 'Fiz o saque mas não recebi o dinheiro'],
    ['billing_dispute', 'de', 'Die Abhebung wurde gebucht, aber das Bargeld habe ich nicht bekommen'],
    ['billing_dispute', 'fr', "Le retrait a été débité mais je n'ai pas reçu les espèces"],
    ['billing_dispute', 'en', 'Around 300 euros of money is missing from my account since Friday'],
    ['billing_dispute', 'pt', 'Sumiu dinheiro da minha conta ontem'],
    ['billing_dispute', 'en', 'The same grocery payment keeps showing up in my history'],
    ['billing_dispute', 'es', 'Solo hice una compra pero me aparecen dos cargos'],
    ['billing_dispute', 'en', 'I would like that direct debit reversed please'],
    ['billing_dispute', 'pt', 'Quero o estorno desse pagamento'],
    ['billing_dispute', 'en', 'my statement shows I withdrew cash on Sunday, I was at home all day'],
    ['billing_dispute', 'fr', "L'appli indique que j'ai retiré 100 euros, c'est faux"],
    ['billing_dispute', 'en', 'Can I report a problem with my last invoice?'],
    ['billing_dispute', 'en', 'Is it possible to dispute a payment from last spring?'],
    // A phone or card the customer cannot locate, left somewhere, or taken in a mugging.
    ['security', 'en', 'I have no idea where my phone is since the party'],
    ['security', 'es', 'No sé dónde dejé el móvil, lo tenía en el bar'],
    ['security', 'pt', 'Esqueci o celular no táxi ontem à noite'],
    ['security', 'de', 'Ich habe mein Handy im Zug vergessen'],
    ['security', 'de', 'Ich weiß nicht, wo mein Handy ist'],
    ['security', 'fr', "J'ai oublié mon portefeuille dans le taxi"],
    ['security', 'en', 'I got mugged on my way home and they took my bag'],
    ['security', 'en', 'Has anyone handed in a black leather wallet?'],
    ['security', 'es', '¿Alguien entregó una cartera marrón en recepción?'],
    ['security', 'pt', 'Alguém entregou uma mochila azul na recepção?'],
    // Cancelling a plan named earlier in the sentence, by pronoun.
    ['cancellation', 'en', 'We took out the family travel policy with you last year and now we want to cancel it'],
    ['cancellation', 'es', 'Tengo dos planes con ustedes y quiero cancelar uno'],
    ['cancellation', 'fr', "J'ai un contrat d'assurance habitation chez vous et je veux le résilier"],
    ['cancellation', 'en', "I really don't want the premium plan anymore, how can I stop it?"],
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
    // Stems too short to tell words apart: French "tuer" is no "tu", English "suing" no Spanish "su".
    ['fr', "Je veux que tu m'aides avec ma facture"],
    ['es', 'Quiero hablar con su equipo de ventas sobre un pedido'],
    // A negation cut off by a comma answers a question; it does not negate what follows.
    ['es', 'No, quiero abrir una cuenta nueva este mes'],
    ['es', 'Abrí la cuenta bajo el nombre de mi empresa'],
    ['es', 'La tienda dejó de aceptar mi tarjeta de crédito'],
    ['en', "I'm not sure if it is a debit or a credit card"],
    ['en', 'My refund payment was reversed by the shop yesterday'],
    ['en', 'How do I let my partner top up my account?'],
    ['en', 'I have a few questions about transfers to my savings account'],
    ['en', "I'd rather not pay for this order with my credit card"],
    ['en', 'Can I keep using my account without verifying my address?'],
    ['en', "I can't find my card in the app to link it to my wallet"],
    ['en', 'I topped up with my card yesterday and the money has disappeared'],
    ['es', 'No encuentro la tarjeta en la app para vincularla'],
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
    // A one-word request phrase in a longer message decides nothing; the concept still asks.
    ['es', 'Páseme ahora mismo con el agente encargado de mi caso, por favor'],
    ['en', 'Could I get somebody else on the line to look at this?'],
    ['es', '¿Me puede poner con alguien de recepción?'],
    // Turning the bot down, or saying this chat is getting nowhere.
    ['en', 'I am fed up with typing to a machine'],
    ['en', 'this chat is a waste of time'],
    ['es', 'Este chat no me ayuda para nada'],
    ['pt', 'Essa conversa não está funcionando'],
    ['de', 'Dieser Chat bringt nichts'],
    ['fr', 'Cette conversation ne mène à rien'],
    ['es', 'No me siento cómoda dando mis datos a un robot'],
    ['pt', 'Estou cansado de falar com um robô'],
    ['de', 'Ich bin es satt, mit einem Bot zu schreiben'],
    ['fr', "Je n'ai pas confiance dans cette machine"],
  ])('hears a request for a person in %s', (_language, text) => {
    expect(facts(text).humanRequested).toBe(true);
  });

  it('does not hear a request in talk about other people', () => {
    expect(facts('I need to add a person to my plan').humanRequested).toBe(false);
    expect(facts("I don't want to speak to an advisor, just tell me the fee").humanRequested).toBe(false);
  });

  it.each([
    ['en', 'Is there an insurance agent near me in Leeds?'],
    ['es', '¿Dónde está el agente más cercano a mi casa?'],
    ['pt', 'Quero falar com um corretor perto de mim'],
    ['de', 'Gibt es einen Berater in meiner Nähe?'],
    ['fr', 'Je cherche le conseiller le plus proche de chez moi'],
    ['en', 'Which countries do you operate in?'],
    ['en', 'Which regions are represented in your network?'],
  ])('reads looking for someone nearby, or a routine question, as no request in %s', (_language, text) => {
    expect(facts(text).humanRequested).toBe(false);
  });
});
