/**
 * Support-chat sentiment in the five languages, on messages written for these tests: the ways
 * customers show disappointment, frustration and anger (asking again, nobody answering,
 * sarcasm, "?!", stretched words) read as upset (at or below the reference threshold, -0.3),
 * while plain reports of a problem (a stolen card, a refused payment, a missing item) and
 * neutral questions stay above it.
 */
import { AnalysedText } from './message-analysis';
import { scoreSentiment } from './sentiment';
import { elongationVariants, isElongated, punctuationAdjusted } from './sentiment-emphasis';
import { generalValences } from './sentiment-general';

const UPSET = -0.3;
const score = (language: string, text: string) => scoreSentiment(new AnalysedText(text, 1), language).score;

describe('support-chat sentiment', () => {
  it.each([
    ['en', "This is the fourth time I'm writing about the same refund."],
    ['en', 'How many times do I have to explain this?'],
    ['en', 'Oh great, the transfer failed again.'],
    ['en', "Still nothing?! I've been waiting since Monday."],
    ['en', "Nobody answers my emails and I'm sick of it"],
    ['en', 'pleeease just sort it out, this is sooo frustrating'],
    ['es', 'Es la cuarta vez que escribo por lo mismo y nadie me contesta.'],
    ['es', '¿Cuántas veces tengo que repetirlo?'],
    ['es', 'Sigo esperando la devolución, qué rabia'],
    ['es', 'Me están tomando el pelo con esta transferencia'],
    ['es', 'No me gusta nada cómo me han tratado'],
    ['pt', 'Já é a quarta vez que peço a mesma coisa e ninguém me responde.'],
    ['pt', 'Quantas vezes vou ter que explicar isso?'],
    ['pt', 'Aff, continuo esperando o estorno até agora'],
    ['pt', 'Estou de saco cheio desse aplicativo'],
    ['pt', 'Ótimo atendimento, só que não.'],
    ['de', 'Ich schreibe jetzt zum vierten Mal wegen derselben Erstattung.'],
    ['de', 'Wie oft muss ich das noch erklären?'],
    ['de', 'Na toll, die Überweisung ist schon wieder fehlgeschlagen.'],
    ['de', 'Keiner meldet sich, das geht mir auf die Nerven'],
    ['de', 'Soll das ein Witz sein?'],
    ['fr', "C'est la quatrième fois que j'écris pour le même remboursement."],
    ['fr', 'Combien de fois faut-il que je le répète ?'],
    ['fr', "Toujours rien ?! J'attends depuis lundi."],
    ['fr', 'Franchement ça me saoule, personne ne me répond'],
    ['fr', "C'est une blague ce service"],
  ])('reads an upset %s customer at or below -0.3: %s', (language, text) => {
    expect(score(language, text)).toBeLessThanOrEqual(UPSET);
  });

  it.each([
    ['en', 'My card was stolen yesterday, can you block it?'],
    ['en', 'The payment was declined at the shop, what should I do?'],
    ['en', 'I cannot log in, the app says my password is invalid.'],
    ['en', 'I saved my card in the app but it is gone now'],
    ['es', 'Me robaron la tarjeta ayer, ¿pueden bloquearla?'],
    ['es', 'El pago fue rechazado en la tienda, ¿qué hago?'],
    ['es', 'Falta un artículo en mi pedido'],
    ['es', '¿Cuánto tiempo tarda una transferencia?'],
    ['pt', 'Roubaram meu cartão ontem, vocês podem bloquear?'],
    ['pt', 'O pagamento foi recusado na loja, o que eu faço?'],
    ['pt', 'Falta um item no meu pedido'],
    ['pt', 'Queria falar com alguém sobre a minha conta'],
    ['de', 'Meine Karte wurde gestern gestohlen, können Sie sie sperren?'],
    ['de', 'Die Zahlung wurde im Laden abgelehnt, was soll ich tun?'],
    ['de', 'In meiner Bestellung fehlt ein Artikel'],
    ['de', 'Danke für Ihre Mühe'],
    ['fr', 'On m’a volé ma carte hier, pouvez-vous la bloquer ?'],
    ['fr', 'Le paiement a été refusé au magasin, que dois-je faire ?'],
    ['fr', 'Il manque un article dans ma commande'],
    ['fr', "Je voudrais plus d'informations sur les frais"],
  ])('stays above -0.3 on a plain %s report or question: %s', (language, text) => {
    expect(score(language, text)).toBeGreaterThan(UPSET);
  });

  it('quarters praise in a complaint, unless a "but" says which part counts', () => {
    expect(score('en', 'Thanks, nobody answers.')).toBeLessThanOrEqual(UPSET);
    expect(score('pt', 'Obrigado, ninguém responde.')).toBeLessThanOrEqual(UPSET);
    expect(score('en', 'Nobody answered at first, but you fixed it, great work')).toBeGreaterThan(0);
  });

  it('matches an expression within one clause only', () => {
    expect(score('en', 'oh no, not again')).toBeLessThanOrEqual(UPSET);
    expect(score('en', 'Oh, no problem, thanks!')).toBeGreaterThan(0);
  });

  it('keeps a negated curse negative instead of flipping it', () => {
    expect(score('es', 'no jodas')).toBeLessThan(0);
    expect(score('en', 'I am not unhappy')).toBeGreaterThan(0);
  });

  it('reads a word its lexicon lists under another stem only as an inflection of it', () => {
    // German "lachen" (to laugh) shares the stem "lach" with "lächerlich" (ridiculous).
    expect(score('de', 'ich musste lachen')).toBeGreaterThan(UPSET);
    expect(score('de', 'das ist lächerlich')).toBeLessThanOrEqual(UPSET);
    expect(score('de', 'eine lächerliche Antwort')).toBeLessThanOrEqual(UPSET);
  });
});

