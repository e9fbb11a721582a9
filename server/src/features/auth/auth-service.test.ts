import fs from 'node:fs';
import path from 'node:path';
import { BatonErrorCode } from '@baton/schemas';
import { silentLogger } from '../../logger';
import type { BatonStore } from '../../store/baton-store';
import { openSqliteStore } from '../../store/sqlite/open-sqlite-store';
import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import { apiKeyId } from './api-key';
import { AuthService } from './auth-service';

const ENV_KEY = 'env-admin-key-0123456789abcdefghijklmnop';

afterAll(removeTempDirs);

describe('AuthService', () => {
  let dir: string;
  let store: BatonStore;
  beforeEach(async () => {
    dir = makeTempDir();
    store = await openSqliteStore(dir);
  });
  afterEach(() => store.close());

  const service = (extra = {}) => new AuthService({ store: store.apiKeys, logger: silentLogger, ...extra });

  it('generates an admin key on first start, announces it once, and accepts it', async () => {
    const announced: string[] = [];
    await service().bootstrap(undefined, (key) => announced.push(key));
    await service().bootstrap(undefined, (key) => announced.push(key));
    expect(announced).toHaveLength(1);
    const key = announced[0] as string;
    expect(key).toMatch(/^bk_[A-Za-z0-9_-]{43}$/);
    expect(await service().authenticate(`Bearer ${key}`)).toEqual({ keyId: apiKeyId(key), role: 'admin' });
  });

  it('never writes a key in clear to the database files', async () => {
    const announced: string[] = [];
    await service().bootstrap(undefined, (key) => announced.push(key));
    await service().bootstrap(ENV_KEY, () => undefined);
    await store.close();
    const bytes = fs
      .readdirSync(dir)
      .map((file) => fs.readFileSync(path.join(dir, file)).toString('latin1'))
      .join('');
    expect(bytes).toContain(apiKeyId(ENV_KEY));
    expect(bytes).not.toContain(ENV_KEY);
    expect(bytes).not.toContain(announced[0]);
    expect(bytes).not.toContain((announced[0] as string).slice(12));
  });

  it('uses BATON_ADMIN_KEY and revokes the previous one when it changes', async () => {
    const announced: string[] = [];
    await service().bootstrap(ENV_KEY, (key) => announced.push(key));
    expect(announced).toEqual([]);
    expect(await service().authenticate(`Bearer ${ENV_KEY}`)).toMatchObject({ role: 'admin' });
    const rotated = 'rotated-key-abcdefghijklmnopqrstuvwxyz0123';
    await service().bootstrap(rotated, () => undefined);
    await expect(service().authenticate(`Bearer ${ENV_KEY}`)).rejects.toMatchObject({ code: BatonErrorCode.Unauthenticated });
    expect(await service().authenticate(`bearer ${rotated}`)).toMatchObject({ role: 'admin' });
    await expect(service().bootstrap(ENV_KEY, () => undefined)).rejects.toThrow(/revoked key/);
  });

  it('refuses missing, malformed, unknown and wrong keys with UNAUTHENTICATED', async () => {
    await service().bootstrap(ENV_KEY, () => undefined);
    const auth = service();
    const wrongSecret = ENV_KEY.slice(0, 12) + 'x'.repeat(ENV_KEY.length - 12);
    for (const header of [undefined, '', 'Basic abc', 'Bearer', 'Bearer short', `Bearer ${'z'.repeat(40)}`, `Bearer ${wrongSecret}`]) {
      await expect(auth.authenticate(header)).rejects.toMatchObject({ name: 'BatonError', code: BatonErrorCode.Unauthenticated });
    }
  });

  it('caches verified keys so the hot path does not run scrypt every request', async () => {
    await service().bootstrap(ENV_KEY, () => undefined);
    const findKey = jest.spyOn(store.apiKeys, 'findKey');
    let now = 0;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const auth = service({ cacheTtlMs: 1000 });
      await Promise.all([1, 2, 3].map(() => auth.authenticate(`Bearer ${ENV_KEY}`)));
      await auth.authenticate(`Bearer ${ENV_KEY}`);
      expect(findKey).toHaveBeenCalledTimes(1);
      now = 1001;
      await auth.authenticate(`Bearer ${ENV_KEY}`);
      expect(findKey).toHaveBeenCalledTimes(2);
    } finally {
      jest.restoreAllMocks();
    }
  });
});
