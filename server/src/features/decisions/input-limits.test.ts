import { BatonErrorCode, type DecideHandoffInput } from '@baton/schemas';
import { DEFAULT_LIMITS } from '../../config';
import { checkDecideInput, MAX_ATTEMPTS } from './input-limits';

const base = (): DecideHandoffInput => ({
  conversationId: 'c-1',
  customer: { id: 'cust-1' },
  messages: [{ speaker: 'CUSTOMER', text: 'hello' }],
});

function errorOf(input: DecideHandoffInput) {
  try {
    checkDecideInput(input, DEFAULT_LIMITS);
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
  ])('refuses %s with BAD_USER_INPUT naming the field', (_name, mutate, field) => {
    const input = base();
    mutate(input);
    const error = errorOf(input);
    expect(error.code).toBe(BatonErrorCode.BadUserInput);
    expect(error.details.field).toBe(field);
    expect(error.message).toContain(field);
  });
});
