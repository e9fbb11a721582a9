import { render, screen, within } from '@testing-library/react';
import type { DraftDecision } from '../api/types';
import type { CanvasNode } from '../graph/canvas-graph';
import { DecisionView, waitWords } from './DecisionView';

const nodes: CanvasNode[] = [
  { id: 'start', kind: 'start', data: {} },
  { id: 'c_billing', kind: 'condition', label: 'Billing?', data: { test: { fact: 'topics', operator: 'contains', value: 'billing' } } },
  {
    id: 'h_billing',
    kind: 'handoff',
    label: 'Billing desk',
    data: { reasonCode: 'billing_dispute', category: 'CONTENT', queue: 'billing', priority: 'HIGH', message: { en: 'A billing specialist will join.' } },
  },
];
const routingNodes: CanvasNode[] = [{ id: 'r_billing', kind: 'route', label: 'Billing specialists', data: { targets: [{ queue: 'billing' }] } }];

const decision = (language: string, routing: Partial<NonNullable<DraftDecision['routing']>> | null): DraftDecision =>
  ({
    action: 'HANDOFF',
    reasonCode: 'billing_dispute',
    priority: 'HIGH',
    tier: 'HUMAN_LED',
    customerMessage: 'A billing specialist will join.',
    signals: { language },
    reasons: [],
    context: { summary: 'Charged twice.', recommendedActions: [] },
    routing: routing && {
      queueId: 'billing',
      queueName: 'Billing',
      agentId: null,
      agentName: null,
      estimatedWaitSeconds: null,
      fallbackUsed: false,
      nextOpeningAt: null,
      routeNodeId: null,
      routePath: null,
      explanation: ['Target 1: billing: 2 of 5 agent(s) available.'],
      ...routing,
    },
    trace: [
      { nodeId: 'start', kind: 'start', description: '', fact: null, factValue: null, result: 'next', evaluated: true },
      { nodeId: 'c_billing', kind: 'condition', description: '', fact: 'topics', factValue: ['billing'], result: 'true', evaluated: true },
      { nodeId: 'h_billing', kind: 'handoff', description: '', fact: null, factValue: null, result: 'reached', evaluated: true },
    ],
  }) as DraftDecision;

const show = (d: DraftDecision, mismatches: string[] = []) =>
  render(
    <DecisionView
      decision={d}
      nodes={nodes}
      routingNodes={routingNodes}
      thresholds={null}
      nodeName={(id) => nodes.find((n) => n.id === id)?.label ?? id}
      mismatches={mismatches}
      onShowRoute={() => undefined}
    />,
  );

describe('the decision of a test run', () => {
  it('shows queue, agent, wait, route and why', () => {
    show(decision('en', { agentId: 'ag-1', agentName: 'Ana Lima', estimatedWaitSeconds: 0, routeNodeId: 'r_billing' }));
    const routing = within(screen.getByRole('region', { name: 'Routing' }));
    expect(routing.getByText('Ana Lima')).toBeInTheDocument();
    expect(routing.getByText('none: an agent is free now')).toBeInTheDocument();
    expect(routing.getByText(/Billing specialists/)).toBeInTheDocument();
    expect(routing.getByRole('button', { name: 'Show on the routing canvas' })).toBeInTheDocument();
    expect(routing.getByText('Target 1: billing: 2 of 5 agent(s) available.')).toBeInTheDocument();
    expect(screen.queryAllByRole('alert')).toEqual([]);
  });

  it('says when no agent is free and how long the wait is', () => {
    show(decision('en', { estimatedWaitSeconds: 420 }));
    const routing = within(screen.getByRole('region', { name: 'Routing' }));
    expect(routing.getByText(/none free now/)).toBeInTheDocument();
    expect(routing.getByText('about 7 min')).toBeInTheDocument();
    expect(waitWords(null)).toMatch(/^unknown/);
  });

  it("warns when the leaf has no message in the conversation's language", () => {
    show(decision('es', null));
    expect(screen.getByRole('alert')).toHaveTextContent('“Billing desk” has no message in “es”');
    expect(screen.getByRole('alert')).toHaveTextContent("the customer got Baton's built-in Spanish sentence instead");
  });

  it('warns when a sample no longer gives its expected outcome', () => {
    show(decision('en', null), ['expected reason code crisis, got billing_dispute']);
    expect(screen.getByRole('alert')).toHaveTextContent('This sample no longer gives its expected outcome: expected reason code crisis, got billing_dispute.');
  });
});
