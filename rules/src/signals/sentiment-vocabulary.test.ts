/**
 * Sentiment on general negative vocabulary and its forms, on support messages written for these
 * tests: negated praise ("pas terrible", "não tá bom"), verb forms and superlatives the stemmers
 * miss ("détestent", "cabreadísimo"), disappointment, pity and regret words, and the guards that
 * keep polite refusals, hashtags and everyday words calm ("no thanks", "#SALE", "pourriez-vous",
 * "gemeinsam").
 */
import { AnalysedText } from './message-analysis';
import { scoreSentiment } from './sentiment';

const UPSET = -0.3;
const score = (language: string, text: string) => scoreSentiment(new AnalysedText(text, 1), language).score;

describe('general negative vocabulary and its forms', () => {
  it.each([
    ['fr', "Franchement, le suivi de ma commande c'est pas terrible"],
    ['fr', "L'appli marche mal depuis la mise à jour, c'est pas bien"],
    ['fr', 'Ils détestent attendre, et moi aussi'],
    ['fr', 'Quel gâchis, trois semaines pour rien'],
    ['fr', 'Je suis choquée par votre réponse'],
    ['fr', "J'en ai assez de vos excuses"],
    ['fr', 'Votre service client est pourri'],
    ['es', 'Me arrepiento de haberme cambiado a este banco'],
    ['es', 'Estoy hasta el moño de llamar'],
    ['es', 'Detesto tener que repetir lo mismo'],
    ['es', 'Estoy cabreadísima con este banco'],
    ['es', 'Su tarifa no vale nada'],
    ['es', 'Sus agentes me mintieron'],
    ['pt', 'Que saco, de novo sem sinal'],
    ['pt', 'O atendimento não tá bom'],
    ['pt', 'Esse aplicativo não presta'],
    ['pt', 'Estou chateadíssima com vocês'],
    ['pt', 'Me arrependo de ter aberto essa conta'],
    ['pt', 'Não é legal esperar tanto'],
    ['de', 'Das tut weh, schon wieder eine Gebühr'],
    ['de', 'Euer Support ist total daneben'],
    ['de', 'Ich bereue es, das Konto eröffnet zu haben'],
    ['de', 'Respektlos, wie man hier behandelt wird'],
    ['fr', 'Pauvres clients, quel gaspillage de temps'],
    ['fr', 'Je suis victime de vos erreurs depuis des mois'],
    ['es', 'Nadie aguanta ya este servicio'],
    ['es', 'Me hizo daño que me colgaran así'],
    ['pt', 'Ninguém aguenta mais essa demora'],
    ['pt', 'Não tem nada que preste nesse aplicativo'],
    ['pt', 'Vai se foder com essa taxa'],
    ['de', 'Mir geht dieser Chat langsam auf die Nerven'],
    ['de', 'Aua, die Gebühr ist echt hart'],
    ['de', 'Was für ein jämmerlicher Service'],
    ['de', 'Mit dem Kundendienst geht es den Bach runter'],
    ['en', 'Your new app 🤮'],
    ['en', 'Another fee this month 💔'],
  ])('reads an upset message as upset (%s): %s', (language, text) => {
    expect(score(language, text)).toBeLessThanOrEqual(UPSET);
  });

  it.each([
    ['fr', "Pourriez-vous m'aider ?"],
    ['fr', 'Le conseiller pourrait-il me rappeler demain ?'],
    ['fr', 'Vous connaissez déjà mon numéro client'],
    ['fr', 'La NASA a lancé une mission'],
    ['de', 'Wir können das gemeinsam klären'],
    ['es', 'Me llamaron otra vez para confirmar la cita'],
    ['es', 'No sé nada del envío todavía, ¿me dice algo?'],
    ['pt', 'Vocês são foda, resolveram rápido'],
    ['pt', 'O fogo do fogão não acende, tem garantia?'],
  ])('leaves everyday words that share a stem with a negative one calm (%s): %s', (language, text) => {
    expect(score(language, text)).toBeGreaterThan(UPSET);
  });
});

describe('expressions', () => {
  it('reads "una y otra vez" as asking again, and a single "otra vez" mildly', () => {
    expect(score('es', 'Se lo pido una y otra vez')).toBeLessThanOrEqual(UPSET);
    expect(score('es', 'Me llamaron otra vez')).toBeGreaterThan(UPSET);
  });
});

