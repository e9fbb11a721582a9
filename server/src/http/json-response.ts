/** Writing JSON answers, including GraphQL-shaped errors for requests that never reach Apollo. */
import type { ServerResponse } from 'node:http';
import type { BatonErrorCode } from '@baton/schemas';

/** Sends `body` as JSON with `status`. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * Sends `{ "errors": [{ "message", "extensions": { "code", ...details } }] }`, the shape every
 * GraphQL client already handles, for failures outside GraphQL execution (auth, body, JSON).
 */
export function sendGraphQLError(
  res: ServerResponse,
  status: number,
  code: BatonErrorCode,
  message: string,
  details: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { errors: [{ message, extensions: { ...details, code } }] }, headers);
}
