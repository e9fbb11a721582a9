/**
 * Internal (tests only): the behaviour every `DecisionLogStore` adapter must show. Called by
 * `defineStoreContractTests`.
 */
import type { BatonStore } from '../../store/baton-store';
import type { DecisionLogRecord } from './decision-log-store';

/** A logged decision with distinct values in every field. */
export function sampleEntry(decisionId: string, extra: Partial<DecisionLogRecord> = {}): DecisionLogRecord {
  return {
    decisionId,
    evaluatedAt: new Date('2025-02-01T09:30:00.123Z'),
    loggedAt: new Date('2025-02-01T09:30:00.456Z'),
    policyId: 'support-default',
    policyVersion: 3,
    contentHash: 'f'.repeat(64),
    conversationId: 'conv-1',
    input: {
      conversationId: 'conv-1',
      customer: { id: 'c1', tier: 'pro' },
      messages: [{ speaker: 'CUSTOMER', text: 'hello', at: new Date('2025-02-01T09:29:00.000Z') }],
    },
    facts: { humanRequested: false, topics: ['security'], negativeStreak: 0 },
    outcome: {
      action: 'HANDOFF',
      reasonCode: 'security_incident',
      reasons: [{ code: 'security_incident', category: 'CONTENT', description: 'Security', evidence: ['message 1'], nodeId: 'h1' }],
      queue: 'trust_safety',
      priority: 'URGENT',
      tier: 'HUMAN_LED',
    },
    latencyMs: 1.25,
    ...extra,
  };
}

const stay = (decisionId: string, extra: Partial<DecisionLogRecord> = {}): DecisionLogRecord =>
  sampleEntry(decisionId, {
    outcome: { action: 'STAY', reasonCode: 'ai_resolving', reasons: [], queue: null, priority: 'LOW', tier: 'AI_RESOLVED' },
    ...extra,
  });

const at = (iso: string): Date => new Date(iso);

/** The store the decision log contract reads and writes. */
type DecisionLogContractStores = Pick<BatonStore, 'decisionLog'>;

