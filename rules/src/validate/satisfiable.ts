/**
 * Whether single-fact comparisons can hold together: numeric intervals (narrowed by the fact
 * catalog's ranges), equality, list membership and containment. Errs towards "can hold", so a
 * caller that reports impossibility never reports a live branch or row.
 */
import { FACT_CATALOG, isFactName, type Operator } from '@baton/schemas';

/** The operator that holds exactly when the given one does not. */
export const NEGATED: Record<Operator, Operator> = {
  equal: 'notEqual',
  notEqual: 'equal',
  lessThan: 'greaterThanInclusive',
  lessThanInclusive: 'greaterThan',
  greaterThan: 'lessThanInclusive',
  greaterThanInclusive: 'lessThan',
  in: 'notIn',
  notIn: 'in',
  contains: 'doesNotContain',
  doesNotContain: 'contains',
};

/** Whether a conjunction of literals on one fact can hold. */
export function satisfiable(fact: string, literals: readonly { operator: Operator; value: unknown }[]): boolean {
  const spec = isFactName(fact) ? FACT_CATALOG[fact] : undefined;
  const range = spec && 'range' in spec ? spec.range : undefined;
  let lo = range ? range[0] : -Infinity;
  let hi = range ? range[1] : Infinity;
  let loIn = true;
  let hiIn = true;
  const equals: unknown[] = [];
  const notEquals: unknown[] = [];
  const contains: unknown[] = [];
  const notContains: unknown[] = [];
  let allowed: unknown[] | undefined;
  for (const { operator, value } of literals) {
    const n = value as number;
    switch (operator) {
      case 'equal':
        equals.push(value);
        break;
      case 'notEqual':
        notEquals.push(value);
        break;
      case 'greaterThan':
        if (n > lo || (n === lo && loIn)) {
          lo = n;
          loIn = false;
        }
        break;
      case 'greaterThanInclusive':
        if (n > lo) {
          lo = n;
          loIn = true;
        }
        break;
      case 'lessThan':
        if (n < hi || (n === hi && hiIn)) {
          hi = n;
          hiIn = false;
        }
        break;
      case 'lessThanInclusive':
        if (n < hi) {
          hi = n;
          hiIn = true;
        }
        break;
      case 'in':
        allowed = (allowed ?? (value as unknown[])).filter((v) => (value as unknown[]).includes(v));
        break;
      case 'notIn':
        notEquals.push(...(value as unknown[]));
        break;
      case 'contains':
        contains.push(value);
        break;
      case 'doesNotContain':
        notContains.push(value);
        break;
    }
  }
  if (lo > hi || (lo === hi && !(loIn && hiIn))) return false;
  if (contains.some((v) => notContains.includes(v))) return false;
  if (spec?.type === 'boolean') {
    const values = [true, false].filter((b) => equals.every((e) => e === b) && !notEquals.includes(b));
    return values.length > 0;
  }
  const candidates = equals.length > 0 ? [equals[0]] : allowed;
  if (equals.some((e) => e !== equals[0])) return false;
  if (candidates) {
    return candidates.some(
      (v) =>
        !notEquals.includes(v) &&
        (!allowed || allowed.includes(v)) &&
        (typeof v !== 'number' || ((v > lo || (v === lo && loIn)) && (v < hi || (v === hi && hiIn)))),
    );
  }
  return true;
}
