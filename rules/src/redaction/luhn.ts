/**
 * Internal: the Luhn (mod 10) check that every payment card number carries in its last digit
 * (ISO/IEC 7812-1, annex B; the algorithm of US patent 2,950,048).
 */

/**
 * True when a string of ASCII digits passes the Luhn check: from the rightmost digit leftwards,
 * every second digit is doubled (9 subtracted when the double exceeds 9) and the sum of all
 * digits must be a multiple of 10. `"4111111111111111"` passes; `"4111111111111112"` fails.
 * Returns false for an empty string or any non-digit character.
 */
export function luhnValid(digits: string): boolean {
  if (digits.length === 0) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const code = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (code < 0 || code > 9) return false;
    if (i % 2 === 1) {
      const doubled = code * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else {
      sum += code;
    }
  }
  return sum % 10 === 0;
}
