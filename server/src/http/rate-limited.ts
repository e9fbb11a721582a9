/** HTTP answers to RATE_LIMITED (`features/rate-limits/rate-limits.ts`): status 429 with `Retry-After`. */
import { BatonErrorCode } from '@baton/schemas';
import type { BatonError } from '../baton-error';

/** The HTTP status of a refused authentication: 429 when throttled, else 401. */
export function authRefusalStatus(error: BatonError): number {
  return error.code === BatonErrorCode.RateLimited ? 429 : 401;
}

/** Headers of a refused authentication: `Retry-After` (seconds) when throttled, else the Bearer challenge. */
export function authRefusalHeaders(error: BatonError): Record<string, string> {
  const seconds = error.details.retryAfterSeconds;
  return error.code === BatonErrorCode.RateLimited && typeof seconds === 'number' ? { 'retry-after': String(seconds) } : { 'www-authenticate': 'Bearer' };
}
