/**
 * Typed calls to Baton's GraphQL API over the generated documents of `operations.graphql`.
 * Every call throws what Apollo throws; callers turn it into an `ApiProblem` with `toApiProblem`.
 */
import type { ApolloClient } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import type { PolicyGraph, RoutingGraph, TriggerSettings } from '@baton/schemas';
import {
  EditorActivateVersionDocument,
  EditorRequestActivationDocument,
  EditorApproveDocument,
  EditorAuditLogDocument,
  EditorBacktestRunDocument,
  EditorBacktestRunsDocument,
  EditorCancelBacktestDocument,
  EditorCreateDatasetFromSuggestionDocument,
  EditorCreatePolicyDocument,
  EditorDatasetRowDocument,
  EditorDatasetsDocument,
  EditorDecisionDocument,
  EditorDecisionsDocument,
  EditorReplayDecisionDocument,
  EditorDeleteDatasetDocument,
  EditorGovernanceDocument,
  EditorHandoffKpisDocument,
  EditorHandoffSuggestionsDocument,
  EditorPoliciesDocument,
  EditorPolicyDiffDocument,
  EditorPolicyDocument,
  EditorPolicyVersionDocument,
  EditorPolicyVersionsDocument,
  EditorPublishDocument,
  EditorQueueStatusDocument,
  EditorQueuesDocument,
  EditorRejectDocument,
  EditorRemoveTestCaseDocument,
  EditorRunPolicyTestsDocument,
  EditorSampleConversationsDocument,
  EditorCustomerTiersDocument,
  EditorSaveDraftDocument,
  EditorSaveTestCaseDocument,
  EditorSetRequiredApprovalsDocument,
  EditorStartBacktestDocument,
  EditorTestCasesDocument,
  EditorTestDraftDocument,
  EditorValidateDocument,
  EditorVerifyAuditLogDocument,
  EditorViewerDocument,
  EditorApiKeysDocument,
  EditorCreateApiKeyDocument,
  EditorRevokeApiKeyDocument,
  EditorKeyNamesDocument,
  EditorRequestReviewDocument,
  EditorDirectoryDocument,
  EditorUpsertQueueDocument,
  EditorUpsertAgentDocument,
  EditorRemoveAgentDocument,
  EditorSetAgentPresenceDocument,
  type AgentInput,
  type AgentStatus,
  type EditorAgentDetailFragment,
  type EditorApiKeyFragment,
  type EditorCreateApiKeyMutation,
  type EditorDirectoryQuery,
  type EditorKeyNamesQuery,
  type EditorQueueDetailFragment,
  type EditorQueueStatusSubscription,
  type QueueInput,
  type Role,
  type DecisionFilter,
  type EditorApproveMutation,
  type EditorDecisionsQuery,
  type EditorReplayDecisionQuery,
  type EditorHandoffKpisQuery,
  type EditorHandoffSuggestionsQuery,
  type EditorLoggedDecisionFragment,
  type KpiBucket,
  type KpiFilter,
  type SuggestionDatasetInput,
  type EditorSaveDraftMutation,
} from './generated/operations';
import type {
  AuditFilter,
  AuditPage,
  AuditVerification,
  BacktestRun,
  BacktestRunSummary,
  ConversationInput,
  Dataset,
  DatasetRow,
  DirectoryQueue,
  DraftDecision,
  ExpectedOutcome,
  Governance,
  PolicyDetail,
  PolicyDiff,
  PolicySummary,
  PolicyTestCase,
  PolicyTestRun,
  PublishOutcome,
  SampleConversation,
  StartBacktestInput,
  ValidationResult,
  VersionDetail,
  VersionSummary,
  Viewer,
} from './types';

// Reads always go to the server: drafts change under other editors' hands.
const FRESH = { fetchPolicy: 'no-cache' } as const;

/** The data of an answer: with Apollo's default error policy a request without data rejects instead. */
async function dataOf<TData>(request: Promise<{ data?: TData | undefined }>): Promise<TData> {
  return (await request).data as TData;
}

export class BatonApi {
  /**
   * @param getKey the API key for requests made without Apollo (dataset uploads)
   * @param origin where those requests go (default: the page's origin, as Apollo's `/graphql`)
   */
  constructor(
    private readonly client: ApolloClient,
    private readonly getKey: () => string | null = () => null,
    private readonly origin = '',
  ) {}

