/**
 * Server configuration from environment variables, validated once at start-up. Every problem
 * is reported at once in a `ConfigError` so an operator fixes them in one go.
 */
import path from 'node:path';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from './features/rate-limits/rate-limits';

/** Request limits that protect the decision hot path. */
export interface RequestLimits {
  /** Most messages one `decideHandoff` may carry (`BATON_MAX_MESSAGES`, default 500). */
  maxMessages: number;
  /** Most characters in one message text (`BATON_MAX_MESSAGE_CHARS`, default 10,000). */
  maxMessageChars: number;
  /** Largest HTTP request body in bytes (`BATON_MAX_BODY_BYTES`, default 2 MiB). */
  maxBodyBytes: number;
  /** Deepest nesting of any `JSON` input value (`BATON_MAX_JSON_DEPTH`, default 16). */
  maxJsonDepth: number;
  /** Largest `JSON` input value, as JSON in bytes (`BATON_MAX_JSON_BYTES`, default 1 MiB: a policy's settings are about 70 KB). */
  maxJsonBytes: number;
  /** Largest `attributes`, `customer.attributes` and `pageContext` of a decision input, each, in bytes (`BATON_MAX_ATTRIBUTES_BYTES`, default 16 KiB). */
  maxAttributesBytes: number;
  /** How far in the future of the server clock a decision input's times may be, in seconds (`BATON_MAX_CLOCK_SKEW_SECONDS`, default 300). */
  maxClockSkewSeconds: number;
}

/** Values of `BATON_INTROSPECTION`: `on` (every key), `restricted` (ADMIN, PUBLISHER and EDITOR keys only). */
export const INTROSPECTION_MODES = ['on', 'restricted'] as const;
export type IntrospectionMode = (typeof INTROSPECTION_MODES)[number];

/** Limits of one GraphQL operation, checked before anything runs (see `server/src/graphql/operation-limits.ts`). */
export interface GraphQLLimits {
  /** Deepest field nesting (`BATON_MAX_QUERY_DEPTH`, default 12). */
  maxDepth: number;
  /** Most aliases in the document (`BATON_MAX_ALIASES`, default 15). */
  maxAliases: number;
  /** Most root fields one operation selects (`BATON_MAX_ROOT_FIELDS`, default 10). */
  maxRootFields: number;
  /** Most lexical tokens in the document (`BATON_MAX_QUERY_TOKENS`, default 3000). */
  maxTokens: number;
  /** Most directives in the document (`BATON_MAX_DIRECTIVES`, default 20). */
  maxDirectives: number;
  /** Highest cost of one operation (`BATON_MAX_QUERY_COST`, default 10,000; the model is in `query-cost.ts`). */
  maxCost: number;
  /**
   * Who may introspect the schema and read field suggestions in error messages
   * (`BATON_INTROSPECTION`; default `restricted` when `NODE_ENV=production`, else `on`).
   */
  introspection: IntrospectionMode;
}

/** Size limits of one backtest dataset. */
export interface DatasetLimits {
  /** Most conversations (rows) in one dataset (`BATON_BACKTEST_MAX_ROWS`, default 50,000). */
  maxRows: number;
  /** Largest dataset file in bytes (`BATON_BACKTEST_MAX_BYTES`, default 50 MiB). */
  maxBytes: number;
}

/** Levels of `BATON_LOG_LEVEL`, most severe first; `silent` writes nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Values of `BATON_METRICS`: `off` (no `/metrics`, 404), `open` (anyone may read it), `key`
 * (an API key of role admin or auditor, the default).
 */
export const METRICS_MODES = ['off', 'open', 'key'] as const;
export type MetricsMode = (typeof METRICS_MODES)[number];

