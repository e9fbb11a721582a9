import { attemptIn, collectAttempts, detectAttempts, outcomeOf } from './attempts';
import { at, conversation } from '../signals/fixtures/conversation.fixture';

describe('attemptIn', () => {
  it.each([
    ["I've sent a password reset link to your email.", 'password_reset'],
    ['I have just emailed you a link to reset your password.', 'password_reset'],
    ['Here is the list of your invoices: INV-1, INV-2.', 'invoices'],
    ["Here's how to reset your password: open Settings > Security.", 'password_reset'],
    ['I have restarted your router remotely. It can take two minutes.', 'restart'],
    ["We've issued a refund of $89 to your card.", 'refund'],
    ['I checked the tracking: your parcel is at the Leipzig depot.', 'order_status'],
    ['Le he enviado un enlace para restablecer su contraseña.', 'password_reset'],
    ['Aquí tiene la lista de sus facturas.', 'invoices'],
    ['Acabo de reiniciar su módem.', 'restart'],
    ['Enviei um link para redefinir a sua senha.', 'password_reset'],
    ['Reiniciei o seu roteador agora mesmo.', 'restart'],
    ['Ich habe Ihnen einen Link zum Zurücksetzen des Passworts geschickt.', 'password_reset'],
    ['Hier sind Ihre Rechnungen der letzten drei Monate.', 'invoices'],
    ['Ich habe den Router neu gestartet.', 'restart'],
    ['Je vous ai envoyé un lien pour réinitialiser votre mot de passe.', 'password_reset'],
    ['Voici la liste de vos factures.', 'invoices'],
    ["J'ai redémarré votre box.", 'restart'],
  ])('finds the attempt in: %s', (text, kind) => {
    expect(attemptIn(text)?.kind).toBe(kind);
  });

  it('quotes an action of no known kind, clipped', () => {
    expect(attemptIn('Thanks for waiting. I have updated the delivery address on order 1234 to Hauptstraße 5.')).toEqual({
      kind: 'other',
      action: 'I have updated the delivery address on order 1234 to Hauptstraße 5.',
    });
    expect(attemptIn(`I have escalated ${'this matter '.repeat(20)}`)?.action.length).toBeLessThanOrEqual(80);
  });

  it.each([
    'Would you like me to send a password reset link?',
    'Can I reset your password for you?',
    "I'll restart the router once you confirm.",
    'I have not sent anything yet.',
    'No le he enviado el enlace todavía.',
    'Não enviei o link ainda.',
    'Ich habe den Link noch nicht geschickt.',
    'Je ne vous ai pas encore envoyé le lien.',
    'Here is the thing: our system is slow today.',
    'How can I help you today?',
  ])('finds no attempt in an offer, plan, negation or small talk: %s', (text) => {
    expect(attemptIn(text)).toBeUndefined();
  });
});

describe('outcomeOf', () => {
  it.each([
    "it didn't work",
    'Still nothing in my inbox',
    'same error as before',
    'I never got the email',
    'No funciona',
    'sigue igual',
    'Ainda não chegou',
    'não funcionou',
    'Das hat nicht funktioniert',
    'immer noch kaputt',
    'ça ne marche toujours pas',
    "je n'ai rien reçu",
  ])('reads a failure in: %s', (text) => {
    expect(outcomeOf(text)).toBe('failed');
  });

  it.each(['it worked, thanks!', 'works now', '¡Funcionó!', 'deu certo, obrigado', 'Hat geklappt', 'ça marche, merci'])('reads a success in: %s', (text) => {
    expect(outcomeOf(text)).toBe('succeeded');
  });

  it.each(['ok', 'what about my other order?', 'hmm let me look'])('cannot tell from: %s', (text) => {
    expect(outcomeOf(text)).toBe('unknown');
  });
});

describe('detectAttempts / collectAttempts', () => {
  const messages = conversation([
    ['CUSTOMER', 'I cannot log in', { at: at(0) }],
    ['BOT', "I've sent a password reset link to your email.", { at: at(1) }],
    ['CUSTOMER', "The link didn't work, it says expired", { at: at(2) }],
    ['BOT', 'I have restarted the login service for your account.', { at: at(3) }],
  ]).messages;

  it('judges each attempt by the customer’s next message, unknown when there is none yet', () => {
    expect(detectAttempts(messages)).toEqual([
      { attempt: { action: 'password reset', result: 'failed', at: at(1), succeeded: false, source: 'detected' }, kind: 'password_reset', messageIndex: 1 },
      { attempt: { action: 'restart', result: 'unknown', at: at(3), succeeded: false, source: 'detected' }, kind: 'restart', messageIndex: 3 },
    ]);
  });

  it('uses the reported attempts instead when the integration sends any', () => {
    const found = collectAttempts(messages, [
      { action: 'Send password reset email', result: 'link sent', at: at(1) },
      { action: 'Unlock account', result: 'failed: account locked by fraud team' },
    ]);
    expect(found.map((item) => [item.attempt.action, item.attempt.result, item.attempt.succeeded, item.attempt.source, item.kind])).toEqual([
      ['Send password reset email', 'link sent', true, 'reported', 'password_reset'],
      ['Unlock account', 'failed: account locked by fraud team', false, 'reported', 'other'],
    ]);
    expect(collectAttempts(messages, [])).toHaveLength(2);
  });
});
