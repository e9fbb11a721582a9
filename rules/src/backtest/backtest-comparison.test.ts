import { diffRowOutcomes } from './backtest-comparison';
import type { BacktestRowResult } from './backtest-types';

const result = (id: string, line: number, got: string, expected: string | null = null): BacktestRowResult => ({
  id,
  line,
  language: 'en',
  channel: null,
  expected,
  got,
  action: got === 'none' ? 'STAY' : 'HANDOFF',
  queueId: null,
  matched: null,
  turns: 1,
  handoffTurn: null,
});

describe('diffRowOutcomes', () => {
  const before = [result('a', 1, 'none'), result('b', 2, 'billing_dispute'), result('c', 3, 'none'), result('d', 4, 'none')];
  const after = [result('d', 4, 'security_incident'), result('c', 3, 'security_incident', 'security_incident'), result('b', 2, 'none'), result('a', 1, 'none')];

  it('lists the rows whose outcome changed in line order and counts each change', () => {
    const comparison = diffRowOutcomes(before, after, 10);
    expect(comparison.changed).toBe(3);
    expect(comparison.changes.map((change) => [change.id, change.before, change.after])).toEqual([
      ['b', 'billing_dispute', 'none'],
      ['c', 'none', 'security_incident'],
      ['d', 'none', 'security_incident'],
    ]);
    expect(comparison.changes[1]?.expected).toBe('security_incident');
    expect(comparison.byChange).toEqual({ 'none → security_incident': 2, 'billing_dispute → none': 1 });
    expect(Object.keys(comparison.byChange)[0]).toBe('none → security_incident');
  });

  it('keeps the counts whole when the list is cut', () => {
    const comparison = diffRowOutcomes(before, after, 1);
    expect(comparison.changed).toBe(3);
    expect(comparison.changes).toHaveLength(1);
  });

  it('finds no change between identical results', () => {
    expect(diffRowOutcomes(before, before, 10)).toEqual({ changed: 0, byChange: {}, changes: [] });
  });
});
