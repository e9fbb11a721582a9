/**
 * Typed calls to Baton's GraphQL API. Every call throws what Apollo throws; callers turn it
 * into an `ApiProblem` with `toApiProblem`.
 */
import type { ApolloClient } from '@apollo/client';
import type { PolicyGraph, RoutingGraph, TriggerSettings } from '@baton/schemas';
import {
  ACTIVATE_VERSION,
  APPROVE_CHANGE_REQUEST,
  AUDIT_LOG,
  CREATE_POLICY,
  GOVERNANCE,
  POLICIES,
  POLICY,
  POLICY_DIFF,
  POLICY_VERSION,
  POLICY_VERSIONS,
  PUBLISH,
  QUEUES,
  REJECT_CHANGE_REQUEST,
  REMOVE_TEST_CASE,
  RUN_POLICY_TESTS,
  SAMPLE_CONVERSATIONS,
  SAVE_DRAFT,
  SAVE_TEST_CASE,
  SET_REQUIRED_APPROVALS,
  TEST_CASES,
  TEST_DRAFT,
  VALIDATE,
  VERIFY_AUDIT_LOG,
  VIEWER,
} from './operations';
import type {
  AuditFilter,
  AuditPage,
  AuditVerification,
  ChangeRequest,
  ConversationInput,
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
  ValidationResult,
  VersionDetail,
  VersionSummary,
  Viewer,
} from './types';

export class BatonApi {
  constructor(private readonly client: ApolloClient) {}

  private async query<T>(query: Parameters<ApolloClient['query']>[0]['query'], variables?: Record<string, unknown>): Promise<T> {
    const { data } = await this.client.query({ query, variables, fetchPolicy: 'no-cache' });
    return data as T;
  }

  private async mutate<T>(mutation: Parameters<ApolloClient['mutate']>[0]['mutation'], variables: Record<string, unknown>): Promise<T> {
    const { data } = await this.client.mutate({ mutation, variables });
    return data as T;
  }

  /** The signed-in key: role and the root fields it may call. */
  async viewer(): Promise<Viewer> {
    return (await this.query<{ viewer: Viewer }>(VIEWER)).viewer;
  }

  async policies(): Promise<PolicySummary[]> {
    return (await this.query<{ policies: PolicySummary[] }>(POLICIES)).policies;
  }

  /** The policy with its draft and active version; null when it does not exist. */
  async policy(id: string): Promise<PolicyDetail | null> {
    return (await this.query<{ policy: PolicyDetail | null }>(POLICY, { id })).policy;
  }

  /** Creates a policy whose draft is `graph` (the server's start → stay when omitted) with the reference settings. */
  async createPolicy(input: { id?: string; name: string; graph?: PolicyGraph }): Promise<string> {
    return (await this.mutate<{ createPolicy: { id: string } }>(CREATE_POLICY, { input })).createPolicy.id;
  }

  /** Validates the escalation graph with its settings, and the routing graph when given. */
  async validate(graph: PolicyGraph, settings: TriggerSettings, routing?: RoutingGraph | null): Promise<ValidationResult> {
    return (await this.query<{ validatePolicyGraph: ValidationResult }>(VALIDATE, { graph, settings, routing: routing ?? null })).validatePolicyGraph;
  }

  /** Saves the draft (routing null removes the routing graph); throws CONFLICT (with the current revision) when `baseRevision` is stale. */
  async saveDraft(
    policyId: string,
    graph: PolicyGraph,
    settings: TriggerSettings,
    baseRevision: number,
    routing: RoutingGraph | null = null,
  ): Promise<{ revision: number; updatedAt: string; updatedBy: string | null }> {
    return (await this.mutate<{ savePolicyDraft: { revision: number; updatedAt: string; updatedBy: string | null } }>(SAVE_DRAFT, { policyId, graph, settings, routing, baseRevision })).savePolicyDraft;
  }

  /**
   * Publishes the stored draft: a new version, or a change request when the policy requires
   * approvals. Throws INVALID_POLICY with diagnostics when the draft has errors, and
   * POLICY_TESTS_FAILED with the failures when a test case fails.
   */
  async publish(policyId: string, comment: string): Promise<PublishOutcome> {
    return (await this.mutate<{ publishPolicy: PublishOutcome }>(PUBLISH, { policyId, comment })).publishPolicy;
  }

