import type { BacktestRowResult, SentimentLabel } from './backtest-types';
import { buildSentimentCheck } from './sentiment-check';

const row = (language: string, expected: SentimentLabel, score: number): BacktestRowResult => ({
  id: `${language}-${expected}-${score}`,
  line: 1,
  language,
  channel: null,
  expected: null,
  got: 'none',
  action: 'STAY',
  queueId: null,
  matched: null,
  turns: 1,
  handoffTurn: null,
  sentiment: { expected, score, threshold: -0.3, language },
});

describe('buildSentimentCheck', () => {
  it('is null without sentiment rows', () => {
    expect(buildSentimentCheck([{ ...row('en', 'negative', -1), sentiment: undefined }])).toBeNull();
  });

  it('counts per language and label the rows at or below the threshold', () => {
    const check = buildSentimentCheck([row('pt', 'negative', -0.3), row('pt', 'negative', -0.29), row('en', 'neutral', -0.6), row('en', 'positive', 0.4)]);
    expect(check?.threshold).toBe(-0.3);
    expect(Object.keys(check?.byLanguage ?? {})).toEqual(['en', 'pt']);
    expect(check?.byLanguage.pt?.negative).toEqual({ total: 2, negative: 1, share: 0.5 });
    expect(check?.byLanguage.en?.neutral).toEqual({ total: 1, negative: 1, share: 1 });
    expect(check?.byLanguage.en?.positive).toEqual({ total: 1, negative: 0, share: 0 });
    expect(check?.byLanguage.en?.negative).toEqual({ total: 0, negative: 0, share: 0 });
  });
});
