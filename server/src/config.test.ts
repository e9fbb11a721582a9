import path from 'node:path';
import {
  ConfigError,
  DEFAULT_DATASET_LIMITS,
  DEFAULT_GRAPHQL_LIMITS,
  DEFAULT_HANDOFF_TIMEOUT_CONFIG,
  DEFAULT_LIMITS,
  DEFAULT_POLICY_POLL_MS,
  DEFAULT_SUBSCRIPTION_CONFIG,
  DEFAULT_WEBHOOK_CONFIG,
  DEFAULT_IDEMPOTENCY_TTL_SECONDS,
  DEFAULT_HEAP_GROWTH_PERCENT,
  loadConfig,
} from './config';
import { DEFAULT_RATE_LIMITS } from './features/rate-limits/rate-limits';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({}, '/srv/baton');
    expect(config).toEqual({
      port: 4000,
      host: '127.0.0.1',
      dataDir: path.resolve('/srv/baton', '.baton'),
      adminKey: undefined,
      mongodbUri: undefined,
      policyPollMs: DEFAULT_POLICY_POLL_MS,
      logLevel: 'info',
      metrics: 'key',
      limits: DEFAULT_LIMITS,
      backtest: DEFAULT_DATASET_LIMITS,
      graphql: DEFAULT_GRAPHQL_LIMITS,
      handoffs: DEFAULT_HANDOFF_TIMEOUT_CONFIG,
      idempotencyTtlSeconds: DEFAULT_IDEMPOTENCY_TTL_SECONDS,
      subscriptions: DEFAULT_SUBSCRIPTION_CONFIG,
      webhooks: DEFAULT_WEBHOOK_CONFIG,
      rateLimits: DEFAULT_RATE_LIMITS,
      heapGrowthPercent: DEFAULT_HEAP_GROWTH_PERCENT,
      decisionLog: { flushMs: 0, batchSize: 100 },
    });
  });

  it('reads the rate limits; 0 turns one off, out of range is refused', () => {
    const env = { BATON_RATE_LIMIT_PER_KEY: '0', BATON_RATE_LIMIT_PER_ADDRESS: '30', BATON_RATE_LIMIT_BURST_SECONDS: '5', BATON_AUTH_FAILURES_PER_MINUTE: '3' };
    expect(loadConfig(env).rateLimits).toEqual({ perKeyPerSecond: null, perAddressPerSecond: 30, burstSeconds: 5, authFailuresPerMinute: 3 });
    expect(() => loadConfig({ BATON_RATE_LIMIT_BURST_SECONDS: '0' })).toThrow(/BATON_RATE_LIMIT_BURST_SECONDS/);
  });

  it('reads the webhook timings; out of range is refused', () => {
    const env = {
      BATON_WEBHOOK_POLL_MS: '50',
      BATON_WEBHOOK_TIMEOUT_MS: '2000',
      BATON_WEBHOOK_CONCURRENCY: '2',
      BATON_WEBHOOK_RETRY_BASE_MS: '100',
      BATON_WEBHOOK_RETRY_MAX_MS: '800',
      BATON_WEBHOOK_MAX_ATTEMPTS: '3',
    };
    expect(loadConfig(env).webhooks).toEqual({ pollMs: 50, timeoutMs: 2000, concurrency: 2, retry: { baseMs: 100, maxMs: 800, maxAttempts: 3 } });
    expect(() => loadConfig({ BATON_WEBHOOK_TIMEOUT_MS: '5', BATON_WEBHOOK_MAX_ATTEMPTS: '0' })).toThrow(
      /BATON_WEBHOOK_TIMEOUT_MS must be between 100 and 120000[\s\S]*BATON_WEBHOOK_MAX_ATTEMPTS must be between 1 and 50/,
    );
  });

  it('reads the subscription settings; out of range is refused', () => {
    expect(DEFAULT_SUBSCRIPTION_CONFIG).toEqual({ queueStatusTickSeconds: 5, maxPerConnection: 20 });
    const env = { BATON_QUEUE_STATUS_TICK_SECONDS: '2', BATON_MAX_SUBSCRIPTIONS_PER_CONNECTION: '3' };
    expect(loadConfig(env).subscriptions).toEqual({ queueStatusTickSeconds: 2, maxPerConnection: 3 });
    expect(() => loadConfig({ BATON_QUEUE_STATUS_TICK_SECONDS: '0', BATON_MAX_SUBSCRIPTIONS_PER_CONNECTION: 'many' })).toThrow(
      /BATON_QUEUE_STATUS_TICK_SECONDS must be between 1 and 3600[\s\S]*BATON_MAX_SUBSCRIPTIONS_PER_CONNECTION must be a whole number/,
    );
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
        BATON_POLICY_POLL_MS: '250',
        BATON_LOG_LEVEL: 'debug',
        BATON_METRICS: 'open',
        BATON_BACKTEST_MAX_ROWS: '1000',
        BATON_BACKTEST_MAX_BYTES: '2048',
        BATON_MAX_JSON_DEPTH: '8',
        BATON_MAX_JSON_BYTES: '4096',
        BATON_MAX_ATTRIBUTES_BYTES: '1024',
        BATON_MAX_CLOCK_SKEW_SECONDS: '60',
        BATON_MAX_QUERY_DEPTH: '9',
        BATON_MAX_ALIASES: '3',
        BATON_MAX_ROOT_FIELDS: '4',
        BATON_MAX_QUERY_TOKENS: '500',
        BATON_MAX_DIRECTIVES: '2',
        BATON_MAX_QUERY_COST: '2000',
        BATON_INTROSPECTION: 'Restricted',
        MONGODB_URI: ' mongodb+srv://baton:pw@cluster0.example.net/baton ',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      dataDir: path.resolve('/srv/data'),
      adminKey: key,
      limits: {
        maxMessages: 50,
        maxMessageChars: 2000,
        maxBodyBytes: 65536,
        maxJsonDepth: 8,
        maxJsonBytes: 4096,
        maxAttributesBytes: 1024,
        maxClockSkewSeconds: 60,
      },
      graphql: { maxDepth: 9, maxAliases: 3, maxRootFields: 4, maxTokens: 500, maxDirectives: 2, maxCost: 2000, introspection: 'restricted' },
      decisionLog: { flushMs: 250, retentionDays: 400 },
      policyPollMs: 250,
      logLevel: 'debug',
      metrics: 'open',
      backtest: { maxRows: 1000, maxBytes: 2048 },
      mongodbUri: 'mongodb+srv://baton:pw@cluster0.example.net/baton',
    });
    expect(loadConfig({ MONGODB_URI: 'mongodb://localhost:27017/baton?replicaSet=rs0' }).mongodbUri).toBe('mongodb://localhost:27017/baton?replicaSet=rs0');
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

  it.each(['99', '600001', '1.5', 'fast'])('refuses BATON_POLICY_POLL_MS=%s (whole ms from 100 to 600000)', (value) => {
    expect(() => loadConfig({ BATON_POLICY_POLL_MS: value })).toThrow(/BATON_POLICY_POLL_MS must be .*between 100 and 600000/);
  });

  it('accepts the bounds of BATON_POLICY_POLL_MS', () => {
    expect(loadConfig({ BATON_POLICY_POLL_MS: '100' }).policyPollMs).toBe(100);
    expect(loadConfig({ BATON_POLICY_POLL_MS: '600000' }).policyPollMs).toBe(600_000);
  });

  it.each([
    ['postgres://baton:s3cret@db.example.net/baton', 'a "postgres:" URI'],
    ['localhost', 'no URI scheme'],
    ['mongodb://', 'a "mongodb:" URI'],
  ])('refuses MONGODB_URI=%s in one line that never echoes the rest of the URI', (value, shown) => {
    let error: unknown;
    try {
      loadConfig({ MONGODB_URI: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^MONGODB_URI must start with mongodb:\/\/ or mongodb\+srv:\/\//);
    expect(problems[0]).toContain(`got ${shown}`);
    expect(problems[0]).not.toContain('s3cret');
  });

  it('reads how long idempotency keys are kept (a day by default), refusing less than a minute or more than 30 days', () => {
    expect(DEFAULT_IDEMPOTENCY_TTL_SECONDS).toBe(86_400);
    expect(loadConfig({ BATON_IDEMPOTENCY_TTL_SECONDS: '3600' }).idempotencyTtlSeconds).toBe(3600);
    expect(() => loadConfig({ BATON_IDEMPOTENCY_TTL_SECONDS: '59' })).toThrow(/BATON_IDEMPOTENCY_TTL_SECONDS must be between 60 and 2592000/);
    expect(() => loadConfig({ BATON_IDEMPOTENCY_TTL_SECONDS: '1d' })).toThrow(/BATON_IDEMPOTENCY_TTL_SECONDS must be a whole number/);
  });

  it("reads V8's heap growth (50% by default; 0 leaves V8's own), refusing anything but a whole number from 0 to 400", () => {
    expect(DEFAULT_HEAP_GROWTH_PERCENT).toBe(50);
    expect(loadConfig({ BATON_HEAP_GROWTH_PERCENT: '0' }).heapGrowthPercent).toBe(0);
    expect(loadConfig({ BATON_HEAP_GROWTH_PERCENT: '120' }).heapGrowthPercent).toBe(120);
    expect(() => loadConfig({ BATON_HEAP_GROWTH_PERCENT: '401' })).toThrow(/BATON_HEAP_GROWTH_PERCENT must be between 0 and 400/);
    expect(() => loadConfig({ BATON_HEAP_GROWTH_PERCENT: '50%' })).toThrow(/BATON_HEAP_GROWTH_PERCENT must be a whole number/);
  });

  it('reads the handoff timeouts; 0 turns one off; out of range is refused', () => {
    expect(DEFAULT_HANDOFF_TIMEOUT_CONFIG).toEqual({ acceptSeconds: 120, maxAgeSeconds: 86_400, sweepSeconds: 5 });
    const env = { BATON_HANDOFF_ACCEPT_TIMEOUT_SECONDS: '45', BATON_HANDOFF_MAX_AGE_SECONDS: '0', BATON_HANDOFF_SWEEP_SECONDS: '2' };
    expect(loadConfig(env).handoffs).toEqual({ acceptSeconds: 45, maxAgeSeconds: null, sweepSeconds: 2 });
    expect(loadConfig({ BATON_HANDOFF_ACCEPT_TIMEOUT_SECONDS: '0', BATON_HANDOFF_SWEEP_SECONDS: '0' }).handoffs).toEqual({
      acceptSeconds: null,
      maxAgeSeconds: 86_400,
      sweepSeconds: null,
    });
    expect(() => loadConfig({ BATON_HANDOFF_ACCEPT_TIMEOUT_SECONDS: '2m', BATON_HANDOFF_SWEEP_SECONDS: '3601' })).toThrow(
      /BATON_HANDOFF_ACCEPT_TIMEOUT_SECONDS must be a whole number[\s\S]*BATON_HANDOFF_SWEEP_SECONDS must be between 0 and 3600/,
    );
  });

  it('reads BATON_LOG_LEVEL in any case, an empty one as the default, and refuses a level pino does not have', () => {
    expect(loadConfig({ BATON_LOG_LEVEL: ' WARN ' }).logLevel).toBe('warn');
    expect(loadConfig({ BATON_LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
    expect(loadConfig({ BATON_LOG_LEVEL: '' }).logLevel).toBe('info');
    expect(() => loadConfig({ BATON_LOG_LEVEL: 'verbose' })).toThrow(
      'BATON_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"',
    );
  });

  it('reads BATON_METRICS in any case, an empty one as the default (key), and refuses another value', () => {
    expect(loadConfig({ BATON_METRICS: ' OFF ' }).metrics).toBe('off');
    expect(loadConfig({ BATON_METRICS: 'open' }).metrics).toBe('open');
    expect(loadConfig({ BATON_METRICS: 'key' }).metrics).toBe('key');
    expect(loadConfig({ BATON_METRICS: '' }).metrics).toBe('key');
    expect(() => loadConfig({ BATON_METRICS: 'true' })).toThrow(/BATON_METRICS must be one of off, open, key .*got "true"/);
  });

  it('hides introspection from keys that do not edit policies in production unless BATON_INTROSPECTION says otherwise', () => {
    expect(loadConfig({}).graphql?.introspection).toBe('on');
    expect(loadConfig({ NODE_ENV: 'production' }).graphql?.introspection).toBe('restricted');
    expect(loadConfig({ NODE_ENV: 'production', BATON_INTROSPECTION: 'on' }).graphql?.introspection).toBe('on');
    expect(loadConfig({ BATON_INTROSPECTION: ' RESTRICTED ' }).graphql?.introspection).toBe('restricted');
    expect(() => loadConfig({ BATON_INTROSPECTION: 'off' })).toThrow(/BATON_INTROSPECTION must be one of on, restricted .*got "off"/);
  });

  it.each([
    ['BATON_MAX_JSON_DEPTH', '1'],
    ['BATON_MAX_JSON_DEPTH', '65'],
    ['BATON_MAX_JSON_BYTES', '100'],
    ['BATON_MAX_ATTRIBUTES_BYTES', '10'],
    ['BATON_MAX_CLOCK_SKEW_SECONDS', '86401'],
    ['BATON_MAX_QUERY_DEPTH', '1'],
    ['BATON_MAX_ALIASES', 'many'],
    ['BATON_MAX_ROOT_FIELDS', '0'],
    ['BATON_MAX_QUERY_TOKENS', '99'],
    ['BATON_MAX_DIRECTIVES', '-1'],
    ['BATON_MAX_QUERY_COST', '99'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name} must be`));
  });

  it('treats an empty MONGODB_URI as unset (the embedded store)', () => {
    expect(loadConfig({ MONGODB_URI: '  ' }).mongodbUri).toBeUndefined();
  });
});