/** Registers the decision log contract; `store()` returns a fresh, empty store per test. */
export function describeDecisionLogStoreContract(store: () => DecisionLogContractStores): void {
  describe('decision log', () => {
    it('appends a batch and reads entries back as JSON', async () => {
      const { decisionLog } = store();
      await decisionLog.appendDecisions([sampleEntry('d1'), sampleEntry('d2', { conversationId: 'conv-2' })]);
      expect(await decisionLog.countDecisions()).toBe(2);
      const stored = await decisionLog.getDecision('d1');
      const { input: _input, ...rest } = sampleEntry('d1');
      expect(stored).toEqual({
        ...rest,
        input: {
          conversationId: 'conv-1',
          customer: { id: 'c1', tier: 'pro' },
          messages: [{ speaker: 'CUSTOMER', text: 'hello', at: '2025-02-01T09:29:00.000Z' }],
        },
      });
      expect(await decisionLog.getDecision('missing')).toBeNull();
    });

    it('writes a batch atomically: a duplicate id rejects the whole batch', async () => {
      const { decisionLog } = store();
      await decisionLog.appendDecisions([sampleEntry('d1')]);
      // Not toThrow(): a native driver's errors may come from another realm under jest.
      await expect(decisionLog.appendDecisions([sampleEntry('d2'), sampleEntry('d1')])).rejects.toHaveProperty('message');
      expect(await decisionLog.countDecisions()).toBe(1);
      expect(await decisionLog.getDecision('d2')).toBeNull();
    });

    it('appends an empty batch as a no-op and stores facts as JSON too', async () => {
      const { decisionLog } = store();
      await decisionLog.appendDecisions([]);
      expect(await decisionLog.countDecisions()).toBe(0);
      await decisionLog.appendDecisions([sampleEntry('d1', { facts: { firstMessageAt: new Date('2025-02-01T09:00:00.000Z'), topics: [], nested: {} } })]);
      expect((await decisionLog.getDecision('d1'))?.facts).toEqual({ firstMessageAt: '2025-02-01T09:00:00.000Z', topics: [], nested: {} });
    });

    describe('queryDecisions', () => {
      const seed = () =>
        store().decisionLog.appendDecisions([
          sampleEntry('a-old', { evaluatedAt: at('2025-01-01T00:00:00Z') }),
          stay('b-new', { evaluatedAt: at('2025-03-01T00:00:00Z'), conversationId: 'conv-9' }),
          sampleEntry('c-v4', { policyVersion: 4, evaluatedAt: at('2025-02-15T00:00:00Z') }),
          sampleEntry('d-other', {
            policyId: 'support-eu',
            evaluatedAt: at('2025-02-10T00:00:00Z'),
            outcome: { ...sampleEntry('x').outcome, reasonCode: 'billing_dispute', queue: 'billing', priority: 'HIGH' },
            facts: { channel: 'email', language: 'es' },
          }),
        ]);
      const ids = async (filter: Parameters<BatonStore['decisionLog']['queryDecisions']>[0]['filter'], first = 10) =>
        (await store().decisionLog.queryDecisions({ filter, first })).decisions.map((d) => d.decisionId);

      it('lists newest first by evaluation time', async () => {
        await seed();
        expect(await ids({})).toEqual(['b-new', 'c-v4', 'd-other', 'a-old']);
      });

      it.each([
        [{ policyId: 'support-default' }, ['b-new', 'c-v4', 'a-old']],
        [{ policyId: 'support-default', policyVersion: 4 }, ['c-v4']],
        [{ conversationId: 'conv-9' }, ['b-new']],
        [{ action: 'STAY' as const }, ['b-new']],
        [{ reasonCode: 'billing_dispute' }, ['d-other']],
        [{ reasonCode: 'ai_resolving' }, ['b-new']],
        [{ queue: 'trust_safety' }, ['c-v4', 'a-old']],
        [{ from: at('2025-02-10T00:00:00Z') }, ['b-new', 'c-v4', 'd-other']],
        [{ to: at('2025-02-10T00:00:00Z') }, ['a-old']],
        [{ from: at('2025-02-01T00:00:00Z'), to: at('2025-03-01T00:00:00Z'), queue: 'trust_safety' }, ['c-v4']],
        [{ channel: 'email' }, ['d-other']],
        [{ language: 'es', from: at('2025-02-10T00:00:00Z') }, ['d-other']],
        [{ channel: 'chat' }, []],
        [{ policyId: 'nope' }, []],
      ])('filters by %j', async (filter, expected) => {
        await seed();
        expect(await ids(filter)).toEqual(expected);
      });

      it('pages after a position, breaking ties in evaluation time by id, and says whether more follow', async () => {
        const sameTime = at('2025-05-05T05:05:05.005Z');
        await store().decisionLog.appendDecisions(['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => sampleEntry(id, { evaluatedAt: sameTime })));
        const { decisionLog } = store();
        const first = await decisionLog.queryDecisions({ filter: {}, first: 2 });
        expect(first.decisions.map((d) => d.decisionId)).toEqual(['p5', 'p4']);
        expect(first.hasNextPage).toBe(true);
        const second = await decisionLog.queryDecisions({ filter: {}, first: 2, after: { evaluatedAt: sameTime, decisionId: 'p4' } });
        expect(second.decisions.map((d) => d.decisionId)).toEqual(['p3', 'p2']);
        const last = await decisionLog.queryDecisions({ filter: {}, first: 2, after: { evaluatedAt: sameTime, decisionId: 'p2' } });
        expect(last).toMatchObject({ decisions: [expect.objectContaining({ decisionId: 'p1' })], hasNextPage: false });
      });

      it('pages within a filter and a time range without skipping or repeating', async () => {
        await seed();
        const { decisionLog } = store();
        const filter = { policyId: 'support-default', to: at('2025-03-01T00:00:01Z') };
        const first = await decisionLog.queryDecisions({ filter, first: 1 });
        expect(first).toMatchObject({ decisions: [expect.objectContaining({ decisionId: 'b-new' })], hasNextPage: true });
        const after = { evaluatedAt: at('2025-03-01T00:00:00Z'), decisionId: 'b-new' };
        const rest = await decisionLog.queryDecisions({ filter, first: 5, after });
        expect(rest.decisions.map((d) => d.decisionId)).toEqual(['c-v4', 'a-old']);
        expect(rest.hasNextPage).toBe(false);
      });
    });

    it('lists the distinct customer tiers of the newest decisions, sorted, skipping empty and missing ones', async () => {
      const { decisionLog } = store();
      expect(await decisionLog.recentCustomerTiers(100)).toEqual([]);
      await decisionLog.appendDecisions([
        sampleEntry('t1', { evaluatedAt: at('2025-01-01T00:00:00Z'), facts: { customerTier: 'gold' } }),
        sampleEntry('t2', { evaluatedAt: at('2025-01-02T00:00:00Z'), facts: { customerTier: 'vip' } }),
        sampleEntry('t3', { evaluatedAt: at('2025-01-03T00:00:00Z'), facts: { customerTier: 'free' } }),
        sampleEntry('t4', { evaluatedAt: at('2025-01-04T00:00:00Z'), facts: { customerTier: '' } }),
        sampleEntry('t5', { evaluatedAt: at('2025-01-05T00:00:00Z'), facts: { customerTier: 'vip' } }),
        sampleEntry('t6', { evaluatedAt: at('2025-01-06T00:00:00Z'), facts: {} }),
      ]);
      expect(await decisionLog.recentCustomerTiers(100)).toEqual(['free', 'gold', 'vip']);
      // Only the newest 4 (t3..t6): gold is older.
      expect(await decisionLog.recentCustomerTiers(4)).toEqual(['free', 'vip']);
    });

    it('purges only decisions logged before the cutoff, whatever their evaluation time', async () => {
      const { decisionLog } = store();
      await decisionLog.appendDecisions([
        sampleEntry('old', { loggedAt: at('2025-01-01T00:00:00Z'), evaluatedAt: at('2025-06-01T00:00:00Z') }),
        sampleEntry('edge', { loggedAt: at('2025-02-01T00:00:00Z') }),
        sampleEntry('new', { loggedAt: at('2025-03-01T00:00:00Z'), evaluatedAt: at('2020-01-01T00:00:00Z') }),
      ]);
      expect(await decisionLog.purgeDecisionsLoggedBefore(at('2025-02-01T00:00:00Z'))).toBe(1);
      expect((await decisionLog.queryDecisions({ filter: {}, first: 10 })).decisions.map((d) => d.decisionId).sort()).toEqual(['edge', 'new']);
      expect(await decisionLog.purgeDecisionsLoggedBefore(at('2025-02-01T00:00:00Z'))).toBe(0);
    });
  });
}