  /** The signed-in key: role and the root fields it may call. */
  async viewer(): Promise<Viewer> {
    return (await dataOf(this.client.query({ query: EditorViewerDocument, ...FRESH }))).viewer;
  }

  async policies(): Promise<PolicySummary[]> {
    return (await dataOf(this.client.query({ query: EditorPoliciesDocument, ...FRESH }))).policies;
  }

  /** The policy with its draft and active version; null when it does not exist. */
  async policy(id: string): Promise<PolicyDetail | null> {
    return (await dataOf(this.client.query({ query: EditorPolicyDocument, variables: { id }, ...FRESH }))).policy as PolicyDetail | null;
  }

  /** Creates a policy whose draft is `graph` (the server's start → stay when omitted) with the reference settings. */
  async createPolicy(input: { id?: string; name: string; graph?: PolicyGraph }): Promise<string> {
    return (await dataOf(this.client.mutate({ mutation: EditorCreatePolicyDocument, variables: { input } }))).createPolicy.id;
  }

  /** Validates the escalation graph with its settings, and the routing graph when given. */
  async validate(graph: PolicyGraph, settings: TriggerSettings, routing?: RoutingGraph | null): Promise<ValidationResult> {
    return (await dataOf(this.client.query({ query: EditorValidateDocument, variables: { graph, settings, routing: routing ?? null }, ...FRESH })))
      .validatePolicyGraph;
  }

  /** Saves the draft (routing null removes the routing graph); throws CONFLICT (with the current revision) when `baseRevision` is stale. */
  async saveDraft(
    policyId: string,
    graph: PolicyGraph,
    settings: TriggerSettings,
    baseRevision: number,
    routing: RoutingGraph | null = null,
  ): Promise<EditorSaveDraftMutation['savePolicyDraft']> {
    return (await dataOf(this.client.mutate({ mutation: EditorSaveDraftDocument, variables: { policyId, graph, settings, routing, baseRevision } })))
      .savePolicyDraft;
  }

  /**
   * Publishes the stored draft: a new version, or a change request when the policy requires
   * approvals. Throws INVALID_POLICY with diagnostics when the draft has errors, and
   * POLICY_TESTS_FAILED with the failures when a test case fails.
   */
  async publish(policyId: string, comment: string): Promise<PublishOutcome> {
    return (await dataOf(this.client.mutate({ mutation: EditorPublishDocument, variables: { policyId, comment } }))).publishPolicy;
  }

  /** Decides `input` on the given unsaved graph and settings (dry run, nothing logged). */
  /** Decides `input` on the working draft, routed on the directory; `routing` null: the draft has no routing graph. */
  async testDraft(
    policyId: string,
    input: ConversationInput,
    graph: PolicyGraph,
    settings: TriggerSettings,
    routing: RoutingGraph | null,
  ): Promise<DraftDecision> {
    const variables = { policyId, input: { ...input, dryRun: true }, graph, settings, routing };
    return (await dataOf(this.client.query({ query: EditorTestDraftDocument, variables, ...FRESH }))).testPolicyDraft as DraftDecision;
  }

  /** Known customer tiers: the catalog's and those seen in logged decisions (the server's validation uses the same). */
  async customerTiers(): Promise<string[]> {
    return (await dataOf(this.client.query({ query: EditorCustomerTiersDocument, ...FRESH }))).customerTiers;
  }

  async sampleConversations(): Promise<SampleConversation[]> {
    return (await dataOf(this.client.query({ query: EditorSampleConversationsDocument, ...FRESH }))).sampleConversations as SampleConversation[];
  }

  /** Published versions, newest first. */
  async versions(policyId: string): Promise<VersionSummary[]> {
    return (await dataOf(this.client.query({ query: EditorPolicyVersionsDocument, variables: { policyId }, ...FRESH }))).policyVersions;
  }

  /** One version with its graph, settings and routing graph; null when there is no such version. */
  async version(policyId: string, version: number): Promise<VersionDetail | null> {
    return (await dataOf(this.client.query({ query: EditorPolicyVersionDocument, variables: { policyId, version }, ...FRESH })))
      .policyVersion as VersionDetail | null;
  }

  /** The server's structural diff from version `from` to version `to`, or to the stored draft when `to` is null. */
  async diff(policyId: string, from: number, to: number | null): Promise<PolicyDiff> {
    return (await dataOf(this.client.query({ query: EditorPolicyDiffDocument, variables: { policyId, from, to }, ...FRESH }))).policyDiff;
  }

