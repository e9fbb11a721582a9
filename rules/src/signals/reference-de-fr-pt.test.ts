/**
 * The reference policy (`seed/src/policies/support-default/trigger-settings.json`, read from
 * disk: rules must not import seed) on customer messages in German, French and Portuguese as
 * people write them: colloquial, without diacritics, Swiss and Austrian German, Brazilian and
 * European Portuguese, French without "ne", banking and beyond (telecom, streaming, shops,
 * hotels). Covers German compounds ("Sparkonto", "Handyrechnung") and a refund already made.
 * Every message here is written for this test.
 */
import { computeSignals, prepareSignals } from './index';
import { customerSays } from './fixtures/conversation.fixture';
import { referenceTriggerSettings } from '../testing/reference-files';

const model = prepareSignals(referenceTriggerSettings());
const facts = (text: string) => computeSignals(customerSays(text), model, new Date('2026-03-01T10:00:00Z')).facts;

describe('security incidents in German, French and Portuguese', () => {
  it.each([
    ['de', 'Servus, ich hab meine Bankomatkarte verloren'],
    ['de', 'Mein Geldbeutel ist futsch, mit allen Karten drin'],
    ['de', 'Ich vermisse meine Kreditkarte seit dem Wochenende'],
    ['de', 'Grüezi, mein Natel wurde im Tram geklaut'],
    ['de', 'Fremde haben meinen Account übernommen und die E-Mail-Adresse geändert'],
    ['fr', "on m'a piqué mon portable à la gare"],
    ['fr', 'je retrouve pas ma carte bleue, elle était dans ma veste'],
    ['fr', 'Des inconnus ont pris le contrôle de mon compte client'],
    ['fr', "Quelqu'un s'est servi de ma carte sur un site de jeux"],
    ['pt', 'nao to achando meu cartao em lugar nenhum'],
    ['pt', 'Acho que alguém tem acesso aos meus dados bancários'],
    ['pt', 'Tomaram conta da minha conta e mudaram o e-mail'],
  ])('finds security (%s): %s', (_language, text) => {
    expect(facts(text).topics).toContain('security');
  });
});

describe('billing disputes in German, French and Portuguese', () => {
  it.each([
    ['de', 'Meine Handyrechnung ist viel zu hoch, da stimmt was nicht'],
    ['de', 'Ihr habt mir letzten Monat 20 Franken zu viel verrechnet'],
    ['de', 'Der Shop hat mir die Bestellung doppelt abgerechnet'],
    ['de', 'Da ist eine Abbuchung für ein Abo, das ich nie abgeschlossen habe'],
    ['de', 'mir wurde 2x abgebucht fürs gleiche Ticket'],
    ['fr', "On me facture une option que je n'ai jamais souscrite"],
    ['fr', "L'opérateur m'a facturé trois jours en trop"],
    ['fr', 'Ma box a été facturée deux fois ce mois-ci'],
    ['fr', 'Il manque 80 euros sur mon compte'],
    ['fr', "J'ai été débitée deux fois pour le même billet de train"],
    ['pt', 'Me cobraram um pacote de dados que nunca contratei'],
    ['pt', 'A pousada cobrou uma noite a mais'],
  ])('finds a billing dispute (%s): %s', (_language, text) => {
    expect(facts(text).topics).toContain('billing_dispute');
  });
});

describe('cancellations in German, French and Portuguese', () => {
  it.each([
    ['de', 'Ich möchte mein Girokonto schließen'],
    ['de', 'Bitte den Handyvertrag zum Monatsende kündigen'],
    ['de', 'Wie werde ich das Zeitschriften-Abo wieder los?'],
    ['de', 'Ich möchte von meinem Fitness-Abo zurücktreten'],
    ['fr', 'Je voudrais clôturer mon livret jeune'],
    ['fr', "Je souhaite arrêter mon contrat d'électricité"],
    ['fr', 'comment me désabonner de votre appli ?'],
    ['pt', 'Quero desistir do plano de internet'],
    ['pt', 'Quero cancelar o meu tarifário móvel'],
    ['pt', 'Como faço para me descadastrar?'],
  ])('finds a cancellation (%s): %s', (_language, text) => {
    expect(facts(text).topics).toContain('cancellation');
  });
});

describe('requests for a person in German, French and Portuguese', () => {
  it.each([
    ['de', 'Könnte mich bitte jemand zurückrufen?'],
    ['de', 'Ist da jemand?'],
    ['de', 'Ich würde lieber mit einem Menschen chatten'],
    ['de', 'Holen Sie bitte eine Kollegin oder einen Kollegen dazu'],
    ['fr', "J'aimerais être rappelée par un conseiller demain"],
    ['fr', 'Pouvez-vous demander à un collègue de me contacter ?'],
    ['pt', 'Vocês podem me ligar de volta hoje?'],
    ['pt', 'Queria falar com a minha gestora, quer dizer, com o gestor da conta'],
    ['pt', 'Me coloca com um agente, por favor'],
  ])('asks for a person (%s): %s', (_language, text) => {
    expect(facts(text).humanRequested).toBe(true);
  });
});

describe('routine questions and near misses stay with the assistant', () => {
  it.each([
    ['de', 'Die doppelte Zahlung wurde schon erstattet, danke'],
    ['de', 'Wie hoch ist mein Kontostand auf dem Sparkonto?'],
    ['de', 'Wie lange dauert die Lieferung der neuen Kreditkarte?'],
    ['de', 'Ich brauche keinen Mitarbeiter, danke'],
    ['fr', 'Le double paiement a déjà été remboursé, merci'],
    ['fr', "Je retrouve pas l'option pour changer mon adresse"],
    ['fr', "Je n'ai pas besoin d'un conseiller"],
    ['pt', 'Dá para bloquear o cartão temporariamente durante a viagem?'],
    ['pt', 'O pagamento duplicado já foi estornado, obrigado'],
    ['pt', 'Não preciso de um atendente'],
    ['pt', 'Vou ligar de volta mais tarde, obrigado'],
    ['fr', 'Pouvez-vous me rappeler le prix du forfait ?'],
  ])('hands nothing over (%s): %s', (_language, text) => {
    const found = facts(text);
    expect(found.topics).toEqual([]);
    expect(found.humanRequested).toBe(false);
  });

  it.each([
    ['en', 'Was I charged twice? No, three times, and I never bought anything there'],
    ['es', 'En mi caso me robaron la tarjeta en el metro'],
    ['pt', 'O caso é que roubaram meu cartão ontem'],
    ['en', 'My card was stolen and I worry about future charges on it'],
    ['fr', "Au cas où vous ne l'auriez pas vu, on m'a volé ma carte hier"],
  ])('still reports a case a time word, "case" or an answered question surrounds (%s): %s', (_language, text) => {
    expect(facts(text).topics).not.toEqual([]);
  });

  it.each([
    ['en', "I don't see any future for me anymore, I want to end my life"],
    ['de', 'Ich sehe keine Zukunft mehr, ich will nicht mehr leben'],
  ])('hears a person in danger whatever the sentence says of the future (%s): %s', (_language, text) => {
    expect(facts(text).topics).toContain('crisis');
  });
});
