/**
 * The reference lexicons (`seed/src/policies/support-default/trigger-settings.json`, read from
 * disk: rules must not import seed) outside banking: retail orders, telecom, streaming and SaaS
 * subscriptions, travel, insurance, utilities, gyms and delivery apps, in all five languages. Each
 * family of phrasings that must reach a person, and the routine messages next to it that share
 * its words and must stay with the bot.
 */
import { computeSignals, prepareSignals } from './index';
import { customerSays } from './fixtures/conversation.fixture';
import { referenceTriggerSettings } from '../testing/reference-files';

const model = prepareSignals(referenceTriggerSettings());
const facts = (...texts: string[]) => computeSignals(customerSays(...texts), model, new Date()).facts;

describe('security: a password, email or number changed by someone else', () => {
  it.each([
    'my music app password got changed yesterday and that was not me',
    'I was sent a notice that my login email was updated, it wasnt me',
    'cambiaron el correo de mi cuenta del súper, yo no fui',
    'alteraram a senha do meu app de delivery sem eu saber',
    'Meine E-Mail-Adresse im Shop wurde geändert, das war ich nicht',
    "le mot de passe de mon compte streaming a changé, c'est pas moi",
    'somebody logged into my food delivery app and ordered pizzas',
    'a scammer emptied my loyalty points',
    'un estafador usó mi cuenta de la aerolínea',
    'un escroc a vidé ma cagnotte de fidélité',
  ])('finds security in: %s', (text) => {
    expect(facts(text).topics).toContain('security');
  });

  it.each([
    'how do I change the email address on my profile?',
    'I forgot my password, can you send a reset link?',
    '¿Cómo cambio el correo de mi cuenta?',
    'Como altero a senha do app?',
    'Wie ändere ich meine E-Mail-Adresse?',
    'Comment je change mon mot de passe ?',
  ])('finds no security incident in: %s', (text) => {
    expect(facts(text).topics).not.toContain('security');
  });
});

describe('billing_dispute: charged after cancelling, for something already paid, a fee nobody announced', () => {
  it.each([
    'I closed my streaming account in May and you are still taking money every month',
    'got billed again after I cancelled the meal box',
    'the hotel charged me for breakfast that I had already paid for',
    'my energy supplier added a fee and nobody told me about it',
    'el hotel me cobró el desayuno que ya había pagado',
    'me cobraron una comisión de gestión sin avisar',
    'a academia continuam cobrando mesmo eu tendo cancelado',
    'a companhia cobrou a bagagem que eu já tinha pago',
    'Ich habe das Streaming-Abo gekündigt und trotzdem wurde wieder abgebucht',
    'Mir wurde der Sitzplatz berechnet, obwohl ich ihn schon bezahlt hatte',
    "j'ai été prélevé après avoir résilié ma box",
    "la compagnie m'a facturé le bagage que j'avais déjà payé",
  ])('finds billing_dispute in: %s', (text) => {
    expect(facts(text).topics).toContain('billing_dispute');
  });

  it.each([
    'my phone is still charging, how long does the battery take?',
    'Is my card still going to be charged monthly?',
    'I already paid my bill, thanks for the reminder',
    'Ya pagué la factura, gracias',
    'Já paguei a fatura deste mês',
    'Ich habe die Rechnung schon bezahlt, danke',
    "J'ai déjà payé ma facture, merci",
  ])('finds no billing dispute in: %s', (text) => {
    expect(facts(text).topics).not.toContain('billing_dispute');
  });
});

describe('cancellation: lines, broadband, auto-renewal, leaving for another provider', () => {
  it.each([
    'please cancel the extra line on my mobile account',
    'turn off the auto renewal on my antivirus subscription',
    "I'm going to switch to another provider",
    'denme de baja la fibra, por favor',
    'desactiven la renovación automática del seguro',
    'quero cancelar a matrícula da academia',
    'tirem a renovação automática do meu plano',
    'kündigt bitte meinen Handyvertrag',
    'schaltet die automatische Verlängerung ab',
    'résiliez ma ligne fixe svp',
    'désactivez le renouvellement automatique de mon assurance',
  ])('finds cancellation in: %s', (text) => {
    expect(facts(text).topics).toContain('cancellation');
  });

  it.each([
    'how do I turn on auto renewal?',
    'how do I unlock my phone to switch to another network',
    'can I add a second line to my plan?',
    '¿Cómo agrego otra línea a mi plan?',
    'Como ativo a renovação automática?',
    'Wie verlängere ich meinen Vertrag?',
    'comment débloquer mon téléphone pour un autre opérateur',
  ])('finds no cancellation in: %s', (text) => {
    expect(facts(text).topics).not.toContain('cancellation');
  });
});

