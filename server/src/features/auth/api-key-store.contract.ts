/**
 * Internal (tests only): the behaviour every `ApiKeyStore` adapter must show. Called by
 * `defineStoreContractTests`.
 */
import { BatonErrorCode } from '@baton/schemas';
import type { BatonStore } from '../../store/baton-store';
import type { ApiKeyRecord } from './api-key-store';

function key(id: string, extra: Partial<ApiKeyRecord> = {}): ApiKeyRecord {
  return {
    id,
    role: 'admin',
    salt: Buffer.from(`salt-${id}`),
    hash: Buffer.from(`hash-${id}`),
    label: `key ${id}`,
    source: 'generated',
    createdAt: new Date('2025-01-01T00:00:00Z'),
    revokedAt: null,
    ...extra,
  };
}

/** Registers the API key store contract; `store()` returns a fresh, empty store per test. */
export function describeApiKeyStoreContract(store: () => BatonStore): void {
  describe('api keys', () => {
    it('has the admin role', async () => {
      expect(await store().apiKeys.listRoles()).toContain('admin');
    });

    it('stores and finds keys by id, refusing duplicates', async () => {
      const { apiKeys } = store();
      expect(await apiKeys.countActiveKeys()).toBe(0);
      await apiKeys.insertKey(key('bk_aaaaaaaaa'));
      expect(await apiKeys.findKey('bk_aaaaaaaaa')).toEqual(key('bk_aaaaaaaaa'));
      expect(await apiKeys.findKey('bk_bbbbbbbbb')).toBeNull();
      await expect(apiKeys.insertKey(key('bk_aaaaaaaaa'))).rejects.toMatchObject({ code: BatonErrorCode.Conflict });
      expect(await apiKeys.countActiveKeys()).toBe(1);
    });

    it('revokes the keys of one source except one', async () => {
      const { apiKeys } = store();
      await apiKeys.insertKey(key('env-old-key1', { source: 'env' }));
      await apiKeys.insertKey(key('env-new-key1', { source: 'env' }));
      await apiKeys.insertKey(key('generated-k1'));
      const at = new Date('2025-06-01T00:00:00Z');
      expect(await apiKeys.revokeKeys('env', 'env-new-key1', at)).toBe(1);
      expect((await apiKeys.findKey('env-old-key1'))?.revokedAt).toEqual(at);
      expect((await apiKeys.findKey('env-new-key1'))?.revokedAt).toBeNull();
      expect(await apiKeys.countActiveKeys()).toBe(2);
    });
  });
}
