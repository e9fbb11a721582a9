/**
 * Internal (tests only): the behaviour every `IdempotencyStore` adapter must show, through the
 * service that uses it — a key claimed, answered and replayed; scoped per API key; a second claim
 * while the first runs refused; a released, expired or abandoned claim taken again; expired
 * records deleted; a duplicate insert reported as `DuplicateKeyError`. Called by
 * `defineStoreContractTests`.
 */
import { BatonErrorCode } from '@baton/schemas';
import type { BatonStore } from '../../store/baton-store';
import { DuplicateKeyError } from '../../store/unit-of-work';
import { PENDING_LEASE_SECONDS } from './idempotency-rules';
import { IdempotencyService } from './idempotency-service';
import type { IdempotencyRecord } from './idempotency-store';

const T0 = Date.parse('2026-08-01T10:00:00.000Z');

/** The store the idempotency contract reads and writes. */
type IdempotencyContractStores = Pick<BatonStore, 'idempotency'>;

export function describeIdempotencyStoreContract(store: () => IdempotencyContractStores): void {
  describe('idempotency keys', () => {
    let now = T0;
    const service = () => new IdempotencyService({ store: store().idempotency, ttlSeconds: 600, clock: () => new Date(now) });
    beforeEach(() => {
      now = T0;
    });
    const codeOf = async (promise: Promise<unknown>) =>
      promise.then(
        () => 'resolved',
        (e: { code?: string }) => e.code,
      );

    it('claims a key, stores the answer, replays it for the same request only, per API key', async () => {
      const s = service();
      const claim = await s.claim('key-a', 'k1', 'decideHandoff', 'hash-1');
      expect(claim).toEqual({ kind: 'claimed', apiKeyId: 'key-a', key: 'k1', claimedAt: new Date(T0) });
      expect(await codeOf(s.claim('key-a', 'k1', 'decideHandoff', 'hash-1'))).toBe(BatonErrorCode.Conflict);
      if (claim.kind !== 'claimed') throw new Error('claimed');
      await s.complete(claim, '{"data":{"x":1}}');
      now += 1000;
      expect(await s.claim('key-a', 'k1', 'decideHandoff', 'hash-1')).toEqual({ kind: 'replay', response: '{"data":{"x":1}}' });
      expect(await codeOf(s.claim('key-a', 'k1', 'decideHandoff', 'hash-2'))).toBe(BatonErrorCode.IdempotencyKeyReused);
      expect(await codeOf(s.claim('key-a', 'k1', 'startHandoff', 'hash-1'))).toBe(BatonErrorCode.IdempotencyKeyReused);
      expect((await s.claim('key-b', 'k1', 'decideHandoff', 'hash-2')).kind).toBe('claimed');
    });

    it('frees a released claim, and lets a retry take over an abandoned one after the lease', async () => {
      const s = service();
      const first = await s.claim('key-a', 'k2', 'startHandoff', 'h');
      if (first.kind !== 'claimed') throw new Error('claimed');
      await s.release(first);
      const second = await s.claim('key-a', 'k2', 'startHandoff', 'other');
      expect(second.kind).toBe('claimed');
      now += (PENDING_LEASE_SECONDS - 1) * 1000;
      expect(await codeOf(s.claim('key-a', 'k2', 'startHandoff', 'other'))).toBe(BatonErrorCode.Conflict);
      now += 1000;
      const takeover = await s.claim('key-a', 'k2', 'startHandoff', 'other');
      expect(takeover).toMatchObject({ kind: 'claimed', claimedAt: new Date(now) });
      // The abandoned request finishing late stores nothing over the new claim.
      if (second.kind !== 'claimed' || takeover.kind !== 'claimed') throw new Error('claimed');
      await s.complete(second, '{"data":"late"}');
      await s.complete(takeover, '{"data":"fresh"}');
      expect(await s.claim('key-a', 'k2', 'startHandoff', 'other')).toEqual({ kind: 'replay', response: '{"data":"fresh"}' });
    });

    it('forgets a key at its expiry and deletes expired records', async () => {
      const s = service();
      const claim = await s.claim('key-a', 'k3', 'decideHandoff', 'h');
      if (claim.kind !== 'claimed') throw new Error('claimed');
      await s.complete(claim, '{"data":1}');
      now += 600_000;
      expect((await s.claim('key-a', 'k3', 'decideHandoff', 'another')).kind).toBe('claimed');
      const keys = await store().idempotency.transaction((k) => k.find('key-a', 'k3'));
      expect(keys).toMatchObject({ requestHash: 'another', status: 'PENDING', expiresAt: new Date(now + 600_000) });
      await store().idempotency.transaction((k) => k.removeExpired(new Date(now + 600_000)));
      expect(await store().idempotency.transaction((k) => k.find('key-a', 'k3'))).toBeNull();
    });

    it('reports a duplicate insert as DuplicateKeyError and writes nothing', async () => {
      const record: IdempotencyRecord = {
        apiKeyId: 'key-a',
        key: 'k4',
        operation: 'decideHandoff',
        requestHash: 'h',
        status: 'COMPLETED',
        response: '{}',
        createdAt: new Date(T0),
        expiresAt: new Date(T0 + 1000),
      };
      await store().idempotency.transaction((k) => k.insert(record));
      await expect(store().idempotency.transaction((k) => k.insert({ ...record, requestHash: 'other' }))).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await store().idempotency.transaction((k) => k.find('key-a', 'k4'))).toEqual(record);
    });
  });
}
