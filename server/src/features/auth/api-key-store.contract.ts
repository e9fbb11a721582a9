/**
 * Internal (tests only): the behaviour every `ApiKeyStore` adapter must show. Called by
 * `defineStoreContractTests`.
 */
import { BatonErrorCode } from '@baton/schemas';
import { SYSTEM_ACTOR, type Actor } from '../audit/audit-event';
import type { BatonStore } from '../../store/baton-store';
import type { ApiKeyRecord } from './api-key-store';
import { ROLES } from './roles';

const ADMIN: Actor = { keyId: 'admin-key-01', role: 'admin' };

function key(id: string, extra: Partial<ApiKeyRecord> = {}): ApiKeyRecord {
  return {
    id,
    role: 'admin',
    salt: Buffer.from(`salt-${id}`),
    hash: Buffer.from(`hash-${id}`),
    label: `key ${id}`,
    source: 'generated',
    createdAt: new Date('2025-01-01T00:00:00Z'),
    createdBy: null,
    lastUsedAt: null,
    revokedAt: null,
    ...extra,
  };
}

/** Registers the API key store contract; `store()` returns a fresh, empty store per test. */
export function describeApiKeyStoreContract(store: () => Pick<BatonStore, 'apiKeys' | 'auditLog'>): void {
  describe('api keys', () => {
    it('has every role', async () => {
      expect(await store().apiKeys.listRoles()).toEqual([...ROLES].sort());
    });

    it('stores and finds keys by id, refusing duplicates, and audits the creation', async () => {
      const { apiKeys, auditLog } = store();
      expect(await apiKeys.countActiveKeys()).toBe(0);
      await apiKeys.insertKey(key('bk_aaaaaaaaa'), SYSTEM_ACTOR);
      expect(await apiKeys.findKey('bk_aaaaaaaaa')).toEqual(key('bk_aaaaaaaaa'));
      expect(await apiKeys.findKey('bk_bbbbbbbbb')).toBeNull();
      await expect(apiKeys.insertKey(key('bk_aaaaaaaaa'), SYSTEM_ACTOR)).rejects.toMatchObject({ code: BatonErrorCode.Conflict });
      expect(await apiKeys.countActiveKeys()).toBe(1);
      const events = await auditLog.listEvents({}, 10, null);
      expect(events.map((e) => [e.action, e.targetId, e.actor.role])).toEqual([['apiKey.create', 'bk_aaaaaaaaa', 'system']]);
    });

    it('revokes the keys of one source except one', async () => {
      const { apiKeys } = store();
      await apiKeys.insertKey(key('env-old-key1', { source: 'env' }), SYSTEM_ACTOR);
      await apiKeys.insertKey(key('env-new-key1', { source: 'env' }), SYSTEM_ACTOR);
      await apiKeys.insertKey(key('generated-k1'), SYSTEM_ACTOR);
      const at = new Date('2025-06-01T00:00:00Z');
      expect(await apiKeys.revokeKeys('env', 'env-new-key1', at, SYSTEM_ACTOR)).toBe(1);
      expect((await apiKeys.findKey('env-old-key1'))?.revokedAt).toEqual(at);
      expect((await apiKeys.findKey('env-new-key1'))?.revokedAt).toBeNull();
      expect(await apiKeys.countActiveKeys()).toBe(2);
    });

    it('revokes one key, refusing unknown, revoked and last-admin keys without writing', async () => {
      const { apiKeys, auditLog } = store();
      await apiKeys.insertKey(key('admin-key-01'), SYSTEM_ACTOR);
      await apiKeys.insertKey(key('bot-key-0001', { role: 'bot', createdBy: 'admin-key-01' }), ADMIN);
      const at = new Date('2025-06-01T00:00:00Z');
      await expect(apiKeys.revokeKey('nope-nope-01', at, ADMIN)).rejects.toMatchObject({ code: BatonErrorCode.NotFound });
      await expect(apiKeys.revokeKey('admin-key-01', at, ADMIN)).rejects.toMatchObject({ code: BatonErrorCode.BadUserInput });
      expect((await apiKeys.revokeKey('bot-key-0001', at, ADMIN)).revokedAt).toEqual(at);
      await expect(apiKeys.revokeKey('bot-key-0001', at, ADMIN)).rejects.toMatchObject({ code: BatonErrorCode.BadUserInput });
      expect(await apiKeys.countActiveKeys('admin')).toBe(1);
      expect(await apiKeys.countActiveKeys('bot')).toBe(0);
      const actions = (await auditLog.listEvents({}, 10, null)).map((e) => e.action);
      expect(actions).toEqual(['apiKey.create', 'apiKey.create', 'apiKey.revoke']);
    });

    it('revokes every active key of a source when no key is spared, auditing each, and counts by role', async () => {
      const { apiKeys, auditLog } = store();
      await apiKeys.insertKey(key('generated-a1', { role: 'editor' }), SYSTEM_ACTOR);
      await apiKeys.insertKey(key('generated-a2', { role: 'bot' }), SYSTEM_ACTOR);
      await apiKeys.insertKey(key('env-admin-01', { source: 'env' }), SYSTEM_ACTOR);
      const at = new Date('2025-06-01T00:00:00Z');
      expect(await apiKeys.revokeKeys('generated', null, at, ADMIN)).toBe(2);
      expect(await apiKeys.revokeKeys('generated', null, at, ADMIN)).toBe(0);
      expect([await apiKeys.countActiveKeys(), await apiKeys.countActiveKeys('admin'), await apiKeys.countActiveKeys('editor')]).toEqual([1, 1, 0]);
      const revocations = await auditLog.listEvents({ action: 'apiKey.revoke' }, 10, null);
      expect(revocations.map((e) => [e.targetId, e.before, e.after]).sort()).toEqual([
        ['generated-a1', { role: 'editor', revoked: false }, { role: 'editor', revoked: true }],
        ['generated-a2', { role: 'bot', revoked: false }, { role: 'bot', revoked: true }],
      ]);
      expect((await apiKeys.listKeys()).map((k) => [k.id, k.revokedAt])).toEqual([
        ['env-admin-01', null],
        ['generated-a1', at],
        ['generated-a2', at],
      ]);
    });

    it('revokes an admin key while another admin key stays active', async () => {
      const { apiKeys } = store();
      await apiKeys.insertKey(key('admin-key-01'), SYSTEM_ACTOR);
      await apiKeys.insertKey(key('admin-key-02'), SYSTEM_ACTOR);
      const at = new Date('2025-06-01T00:00:00Z');
      expect(await apiKeys.revokeKey('admin-key-01', at, ADMIN)).toEqual(key('admin-key-01', { revokedAt: at }));
      await expect(apiKeys.revokeKey('admin-key-02', at, ADMIN)).rejects.toMatchObject({ code: BatonErrorCode.BadUserInput });
    });

    it('keeps one admin key active when the last two are revoked at the same time', async () => {
      const { apiKeys } = store();
      await apiKeys.insertKey(key('admin-key-01'), SYSTEM_ACTOR);
      await apiKeys.insertKey(key('admin-key-02'), SYSTEM_ACTOR);
      const at = new Date('2025-06-01T00:00:00Z');
      const results = await Promise.allSettled([apiKeys.revokeKey('admin-key-01', at, ADMIN), apiKeys.revokeKey('admin-key-02', at, ADMIN)]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: BatonErrorCode.BadUserInput } });
      expect(await apiKeys.countActiveKeys('admin')).toBe(1);
    });

    it('records last use without an audit event and lists keys oldest first', async () => {
      const { apiKeys, auditLog } = store();
      await apiKeys.insertKey(key('key-one-0001', { createdAt: new Date('2025-01-01T00:00:00Z') }), SYSTEM_ACTOR);
      await apiKeys.insertKey(key('key-two-0002', { createdAt: new Date('2025-02-01T00:00:00Z'), role: 'auditor' }), SYSTEM_ACTOR);
      const at = new Date('2025-03-01T12:00:00Z');
      await apiKeys.touchKey('key-two-0002', at);
      await apiKeys.touchKey('unknown-0003', at);
      const keys = await apiKeys.listKeys();
      expect(keys.map((k) => [k.id, k.role, k.lastUsedAt])).toEqual([
        ['key-one-0001', 'admin', null],
        ['key-two-0002', 'auditor', at],
      ]);
      // Using a key changes nothing an auditor follows.
      expect((await auditLog.listEvents({}, 10, null)).map((e) => e.action)).toEqual(['apiKey.create', 'apiKey.create']);
    });
  });
}
