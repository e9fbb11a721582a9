import { BatonErrorCode, type DecideHandoffInput } from '@baton/schemas';
import { DEFAULT_LIMITS } from '../../config';
import { checkDecideInput, isKnownLanguage, isKnownTimeZone, MAX_ATTEMPTS } from './input-limits';

const base = (): DecideHandoffInput => ({
  conversationId: 'c-1',
  customer: { id: 'cust-1' },
  messages: [{ speaker: 'CUSTOMER', text: 'hello' }],
});

const SERVER_NOW = new Date('2026-06-01T12:00:00Z');

function errorOf(input: DecideHandoffInput) {
  try {
    checkDecideInput(input, DEFAULT_LIMITS, SERVER_NOW);
  } catch (error) {
    return error as { code: string; message: string; details: { field?: string } };
  }
  throw new Error('expected a refusal');
}

describe('checkDecideInput', () => {
  it('accepts a plain input', () => {
    expect(() => checkDecideInput(base(), DEFAULT_LIMITS)).not.toThrow();
  });

  it.each<[string, (i: DecideHandoffInput) => void, string]>([
    ['empty messages', (i) => (i.messages = []), 'input.messages'],
    [
      'too many messages',
      (i) => (i.messages = Array.from({ length: DEFAULT_LIMITS.maxMessages + 1 }, () => ({ speaker: 'CUSTOMER', text: 'x' }))),
      'input.messages',
    ],
    ['a long message', (i) => (i.messages = [{ speaker: 'CUSTOMER', text: 'x'.repeat(DEFAULT_LIMITS.maxMessageChars + 1) }]), 'input.messages[0].text'],
    ['confidence above 1', (i) => (i.messages = [{ speaker: 'BOT', text: 'x', confidence: 1.5 }]), 'input.messages[0].confidence'],
    ['negative confidence', (i) => (i.messages = [{ speaker: 'BOT', text: 'x', confidence: -0.1 }]), 'input.messages[0].confidence'],
    [
      'an intent confidence above 1',
      (i) => (i.messages = [{ speaker: 'CUSTOMER', text: 'x', intent: 'card_lost', intentConfidence: 92 }]),
      'input.messages[0].intentConfidence',
    ],
    ['a bot sentiment below -1', (i) => (i.messages = [{ speaker: 'CUSTOMER', text: 'x', sentiment: -3 }]), 'input.messages[0].sentiment'],
    ['a bot sentiment that is not a number', (i) => (i.messages = [{ speaker: 'CUSTOMER', text: 'x', sentiment: Number.NaN }]), 'input.messages[0].sentiment'],
    ['a blank reported topic', (i) => (i.messages = [{ speaker: 'CUSTOMER', text: 'x', topics: ['security', ' '] }]), 'input.messages[0].topics[1]'],
    [
      'too many reported topics',
      (i) => (i.messages = [{ speaker: 'CUSTOMER', text: 'x', topics: Array.from({ length: 21 }, (_, k) => `t${k}`) }]),
      'input.messages[0].topics',
    ],
    ['blank conversation id', (i) => (i.conversationId = '  '), 'input.conversationId'],
    ['long customer id', (i) => (i.customer.id = 'x'.repeat(201)), 'input.customer.id'],
    ['attributes as a list', (i) => (i.attributes = [1, 2] as unknown as Record<string, unknown>), 'input.attributes'],
    ['pageContext as a string', (i) => (i.pageContext = 'page' as unknown as Record<string, unknown>), 'input.pageContext'],
    ['too many attempts', (i) => (i.attempts = Array.from({ length: MAX_ATTEMPTS + 1 }, () => ({ action: 'a', result: 'r' }))), 'input.attempts'],
    ['a long customer name', (i) => (i.customer.name = 'n'.repeat(201)), 'input.customer.name'],
    ['a name on two lines', (i) => (i.customer.name = 'Ana\nBob'), 'input.customer.name'],
    ['a zero-width customer id', (i) => (i.customer.id = '\u200B\uFEFF'), 'input.customer.id'],
    ['a long email', (i) => (i.customer.email = 'e'.repeat(255)), 'input.customer.email'],
    ['a long tier', (i) => (i.customer.tier = 't'.repeat(65)), 'input.customer.tier'],
    ['an unknown language', (i) => (i.customer.language = 'xx'), 'input.customer.language'],
    ['an unknown time zone', (i) => (i.customer.timezone = 'Mars/Olympus'), 'input.customer.timezone'],
    ['an empty channel', (i) => (i.channel = ' '), 'input.channel'],
    ['a channel with a slash', (i) => (i.channel = 'chat/web'), 'input.channel'],
    ['a long intent', (i) => (i.messages = [{ speaker: 'CUSTOMER', text: 'x', intent: 'i'.repeat(101) }]), 'input.messages[0].intent'],
    [
      'too many knowledge-base ids',
      (i) => (i.messages = [{ speaker: 'BOT', text: 'x', kbArticleIds: Array.from({ length: 51 }, (_, k) => `kb${k}`) }]),
      'input.messages[0].kbArticleIds',
    ],
    ['a NUL in a message', (i) => (i.messages = [{ speaker: 'CUSTOMER', text: 'a\u0000b' }]), 'input.messages[0].text'],
    ['a long attempt result', (i) => (i.attempts = [{ action: 'refund', result: 'r'.repeat(2001) }]), 'input.attempts[0].result'],
    ['a message before 2000', (i) => (i.messages = [{ speaker: 'CUSTOMER', text: 'x', at: new Date('1999-12-31T23:59:59Z') }]), 'input.messages[0].at'],
    [
      'a message six minutes ahead of the server',
      (i) => (i.messages = [{ speaker: 'CUSTOMER', text: 'x', at: new Date(SERVER_NOW.getTime() + 360_000) }]),
      'input.messages[0].at',
    ],
    [
      'now before the last message',
      (i) => ((i.messages = [{ speaker: 'CUSTOMER', text: 'x', at: new Date('2026-05-01T10:00:00Z') }]), (i.now = new Date('2026-05-01T09:59:59Z'))),
      'input.now',
    ],
    ['attributes above BATON_MAX_ATTRIBUTES_BYTES', (i) => (i.attributes = { blob: 'x'.repeat(DEFAULT_LIMITS.maxAttributesBytes) }), 'input.attributes'],
    [
      'customer attributes nested too deep',
      (i) => (i.customer.attributes = JSON.parse(`${'{"a":'.repeat(17)}1${'}'.repeat(17)}`) as Record<string, unknown>),
      'input.customer.attributes',
    ],
  ])('refuses %s with BAD_USER_INPUT naming the field', (_name, mutate, field) => {
    const input = base();
    mutate(input);
    const error = errorOf(input);
    expect(error.code).toBe(BatonErrorCode.BadUserInput);
    expect(error.details.field).toBe(field);
    expect(error.message).toContain(field);
  });

  it('accepts times up to the skew window, a message at now, BCP 47 tags and IANA zones (aliases too)', () => {
    const input = base();
    input.messages = [{ speaker: 'CUSTOMER', text: 'x', at: new Date(SERVER_NOW.getTime() + 299_000) }];
    input.now = new Date(SERVER_NOW.getTime() + 299_000);
    input.channel = 'web_chat';
    input.customer = { id: 'c', language: 'pt-BR', timezone: 'US/Pacific', email: 'a@b.example' };
    expect(() => checkDecideInput(input, DEFAULT_LIMITS, SERVER_NOW)).not.toThrow();
    // Without a server clock (stored conversations, datasets) only the lower bound holds.
    input.messages = [{ speaker: 'CUSTOMER', text: 'x', at: new Date('2099-01-01T00:00:00Z') }];
    input.now = undefined;
    expect(() => checkDecideInput(input, DEFAULT_LIMITS)).not.toThrow();
    expect(['en', 'de-AT', 'zh-Hant-TW', 'EN'].every(isKnownLanguage)).toBe(true);
    expect(['xx', 'english', 'e', ''].some(isKnownLanguage)).toBe(false);
    expect(['Europe/Madrid', 'UTC', 'America/Argentina/Buenos_Aires'].every(isKnownTimeZone)).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
