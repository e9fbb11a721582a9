import type { Speaker } from '@baton/schemas';
import { isFiller } from './filler';
import { buildTranscript, condenseTranscript, CONDENSED_MAX } from './transcript';
import { at, conversation } from '../signals/fixtures/conversation.fixture';

describe('isFiller', () => {
  it.each([
    'hi',
    'Hello!!',
    'hi there 👋',
    'thanks',
    'Thank you so much!',
    'ok',
    'OK thanks',
    'hola',
    'Buenos días',
    'muchas gracias',
    'oi, obrigado',
    'Bom dia!',
    'Hallo',
    'Vielen Dank!',
    'merci',
    'Bonjour, merci beaucoup',
    'Hello! How can I help you today?',
    "You're welcome! Is there anything else I can help you with?",
    'One moment please.',
    '¡Hola! ¿En qué le puedo ayudar?',
    'Como posso ajudar hoje?',
    'Wie kann ich Ihnen helfen?',
    'Comment puis-je vous aider ?',
    "Hi! I'm Ava, your virtual assistant. How can I help?",
    '...',
  ])('drops filler: %s', (text) => {
    expect(isFiller(text)).toBe(true);
  });

  it.each([
    'no',
    'yes',
    'hi, my order never arrived',
    'thanks, but the link expired',
    'ok so where is my refund?',
    'hola, me cobraron dos veces',
    'merci, mais ça ne marche pas',
    'Danke, aber die Rechnung ist falsch',
    'Here is the list of your invoices.',
  ])('keeps a substantive message: %s', (text) => {
    expect(isFiller(text)).toBe(false);
  });
});

describe('condenseTranscript', () => {
  it('keeps the customer’s substantive messages and the bot’s answers, dropping filler, agents and system notes', () => {
    const transcript = buildTranscript(
      conversation([
        ['BOT', 'Hi! How can I help you today?', { at: at(0) }],
        ['CUSTOMER', 'hola', { at: at(0.2) }],
        ['CUSTOMER', 'Mi pedido 1234 no ha llegado', { at: at(0.5) }],
        ['SYSTEM', 'customer authenticated', { at: at(0.6) }],
        ['BOT', 'Su pedido está en reparto y llegará hoy.', { at: at(1) }],
        ['AGENT', 'internal: watch this one', { at: at(1.2) }],
        ['CUSTOMER', 'ok gracias', { at: at(1.5) }],
        ['CUSTOMER', 'merci', { at: at(1.6) }],
      ]).messages,
    );
    expect(condenseTranscript(transcript).map((entry) => [entry.index, entry.speaker, entry.text])).toEqual([
      [2, 'CUSTOMER', 'Mi pedido 1234 no ha llegado'],
      [4, 'BOT', 'Su pedido está en reparto y llegará hoy.'],
    ]);
  });

  it('keeps at most ten entries: the most recent plus the first customer message', () => {
    const turns: [Speaker, string][] = [['CUSTOMER', 'My router keeps dropping the connection every evening']];
    for (let i = 1; i <= 14; i += 1)
      turns.push(i % 2 === 1 ? ['BOT', `Troubleshooting step ${i}: check cable ${i}`] : ['CUSTOMER', `Step ${i - 1} changed nothing, the light is still red`]);
    const transcript = buildTranscript(conversation(turns).messages);
    const condensed = condenseTranscript(transcript);
    expect(condensed).toHaveLength(CONDENSED_MAX);
    expect(condensed[0]).toMatchObject({ index: 0, text: 'My router keeps dropping the connection every evening' });
    expect(condensed.slice(1).map((entry) => entry.index)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('clips long messages and keeps the transcript complete', () => {
    const long = `My order arrived broken. ${'The box was crushed and the glass shattered everywhere. '.repeat(12)}`;
    const transcript = buildTranscript(
      conversation([
        ['CUSTOMER', long, { at: at(0) }],
        ['BOT', 'hi'],
      ]).messages,
    );
    expect(transcript).toEqual([
      { index: 0, speaker: 'CUSTOMER', text: long, at: at(0) },
      { index: 1, speaker: 'BOT', text: 'hi', at: null },
    ]);
    const [entry] = condenseTranscript(transcript);
    expect(entry?.text.length).toBeLessThanOrEqual(300);
    expect(entry?.text.endsWith('…')).toBe(true);
  });
});
