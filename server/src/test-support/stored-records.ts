/**
 * Internal (tests only): records as a real store returns them, for tests of document mappers
 * and schemas that need no database server. Written through the SQLite store with the
 * reference policy, so graphs, settings, routing and compiled rules are the shipped ones.
 */
import { compilePolicy } from '@baton/rules';
import { referencePolicy, sampleConversations } from '@baton/seed';
import type { AuditEvent } from '../features/audit/audit-event';
import type { ChangeRequestRecord } from '../features/policies/change-request-store';
import { contentHashOf } from '../features/policies/policy-document';
import type { PolicyRecord, VersionRecord } from '../features/policies/policy-store';
import type { PolicyTestCase } from '../features/policies/policy-test-case-store';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store';
import { makeTempDir } from './temp-dir';

export interface StoredRecords {
  policies: PolicyRecord[];
  /** Per policy, newest first. */
  versions: VersionRecord[];
  /** One published through an approval, one rejected. */
  changeRequests: ChangeRequestRecord[];
  /** Test cases of the reference policy: the first three sample conversations, and one expecting only an action. */
  testCases: PolicyTestCase[];
  auditEvents: AuditEvent[];
}

const T0 = new Date('2025-06-01T09:00:00.000Z');
const T1 = new Date('2025-06-01T10:00:00.000Z');
const T2 = new Date('2025-06-01T11:00:00.000Z');

/**
 * Publishes the reference policy twice (the second time through a change request), adds test
 * cases and a second policy, and returns everything the store then holds. Call `removeTempDirs`
 * in `afterAll`.
 */
export async function storedRecords(): Promise<StoredRecords> {
  const store = await openSqliteStore(makeTempDir());
  try {
    const admin = { keyId: 'key-admin', role: 'admin' };
    const approver = { keyId: 'key-approver', role: 'publisher' };
    const { id } = referencePolicy;
    const { graph, settings, routing = null } = referencePolicy.document;
    await store.policies.createPolicy({
      id,
      name: referencePolicy.name,
      description: referencePolicy.description,
      graph,
      settings,
      routing,
      makeDefault: true,
      at: T0,
      actor: admin,
    });
    const publish = { policyId: id, graph, settings, routing, makeDefault: false, actor: admin };
    await store.policies.publishVersion({
      ...publish,
      draftRevision: 1,
      contentHash: contentHashOf(referencePolicy.document),
      compiledRules: compilePolicy(referencePolicy.document),
      comment: 'Seed',
      expectedActiveVersion: null,
      at: T0,
    });

    const edited = { ...settings, thresholds: { ...settings.thresholds, lowConfidence: 0.6 } };
    const document = { ...referencePolicy.document, settings: edited };
    await store.policies.saveDraft({ policyId: id, graph, settings: edited, routing, baseRevision: 1, at: T1, actor: admin });
    await store.policies.setRequiredApprovals(id, 1, T1, admin);
    const contentHash = contentHashOf(document);
    await store.changeRequests.openChangeRequest({
      id: 'cr-rejected',
      policyId: id,
      draftRevision: 2,
      contentHash,
      comment: 'Lower the bar',
      makeDefault: false,
      requiredApprovals: 1,
      at: T1,
      actor: admin,
    });
    await store.changeRequests.rejectChangeRequest('cr-rejected', 'Too low', T1, approver);
    await store.changeRequests.openChangeRequest({
      id: 'cr-published',
      policyId: id,
      draftRevision: 2,
      contentHash,
      comment: 'Lower the bar a little',
      makeDefault: false,
      requiredApprovals: 1,
      at: T2,
      actor: admin,
    });
    await store.changeRequests.approveChangeRequest({
      id: 'cr-published',
      at: T2,
      actor: approver,
      version: {
        ...publish,
        settings: edited,
        draftRevision: 2,
        contentHash,
        compiledRules: compilePolicy(document),
        comment: 'Lower the bar a little',
        expectedActiveVersion: 1,
        at: T2,
        actor: approver,
      },
    });

    for (const [index, sample] of sampleConversations.slice(0, 3).entries()) {
      await store.policyTests.saveTestCase(
        id,
        { id: `sample-${index + 1}`, name: sample.name, input: { ...sample.input }, expected: sample.expected },
        T2,
        admin,
      );
    }
    await store.policyTests.saveTestCase(
      id,
      { id: 'stays', name: 'Stays with the bot', input: { conversationId: 'c-1' }, expected: { action: 'STAY' } },
      T2,
      admin,
    );
    await store.policies.createPolicy({
      id: 'support-eu',
      name: 'Support EU',
      description: null,
      graph,
      settings,
      routing: null,
      makeDefault: false,
      at: T2,
      actor: admin,
    });

    const policies = await store.policies.listPolicies();
    return {
      policies,
      versions: (await Promise.all(policies.map((p) => store.policies.listVersions(p.id)))).flat(),
      changeRequests: await store.changeRequests.listChangeRequests(id),
      testCases: await store.policyTests.listTestCases(id),
      auditEvents: await store.auditLog.scanEvents(0, 1000),
    };
  } finally {
    await store.close();
  }
}
