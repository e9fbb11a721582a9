/** The one error a store migration throws on purpose, with what it is about, so the CLI can pick its exit code. */

/**
 * `usage`: the command line names no valid store; `source`: the source cannot be read;
 * `target`: the target cannot be written (missing, not empty, the source itself).
 */
export type MigrationErrorKind = 'usage' | 'source' | 'target';

/** A migration refused before or while copying; the message says what to do. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly kind: MigrationErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The message of anything thrown. Not `instanceof Error`: errors made by native modules
 * (better-sqlite3's SqliteError) can come from another realm, e.g. under jest.
 */
export function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message;
  return String(error);
}
