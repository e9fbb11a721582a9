/**
 * Finds branches no conversation can take, such as `x > 5` on the `true` side of `x < 3`:
 * along every path, the single-fact tests taken so far are intersected per fact (numeric
 * intervals from the catalog's ranges, equality, list membership). A branch is reported once,
 * as a warning, when it is impossible on every path through it. Groups under `any` (and
 * negated `all`) add no constraint, so the check never reports a live branch as dead.
 */
import { FACT_CATALOG, OPERATOR_SYMBOLS, isFactName, isFactTest, type ConditionTest, type Operator, type PolicyNode } from '@baton/schemas';
import type { GraphPath } from '../graph/enumerate-paths';
import type { GraphIndex, GraphNode } from '../graph/graph-index';
import { DEFAULT_HANDLE } from '../graph/graph-index';
import { DiagnosticCode, warning, type Diagnostic } from './diagnostic';

interface Literal {
  key: string;
  fact: string;
  operator: Operator;
  value: unknown;
  nodeId: string;
}

const NEGATED: Record<Operator, Operator> = {
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

function literalsOf(test: ConditionTest, positive: boolean, nodeId: string): Literal[] {
  if (isFactTest(test)) {
    const operator = positive ? test.operator : NEGATED[test.operator];
    return [{ key: `${test.fact}${test.path ?? ''}`, fact: test.fact, operator, value: test.value, nodeId }];
  }
  if ('not' in test) return literalsOf(test.not, !positive, nodeId);
  if ('all' in test && positive) return test.all.flatMap((t) => literalsOf(t, true, nodeId));
  if ('any' in test && !positive) return test.any.flatMap((t) => literalsOf(t, false, nodeId));
  return [];
}

/** Literals a step adds: the condition's test, or a switch case with the earlier cases failing. */
function stepLiterals(node: PolicyNode | GraphNode, handle: string): Literal[] {
  if (node.kind === 'condition') return literalsOf(node.data.test, handle === 'true', node.id);
  if (node.kind !== 'switch') return [];
  const { fact, path, cases } = node.data;
  const taken = handle === DEFAULT_HANDLE ? cases.length : cases.findIndex((c) => c.id === handle);
  return cases.slice(0, taken + 1).flatMap((c, i) => literalsOf({ fact, path, operator: c.operator, value: c.value }, i === taken, node.id));
}

/** Whether a conjunction of literals on one fact can hold. */
function satisfiable(fact: string, literals: Literal[]): boolean {
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
      case 'equal': equals.push(value); break;
      case 'notEqual': notEquals.push(value); break;
      case 'greaterThan': if (n > lo || (n === lo && loIn)) { lo = n; loIn = false; } break;
      case 'greaterThanInclusive': if (n > lo) { lo = n; loIn = true; } break;
      case 'lessThan': if (n < hi || (n === hi && hiIn)) { hi = n; hiIn = false; } break;
      case 'lessThanInclusive': if (n < hi) { hi = n; hiIn = true; } break;
      case 'in': allowed = (allowed ?? (value as unknown[])).filter((v) => (value as unknown[]).includes(v)); break;
      case 'notIn': notEquals.push(...(value as unknown[])); break;
      case 'contains': contains.push(value); break;
      case 'doesNotContain': notContains.push(value); break;
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

function words(l: Literal): string {
  return `${l.fact} ${OPERATOR_SYMBOLS[l.operator]} ${JSON.stringify(l.value)}`;
}

/** Warnings for branches that no facts can reach, given the graph's paths. */
export function findDeadBranches<N extends GraphNode>(index: GraphIndex<N>, paths: GraphPath[]): Diagnostic[] {
  const alive = new Set<string>();
  const dead = new Map<string, Diagnostic>();
  for (const path of paths) {
    const byKey = new Map<string, Literal[]>();
    for (const step of path.steps) {
      const node = index.nodes.get(step.nodeId);
      if (!node) break;
      const added = stepLiterals(node, step.handle);
      let conflict: { before: Literal[]; added: Literal[] } | undefined;
      for (const literal of added) {
        const list = [...(byKey.get(literal.key) ?? []), literal];
        byKey.set(literal.key, list);
        if (!conflict && !satisfiable(literal.fact, list)) conflict = { before: list.filter((l) => l.nodeId !== node.id), added: list.filter((l) => l.nodeId === node.id) };
      }
      const id = `${step.nodeId}\u0000${step.handle}`;
      if (!conflict) {
        alive.add(id);
        continue;
      }
      const because = conflict.before.length > 0 ? ` when ${conflict.before.map((l) => `${words(l)} (from "${l.nodeId}")`).join(' and ')}` : '';
      dead.set(
        id,
        warning(
          DiagnosticCode.DeadBranch,
          `The "${step.handle}" branch of "${step.nodeId}" can never be taken: ${conflict.added.map(words).join(' and ')} cannot hold${because}.`,
          { nodeId: step.nodeId },
        ),
      );
      break;
    }
  }
  return [...dead.entries()].filter(([id]) => !alive.has(id)).map(([, d]) => d);
}
