/** `PolicyTestCaseStore` over MongoDB: each save or removal in one transaction with its audit event. */
import type { ClientSession } from 'mongoose';
import type { MongoContext } from '../../store/mongo/mongo-context';
import { appendMongoAuditEvent } from '../audit/mongo-audit-append';
import { fromTestCaseDocument, policyModels, toTestCaseDocument } from './mongo-policy-models';
import { policyNotFound } from './policy-errors';
import { testCaseNotFound } from './policy-store-errors';
import type { PolicyTestCaseStore } from './policy-test-case-store';

/** Creates the MongoDB policy test case store; `ensureAuditHead` must have run on the connection. */
export function createMongoPolicyTestCaseStore(ctx: MongoContext): PolicyTestCaseStore {
  const { Policy, PolicyTestCase } = policyModels(ctx.connection);

  const requirePolicy = async (policyId: string, session: ClientSession): Promise<void> => {
    if (!(await Policy.exists({ _id: policyId }).session(session))) throw policyNotFound(policyId);
  };

  return {
    listTestCases: async (policyId) => (await PolicyTestCase.find({ policyId }).sort({ testCaseId: 1 }).lean()).map(fromTestCaseDocument),

    saveTestCase: (policyId, testCase, at, actor) =>
      ctx.transaction(async (session) => {
        await requirePolicy(policyId, session);
        const key = { policyId, testCaseId: testCase.id };
        const before = await PolicyTestCase.findOne(key, null, { session }).lean();
        const stored = toTestCaseDocument(policyId, { ...testCase, updatedAt: at, updatedBy: actor.keyId });
        // A whole replacement, so an expectation left out this time is gone, not kept.
        if (before) await PolicyTestCase.replaceOne(key, stored, { session, runValidators: true });
        else await PolicyTestCase.create([stored], { session });
        await appendMongoAuditEvent(ctx.connection, session, {
          actor,
          action: 'policyTestCase.save',
          targetType: 'policy',
          targetId: policyId,
          before: before ? { testCase: before.testCaseId, expected: fromTestCaseDocument(before).expected } : undefined,
          after: { testCase: testCase.id, name: testCase.name, expected: testCase.expected },
          at,
        });
        return fromTestCaseDocument(stored);
      }),

    removeTestCase: (policyId, id, at, actor) =>
      ctx.transaction(async (session) => {
        await requirePolicy(policyId, session);
        const removed = await PolicyTestCase.deleteOne({ policyId, testCaseId: id }, { session });
        if (removed.deletedCount === 0) throw testCaseNotFound(policyId, id);
        await appendMongoAuditEvent(ctx.connection, session, {
          actor,
          action: 'policyTestCase.remove',
          targetType: 'policy',
          targetId: policyId,
          before: { testCase: id },
          at,
        });
      }),
  };
}
