import { prepareRedaction } from './prepare-redaction';
import { redactText } from './redact-text';

describe('redactText', () => {
  const model = prepareRedaction();

  it('returns text without anything to mask unchanged', () => {
    const text = 'Hola, ¿dónde está mi pedido 12345? Lo pagué el 2024-01-15 (49,99 €).';
    expect(redactText(text, model)).toBe(text);
    expect(redactText('', model)).toBe('');
  });

  it('masks several kinds in one message without one mask feeding another', () => {
    expect(redactText('card 4111 1111 1111 1111, cvv 123, pin 9876, password: Abc!2345, SSN 123-45-6789', model)).toBe(
      'card [card ••••1111], cvv [cvv], pin [code], password: [password], SSN [id]',
    );
  });

  it('labels a stretch two detectors claim by the first in precedence (a card typed as a password)', () => {
    expect(redactText('password: 4111-1111-1111-1111', model)).toBe('password: [card ••••1111]');
  });

  it('never lets one mask feed another: a pattern for 4 digits does not see the card mask', () => {
    const withDigits = prepareRedaction({ patterns: [{ name: 'four', pattern: '\\d{4}' }] });
    expect(redactText('card 4111 1111 1111 1111', withDigits)).toBe('card [card ••••1111]');
  });

  it('stays linear on adversarial text: 300,000 characters of keywords and digit runs in seconds, not minutes', () => {
    const text = ['code '.repeat(20_000), 'password,'.repeat(10_000), '1 '.repeat(20_000), 'cvv 123 '.repeat(10_000), 'zip code '.repeat(5_000)].join('');
    expect(text.length).toBeGreaterThan(300_000);
    const started = process.hrtime.bigint();
    redactText(text, model);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(3000);
  });
});
