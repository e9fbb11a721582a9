import type { PolicyGraph } from '@baton/schemas';
import seedGraph from '../../../seed/src/policies/support-default/graph.json';
import { searchNodes } from './node-search';

const nodes = (seedGraph as unknown as PolicyGraph).nodes;

describe('canvas search', () => {
  it('finds nodes by name, case-insensitively, a node named by the query first', () => {
    expect(searchNodes(nodes, 'customer UPSET')[0]).toBe('c_negative_sentiment');
    expect(searchNodes(nodes, 'bot unsure')).toEqual(['c_low_confidence']);
  });

  it('finds nodes by fact (internal name or words), compared value and queue', () => {
    expect(searchNodes(nodes, 'lowConfidenceStreak')).toEqual(['c_low_confidence']);
    expect(searchNodes(nodes, 'low-confidence bot replies')).toEqual(['c_low_confidence']);
    expect(searchNodes(nodes, 'billing_dispute')).toContain('c_billing_dispute');
    expect(searchNodes(nodes, 'retention')).toEqual(['h_cancellation']);
  });

  it('lists matches of one rank top to bottom, and nothing for a blank query', () => {
    const general = searchNodes(nodes, 'general');
    const ys = general.map((id) => nodes.find((n) => n.id === id)?.position?.y ?? 0);
    expect(general.length).toBeGreaterThan(2);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(searchNodes(nodes, '   ')).toEqual([]);
  });
});
