/** GraphQL resolvers of policy governance: versions, rollback, approvals, test cases. Plumbing only. */
import type { Resolver } from '../../graphql/context';
import type { ChangeRequestRecord } from './change-request-store';
import type { TestCaseRequest } from './policy-service';
import type { PolicyRecord, VersionRecord } from './policy-store';
import type { PolicyTestCase } from './policy-test-case-store';
import type { PolicyTestRun } from './policy-tests';
import { policyNotFound } from './policy-errors';

export const policyGovernanceResolvers: {
  Query: {
    policyVersions: Resolver<unknown, { policyId: string }, VersionRecord[]>;
    policyVersion: Resolver<unknown, { policyId: string; version: number }, VersionRecord | null>;
    changeRequest: Resolver<unknown, { id: string }, ChangeRequestRecord | null>;
    runPolicyTests: Resolver<unknown, { policyId: string; version?: number | null }, PolicyTestRun>;
  };
  Mutation: {
    activatePolicyVersion: Resolver<unknown, { policyId: string; version: number; comment: string }, PolicyRecord>;
    approveChangeRequest: Resolver<unknown, { id: string }, { changeRequest: ChangeRequestRecord; version: VersionRecord | null }>;
    rejectChangeRequest: Resolver<unknown, { id: string; reason: string }, ChangeRequestRecord>;
    setRequiredApprovals: Resolver<unknown, { policyId: string; count: number }, PolicyRecord>;
    savePolicyTestCase: Resolver<unknown, { policyId: string; input: TestCaseRequest }, PolicyTestCase>;
    removePolicyTestCase: Resolver<unknown, { policyId: string; id: string }, boolean>;
  };
  Policy: {
    testCases: Resolver<PolicyRecord, unknown, PolicyTestCase[]>;
    changeRequests: Resolver<PolicyRecord, unknown, ChangeRequestRecord[]>;
  };
} = {
  Query: {
    policyVersions: async (_parent, { policyId }, { policies }) => {
      if (!(await policies.getPolicy(policyId))) throw policyNotFound(policyId);
      return policies.listVersions(policyId);
    },
    policyVersion: (_parent, { policyId, version }, { policies }) => policies.getVersion(policyId, version),
    changeRequest: (_parent, { id }, { policies }) => policies.getChangeRequest(id),
    runPolicyTests: (_parent, { policyId, version }, { policies }) => policies.runTests(policyId, version ?? null),
  },
  Mutation: {
    activatePolicyVersion: (_parent, { policyId, version, comment }, { policies, principal }) => policies.activateVersion(policyId, version, comment, principal),
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