describe('words a negation does not flip', () => {
  it.each([
    ['en', 'No thanks, that is everything'],
    ['es', 'No gracias, eso es todo'],
    ['pt', 'Não obrigado, era só isso'],
    ['de', 'Nein danke, das war alles'],
    ['fr', "Non merci, c'est tout"],
  ])('keeps a polite "no thanks" positive (%s): %s', (language, text) => {
    expect(score(language, text)).toBeGreaterThan(0);
  });

  it.each([
    ['de', 'Leider nicht'],
    ['en', 'Unfortunately not'],
    ['fr', 'Malheureusement pas'],
  ])('keeps regret negative under a negation (%s): %s', (language, text) => {
    expect(score(language, text)).toBeLessThan(0);
  });
});

describe('hashtags and mentions', () => {
  it('does not read capitalised hashtags as shouting', () => {
    expect(score('en', 'Still waiting on my refund #FAIL #REFUND')).toBe(score('en', 'Still waiting on my refund #fail #refund'));
    expect(score('en', 'Bad news, the app is down @BANK_HELP')).toBe(score('en', 'Bad news, the app is down @bank_help'));
  });

  it('still reads capitals in the words of a message as shouting', () => {
    expect(score('en', 'WHERE IS MY REFUND, still waiting')).toBeLessThan(score('en', 'Where is my refund, still waiting'));
  });
});

describe('"impossible" as a fault', () => {
  it.each([
    ['es', 'Es imposible cambiar la dirección en la app'],
    ['pt', 'Está impossível entrar na conta pelo app'],
    ['fr', "Impossible de changer l'adresse dans l'appli"],
  ])('reads a plain report with "impossible" as a fault, not an upset turn (%s): %s', (language, text) => {
    expect(score(language, text)).toBeLessThan(0);
    expect(score(language, text)).toBeGreaterThan(UPSET);
  });

  it('still reads "impossible" with a feeling as upset', () => {
    expect(score('es', 'Es imposible hablar con alguien, qué rabia')).toBeLessThanOrEqual(UPSET);
  });
});

describe('German negation at the end of a clause', () => {
  it('reaches a verb five words before a clause-final "nicht"', () => {
    expect(score('de', 'Das interessiert mich gerade echt nicht')).toBeLessThan(0);
  });

  it('reads "nicht mehr" (no longer) as a clause-final negation', () => {
    expect(score('de', 'Meine Karte funktioniert seit gestern nicht mehr')).toBeLessThan(0);
  });
});

describe('plain reports with regret or a negated state word', () => {
  it.each([
    ['de', 'Die Karte funktioniert seit gestern leider nicht mehr'],
    ['en', 'Unfortunately my card does not work'],
    ['es', 'Lamentablemente la tarjeta no funciona desde ayer'],
    ['pt', 'Infelizmente o cartão não funciona desde ontem'],
    ['fr', 'Malheureusement ma carte ne fonctionne plus'],
    ['en', 'The transfer is not resolved'],
  ])('reads regret or "not resolved" next to a fault as a fault, not an upset turn (%s): %s', (language, text) => {
    expect(score(language, text)).toBeLessThan(0);
    expect(score(language, text)).toBeGreaterThan(UPSET);
  });

  it.each([
    ['de', 'Leider schon wieder kaputt, das nervt'],
    ['en', 'Unfortunately my card does not work, again and again'],
  ])('still reads regret with a complaint as upset (%s): %s', (language, text) => {
    expect(score(language, text)).toBeLessThanOrEqual(UPSET);
  });
});

describe('hedges', () => {
  it.each([
    ['es', 'Si mal no recuerdo, el pago fue el lunes'],
    ['es', 'Si no me equivoco, pagué el lunes'],
    ['pt', 'Se não me engano, paguei na segunda'],
    ['fr', "Si je ne me trompe pas, j'ai payé lundi"],
    ['en', "If I'm not mistaken I paid on Monday"],
  ])('reads "if I remember right" as neither upset nor pleased (%s): %s', (language, text) => {
    expect(score(language, text)).toBe(0);
  });
});
