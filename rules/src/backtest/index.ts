/** Internal: the backtest's pure half (row evaluation, report, gates); `src/index.ts` re-exports it. */
export { evaluateRow } from './evaluate-row';
export type { EvaluateRowOptions } from './evaluate-row';
export { buildBacktestReport } from './backtest-report';
export type { BacktestReport, BacktestMiss, SliceCount, ExpectedCount, PrecisionCount } from './backtest-report';
export { failedGates } from './backtest-gates';
export type { BacktestGates } from './backtest-gates';
export { expectationKey, SENTIMENT_LABELS, STAY_KEY } from './backtest-types';
export type { BacktestRow, BacktestRowResult, BacktestExpectation, BacktestMissDetail, SentimentLabel, SentimentResult } from './backtest-types';
export type { SentimentCheck, SentimentCount } from './sentiment-check';
export { diffRowOutcomes } from './backtest-comparison';
export type { OutcomeChange, OutcomeComparison } from './backtest-comparison';
