/**
 * The reference lexicons (`seed/src/policies/support-default/trigger-settings.json`, read from
 * disk: rules must not import seed) on everyday phrasings of the families a blind test set found
 * missing, in all five languages: someone who got into the account or uses the customer's ID or
 * miles; money still taken since a cancellation, a refund weeks late, a bill on a meter reading
 * that is not the customer's, more than the receipt said, seats or fees never agreed, a charge
 * after a rental handed back in order; wanting out of a plan, ending a contract at the next
 * possible date, not renewing, leaving for a competitor, boxes stopped for good; a call-back in
 * everyday words ("give me a ring", "Bitte um Rückruf", "me regala una llamada"), a real
 * pharmacist; a person saying they will kill the customer, farewell letters, abuse at home; a
 * lawyer brought in, the GDPR invoked. And the routine messages that share their words and must
 * stay with the bot: a coat left in a cab, redeeming points, how long a refund takes, sending a
 * meter reading, a hypothetical early-termination fee, a newsletter, "my boss is going to kill
 * me", a GDPR compliance question. A lawyer named at all stays legal, even one the customer is
 * or knows: legal is a humans-only reason, and a miss costs more than one handoff too many.
 */
import { computeSignals, prepareSignals } from './index';
import { customerSays } from './fixtures/conversation.fixture';
import { referenceTriggerSettings } from '../testing/reference-files';

const model = prepareSignals(referenceTriggerSettings());
const facts = (...texts: string[]) => computeSignals(customerSays(...texts), model, new Date()).facts;

describe("security: someone in the account or using the customer's ID, miles redeemed by another; a coat left in a cab is no incident", () => {
  it.each([
    "my air miles were redeemed for a hotel in Lisbon and I didn't redeem anything",
    'somebody broke into my profile and switched the phone number on it',
    'creo que se metieron en mi cuenta de la tienda',
    'creo que alguien está usando mi DNI para abrir líneas de teléfono',
    'alguém invadiu a minha conta e trocou o e-mail',
    'descobri que alguém usou meu CPF para fazer um cadastro numa loja',
    'Keine Ahnung, wer mein Konto nutzt, aber die Fahrten sind nicht von mir',
    'Meine Bonuspunkte wurden eingelöst, ich selbst habe nichts eingelöst',
    'je crois que qqn se connecte à mon compte la nuit',
    "quelqu'un est entré dans mon compte et a changé l'adresse de livraison",
  ])('finds security in: %s', (text) => {
    expect(facts(text).topics).toContain('security');
  });

  it.each([
    'forgot my jacket in the taxi this morning, can the driver drop it at the depot?',
    'how many points do I need to redeem a flight?',
    'does your phone insurance cover theft? thinking of taking out a policy',
    'se me quedó el paraguas en el taxi, ¿cómo hablo con el conductor?',
    '¿cómo puedo usar mis puntos en la tienda?',
    'deixei o casaco no carro do motorista, como recupero?',
    'o seguro cobre roubo do celular? estou pensando em contratar',
    'Meine Jacke liegt noch im Taxi, wie erreiche ich den Fahrer?',
    'Wie kann ich meine Bonuspunkte einlösen?',
    "j'ai oublié mon parapluie dans le taxi, comment joindre le chauffeur ?",
    'comment utiliser mes points de fidélité ?',
  ])('finds no security incident in: %s', (text) => {
    expect(facts(text).topics).not.toContain('security');
  });
});

