import type { Thresholds } from '@baton/schemas';
import type { DecisionTraceStep } from '../api/types';
import type { CanvasNode } from '../graph/canvas-graph';
import { stepWords } from './step-words';

const thresholds = { lowConfidence: 0.7, negativeSentiment: -0.3 } as Thresholds;

const step = (over: Partial<DecisionTraceStep>): DecisionTraceStep => ({
  nodeId: 'n',
  kind: 'condition',
  description: '',
  fact: null,
  factValue: null,
  result: 'false',
  evaluated: true,
  ...over,
});

describe('stepWords', () => {
  it('phrases a compared fact with its description, the threshold it needs and the policy threshold behind it', () => {
    const node: CanvasNode = {
      id: 'c_low',
      kind: 'condition',
      data: { test: { fact: 'lowConfidenceStreak', operator: 'greaterThanInclusive', value: 2 } },
    };
    const words = stepWords(step({ nodeId: 'c_low', fact: 'lowConfidenceStreak', factValue: 0, result: 'false' }), node, thresholds);
    expect(words.outcome).toBe('no');
    expect(words.lines).toEqual([
      {
        phrase: 'low-confidence bot replies in a row',
        description: 'How many of the latest bot replies in a row are below the low-confidence threshold.',
        value: '0',
        needs: '≥ 2',
        threshold: 'low confidence: below 0.7',
      },
    ]);
  });

  it('splits a group step into one line per fact and says yes / no for yes/no facts', () => {
    const node: CanvasNode = {
      id: 'c_upset',
      kind: 'condition',
      data: {
        test: {
          any: [
            { fact: 'negativeTurns', operator: 'greaterThanInclusive', value: 2 },
            { fact: 'sentimentSharpDrop', operator: 'equal', value: true },
          ],
        },
      },
    };
    const words = stepWords(
      step({ fact: 'negativeTurns, sentimentSharpDrop', factValue: { negativeTurns: 3, sentimentSharpDrop: false }, result: 'true' }),
      node,
      thresholds,
    );
    expect(words.outcome).toBe('yes');
    expect(words.lines.map((l) => [l.phrase, l.value, l.needs])).toEqual([
      ['negative customer messages', '3', '≥ 2'],
      ['sentiment dropped sharply', 'no', 'yes'],
    ]);
    expect(words.lines[0]?.threshold).toBe('negative: sentiment ≤ -0.3');
  });

  it('names the switch case taken, or the default', () => {
    const node: CanvasNode = {
      id: 's_tier',
      kind: 'switch',
      data: { fact: 'customerTier', cases: [{ id: 'vip', label: 'VIP', operator: 'equal', value: 'vip' }] },
    };
    expect(stepWords(step({ fact: 'customerTier', factValue: 'vip', result: 'vip' }), node, thresholds).outcome).toBe('case “VIP”');
    const other = stepWords(step({ fact: 'customerTier', factValue: 'pro', result: 'default' }), node, thresholds);
    expect(other.outcome).toBe('none matched (default)');
    expect(other.lines[0]).toMatchObject({ value: 'pro', needs: '= "vip"' });
  });

  it('still reads the value when the node is gone from the draft', () => {
    const words = stepWords(step({ fact: 'channel', factValue: 'chat', result: 'true' }), undefined, null);
    expect(words.lines[0]).toMatchObject({ phrase: 'channel', value: 'chat', needs: null, threshold: null });
  });
});
