/**
 * The reference lexicons (`seed/src/policies/support-default/trigger-settings.json`, read from
 * disk: rules must not import seed) on banking messages as regional customers write them: a SIM
 * swapped behind the customer's back, a payee nobody has heard of, a wrong amount, leaving the
 * bank, a card given up for good, staff asked for by role or for a call-back; and the routine
 * messages that share their words (annual fees, appointments, transfers to another bank, "remind
 * me of the price") and must stay with the bot.
 */
import { computeSignals, prepareSignals } from './index';
import { customerSays } from './fixtures/conversation.fixture';
import { referenceTriggerSettings } from '../testing/reference-files';

const model = prepareSignals(referenceTriggerSettings());
const facts = (...texts: string[]) => computeSignals(customerSays(...texts), model, new Date()).facts;

describe('security: a SIM or number taken over, a card used without asking', () => {
  it.each([
    'my carrier says my sim was swapped last night and I never asked for that',
    'I think someone ported my phone number, my bank codes go to them now',
    'la compañía hizo un duplicado de SIM que yo no pedí y ahora no tengo línea',
    'clonaram meu chip e agora não recebo os códigos do banco',
    'Plötzlich kein Netz und der Anbieter sagt, meine SIM-Karte wurde getauscht – nicht von mir',
    "mon numéro a été porté chez un autre opérateur, j'ai rien demandé",
    'my brother took my debit card out of my wallet and used it without asking',
    'mi cuñado usó mi tarjeta sin pedirme permiso',
    'meu filho usou o meu cartão sem me perguntar',
    'Meine Schwester hat meine Kreditkarte ohne zu fragen benutzt',
    "ma coloc s'est servie de ma carte sans me demander",
  ])('finds security in: %s', (text) => {
    expect(facts(text).topics).toContain('security');
  });

  it.each([
    'can I order a new SIM card for my tablet?',
    '¿Cómo activo la eSIM en el móvil nuevo?',
    'Sim, quero receber o cartão em casa',
    'Wie aktiviere ich meine neue SIM-Karte?',
    'Est-ce que je peux garder mon numéro si je change de forfait ?',
  ])('finds no security incident in: %s', (text) => {
    expect(facts(text).topics).not.toContain('security');
  });
});

describe('billing_dispute: a payee nobody knows, a wrong amount', () => {
  it.each([
    'there is a direct debit from a gym chain I never signed up for',
    'a charge from some streaming service I have never heard of turned up on my card',
    'hay un cargo de una empresa que no tengo idea de qué es',
    'aparece uma cobrança de uma empresa que eu nunca ouvi falar',
    'Eine Lastschrift von einem Stromanbieter, dem ich nie ein Mandat erteilt habe',
    "un prélèvement d'une société dont j'ai jamais entendu parler",
    'the restaurant charged me 85 instead of 58',
    'me cobraron 90 en lugar de 60 en la gasolinera',
    'o hotel cobrou 400 em vez de 300',
    'Das Hotel hat 180 statt 120 abgebucht',
    "le garage m'a facturé 250 au lieu de 150",
  ])('finds a billing dispute in: %s', (text) => {
    expect(facts(text).topics).toContain('billing_dispute');
  });

  it.each([
    'how do I set up a direct debit for my rent?',
    '¿Cuánto cuesta la cuota anual de la tarjeta?',
    'Posso pagar em vez de parcelar?',
    'Kann ich statt der Karte auch bar zahlen?',
    'Je peux payer par virement au lieu de la carte ?',
  ])('finds no billing dispute in: %s', (text) => {
    expect(facts(text).topics).not.toContain('billing_dispute');
  });
});

describe('cancellation: leaving the bank, a card given up for good', () => {
  it.each([
    "I'm leaving this bank, please close everything",
    'I want to end my relationship with your bank',
    'I no longer need my credit card, please cancel it for good',
    'me voy a otro banco, ¿cómo cierro todo?',
    'quiero dar de baja la tarjeta de crédito, ya no la necesito',
    'vou sair desse banco, encerra tudo por favor',
    'quero cancelar o cartão de crédito de vez',
    'Ich verlasse Ihre Bank zum Monatsende',
    'Bitte meine Kreditkarte endgültig kündigen',
    'je quitte votre banque à la fin du mois',
    "supprimez ma carte de crédit définitivement, j'en ai plus besoin",
  ])('finds cancellation in: %s', (text) => {
    expect(facts(text).topics).toContain('cancellation');
  });

  it.each([
    'How do I move my savings from another bank over to you?',
    'Could I change my appointment at the bank to Thursday?',
    "Je veux passer à l'abonnement annuel",
    '¿Puedo transferir dinero a otro banco?',
    'Posso mudar a data da visita ao banco?',
    'Wie lange dauert eine Überweisung zu einer anderen Bank?',
    'Combien coûte la carte de crédit par an ?',
  ])('finds no cancellation in: %s', (text) => {
    expect(facts(text).topics).not.toContain('cancellation');
  });
});

describe('humanRequested: staff by role, call-backs, a real human being', () => {
  it.each([
    'Could a member of staff contact me about my loan?',
    'is anybody real reading this?',
    'I need the branch manager, this is not something for a bot',
    'me pueden devolver la llamada mañana temprano?',
    'quiero que me atienda alguien del personal',
    'Preciso de um ser humano, não de um robô',
    'alguém do banco pode entrar em contato comigo?',
    'Ist da irgendwer Echtes am anderen Ende?',
    'Ich will mit dem Filialleiter sprechen',
    "Je veux parler au directeur de l'agence",
    "je voudrais quelqu'un du personnel, pas un robot",
  ])('finds a request for a person in: %s', (text) => {
    expect(facts(text).humanRequested).toBe(true);
  });

  it.each([
    'Pouvez-vous me rappeler le prix du forfait ?',
    'the staff at the branch were lovely today',
    '¿A qué hora abre la sucursal?',
    'Wo finde ich die Filiale in Graz?',
  ])('finds no request for a person in: %s', (text) => {
    expect(facts(text).humanRequested).toBe(false);
  });
});

describe('billing_dispute: a price other than the one agreed, a fee never agreed to, a refund that never came', () => {
  it.each([
    'the sales rep quoted 30 a month and the bill says 48, that is not what we agreed',
    'me dijeron 20 euros al mes y la factura viene de 35, no es lo que acordamos',
    'a fatura veio 180 e não foi isso que combinamos na loja',
    'Am Telefon waren 25 Euro ausgemacht, auf der Rechnung stehen 40, so war das nicht vereinbart',
    "on m'avait promis 19 € et la facture est à 29 €, c'est pas ce qu'on avait convenu",
    'there is a paper statement fee on my account, I never agreed to that',
    'Die Erstattung wurde mir versprochen, bis heute nix angekommen',
  ])('finds a billing dispute in: %s', (text) => {
    expect(facts(text).topics).toContain('billing_dispute');
  });

  it.each([
    'what price did we agree on for the new plan?',
    '¿Cuándo llega la factura de este mes?',
    'Quanto vem a conta de luz esse mês?',
    'Wann kommt die nächste Rechnung?',
    'Is the annual fee something I agreed to when I signed up?',
  ])('finds no billing dispute in: %s', (text) => {
    expect(facts(text).topics).not.toContain('billing_dispute');
  });
});
