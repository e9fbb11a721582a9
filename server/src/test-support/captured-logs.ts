/** Internal (tests only): a logger built like the server's whose lines are kept in memory, parsed. */
import { createLogger, type Logger } from '../logger';

/** One logged line as written: `level` label, `msg`, the bound and logged fields. */
export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface CapturedLogs {
  /** Logs every level, through the server's redaction and serializers. */
  logger: Logger;
  /** The lines written so far, oldest first. */
  lines: LogLine[];
}

/** A logger writing to `lines` instead of stdout. */
export function captureLogs(): CapturedLogs {
  const lines: LogLine[] = [];
  const logger = createLogger({ level: 'trace', destination: { write: (line) => void lines.push(JSON.parse(line) as LogLine) } });
  return { logger, lines };
}
