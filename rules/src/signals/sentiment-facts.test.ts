import { FIXTURE_SETTINGS } from './fixtures/trigger-settings.fixture';
import { AnalysedText } from './message-analysis';
import { sentimentFacts } from './sentiment-facts';

const thresholds = FIXTURE_SETTINGS.thresholds;
const scored = (...scores: number[]) => scores.map((score, i) => ({ message: new AnalysedText(`message ${i}`, i * 2 + 1), score }));

describe('sentimentFacts', () => {
  it('is neutral with no customer message', () => {
    expect(sentimentFacts([], thresholds)).toEqual({
      sentimentLatest: 0,
      sentimentPrevious: 0,
      sentimentMin: 0,
      negativeStreak: 0,
      negativeTurns: 0,
      sentimentSharpDrop: false,
      evidence: {},
      sources: {},
    });
  });

  it('counts trailing messages at or below the negative threshold, inclusive', () => {
    expect(sentimentFacts(scored(-0.8, 0.2, -0.3, -0.6), thresholds).negativeStreak).toBe(2);
    expect(sentimentFacts(scored(-0.8, -0.7, -0.29), thresholds).negativeStreak).toBe(0);
  });

  it('counts every negative message as a negative turn, in a row or not', () => {
    const facts = sentimentFacts(scored(-0.4, 0.5, -0.3, 0.1, -0.29), thresholds);
    expect(facts).toMatchObject({ negativeTurns: 2, negativeStreak: 0 });
    expect(facts.evidence.negativeTurns).toEqual(['customer message 1: "message 0" scored -0.4', 'customer message 5: "message 2" scored -0.3']);
    expect(facts.sources.negativeTurns).toEqual([0, 4]);
  });

  it('reports latest, previous and minimum scores', () => {
    const facts = sentimentFacts(scored(-0.9, 0.4, 0.1), thresholds);
    expect([facts.sentimentLatest, facts.sentimentPrevious, facts.sentimentMin]).toEqual([0.1, 0.4, -0.9]);
  });

  it('detects a sharp drop from >= sharpDropFrom to <= sharpDropTo only', () => {
    expect(sentimentFacts(scored(0, -0.5), thresholds).sentimentSharpDrop).toBe(true);
    expect(sentimentFacts(scored(-0.01, -0.9), thresholds).sentimentSharpDrop).toBe(false);
    expect(sentimentFacts(scored(0.5, -0.49), thresholds).sentimentSharpDrop).toBe(false);
  });

  it('treats the first customer message as a drop from a neutral 0', () => {
    expect(sentimentFacts(scored(-0.9), thresholds)).toMatchObject({ sentimentPrevious: 0, sentimentSharpDrop: true });
    expect(sentimentFacts(scored(-0.5), thresholds).sentimentSharpDrop).toBe(true);
    expect(sentimentFacts(scored(-0.49), thresholds).sentimentSharpDrop).toBe(false);
    expect(sentimentFacts(scored(0.4), thresholds).sentimentSharpDrop).toBe(false);
    // A policy that wants the previous message positive does not count the neutral start.
    expect(sentimentFacts(scored(-0.9), { ...thresholds, sharpDropFrom: 0.1 }).sentimentSharpDrop).toBe(false);
  });

  it('keeps the drop consistent with the previous and latest facts', () => {
    for (const scores of [[-0.9], [0.2, -0.6], [-0.2, -0.9], [0, -0.5], [0.6], []]) {
      const facts = sentimentFacts(scored(...scores), thresholds);
      const expected = scores.length > 0 && facts.sentimentPrevious >= thresholds.sharpDropFrom && facts.sentimentLatest <= thresholds.sharpDropTo;
      expect(facts.sentimentSharpDrop).toBe(expected);
    }
  });

  it('quotes the negative messages by their transcript position', () => {
    const { evidence } = sentimentFacts(scored(0.3, -0.7), thresholds);
    expect(evidence.negativeStreak).toEqual(['customer message 3: "message 1" scored -0.7']);
    expect(evidence.sentimentSharpDrop?.[0]).toBe('sentiment fell from 0.3 (customer message 1) to -0.7 (customer message 3)');
    expect(evidence.sentimentLatest).toHaveLength(1);
  });

  it('says the drop of an opening message is from the neutral start', () => {
    const { evidence } = sentimentFacts(scored(-0.8), thresholds);
    expect(evidence.sentimentSharpDrop).toEqual([
      'sentiment fell from a neutral 0 (no earlier customer message) to -0.8 (customer message 1)',
      'customer message 1: "message 0" scored -0.8',
    ]);
  });
});
