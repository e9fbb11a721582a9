/**
 * Internal: the check digits and structural rules of the government ids the redaction stage
 * recognises without a keyword. Inputs are the id's characters without separators.
 */

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/**
 * US Social Security number structure (SSA, "Social Security Number Randomization", 2011):
 * area 000, 666 and 900–999, group 00 and serial 0000 are never issued.
 */
export function ssnValid(area: string, group: string, serial: string): boolean {
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

/**
 * Spanish DNI (`12345678Z`) and NIE (`X1234567L`) check letter: the number modulo 23 indexes
 * `TRWAGMYFPDXBNJZSQVHLCKE`; an NIE's leading X, Y, Z count as 0, 1, 2 (Ministerio del
 * Interior, "Cálculo del dígito de control del NIF/NIE"). Case-insensitive.
 */
export function dniValid(id: string): boolean {
  const upper = id.toUpperCase();
  const match = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(upper);
  if (!match) return false;
  const [, prefix = '', digits = '', letter] = match;
  if (prefix.length + digits.length !== 8) return false;
  const lead = prefix === '' ? '' : String('XYZ'.indexOf(prefix));
  return DNI_LETTERS[Number(lead + digits) % 23] === letter;
}

/**
 * Brazilian CPF (`123.456.789-09`) check digits (Receita Federal): the first is
 * `(Σ dᵢ·(10−i)) · 10 mod 11 mod 10` over the first nine digits, the second the same over ten
 * digits with weights 11…2. Numbers of one repeated digit are invalid though they pass.
 */
export function cpfValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  const check = (length: number): number => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += Number(digits[i]) * (length + 1 - i);
    return ((sum * 10) % 11) % 10;
  };
  return check(9) === Number(digits[9]) && check(10) === Number(digits[10]);
}

/**
 * French NIR (numéro de sécurité sociale, 13 characters + 2-digit key): the key is
 * `97 − (n mod 97)` where n is the 13-character number read as an integer, with Corsica's
 * department 2A read as 19 and 2B as 18 (INSEE, the NIR's "clé de contrôle"). Starts with 1 or
 * 2 (sex).
 */
export function nirValid(id: string): boolean {
  const upper = id.toUpperCase();
  if (!/^[12]\d{4}(?:\d{2}|2[AB])\d{8}$/.test(upper)) return false;
  const number = Number(upper.slice(0, 13).replace('2A', '19').replace('2B', '18'));
  return 97 - (number % 97) === Number(upper.slice(13));
}
