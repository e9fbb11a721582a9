import { BatonErrorCode } from '@baton/schemas';
import { SYSTEM_ACTOR } from '../audit/audit-event';
import type { ApiKeyRecord } from './api-key-store';
import { createdKey, revokedKey, revokedKeys } from './api-key-transitions';

const T0 = new Date('2026-03-01T09:00:00.000Z');
const T1 = new Date('2026-03-02T09:00:00.000Z');

function key(id: string, extra: Partial<ApiKeyRecord> = {}): ApiKeyRecord {
  return {
    id,
    role: 'admin',
    salt: Buffer.from('salt'),
    hash: Buffer.from('hash'),
    label: id,
    source: 'generated',
    createdAt: T0,
    createdBy: null,
    lastUsedAt: null,
    revokedAt: null,
    ...extra,
  };
}

describe('API key transitions (the rules, without storage)', () => {
  it('creates a key under a free id only', () => {
    expect(createdKey(null, key('bk_aaaaaaaaa'), SYSTEM_ACTOR).event).toMatchObject({
      action: 'apiKey.create',
      after: { name: 'bk_aaaaaaaaa', role: 'admin', source: 'generated' },
    });
    expect(() => createdKey(key('bk_aaaaaaaaa'), key('bk_aaaaaaaaa'), SYSTEM_ACTOR)).toThrow(expect.objectContaining({ code: BatonErrorCode.Conflict }));
  });

  it('never revokes the last active admin key, an unknown key or one revoked already', () => {
    expect(() => revokedKey('bk_aaaaaaaaa', key('bk_aaaaaaaaa'), 1, T1, SYSTEM_ACTOR)).toThrow(/last active admin key/);
    expect(revokedKey('bk_aaaaaaaaa', key('bk_aaaaaaaaa'), 2, T1, SYSTEM_ACTOR).record.revokedAt).toEqual(T1);
    expect(revokedKey('bk_bot000000', key('bk_bot000000', { role: 'bot' }), 1, T1, SYSTEM_ACTOR).event).toMatchObject({
      before: { role: 'bot', revoked: false },
    });
    expect(() => revokedKey('bk_gone00000', null, 2, T1, SYSTEM_ACTOR)).toThrow(expect.objectContaining({ code: BatonErrorCode.NotFound }));
    expect(() => revokedKey('bk_aaaaaaaaa', key('bk_aaaaaaaaa', { revokedAt: T0 }), 2, T1, SYSTEM_ACTOR)).toThrow(/already revoked/);
  });

  it('audits each key a rotation retires', () => {
    expect(revokedKeys([key('env-old-key1', { source: 'env' }), key('env-old-key2', { source: 'env' })], T1, SYSTEM_ACTOR).map((e) => e.targetId)).toEqual([
      'env-old-key1',
      'env-old-key2',
    ]);
  });
});
