/**
 * The server's logging port: structured lines to stdout/stderr in production, silent or
 * captured in tests. Never pass API keys or raw request bodies to it.
 */

/** Minimal structured logger. `fields` must be JSON-serialisable. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

function line(level: string, message: string, fields?: Record<string, unknown>): string {
  return JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
}

/** JSON lines: info to stdout, warnings and errors to stderr. */
export const consoleLogger: Logger = {
  info: (message, fields) => process.stdout.write(line('info', message, fields) + '\n'),
  warn: (message, fields) => process.stderr.write(line('warn', message, fields) + '\n'),
  error: (message, fields) => process.stderr.write(line('error', message, fields) + '\n'),
};

/** Discards everything (tests). */
export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Keeps every line in memory, for tests that assert on logging. */
export function createMemoryLogger(): Logger & { lines: { level: string; message: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  return {
    lines,
    info: (message, fields) => lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => lines.push({ level: 'warn', message, fields }),
    error: (message, fields) => lines.push({ level: 'error', message, fields }),
  };
}
