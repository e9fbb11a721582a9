/** GraphQL resolvers of the policy management API: argument plumbing only, logic in PolicyService. */
import type { ValidationResult } from '@baton/rules';
import type { Resolver } from '../../graphql/context';
import type { CreatePolicyRequest, PublishOutcome } from './policy-service';
import type { DraftRecord, PolicyRecord, VersionRecord } from './policy-store';

export interface SaveDraftArgs {
  policyId: string;
  graph: unknown;
  settings?: unknown;
  routing?: unknown;
  baseRevision: number;
}

export const policyResolvers: {
  Query: {
    policies: Resolver<unknown, Record<string, never>, PolicyRecord[]>;
    policy: Resolver<unknown, { id: string }, PolicyRecord | null>;
    validatePolicyGraph: Resolver<unknown, { graph: unknown; settings?: unknown; routing?: unknown }, ValidationResult>;
  };
  Mutation: {
    createPolicy: Resolver<unknown, { input: CreatePolicyRequest }, PolicyRecord>;
    savePolicyDraft: Resolver<unknown, SaveDraftArgs, DraftRecord>;
    publishPolicy: Resolver<unknown, { policyId: string; comment: string; makeDefault?: boolean | null }, PublishOutcome>;
    setDefaultPolicy: Resolver<unknown, { policyId: string }, PolicyRecord>;
  };
  Policy: {
    activeVersion: Resolver<PolicyRecord, unknown, VersionRecord | null>;
    versions: Resolver<PolicyRecord, unknown, VersionRecord[]>;
  };
  PolicyDraft: {
    validation: Resolver<DraftRecord, unknown, ValidationResult>;
  };
} = {
  Query: {
    policies: (_parent, _args, { policies }) => policies.listPolicies(),
    policy: (_parent, { id }, { policies }) => policies.getPolicy(id),
    validatePolicyGraph: (_parent, { graph, settings, routing }, { policies }) => policies.validate(graph, settings, routing),
  },
  Mutation: {
    createPolicy: (_parent, { input }, { policies, principal }) => policies.createPolicy(input, principal),
    savePolicyDraft: (_parent, { policyId, graph, settings, routing, baseRevision }, { policies, principal }) =>
      policies.saveDraft(policyId, graph, settings, baseRevision, principal, routing),
    publishPolicy: (_parent, { policyId, comment, makeDefault }, { policies, principal }) =>
      policies.publish(policyId, comment, principal, makeDefault === true),
    setDefaultPolicy: (_parent, { policyId }, { policies, principal }) => policies.setDefault(policyId, principal),
  },
  Policy: {
    activeVersion: (policy, _args, { policies }) => (policy.activeVersion === null ? null : policies.getVersion(policy.id, policy.activeVersion)),
    versions: (policy, _args, { policies }) => policies.listVersions(policy.id),
  },
  PolicyDraft: {
    validation: (draft, _args, { policies }) => policies.validateDraft(draft),
  },
};
