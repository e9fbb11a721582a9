import { render, screen, within } from '@testing-library/react';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import type { CallbackNode, ConditionNode, HandoffNode, PolicyNode } from '@baton/schemas';
import type { DecisionTraceStep } from '../api/types';
import { toFlowNodes } from '../graph/graph-mapping';
import { NODE_TYPES } from '../nodes/registry';
import { CanvasOverlayContext, EMPTY_OVERLAY, type CanvasOverlay } from './canvas-overlay';

/** Renders nodes through React Flow as the canvas does, under `overlay`. */
function renderOnCanvas(nodes: PolicyNode[], overlay: Partial<CanvasOverlay> = {}) {
  render(
    <CanvasOverlayContext.Provider value={{ ...EMPTY_OVERLAY, ...overlay }}>
      <ReactFlowProvider>
        <div style={{ width: 800, height: 600 }}>
          <ReactFlow nodes={toFlowNodes({ nodes, edges: [] })} edges={[]} nodeTypes={NODE_TYPES} />
        </div>
      </ReactFlowProvider>
    </CanvasOverlayContext.Provider>,
  );
}

const leafData = { reasonCode: 'security_incident', category: 'CONTENT', priority: 'URGENT' } as const;
const handoff: HandoffNode = { id: 'h_security', kind: 'handoff', label: 'Security', position: { x: 0, y: 0 }, data: { ...leafData, queue: 'trust_safety' } };
const callback: CallbackNode = {
  id: 'cb_legal',
  kind: 'callback',
  label: 'Call back',
  position: { x: 0, y: 200 },
  data: { ...leafData, queue: 'night_shift' },
};

describe('canvas words name things, not ids', () => {
  it('a handoff or callback leaf names its queue as the directory does, and its id when the directory does not know it', () => {
    renderOnCanvas([handoff, callback], { queueNames: new Map([['trust_safety', 'Trust & Safety']]) });
    expect(within(screen.getByTestId('node-h_security')).getByText('Hand off to Trust & Safety · URGENT')).toBeInTheDocument();
    expect(within(screen.getByTestId('node-cb_legal')).getByText('Callback from night_shift · URGENT')).toBeInTheDocument();
  });

  it('a test run on a group condition shows what it saw by the facts’ phrases, on one line', () => {
    const upset: ConditionNode = {
      id: 'c_upset',
      kind: 'condition',
      label: 'Customer upset?',
      position: { x: 0, y: 0 },
      data: {
        test: {
          any: [
            { fact: 'negativeTurns', operator: 'greaterThanInclusive', value: 2 },
            { fact: 'sentimentSharpDrop', operator: 'equal', value: true },
          ],
        },
      },
    };
    const step: DecisionTraceStep = {
      nodeId: 'c_upset',
      kind: 'condition',
      description: 'negative customer messages ≥ 2 or sentiment dropped sharply',
      fact: 'negativeTurns, sentimentSharpDrop',
      factValue: { negativeTurns: 0, sentimentSharpDrop: false },
      result: 'false',
      evaluated: true,
    };
    renderOnCanvas([upset], { trace: new Map([['c_upset', step]]) });
    const badge = screen.getByTestId('node-c_upset').querySelector('.bn-trace-value');
    expect(badge?.textContent).toBe('saw negative customer messages: 0 · sentiment dropped sharply: no → false');
    expect(badge?.getAttribute('title')).toContain('negative customer messages: 0 · sentiment dropped sharply: no');
  });
});
