/**
 * Finds branches no conversation can take, such as `x > 5` on the `true` side of `x < 3`:
 * along every path, the single-fact tests taken so far are intersected per fact (numeric
 * intervals from the catalog's ranges, equality, list membership). A branch is reported once,
 * as a warning, when it is impossible on every path through it. Groups under `any` (and
 * negated `all`) add no constraint, so the check never reports a live branch as dead.
 */
import { OPERATOR_SYMBOLS, isFactTest, type ConditionTest, type Operator } from '@baton/schemas';
import type { GraphPath } from '../graph/enumerate-paths';
import type { GraphIndex, GraphNode } from '../graph/graph-index';
import { branchingOf } from '../nodes/registry';
import { DiagnosticCode, warning, type Diagnostic } from './diagnostic';
import { NEGATED, satisfiable } from './satisfiable';

interface Literal {
  key: string;
  fact: string;
  operator: Operator;
  value: unknown;
  nodeId: string;
}

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

/** Literals a step adds: the taken branch's test holds and every earlier branch's fails. */
function stepLiterals(node: GraphNode, handle: string): Literal[] {
  const branching = branchingOf(node);
  if (!branching) return [];
  const branches = branching.branches(node);
  const taken = handle === branching.otherwise ? branches.length : branches.findIndex((b) => b.handle === handle);
  return branches.slice(0, taken + 1).flatMap((b, i) => literalsOf(b.test, i === taken, node.id));
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
        if (!conflict && !satisfiable(literal.fact, list))
          conflict = { before: list.filter((l) => l.nodeId !== node.id), added: list.filter((l) => l.nodeId === node.id) };
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
