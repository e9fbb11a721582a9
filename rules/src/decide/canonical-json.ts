import stringify from 'json-stable-stringify';

/**
 * Canonical JSON (keys sorted at every level, no whitespace) for content hashes: the same
 * policy always serialises to the same bytes. Uses json-stable-stringify.
 * @throws TypeError for values JSON cannot represent (cycles)
 */
export function canonicalJson(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError('Value cannot be serialised as JSON.');
  return text;
}
