import { scalarResolvers } from './scalars';

const parse = (value: unknown) => scalarResolvers.DateTime.parseValue(value) as Date;

describe('DateTime', () => {
  it('parses RFC 3339 with a zone to its instant, a fresh Date each time (the instant is remembered, not the object)', () => {
    const first = parse('2026-11-21T10:00:00+01:00');
    first.setTime(0);
    const again = parse('2026-11-21T10:00:00+01:00');
    expect(again).not.toBe(first);
    expect(again.toISOString()).toBe('2026-11-21T09:00:00.000Z');
  });

  it('refuses an impossible date or a missing zone every time, naming the format', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => parse('2026-02-30T10:00:00Z')).toThrow(/RFC 3339/);
      expect(() => parse('2026-11-21T10:00:00')).toThrow(/RFC 3339/);
    }
  });
});
