/**
 * The shapes of the answers the editor reads, named for the screens that use them. Each is the
 * generated type of its operation (`operations.graphql`, `npm run codegen`); only JSON fields,
 * which the schema leaves untyped, are given the shapes the editor knows them to have.
 */
import type { PolicyGraph, RoutingGraph, TriggerSettings } from '@baton/schemas';
import type {
  DecideHandoffInput,
  EditorAuditLogQuery,
  EditorBacktestMissFragment,
  EditorBacktestRunQuery,
  EditorBacktestRunSummaryFragment,
  EditorDatasetFragment,
  EditorGovernanceQuery,
  EditorGraphDiffFragment,
  EditorPoliciesQuery,
  EditorPolicyDiffQuery,
  EditorPolicyQuery,
  EditorPolicyVersionQuery,
  EditorPolicyVersionsQuery,
  EditorPublishMutation,
  EditorQueuesQuery,
  EditorRunPolicyTestsQuery,
  EditorSampleConversationsQuery,
  EditorTestCasesQuery,
  EditorTestDraftQuery,
  EditorValidateQuery,
  EditorVerifyAuditLogQuery,
  EditorViewerQuery,
  ExpectedOutcomeInput,
} from './generated/operations';

export type { AuditFilter, BacktestStatus, ChangeRequestStatus, Role, StartBacktestInput } from './generated/operations';

/** `T` with the JSON fields named in `J` typed as `J` has them. */
type WithJson<T, J> = Omit<T, keyof J> & J;

/** What a draft or version holds: the escalation graph, its trigger settings and the routing graph. */
interface PolicyContent {
  graph: PolicyGraph;
  settings: TriggerSettings;
  routing: RoutingGraph | null;
}

type Policy = NonNullable<EditorPolicyQuery['policy']>;

export type PolicySummary = EditorPoliciesQuery['policies'][number];

export type VersionSummary = EditorPolicyVersionsQuery['policyVersions'][number];

/** A published version with its content (read-only on the canvas). */
export type VersionDetail = WithJson<NonNullable<EditorPolicyVersionQuery['policyVersion']>, PolicyContent>;

export type PolicyDetail = WithJson<Policy, { draft: WithJson<Policy['draft'], PolicyContent> }>;

export type ValidationResult = EditorValidateQuery['validatePolicyGraph'];

/** A conversation as the test panel edits it: a DecideHandoffInput as JSON. */
export type ConversationInput = DecideHandoffInput;

export type DraftDecision = WithJson<EditorTestDraftQuery['testPolicyDraft'], { signals: Record<string, unknown> }>;

export type DecisionTraceStep = DraftDecision['trace'][number];

export type SampleConversation = WithJson<EditorSampleConversationsQuery['sampleConversations'][number], { input: ConversationInput }>;

/** What publishing did: a version published at once, or a change request waiting for approvals. */
export type PublishOutcome = EditorPublishMutation['publishPolicy'];

/** The signed-in key: its role and the root fields it may call (`Mutation.savePolicyDraft`). */
export type Viewer = EditorViewerQuery['viewer'];

/** The server's `policyDiff`: what changed from one version to another (or the draft, `to` null). */
export type PolicyDiff = EditorPolicyDiffQuery['policyDiff'];

export type GraphDiff = EditorGraphDiffFragment;

/** One changed value of a diff (path dotted from the node, edge or settings root). */
export type FieldChange = GraphDiff['nodesChanged'][number]['fields'][number];

export type Governance = NonNullable<EditorGovernanceQuery['policy']>;

export type ChangeRequest = Governance['changeRequests'][number];

export type ExpectedOutcome = ExpectedOutcomeInput;

type TestCasesPolicy = NonNullable<EditorTestCasesQuery['policy']>;

export type PolicyTestCase = WithJson<TestCasesPolicy['testCases'][number], { input: ConversationInput }>;

export type PolicyTestRun = EditorRunPolicyTestsQuery['runPolicyTests'];

export type AuditPage = EditorAuditLogQuery['auditLog'];

export type AuditVerification = EditorVerifyAuditLogQuery['verifyAuditLog'];

export type DirectoryQueue = EditorQueuesQuery['queues'][number];

/** A stored dataset of past conversations to backtest on. */
export type Dataset = EditorDatasetFragment;

/** What a dataset row should get, as imported: a DatasetRow's `expected` JSON. */
export interface RowExpectation {
  action?: string;
  reasonCode?: string;
  queueId?: string;
}

/** One stored (redacted) row of a dataset: its conversation as the test panel loads it. */
export interface DatasetRow {
  id: string;
  line: number;
  input: ConversationInput;
  expected: RowExpectation | null;
}

/** A backtest run without its report: status and progress. */
export type BacktestRunSummary = EditorBacktestRunSummaryFragment;

/** A run with its report and comparison once SUCCEEDED. */
export type BacktestRun = NonNullable<EditorBacktestRunQuery['backtestRun']>;

export type BacktestReport = NonNullable<BacktestRun['report']>;

export type BacktestComparison = NonNullable<BacktestRun['comparison']>;

/** A row whose expectation the run missed (a false negative or a false positive). */
export type BacktestMiss = EditorBacktestMissFragment;
