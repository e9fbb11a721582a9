/** GraphQL resolvers of the policy management API: argument plumbing only, logic in PolicyService. */
import type { Resolvers } from '../../graphql/generated/resolvers-types';

export const policyResolvers: Resolvers = {
  Query: {
    policies: (_parent, _args, { policies }) => policies.listPolicies(),
    policy: (_parent, { id }, { policies }) => policies.getPolicy(id),
    validatePolicyGraph: (_parent, { graph, settings, routing }, { policies }) => policies.validate(graph, settings, routing),
    customerTiers: (_parent, _args, { policies }) => policies.customerTiers(),
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