/** Everything `createBatonServer` needs. */
export interface BatonConfig {
  /** TCP port; 0 picks a free one (tests). `PORT`, default 4000. */
  port: number;
  /** Interface to bind. `HOST`, default 127.0.0.1. */
  host: string;
  /** Absolute directory of the SQLite file. `BATON_DATA_DIR`, default `.baton` under the cwd. */
  dataDir: string;
  /** Bootstrap admin key (`BATON_ADMIN_KEY`); one is generated and printed once when unset. */
  adminKey?: string;
  /**
   * MongoDB connection string (`MONGODB_URI`, `mongodb://` or `mongodb+srv://`); when set, the
   * MongoDB store is used instead of the SQLite file in `dataDir`.
   */
  mongodbUri?: string;
  /**
   * How often, in ms, each server re-reads the policy heads it has cached, so an activation made
   * through another server sharing the store is used here within this interval
   * (`BATON_POLICY_POLL_MS`, 100 to 600,000, default 1000). `loadConfig` always sets it;
   * configurations built in code may leave it out for the default.
   */
  policyPollMs?: number;
  /**
   * Lowest level of the lines logged (`BATON_LOG_LEVEL`, one of `LOG_LEVELS`, default `info`).
   * `loadConfig` always sets it; configurations built in code may leave it out for the default.
   */
  logLevel?: LogLevel;
  /**
   * Who may read `GET /metrics` (`BATON_METRICS`, one of `METRICS_MODES`, default `key`).
   * `loadConfig` always sets it; configurations built in code may leave it out for the default.
   */
  metrics?: MetricsMode;
  limits: RequestLimits;
  /** Backtest dataset limits; `loadConfig` always sets them, configurations built in code may leave them out for the defaults. */
  backtest?: DatasetLimits;
  /** Handoff timeouts and their sweep; `loadConfig` always sets them, configurations built in code may leave them out for the defaults. */
  handoffs?: HandoffTimeoutConfig;
  /**
   * Seconds an `Idempotency-Key` and its answer are kept; a retry after that runs again
   * (`BATON_IDEMPOTENCY_TTL_SECONDS`, 60 to 2,592,000, default 86,400). `loadConfig` always sets
   * it; configurations built in code may leave it out for the default.
   */
  idempotencyTtlSeconds?: number;
  /** Subscriptions over graphql-ws; `loadConfig` always sets them, configurations built in code may leave them out for the defaults. */
  subscriptions?: SubscriptionConfig;
  /** GraphQL operation limits; `loadConfig` always sets them, configurations built in code may leave them out for the defaults. */
  graphql?: GraphQLLimits;
  /** Rate limits (`features/rate-limits/rate-limits.ts`); `loadConfig` always sets them, configurations built in code (tests) leave them out for none. */
  rateLimits?: RateLimitConfig;
  /** Webhook delivery timings; `loadConfig` always sets them, configurations built in code may leave them out for the defaults. */
  webhooks?: WebhookConfig;
  /**
   * How far V8 lets the heap grow past what a full collection left live before the next one, in
   * percent (`BATON_HEAP_GROWTH_PERCENT`, 0 to 400, default 50; 0 leaves V8's own heuristics).
   * V8 alone lets a server's heap reach three to four times its live data under load (about
   * 500 MB resident at 50 connections); 50 keeps it near 250 MB at the same CPU per decision,
   * with more, shorter full collections (README, Benchmark). `loadConfig` always sets it.
   */
  heapGrowthPercent?: number;
  decisionLog: {
    /**
     * Longest time, in ms, the first logged decision of a write waits for others to share its
     * transaction (`BATON_DECISION_LOG_FLUSH_MS`, 0 to 1000, default 0: the next turn of the event
     * loop). A logged decision is answered only once its transaction has committed (group commit);
     * decisions arriving while a write runs share the next one, so batching needs no wait.
     */
    flushMs: number;
    /** Most decisions in one transaction (fixed at 100). */
    batchSize: number;
    /** Delete decisions logged more than this many days ago (`BATON_DECISION_RETENTION_DAYS`); unset keeps them forever. */
    retentionDays?: number;
  };
}

