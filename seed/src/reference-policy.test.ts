import Ajv from 'ajv';
import {
  FACT_CATALOG,
  OPERATORS_BY_FACT_TYPE,
  PolicyDocumentSchema,
  PolicyGraphSchema,
  isFactName,
  isFactTest,
  type ConditionTest,
  type PolicyEdge,
  type PolicyGraph,
  type PolicyNode,
} from '@baton/schemas';
import { referencePolicy } from './reference-policy';

const graph: PolicyGraph = referencePolicy.document.graph;
const LANGUAGES = ['en', 'es', 'pt', 'de', 'fr'];

const node = (id: string): PolicyNode => {
  const found = graph.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
};
const outgoing = (id: string): PolicyEdge[] => graph.edges.filter((e) => e.source === id);
const target = (id: string, handle: string | undefined): PolicyNode => {
  const edges = outgoing(id).filter((e) => e.sourceHandle === handle);
  expect(edges).toHaveLength(1);
  return node(edges[0]!.target);
};
const factTests = (test: ConditionTest): { fact: string; operator: string }[] => {
  if (isFactTest(test)) return [test];
  if ('all' in test) return test.all.flatMap(factTests);
  if ('any' in test) return test.any.flatMap(factTests);
  return factTests(test.not);
};
const schemaErrors = (schema: object, data: unknown): unknown => {
  // A fresh Ajv per schema: the document schema embeds the graph schema's $id.
  const validate = new Ajv({ allErrors: true }).compile(schema);
  return validate(data) ? null : validate.errors;
};