describe('general word valences (AFINN-165 and its translations)', () => {
  it('rates complaint words the support lexicon does not list', () => {
    expect(generalValences('en').get('dreadful')?.value).toBeLessThan(0);
    expect(score('en', 'what a dreadful experience')).toBeLessThanOrEqual(UPSET);
    expect(score('fr', 'quelle expérience épouvantable')).toBeLessThanOrEqual(UPSET);
  });

  it('reads the other gender and number of a listed adjective', () => {
    expect(generalValences('es').get('aterrorizada')?.value).toBe(generalValences('es').get('aterrorizado')?.value);
    expect(score('es', 'estoy aterrorizada')).toBeLessThanOrEqual(UPSET);
    expect(score('de', 'eine abscheuliche Behandlung')).toBeLessThanOrEqual(UPSET);
  });

  it('leaves out translation artefacts and support topic words', () => {
    expect(score('es', 'Me han cargado el importe en la cuenta')).toBeGreaterThan(UPSET);
    expect(score('de', 'Mir wurden 20 Euro berechnet')).toBeGreaterThan(UPSET);
    expect(generalValences('es').has('frase')).toBe(false);
    expect(generalValences('de').has('teuer')).toBe(false);
    expect(generalValences('fr').has('queue')).toBe(false);
    expect(generalValences('en').has('charged')).toBe(false);
  });

  it('keeps a mild word alone short of upset, and drops ratings of ±1', () => {
    expect(generalValences('en').get('gloomy')?.value).toBe(-0.3);
    expect(score('en', 'a gloomy day')).toBeGreaterThan(UPSET);
    expect(score('en', 'a gloomy day?!')).toBeLessThanOrEqual(UPSET);
    expect(generalValences('en').has('want')).toBe(false);
  });
});

describe('emphasis', () => {
  it('finds stretched words and their short forms', () => {
    expect(isElongated('sooo')).toBe(true);
    expect(isElongated('good')).toBe(false);
    expect(elongationVariants('pleeease')).toEqual(['please', 'pleease']);
  });

  it('reads "??" and "?!" as impatience but capitals or "!!" alone as emphasis', () => {
    expect(punctuationAdjusted('hello??', 0, false)).toBeLessThan(0);
    expect(punctuationAdjusted('really?!', 0, false)).toBeLessThan(0);
    expect(punctuationAdjusted('FREE TICKETS TONIGHT', 0, true)).toBe(0);
    expect(punctuationAdjusted('see you tomorrow!!', 0, false)).toBe(0);
    expect(punctuationAdjusted('WHERE IS MY ORDER!!!', 0, true)).toBeLessThan(-0.5);
    expect(punctuationAdjusted('this is bad!!', -0.5, false)).toBeLessThan(-0.5 - 0.15);
  });
});

describe('walking away', () => {
  it.each([
    ['en', 'Forget it, I will take my business elsewhere.'],
    ['en', "That's the last time I use this airline."],
    ['es', 'Me paso a la competencia, ya está.'],
    ['es', 'No vuelvo a pedir nada en esta tienda.'],
    ['pt', 'Nunca mais compro nada com vocês.'],
    ['pt', 'Vou procurar outra operadora, sério.'],
    ['de', 'Nie wieder bei euch, wirklich.'],
    ['de', 'Tja, dann bestelle ich woanders.'],
    ['fr', 'Je vais voir ailleurs, tant pis.'],
    ['fr', 'Dernière fois que je commande ici.'],
  ])('reads a customer walking away as upset (%s): %s', (language, text) => {
    expect(score(language, text)).toBeLessThanOrEqual(UPSET);
  });

  it.each([
    ['en', 'Can I order from you again with the same account?'],
    ['es', '¿Vuelvo a comprar la entrada si la pierdo?'],
    ['pt', 'Posso comprar de novo com o mesmo cartão?'],
    ['de', 'Kann ich woanders bestellen und hier abholen?'],
    ['fr', 'Je peux aller chercher le colis ailleurs ?'],
    ['en', 'I tried deleting the app, same error'],
    ['en', "I think I'm done with you, thanks!"],
    ['en', 'Can I shop elsewhere with this voucher?'],
    ['es', '¿Borro la app y la vuelvo a instalar?'],
    ['es', '¿Cuál es el siguiente paso de esto?'],
    ['pt', 'Preciso desinstalar o app?'],
    ['de', 'Soll ich die App löschen und neu installieren?'],
    ['fr', "Là vous me perdez, c'est quoi un IBAN ?"],
  ])('reads a question about ordering again or elsewhere, or a routine step, as calm (%s): %s', (language, text) => {
    expect(score(language, text)).toBeGreaterThan(UPSET);
  });
});