describe('humanRequested: real people, call-backs, regional names for an agent', () => {
  it.each([
    'do you have actual people answering or is it all automated?',
    'can someone from the billing team call me tomorrow?',
    'I would like a callback from one of your staff',
    '¿Hay gente de verdad atendiendo?',
    'comuníqueme con un ejecutivo',
    'tem gente de verdade aí?',
    'quero falar com um assistente',
    'Holen Sie bitte Ihren Chef',
    'il y a de vrais gens au service client ?',
    'un technicien peut me rappeler ?',
  ])('hears a request in: %s', (text) => {
    expect(facts(text).humanRequested).toBe(true);
  });

  it.each([
    'How do I contact support about my parcel?',
    'the real people in the ad are not in the product',
    'No necesito un ejecutivo, gracias',
    'Ich brauche keinen Chef, nur die Öffnungszeiten',
  ])('hears no request in: %s', (text) => {
    expect(facts(text).humanRequested).toBe(false);
  });
});

describe('second pass: codes nobody asked for, paying for what was removed, money not given back, identical charges, a manager', () => {
  it.each([
    ['security', 'I keep getting verification codes I never requested and now I cannot log in'],
    ['security', 'me llegan códigos de acceso que no solicité'],
    ['security', 'recebo e-mails de redefinição de senha que eu não pedi'],
    ['security', 'ich bekomme ständig Codes, die ich nicht angefordert habe'],
    ['security', 'je reçois des codes de connexion que je n’ai pas demandés'],
    ['security', 'my game account was hijacked last night'],
    ['billing_dispute', 'why am I still paying for the roadside cover I removed in March?'],
    ['billing_dispute', 'sigo pagando el seguro de móvil que di de baja'],
    ['billing_dispute', 'continuo pagando o pacote de canais que cancelei'],
    ['billing_dispute', 'ich zahle immer noch für die Zusatzoption, die ich gekündigt habe'],
    ['billing_dispute', 'je paie encore l’option que j’ai résiliée'],
    ['billing_dispute', 'there are four identical payments to you on my statement'],
    ['billing_dispute', 'la tienda nunca me devolvió el dinero, no me devolvieron nada'],
    ['billing_dispute', 'sent the console back weeks ago and still no refund'],
    ['billing_dispute', 'Paket zurückgeschickt und immer noch keine Erstattung'],
  ])('finds %s in: %s', (topic, text) => {
    expect(facts(text).topics).toContain(topic);
  });

  it.each([
    'I removed my old card, is the payment still going through?',
    'are the monthly charges identical every month?',
    "I'm still paying off my loan, can I get a statement?",
    'ich habe noch keine Rückerstattung beantragt, wie geht das?',
    "le remboursement n'est pas encore possible pour les billets promo ?",
    'sind die Abbuchungen jeden Monat gleich?',
    'our holiday fund is depleted, what is the quickest way to add money?',
  ])('finds no escalation topic in: %s', (text) => {
    expect(facts(text).topics).toEqual([]);
  });

  it.each([
    'can you escalate this to your supervisor please',
    'quiero escalar esto con un gerente',
    'quero escalar isso para o gerente',
    'ich möchte das an Ihren Vorgesetzten weitergeben',
    'je veux faire remonter ça à un responsable',
    'I want a real person',
  ])('reads a request for a person in: %s', (text) => {
    expect(facts(text).humanRequested).toBe(true);
  });

  it('does not read "give me" before a staff word as asking for a person', () => {
    expect(facts('please give me the staff discount code for my order').humanRequested).toBe(false);
  });
});

describe('a person named alone', () => {
  it.each(['representative', 'operator?', 'customer service please', 'un conseiller', 'el supervisor', 'Kundenservice bitte'])(
    'asks for a person: %s',
    (text) => {
      expect(facts(text).humanRequested).toBe(true);
    },
  );

  it.each(['where can I book the spa for tomorrow', 'is the support page down?', 'no representative'])('does not ask for a person: %s', (text) => {
    expect(facts(text).humanRequested).toBe(false);
  });
});

