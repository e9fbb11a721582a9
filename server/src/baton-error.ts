/**
 * The one error type services and stores throw for anything a client should see. It carries a
 * `BatonErrorCode` (which becomes GraphQL `extensions.code`) and optional structured details
 * (merged into `extensions`), so no caller ever tells errors apart by message text.
 */
import { BatonErrorCode } from '@baton/schemas';

/** Extra, JSON-serialisable fields put next to `code` in GraphQL `extensions`. */
export type BatonErrorDetails = Record<string, unknown>;

/**
 * A known, client-facing failure. The message must tell a person what to do next
 * ("Policy 'x' does not exist; list policies with the policies query").
 */
export class BatonError extends Error {
  override readonly name = 'BatonError';

  constructor(
    readonly code: BatonErrorCode,
    message: string,
    readonly details: BatonErrorDetails = {},
  ) {
    super(message);
  }
}

/** `BAD_USER_INPUT`: the request is malformed or breaks a documented limit. */
export function badInput(message: string, details?: BatonErrorDetails): BatonError {
  return new BatonError(BatonErrorCode.BadUserInput, message, details);
}

/** `NOT_FOUND`: the named thing does not exist (or has nothing to evaluate yet). */
export function notFound(message: string, details?: BatonErrorDetails): BatonError {
  return new BatonError(BatonErrorCode.NotFound, message, details);
}

/** `CONFLICT`: the write raced another one or collides with existing data. */
export function conflict(message: string, details?: BatonErrorDetails): BatonError {
  return new BatonError(BatonErrorCode.Conflict, message, details);
}

/** True for a `BatonError`, whichever copy of this module created it. */
export function isBatonError(error: unknown): error is BatonError {
  return error instanceof BatonError;
}
