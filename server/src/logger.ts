/**
 * The server's logger: pino writing JSON lines to stdout, with the redaction every line gets.
 */
import pino from 'pino';
import type { LogLevel } from './config';

/** Baton's logger is pino's: `logger.info({ ...fields }, 'message')`, errors under `err`. */
export type Logger = pino.Logger;

/**
 * Fields censored as `[Redacted]` wherever a line holds them (top level or one object down):
 * credentials, and customer content — message text, whole conversations, customer records,
 * and GraphQL variables and request bodies, which carry all of these.
 */
const REDACT_PATHS: readonly string[] = [
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'apiKey',
  '*.apiKey',
  'key',
  '*.key',
  'adminKey',
  '*.adminKey',
  'password',
  '*.password',
  // Connection strings may carry a password.
  'mongodbUri',
  '*.mongodbUri',
  'text',
  '*.text',
  'messages',
  '*.messages',
  'customer',
  '*.customer',
  'variables',
  '*.variables',
  'body',
  '*.body',
];

/**
 * Keeps what identifies an error. pino's standard serializer copies every enumerable property,
 * and database driver errors carry the documents they failed to write (customer messages) in theirs.
 */
function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code } = error as { code?: unknown };
  return { type: error.name, message: error.message, stack: error.stack, ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}) };
}

export interface LoggerOptions {
  /** Lowest level written (`BATON_LOG_LEVEL`); default `info`. */
  level?: LogLevel;
  /** Where the lines go; default stdout. Tests pass an in-memory stream. */
  destination?: pino.DestinationStream;
}

/**
 * Builds the server's logger: one JSON object per line with `level` as a label (`"info"`), `time`
 * as an ISO 8601 string, `pid`, `hostname` and `msg`; `REDACT_PATHS` censored; errors logged under
 * `err` reduced to `type`, `message`, `stack` and `code`.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: [...REDACT_PATHS],
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError },
    },
    options.destination,
  );
}

/** Writes nothing (tests, and tools that open a store quietly). */
export const silentLogger: Logger = createLogger({ level: 'silent', destination: { write: () => undefined } });
