/**
 * Test-only fast-check arbitraries shared by the property tests of escalation trees and routing
 * graphs: condition tests over facts of every type (nested groups, a JSONPath), graph blueprints
 * (conditions, switches, decision tables in escalation trees, leaves shared by several paths)
 * and fact sets to run them on.
 */
import fc from 'fast-check';
import type { ConditionNode, ConditionTest, DecisionTableNode, FactTest, PolicyEdge, StartNode, SwitchNode } from '@baton/schemas';

const TIERS = ['free', 'pro', 'vip', 'enterprise'];
const TOPICS = ['security', 'legal', 'billing_dispute', 'cancellation'];
const PLANS = ['basic', 'plus', 'max'];

const numericTest: fc.Arbitrary<FactTest> = fc.record({
  fact: fc.constantFrom('negativeStreak', 'botReplyCount', 'sentimentLatest'),
  operator: fc.constantFrom('equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'),
  value: fc.integer({ min: -1, max: 4 }),
}) as fc.Arbitrary<FactTest>;
const booleanTest = fc.record({
  fact: fc.constantFrom('humanRequested', 'sentimentSharpDrop'),
  operator: fc.constantFrom('equal', 'notEqual'),
  value: fc.boolean(),
}) as fc.Arbitrary<FactTest>;
const stringTest = fc.oneof(
  fc.record({ fact: fc.constant('customerTier'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.constantFrom(...TIERS) }),
  fc.record({ fact: fc.constant('customerTier'), operator: fc.constantFrom('in', 'notIn'), value: fc.subarray(TIERS) }),
) as fc.Arbitrary<FactTest>;
const listTest = fc.record({
  fact: fc.constant('topics'),
  operator: fc.constantFrom('contains', 'doesNotContain'),
  value: fc.constantFrom(...TOPICS),
}) as fc.Arbitrary<FactTest>;
const pathTest = fc.record({
  fact: fc.constant('attributes'),
  path: fc.constant('$.plan'),
  operator: fc.constantFrom('equal', 'notEqual'),
  value: fc.constantFrom(...PLANS),
}) as fc.Arbitrary<FactTest>;
const factTest = fc.oneof(numericTest, booleanTest, stringTest, listTest, pathTest);

const conditionTest: fc.Arbitrary<ConditionTest> = fc.letrec<{ test: ConditionTest }>((tie) => ({
  test: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    factTest,
    fc.record({ all: fc.array(tie('test'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('test'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('test') }),
  ),
})).test;

/**
 * A blueprint tree; leaves index into a small pool (0..3) so several paths share a leaf (a DAG).
 * A table's rows are lists of fact tests, at most one per fact (an empty row matches anything).
 */
export type Blueprint =
  | { leaf: number }
  | { test: ConditionTest; yes: Blueprint; no: Blueprint }
  | { cases: number[]; branches: Blueprint[]; otherwise: Blueprint }
  | { rows: FactTest[][]; branches: Blueprint[]; otherwise: Blueprint };

const row = fc.uniqueArray(factTest, { maxLength: 3, selector: (t) => `${t.fact}${t.path ?? ''}` });

function blueprintOf(tables: boolean): fc.Arbitrary<Blueprint> {
  return fc.letrec<{ node: Blueprint }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth: 5 },
      fc.record({ leaf: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ test: conditionTest, yes: tie('node'), no: tie('node') }),
      fc.integer({ min: 1, max: 3 }).chain((n) =>
        fc.record({
          cases: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
          branches: fc.array(tie('node'), { minLength: n, maxLength: n }),
          otherwise: tie('node'),
        }),
      ),
      ...(tables
        ? [
            fc.integer({ min: 1, max: 3 }).chain((n) =>
              fc.record({
                rows: fc.array(row, { minLength: n, maxLength: n }),
                branches: fc.array(tie('node'), { minLength: n, maxLength: n }),
                otherwise: tie('node'),
              }),
            ),
          ]
        : []),
    ),
  })).node;
}

/** Blueprints of routing graphs: conditions and switches. */
export const blueprint: fc.Arbitrary<Blueprint> = blueprintOf(false);
/** Blueprints of escalation trees: decision tables as well. */
export const policyBlueprint: fc.Arbitrary<Blueprint> = blueprintOf(true);

