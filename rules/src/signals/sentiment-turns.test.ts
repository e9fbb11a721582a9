/**
 * Multi-turn support chats in the five languages: a customer upset in two turns that are not in a
 * row counts two negative turns; a calm customer who reports two faults counts none; bare praise
 * right after an upset turn is sarcasm, after a calm one it is not.
 */
import { computeSignals, prepareSignals } from './index';
import { at, threeTurnChat, type ThreeTurnChat } from './fixtures/conversation.fixture';
import { FIXTURE_SETTINGS } from './fixtures/trigger-settings.fixture';

const model = prepareSignals(FIXTURE_SETTINGS);

const negativeTurns = (language: string, chat: ThreeTurnChat): number => computeSignals(threeTurnChat(language, chat), model, at(5)).facts.negativeTurns;

describe('negative turns over a support chat', () => {
  it.each<[string, ThreeTurnChat]>([
    ['en', ['I am really disappointed, the parcel came a week late', 'order 5521', 'This is the third time I ask and nobody answers, seriously fed up']],
    [
      'es',
      ['Estoy muy decepcionada, el paquete llegó tarde otra vez', 'el pedido es el 5521', 'Es la tercera vez que escribo y nadie responde, qué vergüenza'],
    ],
    ['pt', ['Estou muito chateado, a encomenda chegou atrasada de novo', 'o pedido é 5521', 'Já é a terceira vez que peço isso, que falta de respeito']],
    [
      'de',
      [
        'Ich bin echt enttäuscht, das Paket kam eine Woche zu spät',
        'Bestellung 5521',
        'Ich frage jetzt zum dritten Mal und keiner antwortet, das ist ärgerlich',
      ],
    ],
    [
      'fr',
      [
        'Je suis vraiment déçue, le colis est arrivé avec une semaine de retard',
        'commande 5521',
        "C'est la troisième fois que je demande et toujours pas de réponse, c'est pénible",
      ],
    ],
  ])('counts two upset turns apart in %s', (language, chat) => {
    expect(negativeTurns(language, chat)).toBe(2);
  });

  it.each<[string, ThreeTurnChat]>([
    [
      'en',
      [
        'Hello, my app shows an error when I log in',
        'It says code 42 on the login page',
        'OK, I cleared the cache and it still shows the error page, what else can I try?',
      ],
    ],
    ['es', ['Hola, la aplicación me da un error al entrar', 'Sale el código 42 en la pantalla', 'Vale, ya borré la caché, ¿qué más puedo probar?']],
    ['pt', ['Olá, o aplicativo dá erro quando entro', 'Aparece o código 42 na tela', 'Certo, já limpei o cache, o que mais posso tentar?']],
    ['de', ['Hallo, die App zeigt beim Anmelden einen Fehler', 'Da steht Code 42 auf der Seite', 'Okay, Cache ist gelöscht, was kann ich noch versuchen?']],
    [
      'fr',
      ["Bonjour, l'appli affiche une erreur à la connexion", "Il y a le code 42 sur l'écran", "D'accord, j'ai vidé le cache, que puis-je essayer d'autre ?"],
    ],
  ])('counts no upset turn in a calm %s problem report', (language, chat) => {
    expect(negativeTurns(language, chat)).toBe(0);
  });

  const signals = (language: string, chat: ThreeTurnChat) => computeSignals(threeTurnChat(language, chat), model, at(5));

  it.each<[string, ThreeTurnChat]>([
    ['en', ['I am really disappointed, the refund still has not arrived', 'It was order 5521', 'Another ten days to wait. Brilliant.']],
    ['es', ['Estoy harta, el reembolso sigue sin llegar', 'Es el pedido 5521', 'Otros diez días de espera. Genial.']],
    ['pt', ['Estou muito chateado, o reembolso ainda não caiu', 'O pedido é 5521', 'Mais dez dias de espera. Ótimo.']],
    ['de', ['Ich bin echt enttäuscht, die Erstattung ist immer noch nicht da', 'Bestellung 5521', 'Noch mal zehn Tage warten. Toll.']],
    ['fr', ['Je suis vraiment déçue, le remboursement n’est toujours pas arrivé', 'commande 5521', 'Encore dix jours à attendre. Génial.']],
  ])('reads bare praise right after an upset turn as sarcasm in %s', (language, [first, , third]) => {
    const sarcastic = signals(language, [first, third, 'ok']);
    expect(sarcastic.facts.negativeTurns).toBe(2);
    expect(sarcastic.evidence.negativeTurns?.[1]).toContain('read as sarcasm after an upset message');
    // The same message after a calm one stays as it reads alone.
    expect(signals(language, ['Hello, order 5521', third, 'ok']).facts.negativeTurns).toBe(0);
  });

  it.each<[string, string, string]>([
    ['en', 'I am really disappointed, the refund still has not arrived', 'Ok, great.'],
    ['es', 'Estoy harta, el reembolso sigue sin llegar', 'Sí, perfecto.'],
    ['pt', 'Estou muito chateado, o reembolso ainda não caiu', 'Ah, beleza.'],
    ['de', 'Ich bin echt enttäuscht, die Erstattung ist immer noch nicht da', 'Ja, super.'],
    ['fr', 'Je suis vraiment déçue, le remboursement n’est toujours pas arrivé', 'Oui, parfait.'],
  ])('reads praise that opens a reply after an upset turn as meant (%s)', (language, upset, reply) => {
    expect(signals(language, [upset, reply, 'ok']).facts.negativeTurns).toBe(1);
  });
});
