import { render, screen } from '@testing-library/react';
import type { ConditionTest, Thresholds } from '@baton/schemas';
import { TestWords } from './test-words';

const thresholds: Thresholds = {
  negativeSentiment: -0.3,
  sharpDropFrom: 0,
  sharpDropTo: -0.5,
  lowConfidence: 0.7,
  hedgedConfidence: 0.5,
  assumedConfidence: 0.9,
  repeatSimilarity: 0.8,
};

const compared = (container: HTMLElement) => [...container.querySelectorAll('.bn-compare')].map((e) => e.textContent);

describe('a condition in words on the canvas', () => {
  it('shows the compared value with its operator and what the threshold makes the fact count', () => {
    const { container } = render(<TestWords test={{ fact: 'lowConfidenceStreak', operator: 'greaterThanInclusive', value: 2 }} thresholds={thresholds} />);
    expect(screen.getByText('low-confidence bot replies in a row')).toHaveAttribute('title', expect.stringContaining('lowConfidenceStreak'));
    expect(compared(container)).toEqual(['≥ 2']);
    expect(screen.getByText('low confidence: below 0.7')).toBeInTheDocument();
  });

  it('puts each branch of an any on its own line, a yes/no fact as "= yes", and each threshold once', () => {
    const test: ConditionTest = {
      any: [
        { fact: 'negativeTurns', operator: 'greaterThanInclusive', value: 2 },
        {
          all: [
            { fact: 'sentimentSharpDrop', operator: 'equal', value: true },
            { fact: 'negativeStreak', operator: 'greaterThanInclusive', value: 1 },
          ],
        },
      ],
    };
    const { container } = render(<TestWords test={test} thresholds={thresholds} />);
    expect([...container.querySelectorAll('.bn-test-line')].map((l) => l.textContent)).toEqual([
      'negative customer messages ≥ 2',
      'or sentiment dropped sharply = yes and negative messages in a row ≥ 1',
    ]);
    expect(compared(container)).toEqual(['≥ 2', '= yes', '≥ 1']);
    expect(container.querySelector('.bn-threshold-note')?.textContent).toBe('negative: sentiment ≤ -0.3 · sharp drop: from ≥ 0 to ≤ -0.5');
  });

  it('shows no threshold line when the thresholds are unknown or shape none of the facts', () => {
    const { container } = render(<TestWords test={{ fact: 'customerTier', operator: 'equal', value: 'vip' }} thresholds={thresholds} />);
    expect(compared(container)).toEqual(['= "vip"']);
    expect(container.querySelector('.bn-threshold-note')).toBeNull();
  });
});
