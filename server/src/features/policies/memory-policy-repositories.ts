/**
 * The policies feature's repositories and reads in memory, for unit tests of its services: the
 * same conditional writes and keys as `sqlite-policy-repositories.ts` (update when the stored
 * record is still as read, one default policy, unique ids and version numbers), over plain maps.
 */
import { DuplicateKeyError, StaleWriteError } from '../../store/unit-of-work';
import { byCodeUnit, insertUnique, type QueueMemoryWrite } from '../../store/memory/memory-unit-of-work';
import type { ChangeRequestRecord } from './change-request-store';
import type { PolicyReads } from './policy-repositories';
import type { PolicyRecord, VersionRecord } from './policy-store';
import type { PolicyTestCase } from './policy-test-case-store';
import type { PolicyTransaction } from './transactional-policy-stores';

/** Everything the policies feature stores. */
export type PolicyTables = {
  policies: Map<string, PolicyRecord>;
  /** Keyed by `${policyId}/${version}`. */
  versions: Map<string, VersionRecord>;
  changeRequests: Map<string, ChangeRequestRecord>;
  /** Policy id → test case id → case. */
  testCases: Map<string, Map<string, PolicyTestCase>>;
};

/** Empty tables. */
export function emptyPolicyTables(): PolicyTables {
  return { policies: new Map(), versions: new Map(), changeRequests: new Map(), testCases: new Map() };
}

const versionKey = (policyId: string, version: number) => `${policyId}/${version}`;
const copy = <T>(value: T | undefined): T | null => (value === undefined ? null : structuredClone(value));
const byCreation = (a: ChangeRequestRecord, b: ChangeRequestRecord) => a.createdAt.getTime() - b.createdAt.getTime() || byCodeUnit(a.id, b.id);
const versionsOf = (t: PolicyTables, policyId: string) => [...t.versions.values()].filter((v) => v.policyId === policyId);

/** The repositories of one unit of work: reads from `committed`, writes through `queue`. */
export function memoryPolicyRepositories(committed: PolicyTables, queue: QueueMemoryWrite<PolicyTables>): Omit<PolicyTransaction, 'audit'> {
  return {
    policies: {
      find: async (id) => copy(committed.policies.get(id)),
      findDefaultId: async () => [...committed.policies.values()].find((p) => p.isDefault)?.id ?? null,
      insert: async (policy) => queue((next) => insertUnique(next.policies, policy.id, structuredClone(policy), 'policy')),
      update: async (policy, expected) =>
        queue((next) => {
          const stored = next.policies.get(policy.id);
          const unchanged =
            stored !== undefined &&
            stored.draft.revision === expected.draft.revision &&
            stored.activeVersion === expected.activeVersion &&
            stored.isDefault === expected.isDefault &&
            stored.requiredApprovals === expected.requiredApprovals;
          if (!unchanged) throw new StaleWriteError(`Policy '${policy.id}'`);
          next.policies.set(policy.id, structuredClone(policy));
          // The partial unique index of the stored adapters: at most one default policy.
          if ([...next.policies.values()].filter((p) => p.isDefault).length > 1) throw new DuplicateKeyError('policy', 'isDefault');
        }),
    },
    versions: {
      find: async (policyId, version) => copy(committed.versions.get(versionKey(policyId, version))),
      latestNumber: async (policyId) => Math.max(0, ...versionsOf(committed, policyId).map((v) => v.version)),
      insert: async (version) =>
        queue((next) => insertUnique(next.versions, versionKey(version.policyId, version.version), structuredClone(version), 'version', 'version')),
    },
    changeRequests: {
      find: async (id) => copy(committed.changeRequests.get(id)),
      listOpen: async (policyId) =>
        structuredClone([...committed.changeRequests.values()].filter((r) => r.policyId === policyId && r.status === 'OPEN').sort(byCreation)),
      insert: async (request) => queue((next) => insertUnique(next.changeRequests, request.id, structuredClone(request), 'changeRequest')),
      update: async (request, expected) =>
        queue((next) => {
          const stored = next.changeRequests.get(request.id);
          if (stored?.status !== expected.status || stored.approvals.length !== expected.approvals.length) {
            throw new StaleWriteError(`Change request '${request.id}'`);
          }
          next.changeRequests.set(request.id, {
            ...structuredClone(request),
            approvals: [...stored.approvals, ...structuredClone(request.approvals.slice(expected.approvals.length))],
          });
        }),
    },
    testCases: {
      find: async (policyId, id) => copy(committed.testCases.get(policyId)?.get(id)),
      save: async (policyId, testCase) =>
        queue((next) => {
          // A new inner map: the committed one is shared with the tables this commit replaces.
          const cases = new Map(next.testCases.get(policyId));
          next.testCases.set(policyId, cases.set(testCase.id, structuredClone(testCase)));
        }),
      remove: async (policyId, id) =>
        queue((next) => {
          const cases = new Map(next.testCases.get(policyId));
          if (!cases.delete(id)) throw new StaleWriteError(`Test case '${id}' of policy '${policyId}'`);
          next.testCases.set(policyId, cases);
        }),
    },
  };
}

/** The read side over `tables()`, the committed tables. */
export function memoryPolicyReads(tables: () => PolicyTables): PolicyReads {
  const policyHead = (policy: PolicyRecord | undefined) =>
    policy === undefined
      ? null
      : {
          id: policy.id,
          name: policy.name,
          activeVersion: policy.activeVersion,
          activeContentHash: policy.activeVersion === null ? null : (tables().versions.get(versionKey(policy.id, policy.activeVersion))?.contentHash ?? null),
        };
  return {
    hasPolicies: async () => tables().policies.size > 0,
    listPolicies: async () => structuredClone([...tables().policies.values()].sort((a, b) => byCodeUnit(a.id, b.id))),
    getPolicy: async (id) => copy(tables().policies.get(id)),
    getPolicyHead: async (id) => policyHead(id === null ? [...tables().policies.values()].find((p) => p.isDefault) : tables().policies.get(id)),
    getVersion: async (policyId, version) => copy(tables().versions.get(versionKey(policyId, version))),
    listVersions: async (policyId) => structuredClone(versionsOf(tables(), policyId).sort((a, b) => b.version - a.version)),
    getChangeRequest: async (id) => copy(tables().changeRequests.get(id)),
    listChangeRequests: async (policyId) =>
      structuredClone([...tables().changeRequests.values()].filter((r) => r.policyId === policyId).sort((a, b) => byCreation(b, a))),
    listTestCases: async (policyId) => structuredClone([...(tables().testCases.get(policyId)?.values() ?? [])].sort((a, b) => byCodeUnit(a.id, b.id))),
  };
}
