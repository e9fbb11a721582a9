/**
 * The reference lexicons (`seed/src/policies/support-default/trigger-settings.json`, read from
 * disk: rules must not import seed) by phrase family, in all five languages: how customers
 * report a break-in, dispute a charge, leave, or ask to be put through to a person — and the
 * everyday messages next to each family that must not trigger it.
 */
import { computeSignals, prepareSignals } from './index';
import { customerSays } from './fixtures/conversation.fixture';
import { referenceTriggerSettings } from '../testing/reference-files';

const model = prepareSignals(referenceTriggerSettings());
const facts = (...texts: string[]) => computeSignals(customerSays(...texts), model, new Date()).facts;

describe('security: someone else in the account', () => {
  it.each([
    'somebody logged into my account last night and it was not me',
    'Someone else got into my account and bought stuff',
    'I think someone has been using my account, there are playlists I never made',
    'There are logins from Russia that I don’t recognize',
    'my account shows a sign-in from an unknown device in Brazil',
    'there is an order for a TV on my profile that I never placed',
    'I got a password reset email that I did not request',
    'Somebody has access to my profile who shouldn’t',
    'Alguien entró en mi cuenta anoche',
    'Hay compras en mi cuenta que no hice',
    'Me cambiaron la contraseña y ya no puedo entrar',
    'Alguém entrou na minha conta e trocou a senha',
    'Tem compras na minha conta que não fiz',
    'Minha senha foi alterada sem eu pedir',
    'Jemand hat auf mein Konto zugegriffen',
    'Es gibt Anmeldungen aus Spanien, die ich nicht kenne',
    'Da ist eine Bestellung, die ich nicht aufgegeben habe',
    "Il y a des connexions depuis l'étranger que je ne reconnais pas",
    "Quelqu'un a utilisé ma carte pour commander",
  ])('finds security in: %s', (text) => {
    expect(facts(text).topics).toContain('security');
  });

  it.each([
    'can someone help me log into my account?',
    'Could somebody access my account and check the order?',
    'Can someone change my email to jo@example.com?',
    'I finally got into my account, thanks!',
    'How do I give my colleague access to my account?',
    'My order never got placed because the payment failed',
    'The order I placed on Monday has not arrived',
    'My headphones show up as an unknown device',
    'I do not recognise the new menu layout',
    '¿Cómo cambio mi contraseña?',
    '¿Alguien me puede ayudar a cambiar mi correo?',
    'Quero trocar minha senha',
    'Alguém pode me ajudar a trocar meu e-mail?',
    'Kann mir jemand helfen, mein Passwort zu ändern?',
    'Wann wird der Betrag abgebucht?',
    "Quelqu'un peut m'aider à changer mon adresse e-mail ?",
  ])('finds no security incident in: %s', (text) => {
    expect(facts(text).topics).not.toContain('security');
  });
});

describe('billing_dispute: charges the customer does not accept', () => {
  it.each([
    'you guys took the payment twice for the same order',
    'Two purchases I never made turned up on my profile yesterday',
    'There is a payment of 54.20 on my account I do not recognise',
    'a charge of 30 dollars appeared and I have no idea what it is',
    'I got billed way more than the advertised price',
    'I was charged for two licences even though I only have one',
    'my plan renewed without my permission',
    'I never authorized this charge',
    'Me cobraron 20 € dos veces',
    'Hay un cargo en mi tarjeta que no reconozco de 30 €',
    'Me cobraron más de lo acordado',
    'Tem uma cobrança de R$ 89,90 que eu não reconheço',
    'Descontaram duas vezes do meu cartão',
    'Sie haben den Betrag zweimal von meinem Konto abgebucht',
    'Diese Abbuchung kann ich nicht zuordnen',
    'Mir wurde mehr als vereinbart berechnet',
    "Vous m'avez prélevé à deux reprises ce mois-ci",
    'Il y a un débit de 30 € que je ne reconnais pas',
  ])('finds billing_dispute in: %s', (text) => {
    expect(facts(text).topics).toContain('billing_dispute');
  });

  it.each([
    'When will I be charged for my renewal?',
    'What will the charge look like on my statement?',
    'Is the annual plan billed more than once?',
    "Will I be charged even though I'm on the free trial?",
    'I will be charged next month but no idea what the amount is',
    'I paid for the order twice the size I needed, can I exchange it?',
    "I get 'unknown payment method' at checkout",
    'My discount code does not work at checkout',
    '¿Puedo pagar dos veces al mes?',
    'Quando vou ser cobrado?',
    'Der Betrag auf der Rechnung stimmt, danke',
    'Quand serai-je prélevé ?',
  ])('finds no billing dispute in: %s', (text) => {
    expect(facts(text).topics).not.toContain('billing_dispute');
  });
});

