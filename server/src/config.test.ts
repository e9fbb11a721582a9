import path from 'node:path';
import { ConfigError, DEFAULT_LIMITS, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({}, '/srv/baton');
    expect(config).toEqual({
      port: 4000,
      host: '127.0.0.1',
      dataDir: path.resolve('/srv/baton', '.baton'),
      adminKey: undefined,
      limits: DEFAULT_LIMITS,
      decisionLog: { flushMs: 1000, batchSize: 100 },
    });
  });

  it('reads every variable', () => {
    const key = 'k'.repeat(40);
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '0.0.0.0',
        BATON_DATA_DIR: 'data',
        BATON_ADMIN_KEY: key,
        BATON_MAX_MESSAGES: '50',
        BATON_MAX_MESSAGE_CHARS: '2000',
        BATON_MAX_BODY_BYTES: '65536',
        BATON_DECISION_LOG_FLUSH_MS: '250',
        BATON_DECISION_RETENTION_DAYS: '400',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      dataDir: path.resolve('/srv/data'),
      adminKey: key,
      limits: { maxMessages: 50, maxMessageChars: 2000, maxBodyBytes: 65536 },
      decisionLog: { flushMs: 250, retentionDays: 400 },
    });
  });

  it('reports every invalid variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'http', BATON_MAX_MESSAGES: '0', BATON_ADMIN_KEY: 'short', BATON_DECISION_LOG_FLUSH_MS: '-5' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT must be a whole number/);
    expect(problems.join('\n')).toMatch(/BATON_MAX_MESSAGES must be between 1 and/);
    expect(problems.join('\n')).toMatch(/BATON_ADMIN_KEY must be at least 32 characters/);
    expect(problems.join('\n')).toMatch(/BATON_DECISION_LOG_FLUSH_MS/);
  });

  it.each(['0', '-1', '30d', '36501'])('refuses BATON_DECISION_RETENTION_DAYS=%s; unset or empty keeps decisions forever', (value) => {
    expect(() => loadConfig({ BATON_DECISION_RETENTION_DAYS: value })).toThrow(/BATON_DECISION_RETENTION_DAYS must be/);
    expect(loadConfig({ BATON_DECISION_RETENTION_DAYS: ' ' }).decisionLog.retentionDays).toBeUndefined();
  });
});
