/**
 * The reference lexicons' crisis and legal topics (`seed/src/policies/support-default/trigger-settings.json`,
 * read from disk: rules must not import seed) in all five languages: the indirect ways a person
 * in danger writes (an overdose, a height, "better off without me", a goodbye letter, someone at
 * home who hurts them) and the ways a customer threatens the law or asks for their data, next to
 * the routine messages that share their words ("end of life" hardware, a pop-up window that
 * "jumps", "ça va mal", browsing data to wipe, a newsletter to leave).
 */
import { computeSignals, prepareSignals } from './index';
import { customerSays } from './fixtures/conversation.fixture';
import { referenceTriggerSettings } from '../testing/reference-files';

const model = prepareSignals(referenceTriggerSettings());
const topics = (...texts: string[]) => computeSignals(customerSays(...texts), model, new Date()).facts.topics;

describe('crisis: a person in danger, said indirectly', () => {
  it.each([
    'honestly my family would be better off without me',
    'I just swallowed a whole bottle of sleeping pills',
    "I've been hoarding my meds for weeks",
    "there's no point in living like this",
    "I don't see the point in living anymore",
    "I'm standing on the bridge and I want to jump off",
    'I left a goodbye letter on the table',
    'my stepmother is abusing me',
    'mis hijos estarían mejor sin mí, de verdad',
    'anoche me tomé un montón de pastillas para dormir',
    'estoy en el balcón y quiero tirarme',
    'dejé una carta de despedida',
    'meus filhos ficariam melhor sem mim',
    'tomei um monte de comprimidos agora há pouco',
    'não vale a pena viver assim',
    'minha mãe me agride todo dia',
    'alle wären besser dran ohne mich, glaube ich',
    'ich habe gerade die ganzen Schlaftabletten geschluckt',
    'ich will von der Brücke springen',
    'ich habe mich heute wieder geritzt',
    'ma famille serait mieux sans moi',
    "j'ai avalé tous mes somnifères",
    'je ne veux plus vivre comme ça',
    "j'ai écrit une lettre d'adieu à ma sœur",
  ])('finds crisis in: %s', (text) => {
    expect(topics(text)).toContain('crisis');
  });

  it.each([
    'this phone model is end of life, can I upgrade?',
    "you'd be better off without the add-on, right?",
    'my mum will kill me if she sees this bill',
    'the price jumped from 10 to 20 on the train ticket',
    'I ordered a box of vitamins and painkillers, where is it?',
    'es mejor pagar sin mi tarjeta?',
    'me salta una ventana de error al pagar',
    'me han vuelto a cortar la luz',
    'saltó la alarma del edificio y no puedo entrar',
    'como pular a etapa de cadastro?',
    'das Fenster springt immer wieder auf',
    'ich wäre besser dran ohne diesen Vertrag',
    'ich will das Abo nicht mehr, bitte kündigen',
    'die Packung meiner Medikamente kam beschädigt an',
    'ça va mal avec votre appli depuis hier',
    "c'est mieux sans la carte ?",
    "j'ai commandé une boîte de médicaments, elle n'est pas arrivée",
  ])('finds no crisis in: %s', (text) => {
    expect(topics(text)).not.toContain('crisis');
  });
});

describe('legal: courts, regulators, data-protection complaints', () => {
  it.each([
    'I intend to start legal proceedings against you',
    'see you in court',
    'I have complained to the CFPB',
    'you shared my personal data without my consent',
    'voy a reclamar judicialmente',
    'ya presenté una queja en Profeco',
    'les voy a mandar un burofax',
    'vou acionar a justiça contra vocês',
    'vou denunciar vocês no Procon',
    'vocês vão receber uma notificação extrajudicial',
    'Ich erstatte Anzeige gegen Ihre Firma',
    'ich beschwere mich beim Ombudsmann',
    'Sie haben meine Daten ohne meine Einwilligung weitergegeben',
    'je vais entamer une procédure judiciaire',
    'je vais saisir l’ACPR',
    'vous avez revendu mes données, je porte plainte',
  ])('finds legal in: %s', (text) => {
    expect(topics(text)).toContain('legal');
  });

  it.each([
    "I'm selling my old phone, how do I wipe my data?",
    'I sold my car, what information do you need from me?',
    'I already shared my details with your agent',
    'como excluir dados do cartão salvo?',
    'comment effacer les données de navigation ?',
    'das Gericht war kalt, als es ankam',
  ])('finds no legal topic in: %s', (text) => {
    expect(topics(text)).not.toContain('legal');
  });
});

describe('cancellation: leaving a mailing list is no cancellation (French "me désabonner" still is: it is how a subscription ends)', () => {
  it.each(['how do I unsubscribe from your newsletter?', 'wie melde ich mich vom Newsletter ab?'])('finds no cancellation in: %s', (text) => {
    expect(topics(text)).not.toContain('cancellation');
  });

  it.each(['I want to unsubscribe from the premium plan', "je veux me désabonner de l'offre premium"])('finds cancellation in: %s', (text) => {
    expect(topics(text)).toContain('cancellation');
  });
});

describe('crisis in indirect words, and fear of a partner', () => {
  it.each([
    'honestly I think everyone would be better off, I am so tired of all this',
    "I don't want to be here anymore, the debt is crushing me",
    'a veces pienso en acabar con todo, ya no puedo con las deudas',
    'lo mejor sería desaparecer y ya',
    'tem dias que penso em acabar com tudo',
    'se eu não estivesse mais aqui ninguém ia se importar',
    'Es wär wohl besser, wenn ich nicht mehr da wär',
    "franchement, si j'étais plus là ça changerait rien",
    "j'ai plus envie de rien depuis des semaines",
    'my husband controls all the money and I am scared of him',
    'I am scared to go home tonight, he was shouting again',
    'mi ex pareja me ha amenazado y tengo que cambiar mi dirección',
    'meu companheiro me ameaçou e eu preciso de uma conta só minha',
    'Mein Mann kontrolliert das ganze Geld und ich habe Angst vor ihm',
    "mon conjoint contrôle tout l'argent, j'ai peur de lui",
  ])('finds crisis in: %s', (text) => {
    expect(topics(text)).toContain('crisis');
  });

  it.each([
    "I don't want this card anymore, how do I close it?",
    'Everyone in my family uses the same plan, is there a discount?',
    'Wenn ich am Montag nicht mehr da wäre, kann der Nachbar das Paket annehmen?',
    'Ich will das Abo nicht mehr',
    'Si vous avez plus de détails sur la livraison, merci',
    'Quiero acabar con todo este papeleo del contrato, ¿qué firmo?',
    'My wife is scared of flying, can she change to a train ticket?',
  ])('finds no crisis in: %s', (text) => {
    expect(topics(text)).not.toContain('crisis');
  });
});