describe('cancellation: leaving the service', () => {
  it.each([
    'I want out of my contract, it is too expensive',
    'please end my membership today',
    'how do I stop my plan from renewing next year?',
    "I don't want it to renew in March",
    'No quiero seguir pagando por esto',
    'Quiero terminar mi suscripción este mes',
    'Quero sair da assinatura',
    'Ich möchte meine Mitgliedschaft beenden',
    'Bitte das Abo nicht mehr verlängern',
    'Je veux arrêter mon abonnement',
  ])('finds cancellation in: %s', (text) => {
    expect(facts(text).topics).toContain('cancellation');
  });

  it.each([
    'I want to upgrade my subscription to the family plan',
    'Why did my subscription stop renewing?',
    'How do I stop the renewal reminder emails?',
    'I want out of the meeting invites',
    'Quiero cambiar mi suscripción al plan familiar',
    'Ich will das Abo verlängern',
    "Je veux passer à l'abonnement annuel",
  ])('finds no cancellation in: %s', (text) => {
    expect(facts(text).topics).not.toContain('cancellation');
  });
});

describe('humanRequested: being put through to a person', () => {
  it.each([
    'could you transfer me to someone who can actually fix this',
    'please put me through to someone in billing',
    'can I chat with a human?',
    '¿Me pasas con un agente?',
    '¿Me podrías pasar con alguien del equipo?',
    'Quiero que me atienda alguien de verdad',
    'Pode me passar para um atendente?',
    'Quero conversar com uma pessoa',
    'Bitte verbinden Sie mich mit einem Menschen',
    'Kann ich das mit einem Mitarbeiter besprechen?',
    'Pouvez-vous me passer un conseiller ?',
    'Je préfère discuter avec une personne',
  ])('hears a request in: %s', (text) => {
    expect(facts(text).humanRequested).toBe(true);
  });

  it.each([
    'I do not want to chat with a human, just answer',
    'no need to transfer me to someone',
    'No me pases con nadie, gracias',
    'Não quero conversar com um atendente',
    'Ich möchte nicht mit einem Mitarbeiter reden',
    'Can you transfer my order to another address?',
    '¿Cómo puedo pasar mi pedido a otra dirección?',
    'Wie verbinde ich die App mit meinem Konto?',
    'Je voudrais discuter du prix avec vous',
  ])('hears no request in: %s', (text) => {
    expect(facts(text).humanRequested).toBe(false);
  });
});

describe('security: phishing, stolen accounts, credentials typed into the chat', () => {
  it.each([
    'Yesterday I received an email asking me to confirm my password, did that come from you?',
    'got a text asking for my card number to release a parcel',
    'There is a message asking for my bank details on behalf of your company',
    'someone called asking for my PIN and said they were from your fraud team',
    'I got a text saying my account has been blocked and to tap the link',
    'Is this email really from you? It wants me to log in again',
    'is it a scam? they promise a refund if I pay a fee first',
    'My account was stolen and the recovery email is not mine anymore',
    'somebody stole my login and is buying things',
    'A fake shop pretending to be you took my money',
    'someone posing as you phoned my mother',
    'my pin is 4471 if you need it',
    'here is my password so you can log in and check',
    'Recibí un correo pidiendo que confirme mi contraseña',
    'Me llegó un sms diciendo que mi cuenta está bloqueada',
    '¿Este correo es de ustedes? Me pide los datos de la tarjeta',
    'Creo que me han robado la cuenta, ya no puedo entrar',
    'Un hombre se hacía pasar por ustedes por teléfono',
    'mi contraseña es perro2020, mírelo usted',
    'Recebi um e-mail pedindo minha senha, isso é de vocês?',
    'Chegou um sms dizendo que minha conta foi bloqueada',
    'Acho que roubaram minha senha ontem',
    'Tem um perfil se passando por vocês no Instagram',
    'minha senha é Brasil123, pode verificar?',
    'Ich habe eine SMS bekommen, die nach meinen Kartendaten fragt',
    'Ist diese E-Mail von Ihnen? Da steht, ich soll mich neu anmelden',
    'Mein Passwort wurde gestohlen',
    'Ich bekam einen Anruf, angeblich von Ihnen, wegen meiner PIN',
    'Mein Passwort ist Hallo2023, bitte prüfen Sie das Konto',
    "J'ai reçu un SMS me demandant mon code de carte",
    'Ce mail vient bien de vous ? Il parle de mon compte',
    "On m'a volé mon compte hier soir",
    "Quelqu'un se fait passer pour vous sur WhatsApp",
    'mon mot de passe est soleil75, pouvez-vous regarder ?',
  ])('finds security in: %s', (text) => {
    expect(facts(text).topics).toContain('security');
  });

  it.each([
    'how can I change my password?',
    'my password is not working',
    'my password is too short for your form',
    'I forgot what my password is',
    'I sent an email to your support team last week',
    'I emailed you asking for a password reset link',
    'The app keeps asking for my password every time',
    'I requested a reset and got an email asking me to choose a new password',
    "I can't log in with my password",
    'how do I use my password manager with the app?',
    'I forgot my login details',
    'Did you send the invoice by email?',
    'I got a text saying my parcel is on its way',
    'This is a scam, you charged me for nothing',
    'my order number is 55781',
    'Use the discount code SPRING25 at checkout?',
    '¿Cómo restablezco mi contraseña?',
    'Me robaron el paquete de la puerta',
    'Le mandé un correo pidiendo la factura',
    'Minha senha não funciona',
    'Esqueci minha senha',
    'Wie setze ich mein Passwort zurück?',
    'Ich habe Ihnen eine E-Mail wegen der Rechnung geschickt',
    'Comment réinitialiser mon mot de passe ?',
    'Mon colis a été volé devant ma porte',
    'Das Paket wurde angeblich von Ihnen zugestellt',
    'Le mail vient d’arriver, merci',
    '¿Qué pasó con mi contraseña?',
  ])('finds no security incident in: %s', (text) => {
    expect(facts(text).topics).not.toContain('security');
  });
});