  /**
   * Rollback or roll forward: makes `version` the active one. `emergency`: an ADMIN's activation
   * under required approvals, at once and without a change request (audited as
   * `policy.emergencyActivate`); FORBIDDEN for other roles.
   */
  async activateVersion(policyId: string, version: number, comment: string, emergency = false): Promise<number> {
    // The policy answered has just been given an active version.
    return (await dataOf(this.client.mutate({ mutation: EditorActivateVersionDocument, variables: { policyId, version, comment, emergency } })))
      .activatePolicyVersion.activeVersion!.version;
  }

  /** Under four eyes: opens a change request whose last approval makes `version` active. */
  async requestActivation(policyId: string, version: number, comment: string): Promise<{ id: string; requiredApprovals: number }> {
    return (await dataOf(this.client.mutate({ mutation: EditorRequestActivationDocument, variables: { policyId, version, comment } }))).requestPolicyActivation;
  }

  async governance(policyId: string): Promise<Governance | null> {
    return (await dataOf(this.client.query({ query: EditorGovernanceDocument, variables: { id: policyId }, ...FRESH }))).policy;
  }

  /** Approves as a publisher other than the author; `version` is set when this approval published. */
  async approve(id: string): Promise<EditorApproveMutation['approveChangeRequest']> {
    return (await dataOf(this.client.mutate({ mutation: EditorApproveDocument, variables: { id } }))).approveChangeRequest;
  }

  async reject(id: string, reason: string): Promise<void> {
    await this.client.mutate({ mutation: EditorRejectDocument, variables: { id, reason } });
  }

  async setRequiredApprovals(policyId: string, count: number): Promise<number> {
    return (await dataOf(this.client.mutate({ mutation: EditorSetRequiredApprovalsDocument, variables: { policyId, count } }))).setRequiredApprovals
      .requiredApprovals;
  }

  async testCases(policyId: string): Promise<PolicyTestCase[]> {
    return ((await dataOf(this.client.query({ query: EditorTestCasesDocument, variables: { id: policyId }, ...FRESH }))).policy?.testCases ??
      []) as PolicyTestCase[];
  }

  /** Runs the policy's test cases on the stored draft (or on `version`). */
  /** Runs the test cases on the saved draft, or on `unsaved` work (the draft on screen; `routing` null: no routing graph). */
  async runTests(policyId: string, unsaved?: { graph: PolicyGraph; settings: TriggerSettings; routing: RoutingGraph | null }): Promise<PolicyTestRun> {
    const variables = unsaved ? { policyId, graph: unsaved.graph, settings: unsaved.settings, routing: unsaved.routing } : { policyId };
    return (await dataOf(this.client.query({ query: EditorRunPolicyTestsDocument, variables, ...FRESH }))).runPolicyTests;
  }

  async saveTestCase(policyId: string, input: { id: string; name: string; input: ConversationInput; expected: ExpectedOutcome }): Promise<void> {
    await this.client.mutate({ mutation: EditorSaveTestCaseDocument, variables: { policyId, input } });
  }

  async removeTestCase(policyId: string, id: string): Promise<void> {
    await this.client.mutate({ mutation: EditorRemoveTestCaseDocument, variables: { policyId, id } });
  }

  async auditLog(filter: AuditFilter, first: number, after: string | null): Promise<AuditPage> {
    return (await dataOf(this.client.query({ query: EditorAuditLogDocument, variables: { filter, first, after }, ...FRESH }))).auditLog;
  }

  async verifyAuditLog(): Promise<AuditVerification> {
    return (await dataOf(this.client.query({ query: EditorVerifyAuditLogDocument, ...FRESH }))).verifyAuditLog;
  }

  /** The directory's queues. */
  async queues(): Promise<DirectoryQueue[]> {
    return (await dataOf(this.client.query({ query: EditorQueuesDocument, ...FRESH }))).queues;
  }

  /**
   * Live queue figures over the WebSocket (`queueStatusUpdated`; every queue when `queueId` is
   * null): `onStatus` gets each queue's current status, then every change; `onEnd` the error
   * that ended the subscription, or null when the server completed it.
   * @returns stops the subscription
   */
  watchQueueStatus(
    queueId: string | null,
    onStatus: (status: EditorQueueStatusSubscription['queueStatusUpdated']) => void,
    onEnd: (error: unknown) => void,
  ): () => void {
    const subscription = this.client.subscribe({ query: EditorQueueStatusDocument, variables: { queueId } }).subscribe({
      next: (result) => {
        if (result.data) onStatus(result.data.queueStatusUpdated);
        else if (result.error) onEnd(result.error);
      },
      error: (error: unknown) => onEnd(error),
      complete: () => onEnd(null),
    });
    return () => subscription.unsubscribe();
  }