describe('billing_dispute: charged on after cancelling, a refund weeks late, a wrong meter reading, more than the receipt, seats or fees never agreed', () => {
  it.each([
    "cancelled the streaming plan in June but you're still pulling 12 euros off my card",
    "the refund for the returned shoes should have arrived ages ago, it's been over three weeks",
    'we were billed for 20 licences but we only have 12 staff',
    'the taxi app charged me more than the printed receipt says',
    "the electricity bill uses a meter reading that isn't mine",
    'di de baja el plan en marzo y siguen pasando el cargo todos los meses',
    'la lectura del contador de la factura está equivocada, yo envié otra',
    'pedí la devolución hace más de un mes y sigo sin verla',
    'me cobraron el depósito aunque devolví el coche sin un rasguño',
    'encerrei o plano em maio mas seguem cobrando na fatura',
    'o estorno foi aprovado faz um mês e até hoje nada',
    'me cobraram limpeza mesmo com o carro impecável',
    'cobraram a taxa de adesão que deveria ser isenta',
    'Ich habe im Mai gekündigt und ihr bucht trotzdem weiter ab',
    'Die Erstattung für das Konzertticket ist seit Wochen überfällig',
    'Der Zählerstand auf der Rechnung ist falsch, ich habe einen anderen gemeldet',
    'Wir widersprechen dieser Rechnung, die Gebühr steht nicht im Vertrag',
    "j'ai résilié en février et vous continuez à me prélever",
    "l'index de compteur retenu sur ma facture est faux",
    "la salle de sport m'a facturé des frais alors que je n'y suis jamais allé",
    "je conteste cette facture : la redevance était offerte dans l'offre",
  ])('finds a billing dispute in: %s', (text) => {
    expect(facts(text).topics).toContain('billing_dispute');
  });

  it.each([
    'how many weeks does a refund usually take?',
    'can you email me the receipt for my last order?',
    'how do I submit a meter reading?',
    'how much is it for 20 licences?',
    '¿cuánto tarda un reembolso en llegar?',
    '¿cómo envío la lectura del contador?',
    '¿cuánto cobran por transferencias de más de mil euros?',
    'quanto tempo demora um estorno?',
    'como faço para enviar a leitura do medidor?',
    'Wie lange dauert eine Rückerstattung normalerweise?',
    'Wie melde ich meinen Zählerstand?',
    'combien de temps prend un remboursement ?',
    'comment transmettre mon relevé de compteur ?',
  ])('finds no billing dispute in: %s', (text) => {
    expect(facts(text).topics).not.toContain('billing_dispute');
  });
});

describe('cancellation: wanting out of a plan, ending at the next possible date, not renewing, leaving for a competitor, boxes stopped for good', () => {
  it.each([
    'how can I get out of my phone contract?',
    'I want out of this insurance policy',
    "I want out of this membership, I don't use it",
    'no more meal kit boxes please, stop them for good',
    'sáquenme del plan de datos, ya no lo necesito',
    'no vamos a renovar el contrato del seguro',
    'nos vamos a la competencia, cierren la cuenta de empresa',
    'quero sair do plano da academia',
    'não queremos renovar a apólice no próximo ano',
    'quero encerrar de vez, não uso mais',
    'Meine Mitgliedschaft soll zum nächstmöglichen Zeitpunkt enden',
    'Nach dem Umzug brauche ich den Stromvertrag nicht mehr',
    'Wir wechseln zur Konkurrenz, bitte alles schließen',
    "on ne va pas reconduire le forfait l'an prochain",
    'on part chez un concurrent moins cher, fermez notre espace client svp',
    "je l'utilise jamais, ça sert à rien que je continue à payer chaque mois",
  ])('finds a cancellation in: %s', (text) => {
    expect(facts(text).topics).toContain('cancellation');
  });

  it.each([
    "I can't get out of the settings page in the app",
    'how do I get the most out of my plan?',
    'please stop sending the box to my old address',
    'Is there a fee if I end my contract early? Not planning to, just comparing',
    '¿cómo salgo de la pantalla de configuración?',
    '¿qué incluye la renovación del contrato?',
    'como faço para sair do aplicativo?',
    'como renovo a apólice?',
    'Ich hätte gerne einen Beratungstermin',
    'Wann wird mein Vertrag verlängert?',
    'comment me désabonner de la newsletter ?',
    'quand mon contrat est-il reconduit ?',
  ])('finds no cancellation in: %s', (text) => {
    expect(facts(text).topics).not.toContain('cancellation');
  });
});

