/** GraphQL resolvers of policy governance: versions, rollback, approvals, test cases. Plumbing only. */
import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { policyNotFound } from './policy-errors';

export const policyGovernanceResolvers: Resolvers = {
  Query: {
    policyVersions: async (_parent, { policyId }, { policies }) => {
      if (!(await policies.getPolicy(policyId))) throw policyNotFound(policyId);
      return policies.listVersions(policyId);
    },
    policyVersion: (_parent, { policyId, version }, { policies }) => policies.getVersion(policyId, version),
    changeRequest: (_parent, { id }, { policies }) => policies.getChangeRequest(id),
    runPolicyTests: (_parent, { policyId, version, graph, settings, routing }, { policies }) =>
      policies.runTests(policyId, version ?? null, { graph: graph ?? undefined, settings: settings ?? undefined, routing }),
  },
  Mutation: {
    activatePolicyVersion: (_parent, { policyId, version, comment, emergency }, { policies, principal }) =>
      policies.activateVersion(policyId, version, comment, principal, emergency === true),
    requestPolicyActivation: (_parent, { policyId, version, comment }, { policies, principal }) =>
      policies.requestActivation(policyId, version, comment, principal),
    requestPolicyReview: (_parent, { policyId, comment }, { policies, principal }) => policies.requestReview(policyId, comment, principal),
    approveChangeRequest: async (_parent, { id }, { policies, principal }) => {
      const { request, version } = await policies.approveChangeRequest(id, principal);
      return { changeRequest: request, version };
    },
    rejectChangeRequest: (_parent, { id, reason }, { policies, principal }) => policies.rejectChangeRequest(id, reason, principal),
    setRequiredApprovals: (_parent, { policyId, count }, { policies, principal }) => policies.setRequiredApprovals(policyId, count, principal),
    savePolicyTestCase: (_parent, { policyId, input }, { policies, principal }) => policies.saveTestCase(policyId, input, principal),
    removePolicyTestCase: async (_parent, { policyId, id }, { policies, principal }) => {
      await policies.removeTestCase(policyId, id, principal);
      return true;
    },
  },
  Policy: {
    testCases: (policy, _args, { policies }) => policies.listTestCases(policy.id),
    changeRequests: (policy, _args, { policies }) => policies.listChangeRequests(policy.id),
  },
};