/** Thrown by `loadConfig` with one line per invalid variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

export const DEFAULT_LIMITS: RequestLimits = {
  maxMessages: 500,
  maxMessageChars: 10_000,
  maxBodyBytes: 2 * 1024 * 1024,
  maxJsonDepth: 16,
  maxJsonBytes: 1024 * 1024,
  maxAttributesBytes: 16 * 1024,
  maxClockSkewSeconds: 300,
};
export const DEFAULT_GRAPHQL_LIMITS: GraphQLLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxRootFields: 10,
  maxTokens: 3000,
  maxDirectives: 20,
  maxCost: 10_000,
  introspection: 'on',
};
export const DEFAULT_DATASET_LIMITS: DatasetLimits = { maxRows: 50_000, maxBytes: 50 * 1024 * 1024 };

/** Timeouts of open handoffs (`server/src/features/handoffs/handoff-lifecycle.ts`); 0 in a variable turns that timeout off (null). */
export interface HandoffTimeoutConfig {
  /** An ASSIGNED handoff not accepted (`acceptHandoff`) within this many seconds goes back to the queue for the next agent (`BATON_HANDOFF_ACCEPT_TIMEOUT_SECONDS`, default 120). */
  acceptSeconds: number | null;
  /** An open handoff this many seconds after its start expires, its capacity given back (`BATON_HANDOFF_MAX_AGE_SECONDS`, default 86,400). */
  maxAgeSeconds: number | null;
  /** Seconds between sweeps of the timeouts, which reads and changes of handoffs also apply (`BATON_HANDOFF_SWEEP_SECONDS`, default 5). */
  sweepSeconds: number | null;
}
/** Default of `BatonConfig.idempotencyTtlSeconds`: a day, as common API practice (Stripe keeps keys 24 hours). */
export const DEFAULT_IDEMPOTENCY_TTL_SECONDS = 86_400;

export const DEFAULT_HANDOFF_TIMEOUT_CONFIG: HandoffTimeoutConfig = { acceptSeconds: 120, maxAgeSeconds: 86_400, sweepSeconds: 5 };

/** GraphQL subscriptions over graphql-ws (`server/src/http/graphql-ws.ts`). */
export interface SubscriptionConfig {
  /** Seconds between recomputations of the queue figures `queueStatusUpdated` pushes while nothing happens (`BATON_QUEUE_STATUS_TICK_SECONDS`, default 5). */
  queueStatusTickSeconds: number;
  /** Most subscriptions open at once on one WebSocket (`BATON_MAX_SUBSCRIPTIONS_PER_CONNECTION`, default 20). */
  maxPerConnection: number;
}
export const DEFAULT_SUBSCRIPTION_CONFIG: SubscriptionConfig = { queueStatusTickSeconds: 5, maxPerConnection: 20 };
/**
 * Webhook delivery (`server/src/features/webhooks/`): polling, the request timeout, how many
 * requests run at once, and the retry schedule (exponential backoff with equal jitter, see
 * `webhook-backoff.ts`). Defaults: 1 s poll, 10 s timeout, 4 in flight, 12 attempts from 5 s to
 * at most 1 h apart (about 2.4 h of retries before a delivery is dead-lettered).
 */
export interface WebhookConfig {
  /** How often due deliveries are looked for, ms (`BATON_WEBHOOK_POLL_MS`, 10 to 60,000, default 1000). */
  pollMs: number;
  /** Longest wait for a receiver's answer, ms (`BATON_WEBHOOK_TIMEOUT_MS`, 100 to 120,000, default 10,000). */
  timeoutMs: number;
  /** Most requests in flight at once per server (`BATON_WEBHOOK_CONCURRENCY`, 1 to 64, default 4). */
  concurrency: number;
  retry: {
    /** Wait before the first retry, ms, before jitter (`BATON_WEBHOOK_RETRY_BASE_MS`, 10 to 3,600,000, default 5000). */
    baseMs: number;
    /** Longest wait between attempts, ms, before jitter (`BATON_WEBHOOK_RETRY_MAX_MS`, 100 to 86,400,000, default 3,600,000). */
    maxMs: number;
    /** Attempts before a delivery is dead-lettered, the first included (`BATON_WEBHOOK_MAX_ATTEMPTS`, 1 to 50, default 12). */
    maxAttempts: number;
  };
}
export const DEFAULT_WEBHOOK_CONFIG: WebhookConfig = {
  pollMs: 1000,
  timeoutMs: 10_000,
  concurrency: 4,
  retry: { baseMs: 5000, maxMs: 3_600_000, maxAttempts: 12 },
};
/** Default of `BatonConfig.heapGrowthPercent` (measured in `npm run bench`, README, Benchmark). */
export const DEFAULT_HEAP_GROWTH_PERCENT = 50;
/** Minimum length of `BATON_ADMIN_KEY`; its first 12 characters are stored in clear as its key id. */
export const MIN_ADMIN_KEY_LENGTH = 32;

