import { jsonChanges, jsonEqual } from './json-changes';

describe('jsonChanges', () => {
  it.each([
    ['equal scalars', 1, 1, []],
    ['equal objects, keys in another order', { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, []],
    ['a nested number', { data: { test: { value: 0.4 } } }, { data: { test: { value: 0.5 } } }, [{ path: 'data.test.value', before: 0.4, after: 0.5 }]],
    ['a key added', { a: 1 }, { a: 1, label: 'x' }, [{ path: 'label', before: undefined, after: 'x' }]],
    ['a key removed', { a: 1, label: 'x' }, { a: 1 }, [{ path: 'label', before: 'x', after: undefined }]],
    ['an undefined key counts as absent', { a: 1, b: undefined }, { a: 1 }, []],
    ['same-length arrays item by item', { cases: [{ v: 1 }, { v: 2 }] }, { cases: [{ v: 1 }, { v: 3 }] }, [{ path: 'cases[1].v', before: 2, after: 3 }]],
    ['arrays of another length whole', { xs: [1] }, { xs: [1, 2] }, [{ path: 'xs', before: [1], after: [1, 2] }]],
    ['a type change whole', { v: '1' }, { v: 1 }, [{ path: 'v', before: '1', after: 1 }]],
    ['object replaced by null', { v: { a: 1 } }, { v: null }, [{ path: 'v', before: { a: 1 }, after: null }]],
    [
      'keys in sorted order',
      { b: 1, a: 1 },
      { b: 2, a: 2 },
      [
        { path: 'a', before: 1, after: 2 },
        { path: 'b', before: 1, after: 2 },
      ],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(jsonChanges(before, after)).toEqual(expected);
  });

  it('prefixes every path with the given base', () => {
    expect(jsonChanges({ x: 1 }, { x: 2 }, 'position')).toEqual([{ path: 'position.x', before: 1, after: 2 }]);
    expect(jsonChanges(1, 2, 'thresholds.lowConfidence')).toEqual([{ path: 'thresholds.lowConfidence', before: 1, after: 2 }]);
  });

  it('jsonEqual ignores key order but not array order', () => {
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
  });
});
