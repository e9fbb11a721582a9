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
  Internal = 'INTERNAL_SERVER_ERROR',
}