  /** Decides `input` on the given unsaved graph and settings (dry run, nothing logged). */
  async testDraft(policyId: string, input: ConversationInput, graph: PolicyGraph, settings: TriggerSettings): Promise<DraftDecision> {
    return (await this.query<{ testPolicyDraft: DraftDecision }>(TEST_DRAFT, { policyId, input: { ...input, dryRun: true }, graph, settings })).testPolicyDraft;
  }

  async sampleConversations(): Promise<SampleConversation[]> {
    return (await this.query<{ sampleConversations: SampleConversation[] }>(SAMPLE_CONVERSATIONS)).sampleConversations;
  }

  /** Published versions, newest first. */
  async versions(policyId: string): Promise<VersionSummary[]> {
    return (await this.query<{ policyVersions: VersionSummary[] }>(POLICY_VERSIONS, { policyId })).policyVersions;
  }

  /** One version with its graph, settings and routing graph; null when there is no such version. */
  async version(policyId: string, version: number): Promise<VersionDetail | null> {
    return (await this.query<{ policyVersion: VersionDetail | null }>(POLICY_VERSION, { policyId, version })).policyVersion;
  }

  /** The server's structural diff from version `from` to version `to`, or to the stored draft when `to` is null. */
  async diff(policyId: string, from: number, to: number | null): Promise<PolicyDiff> {
    return (await this.query<{ policyDiff: PolicyDiff }>(POLICY_DIFF, { policyId, from, to })).policyDiff;
  }

  /** Rollback or roll forward: makes `version` the active one. */
  async activateVersion(policyId: string, version: number, comment: string): Promise<number> {
    return (await this.mutate<{ activatePolicyVersion: { activeVersion: { version: number } } }>(ACTIVATE_VERSION, { policyId, version, comment })).activatePolicyVersion.activeVersion.version;
  }

  async governance(policyId: string): Promise<Governance | null> {
    return (await this.query<{ policy: Governance | null }>(GOVERNANCE, { id: policyId })).policy;
  }

  /** Approves as a publisher other than the author; `version` is set when this approval published. */
  async approve(id: string): Promise<{ changeRequest: Pick<ChangeRequest, 'id' | 'status'>; version: { version: number; contentHash: string } | null }> {
    return (await this.mutate<{ approveChangeRequest: { changeRequest: Pick<ChangeRequest, 'id' | 'status'>; version: { version: number; contentHash: string } | null } }>(APPROVE_CHANGE_REQUEST, { id })).approveChangeRequest;
  }

  async reject(id: string, reason: string): Promise<void> {
    await this.mutate(REJECT_CHANGE_REQUEST, { id, reason });
  }

  async setRequiredApprovals(policyId: string, count: number): Promise<number> {
    return (await this.mutate<{ setRequiredApprovals: { requiredApprovals: number } }>(SET_REQUIRED_APPROVALS, { policyId, count })).setRequiredApprovals.requiredApprovals;
  }

  async testCases(policyId: string): Promise<PolicyTestCase[]> {
    return (await this.query<{ policy: { testCases: PolicyTestCase[] } | null }>(TEST_CASES, { id: policyId })).policy?.testCases ?? [];
  }

  /** Runs the policy's test cases on the stored draft (or on `version`). */
  async runTests(policyId: string, version?: number): Promise<PolicyTestRun> {
    return (await this.query<{ runPolicyTests: PolicyTestRun }>(RUN_POLICY_TESTS, { policyId, version: version ?? null })).runPolicyTests;
  }

  async saveTestCase(policyId: string, input: { id: string; name: string; input: ConversationInput; expected: ExpectedOutcome }): Promise<void> {
    await this.mutate(SAVE_TEST_CASE, { policyId, input });
  }

  async removeTestCase(policyId: string, id: string): Promise<void> {
    await this.mutate(REMOVE_TEST_CASE, { policyId, id });
  }

  async auditLog(filter: AuditFilter, first: number, after: string | null): Promise<AuditPage> {
    return (await this.query<{ auditLog: AuditPage }>(AUDIT_LOG, { filter, first, after })).auditLog;
  }

  async verifyAuditLog(): Promise<AuditVerification> {
    return (await this.query<{ verifyAuditLog: AuditVerification }>(VERIFY_AUDIT_LOG)).verifyAuditLog;
  }

  /** The directory's queues. */
  async queues(): Promise<DirectoryQueue[]> {
    return (await this.query<{ queues: DirectoryQueue[] }>(QUEUES)).queues;
  }
}