describe('third round: charges to someone who is no customer, refunds that never showed up, and stem collisions', () => {
  it.each([
    'you invoiced me for a premium tier I never signed up for',
    'the store credit refund never showed up in my account',
    "there is a debit from your company and I'm not even a customer",
    'hay un cobro de ustedes y no soy cliente',
    'aparece uma cobrança de vocês e eu nem sou cliente',
    'il y a un débit de votre société alors que je ne suis pas client',
  ])('finds billing_dispute in: %s', (text) => {
    expect(facts(text).topics).toContain('billing_dispute');
  });

  it.each([
    'posso levar meu cachorro na cabine?',
    'no encuentro el cargo de la cuota en mi extracto',
    'não achei meu código de cliente na cobrança',
    'je ne trouve pas mon numéro client sur le prélèvement',
  ])('finds no escalation topic in: %s', (text) => {
    expect(facts(text).topics).toEqual([]);
  });

  it('does not read a higher plan as a superior to talk to', () => {
    expect(facts('comment passer à une offre supérieure ?').humanRequested).toBe(false);
    expect(facts('passez-moi votre supérieur').humanRequested).toBe(true);
  });
});

describe('fourth round: gyms, identical debits, someone to call me', () => {
  it.each([
    ['cancellation', 'I want to cancel my gym at the end of the month'],
    ['cancellation', 'quiero dar de baja el gimnasio desde enero'],
    ['cancellation', 'preciso cancelar a academia, mudei de cidade'],
    ['cancellation', 'Ich möchte mein Fitnessstudio kündigen'],
    ['cancellation', 'je voudrais résilier ma salle de sport'],
    ['cancellation', 'deaktiviert mein Profil bitte für immer'],
    ['billing_dispute', 'Auf dem Konto sind zwei gleiche Abbuchungen vom Versandhändler'],
  ])('finds %s in: %s', (topic, text) => {
    expect(facts(text).topics).toContain(topic);
  });

  it.each([
    'what time does the gym close on Sundays?',
    '¿A qué hora cierra el gimnasio?',
    'Que horas fecha a academia no sábado?',
    'Wann schließt das Fitnessstudio?',
    'À quelle heure ferme la salle de sport ?',
    'Sind das zwei gleiche Produkte?',
  ])('finds no topic in: %s', (text) => {
    expect(facts(text).topics).toEqual([]);
  });

  it.each(['quero que alguém me ligue amanhã', 'tem alguém para conversar comigo sobre a fatura?'])('finds a request for a person in: %s', (text) => {
    expect(facts(text).humanRequested).toBe(true);
  });
});

describe('fifth round: slang for theft and hacking, Swiss "künden", loyalty programmes, people asked for plainly', () => {
  it.each([
    ['security', 'hacked. cannot get into anything, my email was changed'],
    ['security', 'me mangaron la cartera en el autobús con todas las tarjetas'],
    ['security', 'fui hackeada, mudaram minha senha do app'],
    ['security', "j'ai été piratée, je n'ai plus accès à mon espace client"],
    ['cancellation', 'Bitte mein Internetabo künden per Ende Monat'],
    ['cancellation', 'quero sair do programa de fidelidade'],
    ['cancellation', 'please remove me from the loyalty program, cancel it'],
  ])('finds %s in: %s', (topic, text) => {
    expect(facts(text).topics).toContain(topic);
  });

  it.each(['ce film piraté circule partout', '¿Cómo funciona el programa de puntos?', 'Kann ich das Bonusprogramm im Ausland nutzen?'])(
    'finds no topic in: %s',
    (text) => {
      expect(facts(text).topics).toEqual([]);
    },
  );

  it.each(["y a-t-il quelqu'un de réel derrière ce chat ?", 'es complicado, prefiero explicarlo por teléfono', 'tem alguém de verdade aí?'])(
    'finds a request for a person in: %s',
    (text) => {
      expect(facts(text).humanRequested).toBe(true);
    },
  );

  it('finds no request for a person in: ¿Me pueden llamar por mi segundo nombre en las cartas?', () => {
    expect(facts('¿Me pueden llamar por mi segundo nombre en las cartas?').humanRequested).toBe(false);
  });
});