/** Default of `BATON_POLICY_POLL_MS`: an activation made through another server reaches this one within about a second. */
export const DEFAULT_POLICY_POLL_MS = 1000;
/** Bounds of `BATON_POLICY_POLL_MS` in ms: below 100 the polls alone would load the store; above 10 minutes a rollback takes too long to reach every server. */
const POLICY_POLL_MS = { min: 100, max: 600_000 };

type Env = Record<string, string | undefined>;

function readInt(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) {
    problems.push(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
    return fallback;
  }
  const value = Number(raw);
  if (value < min || value > max) {
    problems.push(`${name} must be between ${min} and ${max}, got ${value}`);
    return fallback;
  }
  return value;
}

function readAdminKey(env: Env, problems: string[]): string | undefined {
  const raw = env.BATON_ADMIN_KEY;
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < MIN_ADMIN_KEY_LENGTH || !/^[A-Za-z0-9._~-]+$/.test(raw)) {
    problems.push(
      `BATON_ADMIN_KEY must be at least ${MIN_ADMIN_KEY_LENGTH} characters of A-Z a-z 0-9 . _ ~ - ` +
        `(e.g. the output of "openssl rand -hex 32"); leave it unset to have one generated`,
    );
    return undefined;
  }
  return raw;
}

function readMongodbUri(env: Env, problems: string[]): string | undefined {
  const raw = env.MONGODB_URI?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (!/^mongodb(\+srv)?:\/\/./.test(raw)) {
    // Only the scheme is shown: the rest may hold a password.
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(raw)?.[0];
    problems.push(
      `MONGODB_URI must start with mongodb:// or mongodb+srv:// (e.g. mongodb://localhost:27017/baton?replicaSet=rs0), got ${scheme ? `a "${scheme}" URI` : 'no URI scheme'}; leave it unset to use the embedded SQLite store`,
    );
    return undefined;
  }
  return raw;
}

