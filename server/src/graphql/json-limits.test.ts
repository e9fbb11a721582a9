import { checkJson, hasLoneSurrogate, jsonBytesOf, JsonLimitError } from './json-limits';

const LIMITS = { maxDepth: 4, maxBytes: 100 };

function refusal(value: unknown, limits = LIMITS): JsonLimitError {
  try {
    checkJson(value, limits);
  } catch (error) {
    if (error instanceof JsonLimitError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('JSON limits', () => {
  it('measures depth and size as JSON in one walk', () => {
    const value = { a: [1, { b: 'é' }], c: null, d: true };
    expect(checkJson(value, LIMITS)).toEqual({ depth: 3, bytes: Buffer.byteLength(JSON.stringify(value)) });
    expect(checkJson('plain', LIMITS)).toEqual({ depth: 0, bytes: 7 });
    expect(jsonBytesOf(value, { maxDepth: 1, maxBytes: 1 })).toBe(Buffer.byteLength(JSON.stringify(value)));
  });

  it('stops at the first level too deep, without walking further (a value thousands of levels deep costs maxDepth frames)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(refusal(deep)).toMatchObject({ reason: 'depth', limit: 4, path: '$[0][0][0][0]' });
    expect(refusal({ a: { b: { c: { d: {} } } } })).toMatchObject({ reason: 'depth', path: '$.a.b.c.d' });
  });

  it('refuses a value larger than maxBytes, NUL characters and lone surrogates in strings and keys, naming where', () => {
    expect(refusal({ text: 'x'.repeat(200) })).toMatchObject({ reason: 'bytes', limit: 100, path: '$.text' });
    expect(refusal({ a: ['ok', 'no\u0000'] })).toMatchObject({ reason: 'nul', path: '$.a[1]' });
    expect(refusal({ 'we\uD83Dird key': 1 })).toMatchObject({ reason: 'surrogate', path: '$["we\\ud83dird key"]' });
    expect(refusal({ big: 1n })).toMatchObject({ reason: 'type' });
    expect(checkJson({ emoji: '🙂 ok' }, LIMITS).depth).toBe(1);
  });

  it('tells lone surrogates from pairs', () => {
    expect(hasLoneSurrogate('🙂')).toBe(false);
    expect(hasLoneSurrogate('\uD83D')).toBe(true);
    expect(hasLoneSurrogate('a\uDE42b')).toBe(true);
  });
});