describe('humanRequested: turning the bot down, asking for a manager', () => {
  it.each([
    'I do not want to chat with a bot anymore',
    "I'm not talking to a robot about my money",
    'honestly I am tired of talking to a machine',
    "I don't want a chatbot, I want someone who can think",
    'get me your supervisor',
    'Get me someone who actually works there',
    'No quiero hablar con un robot',
    'Estoy harta de hablar con un bot',
    'pásame con el encargado, por favor',
    'Não quero conversar com um robô',
    'Chama o gerente agora',
    'Ich will nicht mit einer Maschine reden',
    'Ich brauche keinen Chatbot',
    'Ich möchte mit Ihrem Vorgesetzten sprechen',
    'Je ne veux pas discuter avec un robot',
    "J'en ai marre de parler à une machine",
    'Passez-moi votre responsable',
  ])('hears a request in: %s', (text) => {
    expect(facts(text).humanRequested).toBe(true);
  });

  it.each([
    'I do not want to talk to a person, the bot is fine',
    "I don't need a human for this",
    'no need to get me a manager, it is solved',
    'my manager asked me to check our invoices',
    'can you get my manager access to the workspace?',
    'Is the robot vacuum in stock?',
    "No, I don't want the bot to cancel my order",
    'no funciona el bot de la web',
    'No quiero hablar con un agente',
    'Não preciso falar com um atendente',
    'Ich möchte nicht mit einem Mitarbeiter sprechen',
    'Je ne veux pas parler à un conseiller',
  ])('hears no request in: %s', (text) => {
    expect(facts(text).humanRequested).toBe(false);
  });
});

describe('German, French and Portuguese: refunds that never came, debits without a reason, sign-ins that were not the customer', () => {
  it.each([
    ['billing_dispute', 'Die Rückerstattung ist bis heute nicht angekommen'],
    ['billing_dispute', "J'attends toujours mon remboursement, rien sur le compte"],
    ['billing_dispute', 'O estorno ainda não caiu na minha conta'],
    ['billing_dispute', 'Mir wurden ohne Grund 40 Euro abgebucht'],
    ['billing_dispute', "On m'a prélevé 25 € sans raison"],
    ['billing_dispute', 'Descontaram 60 reais sem motivo nenhum'],
    ['billing_dispute', 'Der Automat hat kein Geld ausgegeben, aber das Konto wurde belastet'],
    ['security', 'Ich habe eine Anmeldung aus Polen gesehen, das war ich nicht'],
    ['security', "Mon mot de passe a été changé et ce n'était pas moi"],
    ['security', 'Trocaram meu e-mail da conta e não fui eu'],
  ])('finds %s in: %s', (topic, text) => {
    expect(facts(text).topics).toContain(topic);
  });

  it.each([
    'Wann kommt die Rückerstattung, wenn ich heute storniere?',
    'Le remboursement m’a été promis pour lundi, à quelle heure arrive-t-il ?',
    'O reembolso foi prometido para amanhã, até que horas cai?',
    'Meine Zahlung wurde ohne Grund abgelehnt',
    'Mon paiement a été refusé sans raison, je réessaie ?',
    'Como faço login pela primeira vez?',
    'Quels sont les frais de retrait à l’étranger ?',
  ])('finds no billing dispute or security incident in: %s', (text) => {
    expect(facts(text).topics).not.toContain('billing_dispute');
    expect(facts(text).topics).not.toContain('security');
  });

  it.each([
    'Stellen Sie mich bitte zu einem Mitarbeiter durch',
    'Je veux parler à un conseiller, mon numéro de téléphone est le 06 12 34 56 78',
    'Quero falar com um atendente em vez do robô',
  ])('finds a request for a person in: %s', (text) => {
    expect(facts(text).humanRequested).toBe(true);
  });
});
