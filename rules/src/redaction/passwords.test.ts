import { prepareRedaction } from './prepare-redaction';
import { redactText } from './redact-text';

const model = prepareRedaction();
const redact = (text: string): string => redactText(text, model);

describe('passwords', () => {
  it.each([
    ['en', 'my password is Sunflower#2291 and I think someone hacked my account', 'my password is [password] and I think someone hacked my account'],
    ['en', 'Password: sunflower', 'Password: [password]'],
    ['en', 'password=hunter2', 'password=[password]'],
    ['en', 'I changed my password to Tr0ub4dor&3 yesterday', 'I changed my password to [password] yesterday'],
    ['en', 'The password for the portal is Xy7!abcd, please check', 'The password for the portal is [password], please check'],
    ['en', 'Hunter22! is my password', '[password]! is my password'],
    ['en', 'my password is "correct horse battery"', 'my password is "[password]"'],
    ['en', 'my password is sUnflower', 'my password is [password]'],
    ['es', 'la contraseña es Perro2024!', 'la contraseña es [password]!'],
    ['es', 'mi clave: gatito_99', 'mi clave: [password]'],
    ['pt', 'minha senha é gatinho123', 'minha senha é [password]'],
    ['pt', 'Senha: borboleta', 'Senha: [password]'],
    ['de', 'Mein Kennwort lautet Sonnenblume7', 'Mein Kennwort lautet [password]'],
    ['de', 'Passwort: geheim123', 'Passwort: [password]'],
    ['fr', 'mot de passe : Soleil#2024', 'mot de passe : [password]'],
    ['fr', 'mon mot de passe est chocolat', 'mon mot de passe est [password]'],
  ])('masks the value (%s): %s', (_language, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it.each([
    ['en', 'my password is not working'],
    ['en', "my password isn't accepted"],
    ['en', 'my password is NOT working!!'],
    ['en', 'my password is incorrect, I tried twice'],
    ['en', 'my password is temporarily blocked'],
    ['en', 'my password is 8 characters long'],
    ['en', 'I forgot my password yesterday'],
    ['en', "Password reset link doesn't work"],
    ['en', 'the password for my account is not accepted'],
    ['en', 'Please enter your password to continue'],
    ['en', 'I changed my password to something simpler'],
    ['es', 'necesito la contraseña para ingresar'],
    ['de', 'Die Datei ist passwort-geschützt'],
    ['fr', 'mot de passe en majuscules ?'],
    ['es', 'mi contraseña no funciona'],
    ['es', 'la contraseña es incorrecta'],
    ['es', 'la clave es que no puedo entrar'],
    ['pt', 'minha senha é inválida'],
    ['pt', 'senha bloqueada depois de 3 tentativas'],
    ['de', 'Mein Passwort ist falsch'],
    ['de', 'Passwort vergessen, bitte helfen'],
    ['fr', "mon mot de passe n'est pas accepté"],
    ['fr', 'mot de passe est incorrect'],
  ])('leaves an ordinary sentence alone (%s): %s', (_language, text) => {
    expect(redact(text)).toBe(text);
  });
});