describe('humanRequested: a call-back asked for in everyday words, a real pharmacist or specialist', () => {
  it.each([
    'could somebody give me a call this afternoon?',
    'give me a ring on my mobile when you can',
    "I'd rather ask a real pharmacist about these tablets",
    'can you loop in an engineer from your side?',
    '¿alguien me regala una llamada hoy en la tarde?',
    'Llámeme, por favor',
    'me dá uma ligada quando puder',
    'queria falar com um farmacêutico sobre a receita',
    'Ich bitte um einen Rückruf heute Abend unter meiner Handynummer',
    'Kann ich bitte mit einem Apotheker sprechen?',
    'Ich möcht gern mit öpperem vom Support rede',
    'merci de me rappeler au numéro indiqué dans mon profil',
    'je voudrais parler à un vrai pharmacien',
  ])('finds a request for a person in: %s', (text) => {
    expect(facts(text).humanRequested).toBe(true);
  });

  it.each([
    'the courier said he would ring the bell when he arrives',
    'what are the pharmacy opening hours?',
    '¿cuánto cuesta llamar al extranjero?',
    'quanto custa uma ligada internacional?',
    'Wie lange dauert ein Rückruf normalerweise nicht? Egal, ich schreibe hier',
    'pouvez-vous me rappeler le montant de ma facture ?',
  ])('finds no request for a person in: %s', (text) => {
    expect(facts(text).humanRequested).toBe(false);
  });
});

describe('crisis: a person who says they will kill the customer, farewell letters, wanting everything to stop, abuse at home', () => {
  it.each([
    "my ex keeps texting saying he's going to kill me if I leave",
    "wrote letters to my family last night, they'll know what to do with the accounts",
    "standing on the bridge, don't know if I want to go on",
    'mi ex dice que me va a matar si no vuelvo',
    'ya escribí cartas para mi familia, solo quiero dejar todo en orden',
    'o meu namorado agride-me quase todos os dias',
    'o pai dos meus filhos falou que vai me matar',
    'Mein Freund droht mir ständig, ich traue mich nicht heim',
    'Ich will nur, dass alles aufhört. Jeden Tag dasselbe',
    "mon copain m'a dit qu'il va me tuer",
    "parfois j'ai envie de disparaître, je suis à bout",
  ])('finds crisis in: %s', (text) => {
    expect(facts(text).topics).toContain('crisis');
  });

  it.each([
    'my wife is going to kill me when she sees this bill',
    "I don't know where the setting is",
    'I want the charges to stop',
    'mi jefe me va a matar si no llego a tiempo',
    'cuando todo termine me avisan',
    'o gerente vai me matar se eu atrasar',
    'quero que a cobrança pare',
    'Mein Chef bringt mich um, wenn ich zu spät komme',
    'Das Dach ist nicht mehr dicht',
    "je veux que tout s'arrête, résiliez tous mes abonnements",
  ])('finds no crisis in: %s', (text) => {
    expect(facts(text).topics).not.toContain('crisis');
  });
});

describe('legal: a lawyer brought in, the GDPR invoked; a compliance question is routine', () => {
  it.each([
    'my solicitor will be in touch about this',
    "I'm forwarding the whole thread to my attorney",
    'under GDPR I want a copy of everything you store about me',
    'Wenn das so weitergeht, schalte ich meinen Anwalt ein',
    'Gemäß DSGVO verlange ich die Löschung meiner Daten',
  ])('finds legal in: %s', (text) => {
    expect(facts(text).topics).toContain('legal');
  });

  it.each(['Is your service GDPR compliant? Our IT team asked'])('finds no legal matter in: %s', (text) => {
    expect(facts(text).topics).not.toContain('legal');
  });

  // Kept on purpose: a bare "lawyer" or "Anwalt" reads as legal, so a lawyer the customer is or
  // knows is handed over too; without it, "my solicitor will write to you" went unseen.
  it.each(["I'm an attorney and need a business account", 'Ich bin Anwalt und möchte ein Geschäftskonto eröffnen', 'my solicitor will write to you'])(
    'reads any lawyer named as legal: %s',
    (text) => {
      expect(facts(text).topics).toContain('legal');
    },
  );
});
