/**
 * Where the reference policy (`seed/src/policies/support-default/trigger-settings.json`, read from
 * disk: rules must not import seed) draws the line between a security incident and a billing
 * dispute, in all five languages. The graph asks about security first, so a message that finds
 * both is a security handoff; the billing concepts that must win therefore make the security
 * concepts yield (`resolvedBy` "@disputed_withdrawal"). Every message here is written for this test.
 */
import { computeSignals, prepareSignals } from './index';
import { customerSays } from './fixtures/conversation.fixture';
import { referenceTriggerSettings } from '../testing/reference-files';

const model = prepareSignals(referenceTriggerSettings());
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
    ['en', 'Apparently a direct debit has been set up in my name without my consent'],
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
    ['en', "For web shopping I'd rather not enter my credit card details"],
    ['en', "The transfer didn't go through"],
    ['en', 'How do I change my billing address? The one on the invoice is incorrect'],
    ['es', 'La dirección de facturación de mi recibo es incorrecta'],
    ['pt', 'Não coloquei dinheiro suficiente para a recarga'],
  ])('stays calm on a routine message (%s): %s', (_language, text) => {
    expect(topics(text)).toEqual([]);
  });
});

describe('a denial reaches its payment across an amount, a payee or a clause', () => {
  it.each([
    // An amount and a named payee between the payment and a relative clause that denies it.
    ['en', 'Hi. I just spotted a debit of 14,99 USD to something called Quellix Cloud which I don’t recognise at all.'],
    ['en', 'I noticed a charge for 72.40 GBP from Harbour and Finch Ltd on the 3rd that was not me.'],
    ['es', 'En mi cuenta aparece una compra de 45,00 € en un comercio llamado Veltra Shop que yo no he hecho.'],
    ['es', 'Me aparece un pago de 59,90 € a una empresa que se llama Dorvani que yo no hice.'],
    ['pt', 'Apareceu uma compra de R$ 350,00 numa loja chamada Tecnoluz que eu não fiz.'],
    ['pt', 'Tem um saque de 300 euros num caixa em Lisboa que eu não fiz.'],
    ['de', 'Auf meinem Konto ist eine Zahlung über 64,50 Euro an eine Firma namens Kolbex, die ich nicht veranlasst habe.'],
    ['de', 'Da ist eine Lastschrift von 23,99 € von Streamora auf meinem Konto, die ich nicht kenne.'],
    ['de', 'Ich sehe eine Kartenzahlung über 230 Euro bei einem Händler in Prag, die ich nicht getätigt habe.'],
    ['fr', "Il y a un prélèvement de 79,90 € d'une société appelée Vantelo sur mon compte que je n'ai pas fait."],
    ['fr', "Il y a un retrait de 200 euros dans un distributeur à Lyon que je n'ai pas fait."],
    // A denial of having been there, in a clause of its own after a long one naming the payment.
    ['en', 'My card was charged 59 dollars at a restaurant downtown in Chicago, I have never been to the US.'],
    ['es', 'Me cobraron 80 euros en un hotel del centro de Londres, jamás he estado en Inglaterra.'],
    ['pt', 'Cobraram 90 reais de uma loja do shopping em Curitiba no meu cartão, nunca estive lá.'],
    ['de', 'Auf meinem Kontoauszug steht eine Zahlung in einem kleinen Laden in Wien, ich war noch nie in Österreich.'],
    ['fr', 'Il y a un paiement dans un magasin de chaussures à Rome sur mon relevé, je ne suis jamais allé en Italie.'],
  ])('finds a billing dispute (%s): %s', (_language, text) => {
    expect(topics(text)).toEqual(['billing_dispute']);
  });

  it.each([
    ['en', 'I sent a transfer of 80 euros to a friend who never got it, can you check?'],
    ['en', 'I want to set up a payment of 300 euros to my sister who I haven’t seen in years.'],
    ['en', 'I paid for a hotel in Rome last week, I’ve never been to Italy before, so exciting!'],
    ['en', 'The transfer to my savings account worked, it wasn’t hard.'],
    ['pt', 'Quero fazer uma transferência de 200 reais para uma conta que eu não uso há anos.'],
    ['de', 'Ich möchte eine Überweisung über 50 Euro an einen Freund machen, den ich nicht oft sehe.'],
    ['fr', "Je veux faire un virement de 100 euros à un ami que je n'ai pas vu depuis longtemps."],
  ])('stays calm when the denial is about something else (%s): %s', (_language, text) => {
    expect(topics(text)).toEqual([]);
  });
});

