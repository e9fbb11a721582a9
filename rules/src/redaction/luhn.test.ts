import { luhnValid } from './luhn';

describe('luhnValid', () => {
  it.each(['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117', '30569309025904', '4222222222222', '4111111111111111110'])(
    "accepts the issuers' test number %s",
    (digits) => expect(luhnValid(digits)).toBe(true),
  );

  it.each(['4111111111111112', '1234567812345678', '5555555555554445', '378282246310006'])('rejects %s (one digit off, or made up)', (digits) => {
    expect(luhnValid(digits)).toBe(false);
  });

  it('doubles every second digit from the right, subtracting 9 past 9 ("59" -> 5·2−9 + 9 = 10)', () => {
    expect(luhnValid('59')).toBe(true);
    expect(luhnValid('95')).toBe(false);
  });

  it('rejects empty strings and anything but ASCII digits', () => {
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4111 1111 1111 1111')).toBe(false);
    expect(luhnValid('411111111111111a')).toBe(false);
  });
});
