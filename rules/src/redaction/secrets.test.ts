import { prepareRedaction } from './prepare-redaction';
import { redactText } from './redact-text';

const model = prepareRedaction();
const redact = (text: string): string => redactText(text, model);

describe('card security codes', () => {
  it.each([
    ['en', 'card 4111 1111 1111 1111 exp 12/27 cvv 123', 'card [card ••••1111] exp 12/27 cvv [cvv]'],
    ['en', 'the security code on the back is 4821', 'the security code on the back is [cvv]'],
    ['en', '123 is the CVC', '[cvv] is the CVC'],
    ['es', 'Mi tarjeta es 4111111111111111 y el código de seguridad es 737', 'Mi tarjeta es [card ••••1111] y el código de seguridad es [cvv]'],
    ['pt', 'código de segurança: 123, validade 08/28', 'código de segurança: [cvv], validade 08/28'],
    ['de', 'Kartenprüfnummer: 1234', 'Kartenprüfnummer: [cvv]'],
    ['de', 'Die Prüfnummer lautet 321.', 'Die Prüfnummer lautet [cvv].'],
    ['fr', 'cryptogramme visuel : 123', 'cryptogramme visuel : [cvv]'],
    ['fr', 'le code de sécurité est 987', 'le code de sécurité est [cvv]'],
  ])('masks a code near a card-code word (%s): %s', (_language, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it.each([
    ['a number in the next sentence', 'Where is the CVV? My flat is 123.'],
    ['a number too far away', 'the cvv field on your page shows an error after I typed 123'],
    ['an amount', 'cvv asked, then 123 € charged'],
  ])('leaves %s alone', (_what, text) => {
    expect(redact(text)).toBe(text);
  });
});

describe('one-time codes', () => {
  it.each([
    ['en', 'Your verification code is 482913', 'Your verification code is [code]'],
    ['en', '482913 is your verification code', '[code] is your verification code'],
    ['en', 'I received the code 123 456 but it fails', 'I received the code [code] but it fails'],
    ['en', 'my 2FA says 55123', 'my 2FA says [code]'],
    ['en', 'my pin is 9876', 'my pin is [code]'],
    ['en', 'The code for order 1234 is 567890', 'The code for order 1234 is [code]'],
    ['es', 'Introduce el código 123456, dice la app', 'Introduce el código [code], dice la app'],
    ['es', 'Mi PIN es 4321 y mi pedido 12345', 'Mi PIN es [code] y mi pedido 12345'],
    ['pt', 'o código de verificação é 123456', 'o código de verificação é [code]'],
    ['de', 'Ihr Bestätigungscode lautet 123456', 'Ihr Bestätigungscode lautet [code]'],
    ['de', 'Der Code 4711 geht nicht', 'Der Code [code] geht nicht'],
    ['fr', 'Votre code de vérification est 123456', 'Votre code de vérification est [code]'],
  ])('masks a code near a code word (%s): %s', (_language, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it.each([
    ['an order number', 'my order 1234 has no code yet'],
    ['an order number before the code word', 'order 123456 and the code'],
    ['a labelled order number', 'Bestellnummer: 123456, Code kam nicht an'],
    ['a ticket', 'code problem, ticket #45678'],
    ['an error code', 'error code 50012 when paying'],
    ['a French error code', "code d'erreur 4012"],
    ['a zip code', 'my zip code is 90210'],
    ['a French postal code', 'Mon code postal est 75001'],
    ['a German postal code before "Code"', 'Postleitzahl 10115 Berlin und der Code kam nicht'],
    ['a number in the clause before', 'Ich wohne in 10115, der Code kam nicht'],
    ['a Spanish postal code', 'código postal 28013'],
    ['a digit promo code', 'promo code 2024 does not work'],
    ['a letters-and-digits promo code (never a one-time code)', 'Code promo SUMMER20 ne marche pas'],
    ['a phone number near "code"', 'My phone is 612 345 678, send the code there'],
    ['a date near "code"', 'the code from 2024-01-15 expired'],
    ['a time near "code"', 'code sent at 10:30'],
    ['a short number', 'The code expires in 10 minutes'],
    ['an amount', 'code for 1500 € voucher'],
    ['pin as a verb', 'Please pin the message 2024'],
  ])('leaves %s alone', (_what, text) => {
    expect(redact(text)).toBe(text);
  });
});