  /** Every API key, revoked ones too (ADMIN and AUDITOR). */
  async apiKeys(): Promise<EditorApiKeyFragment[]> {
    return (await dataOf(this.client.query({ query: EditorApiKeysDocument, ...FRESH }))).apiKeys;
  }

  /** Creates a key (ADMIN); the answer holds its secret, which the server never shows again. BAD_USER_INPUT with `extensions.field`. */
  async createApiKey(name: string, role: Role): Promise<EditorCreateApiKeyMutation['createApiKey']> {
    return (await dataOf(this.client.mutate({ mutation: EditorCreateApiKeyDocument, variables: { name, role } }))).createApiKey;
  }

  /** Revokes a key at once (ADMIN); refused for the last active admin key. */
  async revokeApiKey(id: string): Promise<EditorApiKeyFragment> {
    return (await dataOf(this.client.mutate({ mutation: EditorRevokeApiKeyDocument, variables: { id } }))).revokeApiKey;
  }

  /** Names and roles of the keys with these ids (at most 100), for showing people instead of key ids. */
  async keyNames(ids: readonly string[]): Promise<EditorKeyNamesQuery['keyNames']> {
    return (await dataOf(this.client.query({ query: EditorKeyNamesDocument, variables: { ids: [...ids] }, ...FRESH }))).keyNames;
  }

  /** An editor's "request review": a change request for the stored draft that publishers approve. */
  async requestReview(policyId: string, comment: string): Promise<{ id: string; requiredApprovals: number }> {
    return (await dataOf(this.client.mutate({ mutation: EditorRequestReviewDocument, variables: { policyId, comment } }))).requestPolicyReview;
  }

  /** Every queue and agent of the directory, with hours, skills, capacity and presence. */
  async directory(): Promise<EditorDirectoryQuery> {
    return dataOf(this.client.query({ query: EditorDirectoryDocument, ...FRESH }));
  }

  /** Creates or replaces a queue (ADMIN); BAD_USER_INPUT with `extensions.problems` (field, message) refuses it whole. */
  async upsertQueue(input: QueueInput): Promise<EditorQueueDetailFragment> {
    return (await dataOf(this.client.mutate({ mutation: EditorUpsertQueueDocument, variables: { input } }))).upsertQueue;
  }

  /** Creates or replaces an agent's profile, presence kept (ADMIN); BAD_USER_INPUT with `extensions.problems`. */
  async upsertAgent(input: AgentInput): Promise<EditorAgentDetailFragment> {
    return (await dataOf(this.client.mutate({ mutation: EditorUpsertAgentDocument, variables: { input } }))).upsertAgent;
  }

  /** Removes an agent; CONFLICT while it holds assigned handoffs. */
  async removeAgent(id: string): Promise<void> {
    await this.client.mutate({ mutation: EditorRemoveAgentDocument, variables: { id } });
  }

  async setAgentPresence(agentId: string, status: AgentStatus): Promise<EditorAgentDetailFragment> {
    return (await dataOf(this.client.mutate({ mutation: EditorSetAgentPresenceDocument, variables: { agentId, status } }))).setAgentPresence;
  }

  /** Every dataset, newest first. */
  async datasets(): Promise<Dataset[]> {
    return (await dataOf(this.client.query({ query: EditorDatasetsDocument, ...FRESH }))).datasets;
  }

  /** One stored (redacted) row of a dataset; null when the dataset or the row does not exist. */
  async datasetRow(datasetId: string, rowId: string): Promise<DatasetRow | null> {
    return ((await dataOf(this.client.query({ query: EditorDatasetRowDocument, variables: { datasetId, rowId }, ...FRESH }))).dataset?.row ??
      null) as DatasetRow | null;
  }

  /** Deletes a dataset and its rows; CONFLICT while a publish gate names it. */
  async deleteDataset(id: string): Promise<void> {
    await this.client.mutate({ mutation: EditorDeleteDatasetDocument, variables: { id } });
  }

