/**
 * Every error code Baton puts in a GraphQL error's `extensions.code`. Clients branch on these,
 * never on message text.
 */
export enum BatonErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  InvalidPolicy = 'INVALID_POLICY',
  PolicyTestsFailed = 'POLICY_TESTS_FAILED',
  BacktestFailed = 'BACKTEST_FAILED',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  /** An `Idempotency-Key` sent again with a different request (or operation) than its first use. */
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  /** Too many requests from one API key or address (HTTP 429, with `Retry-After` and `extensions.retryAfterSeconds`). */
  RateLimited = 'RATE_LIMITED',
  /** The server cannot complete the request now (e.g. the decision log could not store a decision); nothing was acknowledged, retry. */
  Unavailable = 'UNAVAILABLE',
  Internal = 'INTERNAL_SERVER_ERROR',
}
