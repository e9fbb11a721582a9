import { luhnValid } from './luhn';
import { prepareRedaction } from './prepare-redaction';
import { redactText } from './redact-text';

const model = prepareRedaction();
const redact = (text: string): string => redactText(text, model);

describe('card numbers', () => {
  it.each([
    ['en', 'Someone used my card 4111 1111 1111 1111 for orders I never placed!', 'Someone used my card [card ••••1111] for orders I never placed!'],
    ['en', 'charged twice on 5555-5555-5555-4444, please refund', 'charged twice on [card ••••4444], please refund'],
    ['es', 'Mi tarjeta es 4111111111111111 y no funciona', 'Mi tarjeta es [card ••••1111] y no funciona'],
    ['pt', 'Meu cartão Amex 3782 822463 10005 foi recusado', 'Meu cartão Amex [card ••••0005] foi recusado'],
    ['de', 'Die Karte 6011 1111 1111 1117 wurde zweimal belastet.', 'Die Karte [card ••••1117] wurde zweimal belastet.'],
    ['fr', 'Ma carte Diners 3056 930902 5904 a été débitée', 'Ma carte Diners [card ••••5904] a été débitée'],
    ['en', 'the 19-digit card 4111 1111 1111 1111 110 failed', 'the 19-digit card [card ••••1110] failed'],
    ['en', 'card=4111111111111111&cvc=', 'card=[card ••••1111]&cvc='],
  ])('masks a Luhn-valid number (%s): %s', (_language, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('finds a card typed right after an order number, and keeps the order number', () => {
    expect(redact('order 1234 4111 1111 1111 1111 please')).toBe('order 1234 [card ••••1111] please');
    expect(redact('15-01-2024 4111-1111-1111-1111')).toBe('15-01-2024 [card ••••1111]');
  });

  it('masks two cards in one message', () => {
    expect(redact('4111111111111111 or 5555 5555 5555 4444?')).toBe('[card ••••1111] or [card ••••4444]?');
  });

  it.each([
    ['a number that fails Luhn', 'Order #4111111111111112 never arrived'],
    ['a Spanish order number', 'Mi pedido 1234567812345678 no ha llegado'],
    ['an amount', 'I was charged 1,234.56 EUR and then 12.345,67 €'],
    ['a date and a time', 'on 2024-01-15 at 10:30, and again 15/01/2024'],
    ['phone numbers', 'call +34 612 345 678 or +1 555 123 4567 or 0049 170 1234 5678'],
    ['a USPS tracking number in groups', 'Tracking 9400 1000 0000 0000 0000 00 shows nothing'],
    ['a UPS tracking number', 'Sendungsnummer 1Z999AA10123456784'],
    ['a number glued to letters', 'ref ABC4111111111111111 and 4111111111111111XYZ'],
    ['a 12-digit number', 'FedEx 123456789012'],
  ])('leaves %s alone', (_what, text) => {
    expect(redact(text)).toBe(text);
  });

  it('does not look for a card inside one unbroken run of more than 19 digits', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(redact('tracking 4111111111111111000000')).toBe('tracking 4111111111111111000000');
  });

  it('needs a payment industry digit (1–6): a Luhn-valid number starting with 9 or 0 is not a card', () => {
    expect(luhnValid('940010000000000005')).toBe(true);
    expect(redact('USPS 940010000000000005')).toBe('USPS 940010000000000005');
  });

  it('needs the printed groupings: fours, 4-6-5 or 4-6-4, not 3-3-4-3-3', () => {
    expect(redact('411 111 1111 111 111')).toBe('411 111 1111 111 111');
  });
});