  /** Starts a run (a dry run) of a version, or of a draft (the unsaved one when graph and settings are given). */
  async startBacktest(input: StartBacktestInput): Promise<BacktestRunSummary> {
    return (await dataOf(this.client.mutate({ mutation: EditorStartBacktestDocument, variables: { input } }))).startBacktest;
  }

  /** A run's progress, and its report and comparison once it SUCCEEDED; null when unknown. */
  async backtestRun(id: string): Promise<BacktestRun | null> {
    return (await dataOf(this.client.query({ query: EditorBacktestRunDocument, variables: { id }, ...FRESH }))).backtestRun;
  }

  /** Runs of a policy, newest first (running ones first). */
  async backtestRuns(policyId: string, first = 20): Promise<BacktestRunSummary[]> {
    return (await dataOf(this.client.query({ query: EditorBacktestRunsDocument, variables: { policyId, first }, ...FRESH }))).backtestRuns;
  }

  /** Cancels a RUNNING run. */
  async cancelBacktest(id: string): Promise<BacktestRunSummary> {
    return (await dataOf(this.client.mutate({ mutation: EditorCancelBacktestDocument, variables: { id } }))).cancelBacktest;
  }

  /** Handoff KPIs of the filter, overall and per DAY or WEEK bucket of `timeZone` (the Dashboard). */
  async handoffKpis(filter: KpiFilter, bucket: KpiBucket, timeZone: string): Promise<EditorHandoffKpisQuery['handoffKpis']> {
    return (await dataOf(this.client.query({ query: EditorHandoffKpisDocument, variables: { filter, bucket, timeZone }, ...FRESH }))).handoffKpis;
  }

  /** Reasons agents flag as unnecessary escalations or correct, with example conversations. */
  async handoffSuggestions(filter: KpiFilter): Promise<EditorHandoffSuggestionsQuery['handoffSuggestions']> {
    return (await dataOf(this.client.query({ query: EditorHandoffSuggestionsDocument, variables: { filter }, ...FRESH }))).handoffSuggestions;
  }

  /** Every conversation behind a suggestion as a backtest dataset. */
  async createDatasetFromSuggestion(input: SuggestionDatasetInput): Promise<Dataset> {
    return (await dataOf(this.client.mutate({ mutation: EditorCreateDatasetFromSuggestionDocument, variables: { input } }))).createDatasetFromSuggestion;
  }

  /** A page of logged decisions, newest first. */
  async decisions(filter: DecisionFilter, first: number, after: string | null): Promise<EditorDecisionsQuery['decisions']> {
    return (await dataOf(this.client.query({ query: EditorDecisionsDocument, variables: { filter, first, after }, ...FRESH }))).decisions;
  }

  /** One logged decision; null for an unknown id. */
  async decision(id: string): Promise<EditorLoggedDecisionFragment | null> {
    return (await dataOf(this.client.query({ query: EditorDecisionDocument, variables: { id }, ...FRESH }))).decision;
  }

  /**
   * Re-evaluates a logged decision's stored facts on the version that made it and compares the outcomes.
   * Rejects with NOT_FOUND for an unknown id, FORBIDDEN for a key below AUDITOR.
   */
  async replayDecision(id: string): Promise<EditorReplayDecisionQuery['replayDecision']> {
    return (await dataOf(this.client.query({ query: EditorReplayDecisionDocument, variables: { id }, ...FRESH }))).replayDecision;
  }

  /**
   * Imports a dataset file of any size with `POST /datasets` (the raw bytes, not a GraphQL
   * string). A refused file throws as a GraphQL answer would: BAD_USER_INPUT with
   * `extensions.problems` (each with its line), UNAUTHENTICATED, FORBIDDEN or PAYLOAD_TOO_LARGE.
   */
  async uploadDataset(name: string, fileName: string, content: Blob): Promise<Dataset> {
    const key = this.getKey();
    const query = new URLSearchParams({ name, fileName });
    const response = await fetch(`${this.origin}/datasets?${query.toString()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: content,
    });
    const bodyText = await response.text();
    const body = (() => {
      try {
        return JSON.parse(bodyText) as { data?: { importDataset?: Dataset } | null; errors?: unknown[] };
      } catch {
        return null;
      }
    })();
    const dataset = body?.data?.importDataset;
    if (response.ok && dataset && !body.errors?.length) return dataset;
    throw new ServerError(`The server refused the dataset (HTTP ${response.status}).`, { response, bodyText });
  }
}
