import { cpfValid, dniValid, nirValid, ssnValid } from './id-checks';

describe('ssnValid', () => {
  it('accepts an issuable structure and refuses area 000, 666, 9xx, group 00 and serial 0000', () => {
    expect(ssnValid('123', '45', '6789')).toBe(true);
    expect(ssnValid('000', '45', '6789')).toBe(false);
    expect(ssnValid('666', '45', '6789')).toBe(false);
    expect(ssnValid('912', '45', '6789')).toBe(false);
    expect(ssnValid('123', '00', '6789')).toBe(false);
    expect(ssnValid('123', '45', '0000')).toBe(false);
  });
});

describe('dniValid', () => {
  it('checks the DNI letter: 12345678 mod 23 = 14 -> Z', () => {
    expect(dniValid('12345678Z')).toBe(true);
    expect(dniValid('12345678z')).toBe(true);
    expect(dniValid('12345678A')).toBe(false);
  });

  it('reads an NIE prefix X, Y, Z as 0, 1, 2', () => {
    expect(dniValid('X1234567L')).toBe(true);
    expect(dniValid('Y1234567X')).toBe(true);
    expect(dniValid('Z1234567R')).toBe(true);
    expect(dniValid('X1234567Z')).toBe(false);
  });

  it('refuses other shapes', () => {
    expect(dniValid('1234567Z')).toBe(false);
    expect(dniValid('X12345678Z')).toBe(false);
  });
});

describe('cpfValid', () => {
  it('checks both mod-11 digits', () => {
    expect(cpfValid('12345678909')).toBe(true);
    expect(cpfValid('52998224725')).toBe(true);
    expect(cpfValid('12345678900')).toBe(false);
    expect(cpfValid('12345678919')).toBe(false);
  });

  it('refuses repeated digits, which pass the arithmetic', () => {
    expect(cpfValid('11111111111')).toBe(false);
  });
});

describe('nirValid', () => {
  it('checks the key 97 - (n mod 97)', () => {
    expect(nirValid('185057800608491')).toBe(true);
    expect(nirValid('185057800608436')).toBe(false);
  });

  it('reads Corsica 2A as 19 (2690519123456 -> key 88)', () => {
    expect(nirValid('269052A12345688')).toBe(true);
    expect(nirValid('2690519123456' + '88')).toBe(true);
    expect(nirValid('269052B12345688')).toBe(false);
  });

  it('needs 1 or 2 first', () => {
    expect(nirValid('385057800608491')).toBe(false);
  });
});