describe('money taken from the account that the customer denies is a billing dispute, not security', () => {
  it.each([
    ['en', 'Just got an alert that 250 euros were taken from my account, that wasn’t me!'],
    ['en', 'Someone withdrew 200 from my account last night, it wasn’t me.'],
    ['es', 'Me acaban de avisar que sacaron 200 euros de mi cuenta, ¡no fui yo!'],
    ['es', 'Se llevaron 150 euros de mi cuenta esta mañana, yo no fui.'],
    ['pt', 'Recebi um aviso de que tiraram 400 reais da minha conta, não fui eu!'],
    ['pt', 'Saíram 200 reais da minha conta hoje, não fui eu.'],
    ['de', 'Eben kam eine Nachricht, dass 150 Euro von meinem Konto abgebucht wurden, das war ich nicht!'],
    ['de', 'Heute früh sind 300 Euro von meinem Konto verschwunden, das war nicht ich.'],
    ['fr', "Je viens de recevoir une alerte : 180 euros ont été prélevés sur mon compte, ce n'était pas moi !"],
    ['fr', "Ce matin 120 euros ont été retirés de mon compte, je n'ai rien fait."],
  ])('hands it to billing (%s): %s', (_language, text) => {
    expect(topics(text)).toEqual(['billing_dispute']);
  });

  it('keeps a phone taken from a bag a security incident', () => {
    expect(topics('My phone was taken from my bag on the train, it was not me who left it open.')).toEqual(['security']);
  });

  it.each([
    ['en', 'How much cash can be taken from my account in one day?'],
    ['es', '¿Cuánto dinero se puede sacar de mi cuenta en un día?'],
    ['de', 'Wie viel Geld kann pro Tag von meinem Konto abgebucht werden?'],
  ])('stays calm on a question about limits (%s): %s', (_language, text) => {
    expect(topics(text)).toEqual([]);
  });
});

describe('credentials given to an impostor, or typed into a fake site, are security', () => {
  it.each([
    ['en', 'A man rang pretending to be your fraud team and I told him the code you texted me'],
    ['en', 'Stupidly I shared my PIN with someone on the phone'],
    ['en', 'The login page I used yesterday was fake, it had your logo'],
    ['es', 'Me escribieron haciéndose pasar por ustedes y les di el código'],
    ['es', 'Creo que la web donde puse la contraseña era falsa'],
    ['pt', 'Um cara ligou dizendo ser do banco e eu passei o código pra ele'],
    ['pt', 'Entrei num site falso e digitei a senha'],
    ['de', 'Ein Anrufer gab sich als Ihr Support aus, ich habe ihm die TAN gesagt'],
    ['de', 'Ich war auf einer gefälschten Seite und habe mein Passwort eingegeben'],
    ['fr', 'Un type se faisait passer pour la banque au téléphone et je lui ai donné le code'],
    ['fr', 'Le lien du mail était faux et j’ai mis mon mot de passe'],
  ])('hands it to trust and safety (%s): %s', (_language, text) => {
    expect(topics(text)).toEqual(['security']);
  });

  it.each([
    ['en', 'Where do I type the code you just sent me?'],
    ['en', 'Can you share the tracking number of my new card?'],
    ['en', 'The app shows a fraudulent payment on my statement'],
    ['es', '¿Dónde pongo el código que me llegó por SMS?'],
    ['pt', 'Cliquei no link para confirmar meu e-mail e não aconteceu nada'],
    ['de', 'Der Code, den Sie mir gegeben haben, funktioniert nicht'],
    ['fr', 'Le code que vous m’avez donné ne marche pas'],
  ])('leaves routine code and link questions, and a disputed payment, out of it (%s): %s', (_language, text) => {
    expect(topics(text)).not.toContain('security');
  });
});

describe('what cancels a report cancels it only when it happened', () => {
  it.each([
    ['en', 'There is a charge I never made and it still has not been reversed'],
    ['en', 'I was charged twice and it has not been refunded yet'],
    ['de', 'Doppelt abgebucht, und bis jetzt wurde nichts erstattet'],
  ])('keeps the dispute when the refund has not come (%s): %s', (_language, text) => {
    expect(topics(text)).toEqual(['billing_dispute']);
  });

  it.each([
    ['en', 'Please block my card temporarily until I find it'],
    ['es', 'Bloqueen la tarjeta temporalmente hasta que la encuentre'],
    ['pt', 'Bloqueia o cartão temporariamente até eu encontrar'],
    ['de', 'Bitte die Karte vorübergehend sperren, bis ich sie wiederfinde'],
    ['fr', 'Bloquez ma carte temporairement, le temps de la retrouver'],
  ])('hears a card gone missing in a temporary block until it is found (%s): %s', (_language, text) => {
    expect(topics(text)).toEqual(['security']);
  });
});