/** A decision table whose columns are the distinct facts (and paths) its rows test. */
function tableData(rows: FactTest[][]): DecisionTableNode['data'] {
  const keys = [...new Set(rows.flat().map((t) => `${t.fact}${t.path ?? ''}`))];
  const columns = keys.map((key, i) => {
    const test = rows.flat().find((t) => `${t.fact}${t.path ?? ''}` === key) as FactTest;
    return { id: `k${i}`, fact: test.fact, ...(test.path === undefined ? {} : { path: test.path }) };
  });
  return {
    columns: columns.length > 0 ? columns : [{ id: 'k0', fact: 'botReplyCount' }],
    rows: rows.map((tests, r) => ({
      id: `r${r}`,
      cells: Object.fromEntries(tests.map((t) => [`k${keys.indexOf(`${t.fact}${t.path ?? ''}`)}`, { operator: t.operator, value: t.value }])),
    })),
  };
}

/**
 * The graph a blueprint draws: a start node, its conditions, switches (on `botReplyCount`) and
 * decision tables, and one node per leaf index, made by `leafNode`.
 */
export function buildGraph<L extends { id: string }>(
  plan: Blueprint,
  leafNode: (leaf: number, id: string) => L,
): { nodes: (StartNode | ConditionNode | SwitchNode | DecisionTableNode | L)[]; edges: PolicyEdge[] } {
  const nodes: (StartNode | ConditionNode | SwitchNode | DecisionTableNode | L)[] = [{ id: 'start', kind: 'start', data: {} }];
  const edges: PolicyEdge[] = [];
  const leaves = new Map<number, string>();
  let counter = 0;
  const place = (bp: Blueprint): string => {
    if ('leaf' in bp) {
      const existing = leaves.get(bp.leaf);
      if (existing) return existing;
      const id = `leaf${bp.leaf}`;
      leaves.set(bp.leaf, id);
      nodes.push(leafNode(bp.leaf, id));
      return id;
    }
    const id = `n${counter++}`;
    if ('test' in bp) {
      nodes.push({ id, kind: 'condition', data: { test: bp.test } });
      edges.push({ id: `${id}t`, source: id, sourceHandle: 'true', target: place(bp.yes) });
      edges.push({ id: `${id}f`, source: id, sourceHandle: 'false', target: place(bp.no) });
      return id;
    }
    if ('rows' in bp) {
      nodes.push({ id, kind: 'decisionTable', data: tableData(bp.rows) });
      bp.branches.forEach((b, i) => edges.push({ id: `${id}r${i}`, source: id, sourceHandle: `r${i}`, target: place(b) }));
      edges.push({ id: `${id}d`, source: id, sourceHandle: 'default', target: place(bp.otherwise) });
      return id;
    }
    const cases = bp.cases.map((v, i) => ({ id: `c${i}`, operator: 'greaterThanInclusive' as const, value: v }));
    nodes.push({ id, kind: 'switch', data: { fact: 'botReplyCount', cases } });
    bp.branches.forEach((b, i) => edges.push({ id: `${id}c${i}`, source: id, sourceHandle: `c${i}`, target: place(b) }));
    edges.push({ id: `${id}d`, source: id, sourceHandle: 'default', target: place(bp.otherwise) });
    return id;
  };
  edges.push({ id: 'e_start', source: 'start', target: place(plan) });
  return { nodes, edges };
}

/** Values for every fact the condition tests above read. */
export const testedFacts = fc.record({
  negativeStreak: fc.integer({ min: 0, max: 5 }),
  botReplyCount: fc.integer({ min: 0, max: 6 }),
  sentimentLatest: fc.double({ min: -1, max: 1, noNaN: true }),
  humanRequested: fc.boolean(),
  sentimentSharpDrop: fc.boolean(),
  customerTier: fc.constantFrom(...TIERS, ''),
  topics: fc.subarray(TOPICS),
  attributes: fc.oneof(fc.constant({}), fc.record({ plan: fc.constantFrom(...PLANS) })),
});
