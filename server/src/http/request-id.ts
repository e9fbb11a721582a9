/** The id of one HTTP request: on the response's `x-request-id` and on every line logged while serving it (`reqId`). */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's id is kept only as a short token: anything longer or richer could bloat or forge log lines. */
const CALLER_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The caller's `x-request-id` when it is 1–64 characters of A-Z a-z 0-9 . _ : - (so a load
 * balancer's or bot's id ties their logs to Baton's), else a new random UUID.
 */
export function requestIdOf(req: IncomingMessage): string {
  const sent = req.headers[REQUEST_ID_HEADER];
  return typeof sent === 'string' && CALLER_REQUEST_ID.test(sent) ? sent : randomUUID();
}
