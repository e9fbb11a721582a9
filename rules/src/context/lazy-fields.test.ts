import { lazyFields, once } from './lazy-fields';

describe('lazy fields', () => {
  it('computes a field on its first read only, and never one nobody reads', () => {
    const calls = { cheap: 0, costly: 0 };
    const object = lazyFields<{ cheap: number; costly: string[] }>({
      cheap: () => {
        calls.cheap += 1;
        return 42;
      },
      costly: () => {
        calls.costly += 1;
        return ['every', 'message'];
      },
    });
    expect(object.cheap + object.cheap).toBe(84);
    expect(calls).toEqual({ cheap: 1, costly: 0 });
  });

  it('reads as a plain object: keys, JSON, spreading and equality', () => {
    const object = lazyFields<{ a: number; b: { c: string } }>({ a: () => 1, b: () => ({ c: 'x' }) });
    expect(Object.keys(object)).toEqual(['a', 'b']);
    expect(JSON.parse(JSON.stringify(object))).toEqual({ a: 1, b: { c: 'x' } });
    expect({ ...object }).toEqual({ a: 1, b: { c: 'x' } });
    expect(object.b).toBe(object.b);
  });

  it('once remembers a result that is undefined too', () => {
    let calls = 0;
    const value = once(() => {
      calls += 1;
      return undefined;
    });
    value();
    value();
    expect(calls).toBe(1);
  });
});
