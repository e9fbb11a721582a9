import { prepareRedaction } from './prepare-redaction';
import { redactText } from './redact-text';

const model = prepareRedaction();
const redact = (text: string): string => redactText(text, model);

describe('government ids', () => {
  it.each([
    ['en', 'my SSN is 123-45-6789, please update it', 'my SSN is [id], please update it'],
    ['en', 'my number is 123-45-6789', 'my number is [id]'],
    ['en', 'social security number 123 45 6789', 'social security number [id]'],
    ['es', 'Mi DNI es 12345678Z', 'Mi DNI es [id]'],
    ['es', 'NIE X1234567L, pasaporte PAA123456', 'NIE [id], pasaporte [id]'],
    ['es', 'soy 12345678-Z', 'soy [id]'],
    ['es', 'DNI 12345678A (creo que la letra está mal)', 'DNI [id] (creo que la letra está mal)'],
    ['pt', 'Meu CPF é 123.456.789-09', 'Meu CPF é [id]'],
    ['pt', 'cpf 12345678909 e número do passaporte: FZ123456', 'cpf [id] e número do passaporte: [id]'],
    ['pt', 'segue 529.982.247-25', 'segue [id]'],
    ['de', 'Meine Steuer-ID ist 12 345 678 901 und Reisepass C01X00T47', 'Meine Steuer-ID ist [id] und Reisepass [id]'],
    ['de', 'IdNr: 12345678901', 'IdNr: [id]'],
    ['de', 'Steuernummer 21/815/08150', 'Steuernummer [id]'],
    ['fr', 'Mon numéro de sécu est 1 85 05 78 006 084 36', 'Mon numéro de sécu est [id]'],
    ['fr', 'voici 1 85 05 78 006 084 91', 'voici [id]'],
    ['fr', 'NIR 2 69 05 2A 123 456 88, passeport 12AB34567', 'NIR [id], passeport [id]'],
  ])('masks an id (%s): %s', (_language, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it.each([
    ['a DNI-shaped token with a wrong letter, no keyword', 'Referencia 12345678A'],
    ['a CPF-shaped number with wrong check digits, no keyword', 'protocolo 123.456.789-10'],
    ['an SSN-shaped number that is never issued', 'part 666-12-3456 and 123-00-4567'],
    ['a phone number', 'call 555-123-4567'],
    ['11 digits without a tax word', 'Telefon 01701234567 oder 12345678901'],
    ['a NIR-shaped number with a wrong key, no keyword', 'dossier 1 85 05 78 006 084 36'],
    ['a year near "passport"', 'Mein Reisepass läuft 2025 ab'],
    ['a date near "passport"', 'passport expires 15/03/2026'],
  ])('leaves %s alone', (_what, text) => {
    expect(redact(text)).toBe(text);
  });
});
