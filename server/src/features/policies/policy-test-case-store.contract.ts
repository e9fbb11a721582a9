/**
 * Internal (tests only): the behaviour every `PolicyTestCaseStore` adapter must show. Called by
 * `defineStoreContractTests`.
 */
import { BatonErrorCode } from '@baton/schemas';
import type { BatonError } from '../../baton-error';
import { newStayPolicy } from '../../test-support/fixtures';
import type { PolicyFeatureStores } from '../../store/baton-store';
import type { Actor } from '../audit/audit-event';
import type { PolicyTestCase } from './policy-test-case-store';

const editor = (keyId: string): Actor => ({ keyId, role: 'editor' });
const T0 = new Date('2025-04-01T08:00:00.000Z');
const T1 = new Date('2025-04-01T09:00:00.000Z');

/** A conversation with every kind of JSON value, as the service stores it (dates as strings). */
const INPUT = {
  conversationId: 'conv-7',
  channel: 'chat',
  customer: { id: 'cus-1', name: 'Zoë Ñandú', tier: 'pro', attributes: { plan: null, seats: 12, ratio: 0.25, tags: ['eu', 'beta'], nested: {} } },
  messages: [{ speaker: 'CUSTOMER', text: '¿Puedo hablar con una persona? 🙏', at: '2025-04-01T07:59:00.000Z' }],
  attempts: [],
};

type NewCase = Omit<PolicyTestCase, 'updatedAt' | 'updatedBy'>;
const handoffCase = (id: string): NewCase => ({
  id,
  name: `Case ${id}`,
  input: INPUT,
  expected: { action: 'HANDOFF', reasonCode: 'human_requested', queue: 'general' },
});

async function expectBatonError(promise: Promise<unknown>, code: BatonErrorCode): Promise<BatonError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: 'BatonError', code });
  return error as BatonError;
}

async function createPolicy({ policies }: PolicyFeatureStores, id: string): Promise<void> {
  await policies.createPolicy(newStayPolicy(id, T0, editor('key-e')));
}

/** Registers the policy test case store contract; `store()` returns a fresh, empty store per test. */
export function describePolicyTestCaseStoreContract(store: () => PolicyFeatureStores): void {
  describe('policy test cases', () => {
    it('saves test cases with their input exactly and lists them by id', async () => {
      const s = store();
      await createPolicy(s, 'p');
      expect(await s.policyTests.listTestCases('p')).toEqual([]);
      const saved = await s.policyTests.saveTestCase('p', handoffCase('refund-es'), T0, editor('key-a'));
      expect(saved).toEqual({ ...handoffCase('refund-es'), updatedAt: T0, updatedBy: 'key-a' });
      await s.policyTests.saveTestCase('p', handoffCase('angry-en'), T0, editor('key-a'));
      const listed = await s.policyTests.listTestCases('p');
      expect(listed.map((c) => c.id)).toEqual(['angry-en', 'refund-es']);
      expect(listed[1]).toStrictEqual(saved);
      expect(await s.policyTests.listTestCases('unknown')).toEqual([]);
    });

    it('replaces a case with the same id whole, keeping what the expectation leaves out absent, and audits before and after', async () => {
      const s = store();
      await createPolicy(s, 'p');
      await s.policyTests.saveTestCase('p', handoffCase('c1'), T0, editor('key-a'));
      const replaced = await s.policyTests.saveTestCase(
        'p',
        { id: 'c1', name: 'Stays with the bot', input: { conversationId: 'conv-8' }, expected: { action: 'STAY', reasonCode: null } },
        T1,
        editor('key-b'),
      );
      const expected = {
        id: 'c1',
        name: 'Stays with the bot',
        input: { conversationId: 'conv-8' },
        expected: { action: 'STAY', reasonCode: null },
        updatedAt: T1,
        updatedBy: 'key-b',
      };
      expect(replaced).toStrictEqual(expected);
      expect(await s.policyTests.listTestCases('p')).toStrictEqual([expected]);
      const events = await s.auditLog.listEvents({ action: 'policyTestCase.save' }, 10, null);
      expect(events).toHaveLength(2);
      expect(events[0]).toMatchObject({ actor: editor('key-a'), targetType: 'policy', targetId: 'p', after: { testCase: 'c1', name: 'Case c1' }, at: T0 });
      expect(events[0]).not.toHaveProperty('before');
      expect(events[1]).toMatchObject({
        actor: editor('key-b'),
        before: { testCase: 'c1', expected: { action: 'HANDOFF', reasonCode: 'human_requested', queue: 'general' } },
        after: { testCase: 'c1', name: 'Stays with the bot', expected: { action: 'STAY', reasonCode: null } },
        at: T1,
      });
    });

    it("keeps each policy's cases apart", async () => {
      const s = store();
      await createPolicy(s, 'p');
      await createPolicy(s, 'q');
      await s.policyTests.saveTestCase('p', handoffCase('same-id'), T0, editor('key-a'));
      await s.policyTests.saveTestCase('q', { ...handoffCase('same-id'), name: 'Other' }, T1, editor('key-b'));
      await s.policyTests.removeTestCase('q', 'same-id', T1, editor('key-b'));
      expect((await s.policyTests.listTestCases('p')).map((c) => c.name)).toEqual(['Case same-id']);
      expect(await s.policyTests.listTestCases('q')).toEqual([]);
    });

    it('removes a case and audits it; an unknown policy or case is NOT_FOUND and writes nothing', async () => {
      const s = store();
      await createPolicy(s, 'p');
      await s.policyTests.saveTestCase('p', handoffCase('c1'), T0, editor('key-a'));
      await s.policyTests.removeTestCase('p', 'c1', T1, editor('key-b'));
      expect(await s.policyTests.listTestCases('p')).toEqual([]);
      expect(await s.auditLog.listEvents({ action: 'policyTestCase.remove' }, 10, null)).toMatchObject([
        { actor: editor('key-b'), targetType: 'policy', targetId: 'p', before: { testCase: 'c1' }, at: T1 },
      ]);
      const skip = (await s.auditLog.scanEvents(0, 100)).length;
      const gone = await expectBatonError(s.policyTests.removeTestCase('p', 'c1', T1, editor('key-b')), BatonErrorCode.NotFound);
      expect(gone.details).toEqual({ policyId: 'p', testCaseId: 'c1' });
      await expectBatonError(s.policyTests.removeTestCase('nope', 'c1', T1, editor('key-b')), BatonErrorCode.NotFound);
      await expectBatonError(s.policyTests.saveTestCase('nope', handoffCase('c1'), T1, editor('key-b')), BatonErrorCode.NotFound);
      expect(await s.auditLog.scanEvents(skip, 100)).toEqual([]);
      expect(await s.policyTests.listTestCases('nope')).toEqual([]);
    });
  });
}
