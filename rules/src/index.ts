export type { SignalResult } from './signals/signals-api';
export { prepareSignals, computeSignals } from './signals';
export type { SignalsModel } from './signals';
export { DiagnosticCode } from './validate/diagnostic';
export type { Diagnostic, Severity, ValidationResult } from './validate/diagnostic';
export { validatePolicyGraph, validatePolicyDocument, validateRoutingGraph } from './validate/validate-graph';
export type { ValidationOptions } from './validate/validate-graph';
export { compileGraph, compilePolicy, compileRoutingGraph, PolicyCompileError } from './compiler/compile-graph';
export type {
  CompiledPolicy,
  CompiledRule,
  CompiledRouting,
  CompiledRouteRule,
  EngineCondition,
  SharedCondition,
  LeafRef,
  DecisionEventParams,
} from './compiler/compiled-policy';
export { runEngine, EvaluationInvariantError } from './evaluate/run-engine';
export { describeNode } from './graph/describe-node';
export { describeTest } from './graph/describe-test';
export { NODE_SPECS } from './nodes/registry';
export { preparePolicy } from './decide/prepare-policy';
export type { PreparedPolicy } from './decide/prepare-policy';
export { decide, decideForLog } from './decide/decide';
export type { DecideOptions } from './decide/decide';
export { canonicalJson } from './decide/canonical-json';
export { prepareRedaction, redactText, redactInput, RedactionPatternError } from './redaction';
export type { RedactionModel } from './redaction';
export { buildContextPackage } from './context/build-context';
export { diffPolicyDocuments } from './diff/diff-policy';
export type { DiffablePolicyDocument } from './diff/diff-policy';
export { diffGraph } from './diff/diff-graph';
export { diffSettings } from './diff/diff-settings';
export { summariseDiff } from './diff/summarise-diff';
export type { FieldChange, NodeChange, EdgeChange, GraphDiff, PhraseListChange, SettingsDiff, PolicyDocumentDiff } from './diff/diff-types';
export { evaluateFacts, IncompleteFactsError } from './decide/evaluate-facts';
export type { RuleOutcome } from './decide/evaluate-facts';
export { compareOutcomes } from './decide/compare-outcomes';
export type { ComparableOutcome } from './decide/compare-outcomes';
export { prepareDirectory, servesQueue } from './routing/prepare-directory';
export type { PreparedDirectory } from './routing/prepare-directory';
export { routeHandoff } from './routing/route-handoff';
export type { RouteHandoffRequest } from './routing/route-handoff';
export type { RouteResult } from './routing/evaluate-routing';
export { estimateWaitSeconds } from './routing/wait-estimate';
export { waitingRoomState, resolveWaitingRoomSettings, updateGapSeconds } from './waiting-room/waiting-room';
export type { WaitingRoomInput, WaitingRoomState } from './waiting-room/waiting-room';
export { ordinal, waitPhrase } from './waiting-room/waiting-phrases';
export { erlangC, erlangCWaitSeconds } from './routing/erlang-c';
export { capacityChannel } from './routing/channel';
export { isValidTimeZone, intervalProblems, isOpen, nextOpening, localClockAt } from './routing/business-hours';
export { evaluateRow, buildBacktestReport, failedGates, expectationKey, diffRowOutcomes, SENTIMENT_LABELS, STAY_KEY } from './backtest';
export type {
  EvaluateRowOptions,
  BacktestReport,
  BacktestMiss,
  SliceCount,
  ExpectedCount,
  PrecisionCount,
  BacktestGates,
  BacktestRow,
  BacktestRowResult,
  BacktestExpectation,
  BacktestMissDetail,
  SentimentLabel,
  SentimentResult,
  SentimentCheck,
  SentimentCount,
  OutcomeChange,
  OutcomeComparison,
} from './backtest';
