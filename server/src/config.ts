/**
 * Server configuration from environment variables, validated once at start-up. Every problem
 * is reported at once in a `ConfigError` so an operator fixes them in one go.
 */
import path from 'node:path';

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
  /** GraphQL operation limits; `loadConfig` always sets them, configurations built in code may leave them out for the defaults. */
  graphql?: GraphQLLimits;
  decisionLog: {
    /** Flush the decision log queue at least this often, in ms (`BATON_DECISION_LOG_FLUSH_MS`, default 1000). */
    flushMs: number;
    /** Flush as soon as this many decisions are queued (fixed at 100). */
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
export const DEFAULT_HANDOFF_TIMEOUT_CONFIG: HandoffTimeoutConfig = { acceptSeconds: 120, maxAgeSeconds: 86_400, sweepSeconds: 5 };
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
  const flushMs = readInt(env, 'BATON_DECISION_LOG_FLUSH_MS', 1000, 1, 60_000, problems);
  // Unset or empty: keep every decision (what an auditor assumes unless told otherwise).
  const retentionDays = env.BATON_DECISION_RETENTION_DAYS?.trim() ? readInt(env, 'BATON_DECISION_RETENTION_DAYS', 0, 1, 36_500, problems) : undefined;
  const orOff = (seconds: number) => (seconds === 0 ? null : seconds);
  const handoffs: HandoffTimeoutConfig = {
    acceptSeconds: orOff(readInt(env, 'BATON_HANDOFF_ACCEPT_TIMEOUT_SECONDS', 120, 0, 86_400, problems)),
    maxAgeSeconds: orOff(readInt(env, 'BATON_HANDOFF_MAX_AGE_SECONDS', 86_400, 0, 365 * 86_400, problems)),
    sweepSeconds: orOff(readInt(env, 'BATON_HANDOFF_SWEEP_SECONDS', 5, 0, 3600, problems)),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  const decisionLog = { flushMs, batchSize: 100, ...(retentionDays === undefined ? {} : { retentionDays }) };
  return { port, host, dataDir, adminKey, mongodbUri, policyPollMs, logLevel, metrics, limits, backtest, graphql, handoffs, decisionLog };
}
