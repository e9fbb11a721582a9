/**
 * Field-level differences between two JSON values, addressed by path. Objects are compared key
 * by key (a key holding `undefined` counts as absent, as in JSON); arrays of equal length item by
 * item, so one changed case of a switch shows as `data.cases[1].value`; arrays of different
 * lengths, and values of different types, are reported whole.
 */
import type { FieldChange } from './diff-types';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `base.key`, or `key` at the top. */
export function joinPath(base: string, key: string): string {
  return base === '' ? key : `${base}.${key}`;
}

/**
 * Every leaf-level difference between `before` and `after`, in key order.
 * @param path - prefix of every reported path (empty: paths start at the top level)
 * @returns an empty list when the two are equal as JSON
 */
export function jsonChanges(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (Object.is(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => jsonChanges(before[key], after[key], joinPath(path, key)));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, i) => jsonChanges(item, after[i], `${path}[${i}]`));
  }
  return [{ path, before, after }];
}

/** True when `a` and `b` are the same JSON value. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return jsonChanges(a, b).length === 0;
}
