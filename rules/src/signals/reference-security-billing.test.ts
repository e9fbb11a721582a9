/**
 * Where the reference policy (`seed/src/policies/support-default/trigger-settings.json`, read from
 * disk: rules must not import seed) draws the line between a security incident and a billing
 * dispute, in all five languages. The graph asks about security first, so a message that finds
 * both is a security handoff; the billing concepts that must win therefore make the security
 * concepts yield (`resolvedBy` "@disputed_withdrawal"). Every message here is written for this test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TriggerSettings } from '@baton/schemas';
import { computeSignals, prepareSignals } from './index';
import { customerSays } from './fixtures/conversation.fixture';

const FILE = path.join(__dirname, '../../../seed/src/policies/support-default/trigger-settings.json');
const model = prepareSignals(JSON.parse(fs.readFileSync(FILE, 'utf8')) as TriggerSettings);
const topics = (...texts: string[]) => computeSignals(customerSays(...texts), model, new Date('2026-03-01T10:00:00Z')).facts.topics;

describe('cash taken after a theft or a compromise is the withdrawal’s dispute', () => {
  it.each([
    ['en', 'My purse was stolen on the bus and now there is a withdrawal of 200 pounds I never made.'],
    ['en', 'Somebody stole my bag this morning and they already withdrew cash at a machine.'],
    ['en', 'I think my card got cloned, there is a cash withdrawal I do not recognise.'],
    ['es', 'Me robaron la cartera en el metro y ahora hay un retiro de 300 euros que no hice.'],
    ['pt', 'Roubaram minha carteira no ônibus e agora tem um saque que não fiz.'],
    ['fr', "On m'a volé mon portefeuille et il y a un retrait que je n'ai pas fait."],
  ])('hands a disputed withdrawal to billing (%s): %s', (_language, text) => {
    expect(topics(text)).toEqual(['billing_dispute']);
  });

  it.each([
    ['en', 'I lost my wallet, how soon can I make another withdrawal with a replacement card?'],
    ['es', 'Perdí la cartera, ¿cuándo puedo hacer otro retiro con la tarjeta nueva?'],
    ['pt', 'Perdi a carteira, quando posso fazer outro saque com o cartão novo?'],
    ['de', 'Ich habe meine Geldbörse verloren, wann kann ich wieder eine Abhebung machen?'],
    ['fr', "J'ai perdu mon portefeuille, quand puis-je refaire un retrait avec la nouvelle carte ?"],
  ])('keeps a lost wallet a security incident when a withdrawal is only asked about (%s): %s', (_language, text) => {
    expect(topics(text)).toEqual(['security']);
  });
});

describe('a card or its details in someone else’s hands is security, even with the charges it made', () => {
  it.each([
    ['en', 'Someone has been using my card, I keep seeing purchases I didn’t make'],
    ['en', 'Is somebody using my account? I see transactions I don’t know.'],
    ['en', 'I think someone got hold of my card number and bought things online'],
    ['es', '¿Alguien está usando mi tarjeta? Veo movimientos raros.'],
    ['es', 'Creo que alguien consiguió los datos de mi tarjeta'],
    ['pt', 'Acho que alguém conseguiu os dados do meu cartão'],
    ['de', 'Benutzt jemand meine Karte? Ich sehe seltsame Zahlungen.'],
    ['de', 'Ich glaube, jemand hat meine Kartendaten bekommen'],
    ['fr', "Est-ce que quelqu'un utilise ma carte ? Je vois des paiements bizarres."],
    ['fr', "Je pense que quelqu'un a obtenu mes coordonnées bancaires"],
  ])('finds security (%s): %s', (_language, text) => {
    expect(topics(text)).toContain('security');
  });

  it.each([
    ['en', 'Please freeze my card so nobody else can use it'],
    ['en', 'There are purchases on my card I never made, please make sure they cannot be made again and prevent further use'],
    ['en', 'What is the number to block a card?'],
    ['en', 'I noticed fraudulent use of my account'],
    ['en', 'Can a stranger log in with my phone? I lost mine at the station.'],
    ['es', 'Por favor bloqueen mi tarjeta para que nadie más la use'],
    ['es', 'Detecté un uso fraudulento de mi cuenta'],
    ['pt', 'Bloqueiem meu cartão para que ninguém mais use'],
    ['pt', 'Notei uso fraudulento da minha conta'],
    ['de', 'Bitte sperren Sie meine Karte, damit niemand sie benutzen kann'],
    ['fr', "Bloquez ma carte pour que personne ne puisse l'utiliser"],
    ['fr', "J'ai remarqué une utilisation frauduleuse de mon compte"],
  ])('hears a request to stop further use, or a fraud report, as security (%s): %s', (_language, text) => {
    expect(topics(text)).toContain('security');
  });

  it.each([
    ['en', 'Can someone else use my card if I give them the PIN?'],
    ['en', 'Does anyone else have access to my data?'],
    ['en', 'Can you stop my gym payment? I want to end it.'],
    ['en', "I can't use my card anymore, the chip is broken"],
    ['de', 'Ich habe meine Karte seit Tagen nicht benutzt, trotzdem ist da eine Zahlung'],
    ['fr', 'Ma carte ne peut plus être utilisée, elle est cassée'],
  ])('finds no security incident (%s): %s', (_language, text) => {
    expect(topics(text)).not.toContain('security');
  });
});

describe('charges and money the customer does not account for', () => {
  it.each([
    ['en', "I haven't used my card since Friday but a purchase appeared today"],
    ['en', "There's a payment from a restaurant I have never visited"],
    ['en', "I don't recognise what this debit on my statement is"],
    ['en', 'Why was a direct debit set up in my name?'],
    ['en', 'There is a direct debit I don’t think should be there'],
    ['en', 'Unexpected money showed up in my balance'],
    ['en', 'There are funds in my account I never deposited'],
    ['en', 'I did not really authorise this payment'],
    ['en', 'I bought a lamp and it showed up twice'],
    ['es', 'No he usado mi tarjeta desde el viernes pero aparece una compra hoy'],
    ['es', 'Hay un cargo de un restaurante donde nunca he estado'],
    ['es', 'Hay dinero en mi cuenta que no ingresé'],
    ['pt', 'Não usei o cartão desde sexta mas apareceu uma compra hoje'],
    ['pt', 'Tem uma cobrança de uma loja onde nunca estive'],
    ['pt', 'Tem dinheiro na minha conta que não depositei'],
    ['de', 'Ich habe meine Karte seit Tagen nicht benutzt, trotzdem ist da eine Zahlung'],
    ['de', 'Da ist eine Abbuchung von einem Laden, in dem ich nie gewesen bin'],
    ['de', 'Auf meinem Konto ist Geld, das ich nie eingezahlt habe'],
    ['fr', "Je n'ai pas utilisé ma carte depuis vendredi mais un achat est apparu"],
    ['fr', "Il y a un paiement d'un magasin où je n'ai jamais été"],
    ['fr', "Il y a de l'argent sur mon compte que je n'ai pas déposé"],
  ])('finds a billing dispute (%s): %s', (_language, text) => {
    expect(topics(text)).toEqual(['billing_dispute']);
  });

  it.each([
    ['en', "I didn't put enough money on my card for the top-up"],
    ['en', "I want to buy online but don't want to use my credit card"],
    ['en', "The transfer didn't go through"],
    ['en', 'How do I change my billing address? The one on the invoice is incorrect'],
    ['es', 'La dirección de facturación de mi recibo es incorrecta'],
    ['pt', 'Não coloquei dinheiro suficiente para a recarga'],
  ])('stays calm on a routine message (%s): %s', (_language, text) => {
    expect(topics(text)).toEqual([]);
  });
});
