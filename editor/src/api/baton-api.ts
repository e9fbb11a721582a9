/**
 * Typed calls to Baton's GraphQL API. Every call throws what Apollo throws; callers turn it
 * into an `ApiProblem` with `toApiProblem`.
 */
import type { ApolloClient } from '@apollo/client';
import type { PolicyGraph, TriggerSettings } from '@baton/schemas';
import { CREATE_POLICY, POLICIES, POLICY, PUBLISH, SAMPLE_CONVERSATIONS, SAVE_DRAFT, TEST_DRAFT, VALIDATE } from './operations';
import type { ConversationInput, DraftDecision, PolicyDetail, PolicySummary, PublishOutcome, SampleConversation, ValidationResult } from './types';

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

  async policies(): Promise<PolicySummary[]> {
    return (await this.query<{ policies: PolicySummary[] }>(POLICIES)).policies;
  }

  /** The policy with its draft, active version and version list; null when it does not exist. */
  async policy(id: string): Promise<PolicyDetail | null> {
    return (await this.query<{ policy: PolicyDetail | null }>(POLICY, { id })).policy;
  }

  /** Creates a policy whose draft is `graph` (the server's start → stay when omitted) with the reference settings. */
  async createPolicy(input: { id?: string; name: string; graph?: PolicyGraph }): Promise<string> {
    return (await this.mutate<{ createPolicy: { id: string } }>(CREATE_POLICY, { input })).createPolicy.id;
  }

  async validate(graph: PolicyGraph, settings: TriggerSettings): Promise<ValidationResult> {
    return (await this.query<{ validatePolicyGraph: ValidationResult }>(VALIDATE, { graph, settings })).validatePolicyGraph;
  }

  /** Saves the draft; throws CONFLICT (with the current revision) when `baseRevision` is stale. */
  async saveDraft(policyId: string, graph: PolicyGraph, settings: TriggerSettings, baseRevision: number): Promise<{ revision: number; updatedAt: string; updatedBy: string | null }> {
    return (await this.mutate<{ savePolicyDraft: { revision: number; updatedAt: string; updatedBy: string | null } }>(SAVE_DRAFT, { policyId, graph, settings, baseRevision })).savePolicyDraft;
  }

  /**
   * Publishes the stored draft: a new version, or a change request when the policy requires
   * approvals. Throws INVALID_POLICY with diagnostics when the draft has errors.
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
}