function readLogLevel(env: Env, problems: string[]): LogLevel {
  const raw = env.BATON_LOG_LEVEL?.trim();
  if (raw === undefined || raw === '') return 'info';
  const level = LOG_LEVELS.find((name) => name === raw.toLowerCase());
  if (level === undefined) problems.push(`BATON_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return level ?? 'info';
}

function readIntrospection(env: Env, problems: string[]): IntrospectionMode {
  const raw = env.BATON_INTROSPECTION?.trim();
  // Production hides the schema from keys that do not edit policies; development shows it to all.
  if (raw === undefined || raw === '') return env.NODE_ENV?.trim() === 'production' ? 'restricted' : 'on';
  const mode = INTROSPECTION_MODES.find((name) => name === raw.toLowerCase());
  if (mode === undefined) {
    problems.push(
      `BATON_INTROSPECTION must be one of ${INTROSPECTION_MODES.join(', ')} (on: every key; restricted: ADMIN, PUBLISHER and EDITOR keys), got "${raw}"`,
    );
  }
  return mode ?? 'restricted';
}

function readMetricsMode(env: Env, problems: string[]): MetricsMode {
  const raw = env.BATON_METRICS?.trim();
  if (raw === undefined || raw === '') return 'key';
  const mode = METRICS_MODES.find((name) => name === raw.toLowerCase());
  if (mode === undefined) {
    problems.push(`BATON_METRICS must be one of ${METRICS_MODES.join(', ')} (off: no /metrics; open: anyone; key: an admin or auditor API key), got "${raw}"`);
  }
  return mode ?? 'key';
}

/**
 * Reads and validates the configuration.
 * @param env - variables to read, `process.env` by default.
 * @param cwd - base of a relative `BATON_DATA_DIR`, `process.cwd()` by default.
 * @throws ConfigError listing every invalid variable.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): BatonConfig {
  const problems: string[] = [];
  const port = readInt(env, 'PORT', 4000, 0, 65535, problems);
  const host = env.HOST?.trim() || '127.0.0.1';
  const dataDir = path.resolve(cwd, env.BATON_DATA_DIR?.trim() || '.baton');
  const adminKey = readAdminKey(env, problems);
  const mongodbUri = readMongodbUri(env, problems);
  const policyPollMs = readInt(env, 'BATON_POLICY_POLL_MS', DEFAULT_POLICY_POLL_MS, POLICY_POLL_MS.min, POLICY_POLL_MS.max, problems);
  const logLevel = readLogLevel(env, problems);
  const metrics = readMetricsMode(env, problems);
  const limits: RequestLimits = {
    maxMessages: readInt(env, 'BATON_MAX_MESSAGES', DEFAULT_LIMITS.maxMessages, 1, 100_000, problems),
    maxMessageChars: readInt(env, 'BATON_MAX_MESSAGE_CHARS', DEFAULT_LIMITS.maxMessageChars, 1, 1_000_000, problems),
    maxBodyBytes: readInt(env, 'BATON_MAX_BODY_BYTES', DEFAULT_LIMITS.maxBodyBytes, 1024, 100 * 1024 * 1024, problems),
    maxJsonDepth: readInt(env, 'BATON_MAX_JSON_DEPTH', DEFAULT_LIMITS.maxJsonDepth, 2, 64, problems),
    maxJsonBytes: readInt(env, 'BATON_MAX_JSON_BYTES', DEFAULT_LIMITS.maxJsonBytes, 1024, 100 * 1024 * 1024, problems),
    maxAttributesBytes: readInt(env, 'BATON_MAX_ATTRIBUTES_BYTES', DEFAULT_LIMITS.maxAttributesBytes, 64, 100 * 1024 * 1024, problems),
    maxClockSkewSeconds: readInt(env, 'BATON_MAX_CLOCK_SKEW_SECONDS', DEFAULT_LIMITS.maxClockSkewSeconds, 0, 86_400, problems),
  };
  const graphql: GraphQLLimits = {
    maxDepth: readInt(env, 'BATON_MAX_QUERY_DEPTH', DEFAULT_GRAPHQL_LIMITS.maxDepth, 2, 100, problems),
    maxAliases: readInt(env, 'BATON_MAX_ALIASES', DEFAULT_GRAPHQL_LIMITS.maxAliases, 0, 1000, problems),
    maxRootFields: readInt(env, 'BATON_MAX_ROOT_FIELDS', DEFAULT_GRAPHQL_LIMITS.maxRootFields, 1, 1000, problems),
    maxTokens: readInt(env, 'BATON_MAX_QUERY_TOKENS', DEFAULT_GRAPHQL_LIMITS.maxTokens, 100, 1_000_000, problems),
    maxDirectives: readInt(env, 'BATON_MAX_DIRECTIVES', DEFAULT_GRAPHQL_LIMITS.maxDirectives, 0, 1000, problems),
    maxCost: readInt(env, 'BATON_MAX_QUERY_COST', DEFAULT_GRAPHQL_LIMITS.maxCost, 100, 100_000_000, problems),
    introspection: readIntrospection(env, problems),
  };
  const backtest: DatasetLimits = {
    maxRows: readInt(env, 'BATON_BACKTEST_MAX_ROWS', DEFAULT_DATASET_LIMITS.maxRows, 1, 10_000_000, problems),
    maxBytes: readInt(env, 'BATON_BACKTEST_MAX_BYTES', DEFAULT_DATASET_LIMITS.maxBytes, 1024, 2 * 1024 * 1024 * 1024, problems),
  };
  const flushMs = readInt(env, 'BATON_DECISION_LOG_FLUSH_MS', 0, 0, 1000, problems);
  // Unset or empty: keep every decision (what an auditor assumes unless told otherwise).
  const retentionDays = env.BATON_DECISION_RETENTION_DAYS?.trim() ? readInt(env, 'BATON_DECISION_RETENTION_DAYS', 0, 1, 36_500, problems) : undefined;
  const orOff = (seconds: number) => (seconds === 0 ? null : seconds);
  const handoffs: HandoffTimeoutConfig = {
    acceptSeconds: orOff(readInt(env, 'BATON_HANDOFF_ACCEPT_TIMEOUT_SECONDS', 120, 0, 86_400, problems)),
    maxAgeSeconds: orOff(readInt(env, 'BATON_HANDOFF_MAX_AGE_SECONDS', 86_400, 0, 365 * 86_400, problems)),
    sweepSeconds: orOff(readInt(env, 'BATON_HANDOFF_SWEEP_SECONDS', 5, 0, 3600, problems)),
  };
  const subscriptions: SubscriptionConfig = {
    queueStatusTickSeconds: readInt(env, 'BATON_QUEUE_STATUS_TICK_SECONDS', DEFAULT_SUBSCRIPTION_CONFIG.queueStatusTickSeconds, 1, 3600, problems),
    maxPerConnection: readInt(env, 'BATON_MAX_SUBSCRIPTIONS_PER_CONNECTION', DEFAULT_SUBSCRIPTION_CONFIG.maxPerConnection, 1, 1000, problems),
  };
  const w = DEFAULT_WEBHOOK_CONFIG;
  const webhooks: WebhookConfig = {
    pollMs: readInt(env, 'BATON_WEBHOOK_POLL_MS', w.pollMs, 10, 60_000, problems),
    timeoutMs: readInt(env, 'BATON_WEBHOOK_TIMEOUT_MS', w.timeoutMs, 100, 120_000, problems),
    concurrency: readInt(env, 'BATON_WEBHOOK_CONCURRENCY', w.concurrency, 1, 64, problems),
    retry: {
      baseMs: readInt(env, 'BATON_WEBHOOK_RETRY_BASE_MS', w.retry.baseMs, 10, 3_600_000, problems),
      maxMs: readInt(env, 'BATON_WEBHOOK_RETRY_MAX_MS', w.retry.maxMs, 100, 86_400_000, problems),
      maxAttempts: readInt(env, 'BATON_WEBHOOK_MAX_ATTEMPTS', w.retry.maxAttempts, 1, 50, problems),
    },
  };
  const orNull = (value: number) => (value === 0 ? null : value);
  const rateLimits: RateLimitConfig = {
    perKeyPerSecond: orNull(readInt(env, 'BATON_RATE_LIMIT_PER_KEY', DEFAULT_RATE_LIMITS.perKeyPerSecond ?? 0, 0, 1_000_000, problems)),
    perAddressPerSecond: orNull(readInt(env, 'BATON_RATE_LIMIT_PER_ADDRESS', DEFAULT_RATE_LIMITS.perAddressPerSecond ?? 0, 0, 1_000_000, problems)),
    burstSeconds: readInt(env, 'BATON_RATE_LIMIT_BURST_SECONDS', DEFAULT_RATE_LIMITS.burstSeconds, 1, 3600, problems),
    authFailuresPerMinute: orNull(readInt(env, 'BATON_AUTH_FAILURES_PER_MINUTE', DEFAULT_RATE_LIMITS.authFailuresPerMinute ?? 0, 0, 1_000_000, problems)),
  };
  const heapGrowthPercent = readInt(env, 'BATON_HEAP_GROWTH_PERCENT', DEFAULT_HEAP_GROWTH_PERCENT, 0, 400, problems);
  const idempotencyTtlSeconds = readInt(env, 'BATON_IDEMPOTENCY_TTL_SECONDS', DEFAULT_IDEMPOTENCY_TTL_SECONDS, 60, 30 * 86_400, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const decisionLog = { flushMs, batchSize: 100, ...(retentionDays === undefined ? {} : { retentionDays }) };
  return {
    port,
    host,
    dataDir,
    adminKey,
    mongodbUri,
    policyPollMs,
    logLevel,
    metrics,
    limits,
    backtest,
    graphql,
    handoffs,
    idempotencyTtlSeconds,
    subscriptions,
    webhooks,
    rateLimits,
    heapGrowthPercent,
    decisionLog,
  };
}