describe('reference policy graph', () => {
  it('validates against PolicyGraphSchema', () => {
    expect(schemaErrors(PolicyGraphSchema, graph)).toBeNull();
  });

  it('would be rejected by the schema if a node were malformed', () => {
    const broken = { ...graph, nodes: [...graph.nodes, { id: 'x', kind: 'teleport', data: {} }] };
    expect(schemaErrors(PolicyGraphSchema, broken)).not.toBeNull();
  });

  it('validates as a whole document (graph plus trigger settings) against PolicyDocumentSchema', () => {
    expect(schemaErrors(PolicyDocumentSchema, referencePolicy.document)).toBeNull();
    expect(referencePolicy).toMatchObject({ id: 'support-default', name: 'Support default' });
  });

  it('has unique node and edge ids, edges between existing nodes, one start, and a tree shape', () => {
    const ids = graph.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
    expect(graph.nodes.filter((n) => n.kind === 'start').map((n) => n.id)).toEqual(['start']);
    for (const e of graph.edges) {
      expect(ids).toContain(e.source);
      expect(ids).toContain(e.target);
    }
    for (const n of graph.nodes) {
      const incoming = graph.edges.filter((e) => e.target === n.id).length;
      expect([n.id, incoming]).toEqual([n.id, n.kind === 'start' ? 0 : 1]);
    }
  });

  it('gives every node exactly the outputs its kind has', () => {
    for (const n of graph.nodes) {
      const handles = outgoing(n.id)
        .map((e) => e.sourceHandle ?? null)
        .sort();
      const expected =
        n.kind === 'start'
          ? [null]
          : n.kind === 'condition'
            ? ['false', 'true']
            : n.kind === 'switch'
              ? [...n.data.cases.map((c) => c.id), 'default'].sort()
              : [];
      expect([n.id, handles]).toEqual([n.id, expected]);
    }
  });

  it('tests only catalog facts, with operators allowed for their type', () => {
    for (const n of graph.nodes) {
      const tests =
        n.kind === 'condition' ? factTests(n.data.test) : n.kind === 'switch' ? n.data.cases.map((c) => ({ fact: n.data.fact, operator: c.operator })) : [];
      for (const { fact, operator } of tests) {
        expect(isFactName(fact)).toBe(true);
        if (isFactName(fact)) expect(OPERATORS_BY_FACT_TYPE[FACT_CATALOG[fact].type]).toContain(operator);
      }
    }
  });

  it('draws the reference table in order: each false edge leads to the next trigger, the last to stay', () => {
    const table = [
      ['c_crisis', 'crisis', 'CONTENT', 'trust_safety', 'URGENT'],
      ['c_security', 'security_incident', 'CONTENT', 'trust_safety', 'URGENT'],
      ['c_legal', 'legal_compliance', 'CONTENT', 'compliance', 'HIGH'],
      ['c_billing_dispute', 'billing_dispute', 'CONTENT', 'billing', 'HIGH'],
      ['c_cancellation', 'cancellation', 'CONTENT', 'retention', 'HIGH'],
      ['c_human_request', 'customer_request', 'CUSTOMER_REQUEST', 'general', 'NORMAL'],
      ['c_enterprise', 'enterprise_account', 'BUSINESS', 'enterprise', 'HIGH'],
      ['c_negative_sentiment', 'negative_sentiment', 'SENTIMENT', 'vip|senior', 'HIGH'],
      ['c_low_confidence', 'low_confidence', 'CONFIDENCE', 'general', 'NORMAL'],
      ['c_repeated_question', 'repeated_question', 'BEHAVIOR', 'general', 'NORMAL'],
      ['c_no_progress', 'no_progress', 'BEHAVIOR', 'general', 'NORMAL'],
    ];
    const leafRow = (n: PolicyNode) => (n.kind === 'handoff' ? [n.data.reasonCode, n.data.category, n.data.queue, n.data.priority] : [n.kind]);
    const drawn: string[][] = [];
    let current = target('start', undefined);
    while (current.kind === 'condition') {
      let taken = target(current.id, 'true');
      let queue: string | undefined;
      if (taken.kind === 'switch') {
        expect(taken.data).toEqual({ fact: 'customerTier', cases: [{ id: 'vip', label: 'VIP', operator: 'equal', value: 'vip' }] });
        const vip = target(taken.id, 'vip');
        taken = target(taken.id, 'default');
        expect(leafRow(vip)).toEqual(['negative_sentiment', 'SENTIMENT', 'vip', 'HIGH']);
        queue = `vip|${taken.kind === 'handoff' ? taken.data.queue : ''}`;
      }
      const [reasonCode, category, leafQueue, priority] = leafRow(taken);
      drawn.push([current.id, reasonCode!, category!, queue ?? leafQueue!, priority!]);
      current = target(current.id, 'false');
    }
    expect(drawn).toEqual(table);
    expect(current).toMatchObject({ id: 'stay_default', kind: 'stay', data: { reasonCode: 'ai_resolving' } });
  });

  it('gives every handoff leaf a description, a tier and a message in en, es, pt, de, fr with known placeholders', () => {
    const handoffs = graph.nodes.filter((n) => n.kind === 'handoff');
    expect(handoffs).toHaveLength(12);
    for (const n of handoffs) {
      expect(n.data.description).toEqual(expect.any(String));
      const tier = ['low_confidence', 'repeated_question', 'no_progress'].includes(n.data.reasonCode) ? 'AI_ASSISTED' : 'HUMAN_LED';
      expect([n.id, n.data.tier]).toEqual([n.id, tier]);
      expect(Object.keys(n.data.message ?? {}).sort()).toEqual([...LANGUAGES].sort());
      for (const text of Object.values(n.data.message ?? {})) {
        expect(text.trim().length).toBeGreaterThan(20);
        for (const placeholder of text.match(/\{[^}]*\}/g) ?? []) expect(['{customerName}', '{queueName}']).toContain(placeholder);
      }
    }
  });

  it('labels and places every node: no two on one spot, every edge pointing right or down', () => {
    for (const n of graph.nodes) expect([n.id, typeof n.label, typeof n.position]).toEqual([n.id, 'string', 'object']);
    const spots = graph.nodes.map((n) => `${n.position?.x},${n.position?.y}`);
    expect(new Set(spots).size).toBe(graph.nodes.length);
    for (const e of graph.edges) {
      const [from, to] = [node(e.source).position!, node(e.target).position!];
      expect([e.id, to.x > from.x || (to.x === from.x && to.y > from.y)]).toEqual([e.id, true]);
    }
  });
});
