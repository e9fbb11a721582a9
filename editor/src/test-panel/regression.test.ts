import type { DraftDecision } from '../api/types';
import type { CanvasNode } from '../graph/canvas-graph';
import { inBatches, leafQueueOf, outcomeWords, sampleMismatches } from './regression';

const nodes: CanvasNode[] = [
  { id: 'start', kind: 'start', data: {} },
  { id: 'h_billing', kind: 'handoff', data: { reasonCode: 'billing_dispute', category: 'CONTENT', queue: 'billing', priority: 'HIGH' } },
  { id: 'stay', kind: 'stay', data: { reasonCode: 'ai_resolving' } },
];

const decisionAt = (leaf: string, action: DraftDecision['action'], reasonCode: string) =>
  ({
    action,
    reasonCode,
    trace: [
      { nodeId: 'start', evaluated: true },
      { nodeId: leaf, evaluated: true },
      { nodeId: 'other', evaluated: false },
    ],
  }) as unknown as DraftDecision;

describe('regression bookkeeping', () => {
  it('reads the queue on the leaf reached, none for a stay', () => {
    expect(leafQueueOf(decisionAt('h_billing', 'HANDOFF', 'billing_dispute'), nodes)).toBe('billing');
    expect(leafQueueOf(decisionAt('stay', 'STAY', 'ai_resolving'), nodes)).toBeNull();
  });

  it('lists every field where a sample differs from what it expects', () => {
    const expected = { action: 'HANDOFF', reasonCode: 'billing_dispute', queue: 'billing' } as const;
    expect(sampleMismatches(expected, decisionAt('h_billing', 'HANDOFF', 'billing_dispute'), 'billing')).toEqual([]);
    expect(sampleMismatches(expected, decisionAt('stay', 'STAY', 'ai_resolving'), null)).toEqual([
      'expected action HANDOFF, got STAY',
      'expected reason code billing_dispute, got ai_resolving',
      'expected queue billing, got none',
    ]);
    expect(outcomeWords({ ...expected })).toBe('HANDOFF · billing_dispute → billing');
  });

  it('runs tasks a few at a time and keeps their order', async () => {
    let running = 0;
    let most = 0;
    const results = await inBatches([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running -= 1;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(2);
  });
});
