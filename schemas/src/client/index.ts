/**
 * `@baton/schemas/client`: the typed client for bots. The operations a BOT key may call
 * (`operations.graphql`), their generated variable and result types, and `createBatonClient`,
 * which sends them with `fetch`, with an `Idempotency-Key` on decideHandoff and startHandoff and
 * retries with exponential backoff, and watches a handoff over graphql-ws. See README.md next to this file.
 */
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws/client';
import {
  AssignmentDocument,
  DecideHandoffDocument,
  ReleaseAssignmentDocument,
  StartHandoffDocument,
  WatchHandoffDocument,
  type AssignmentQuery,
  type AssignmentStatus,
  type DecideHandoffInput,
  type DecideHandoffQuery,
  type ReleaseAssignmentMutation,
  type StartHandoffMutation,
  type TypedDocumentString,
  type WatchHandoffSubscription,
} from './generated/operations';

export {
  AssignmentDocument,
  DecideHandoffDocument,
  StartHandoffDocument,
  ReleaseAssignmentDocument,
  ViewerDocument,
  WatchHandoffDocument,
  TypedDocumentString,
} from './generated/operations';
export type {
  AssignmentQuery,
  AssignmentQueryVariables,
  AssignmentStatus,
  AttemptInput,
  Channel,
  CustomerInput,
  DecideHandoffInput,
  DecideHandoffQuery,
  DecideHandoffQueryVariables,
  HandoffAction,
  MessageInput,
  Priority,
  ReleaseAssignmentMutation,
  ReleaseAssignmentMutationVariables,
  Role,
  Speaker,
  StartHandoffMutation,
  StartHandoffMutationVariables,
  SupportTier,
  TriggerCategory,
  ViewerQuery,
  ViewerQueryVariables,
  WaitingRoomFieldsFragment,
  WatchHandoffSubscription,
  WatchHandoffSubscriptionVariables,
} from './generated/operations';

/** One entry of a GraphQL response's `errors`; Baton's `extensions.code` says what went wrong. */
export interface BatonGraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** A request Baton refused or could not answer: `errors` as the server sent them, `status` the HTTP status. */
export class BatonRequestError extends Error {
  constructor(
    message: string,
    /** The HTTP status; 0 when Baton could not be reached (the network error is the `cause`) and for watchHandoff, which runs over a WebSocket. */
    readonly status: number,
    readonly errors: readonly BatonGraphQLError[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BatonRequestError';
  }
}

/** How failed requests are retried; see `createBatonClient`. */
export interface BatonRetryOptions {
  /** Attempts in all, the first included (default 4; 1 turns retries off). */
  attempts?: number;
  /** Ceiling of the first retry's delay, ms (default 250); it doubles with each retry. */
  baseDelayMs?: number;
  /** Longest delay between two attempts, ms (default 8,000), `Retry-After` included. */
  maxDelayMs?: number;
}

export interface BatonClientOptions {
  /** The GraphQL endpoint, e.g. `https://baton.example.com/graphql`. */
  url: string;
  /** A BOT key (or any key whose role may call the operations sent). */
  apiKey: string;
  /** Defaults to the global `fetch` (Node 18+, browsers). */
  fetch?: typeof fetch;
  /** Retries of network errors, HTTP 5xx and 429 (default: 4 attempts, 250 ms doubling up to 8 s). */
  retry?: BatonRetryOptions;
  /** Makes a fresh Idempotency-Key (default `crypto.randomUUID`). */
  newIdempotencyKey?: () => string;
  /** Waits between attempts (default `setTimeout`; tests pass their own). */
  sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1) for the backoff's jitter (default `Math.random`). */
  random?: () => number;
  /** The WebSocket endpoint of watchHandoff (default: `url` with `http` → `ws`, `https` → `wss`). */
  wsUrl?: string;
  /**
   * The WebSocket class watchHandoff connects with, where the runtime has none (Node 20 has no
   * global `WebSocket`; Node 22+ and browsers do): e.g. the `ws` package's default export.
   */
  webSocketImpl?: unknown;
}

/** Per call: the Idempotency-Key to send instead of a fresh one (e.g. `conversationId:turn`, stable across a bot restart). */
export interface BatonCallOptions {
  idempotencyKey?: string;
}

/** Variables (none for an operation without variables, else required), then the call's options. */
type CallArguments<TVariables> =
  Record<string, never> extends TVariables ? [variables?: TVariables, options?: BatonCallOptions] : [variables: TVariables, options?: BatonCallOptions];

/** Sends one operation and resolves to its typed `data`. */
export type BatonExecute = <TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, ...args: CallArguments<TVariables>) => Promise<TResult>;

export type HandoffDecision = DecideHandoffQuery['decideHandoff'];
export type StartedHandoff = StartHandoffMutation['startHandoff'];
/** One event of watchHandoff: the conversation's handoff after a step, or after its place or wait estimate changed. */
export type HandoffUpdate = WatchHandoffSubscription['handoffUpdated'];

/**
 * `createBatonClient`'s answer: call it with any generated document, or use the shortcuts for the
 * bot's turn (`decide`, `startHandoff`), its handoff (`assignment`, `watchHandoff`) and its end
 * (`releaseAssignment`). Each shortcut resolves to the operation's root field; refusals reject
 * with BatonRequestError as the call does.
 */
export interface BatonClient extends BatonExecute {
  /** `decideHandoff` with an Idempotency-Key (fresh, or `options.idempotencyKey`), retried as described on createBatonClient. */
  decide(input: DecideHandoffInput, options?: BatonCallOptions): Promise<HandoffDecision>;
  /** `startHandoff` of a HANDOFF decision, with an Idempotency-Key; idempotent per conversation on the server too. */
  startHandoff(decisionId: string, options?: BatonCallOptions): Promise<StartedHandoff>;
  /** Where the handoff of `decisionId` stands now, with its waiting room; null for an unknown id. */
  assignment(decisionId: string): Promise<AssignmentQuery['assignment']>;
  /** Ends the handoff (RELEASED: the agent's seat given back, or the queued handoff withdrawn); sent once, not retried. */
  releaseAssignment(decisionId: string): Promise<ReleaseAssignmentMutation['releaseAssignment']>;
  /**
   * The conversation's handoff as it moves, over graphql-ws (`handoffUpdated`): its current
   * state first (so call it after startHandoff), then each lifecycle step, and a new event
   * whenever its place in the queue or its wait estimate changes while it waits. The iteration
   * ends after an event with a final status (RELEASED, RESOLVED, TRANSFERRED, ABANDONED,
   * EXPIRED); `break` (or `return()`) stops it earlier and closes the subscription. A dropped
   * connection is reopened with the client's retry settings, and the current state comes first
   * again, so nothing is missed.
   * @throws TypeError at once when there is no WebSocket to connect with (pass `webSocketImpl`)
   * @throws BatonRequestError from the iteration when Baton refuses the subscription (its
   *   errors, e.g. FORBIDDEN for a conversation another key handed off) or closes the socket
   *   (4401 for a bad key), or cannot be reached after the retries (`cause`: the close event or error)
   */
  watchHandoff(conversationId: string): AsyncGenerator<HandoffUpdate, void, undefined>;
  /** Closes the WebSocket of watchHandoff, if one is open (it also closes by itself once no watch runs). */
  close(): Promise<void>;
}

/** The root fields Baton makes safe to retry with an Idempotency-Key. */
const IDEMPOTENT_FIELDS = new Set(['decideHandoff', 'startHandoff']);

/** The operation keyword and first root field of a plain document (`query D(...) { decideHandoff(...) ... }`). */
function operationOf(document: string): { kind: string; rootField: string | undefined } {
  const match = /^\s*(?:(query|mutation|subscription)\b)?[^{]*\{\s*(?:\w+\s*:\s*)?(\w+)/.exec(document.replace(/#[^\n]*/g, ''));
  return { kind: match?.[1] ?? 'query', rootField: match?.[2] };
}

/** Whether an answer is worth another attempt: a server error, rate limiting, or the same key still running. */
function retryable(status: number, errors: readonly BatonGraphQLError[]): boolean {
  if (status >= 500 || status === 429) return true;
  return status === 409 && errors.some((e) => e.extensions?.reason === 'IDEMPOTENCY_KEY_IN_PROGRESS');
}

/** `Retry-After` in ms (seconds or an HTTP date); null when absent or unreadable. */
function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const DEFAULT_RETRY: Required<BatonRetryOptions> = { attempts: 4, baseDelayMs: 250, maxDelayMs: 8000 };

/** Statuses after which a handoff never changes again (AssignmentStatus in directory.graphql). */
const FINAL_STATUSES: ReadonlySet<AssignmentStatus> = new Set<AssignmentStatus>(['RELEASED', 'RESOLVED', 'TRANSFERRED', 'ABANDONED', 'EXPIRED']);

/** `http://host/graphql` → `ws://host/graphql` (`https` → `wss`). */
function webSocketUrl(url: string): string {
  const ws = new URL(url);
  ws.protocol = ws.protocol === 'https:' ? 'wss:' : 'ws:';
  return ws.toString();
}

/** What graphql-ws ends a subscription with (its errors, a close event, a connection error) as a BatonRequestError. */
function watchError(error: unknown, url: string): BatonRequestError {
  if (Array.isArray(error)) {
    const errors = error as BatonGraphQLError[];
    return new BatonRequestError(errors[0]?.message ?? 'Baton refused the subscription.', 0, errors);
  }
  const close = error as { code?: unknown; reason?: unknown; message?: unknown } | null;
  if (typeof close?.code === 'number') {
    const reason = typeof close.reason === 'string' && close.reason !== '' ? `: ${close.reason}` : '';
    return new BatonRequestError(`Baton closed the subscription's WebSocket (${close.code}${reason})`, 0, [], { cause: error });
  }
  // A connection failure is an Error, or an ErrorEvent carrying its message.
  const why = typeof close?.message === 'string' && close.message !== '' ? `: ${close.message}` : '';
  return new BatonRequestError(`Baton's WebSocket at ${url} could not be reached${why}`, 0, [], { cause: error });
}

/**
 * A function that POSTs a generated document with its variables to Baton, with the key as
 * `Authorization: Bearer <apiKey>`.
 *
 * decideHandoff and startHandoff calls carry an `Idempotency-Key` (a fresh UUID per call, or
 * `options.idempotencyKey`), the same on every attempt of the call, so a retry after a lost
 * answer gets Baton's first answer instead of logging or reserving twice. A call is retried on a
 * network error, HTTP 5xx, 429 and a 409 whose key is still running — when it is safe to: it
 * carries a key, or it is a query other than decideHandoff. Delays grow exponentially with full
 * jitter (a random delay up to `baseDelayMs · 2^(retry − 1)`, at most `maxDelayMs`; AWS's
 * "Exponential Backoff and Jitter"), and a `Retry-After` header is waited for when longer.
 * The same settings reopen watchHandoff's WebSocket (graphql-ws, one socket for every watch,
 * opened by the first and closed when none is left) after it drops.
 * @throws BatonRequestError when the answer carries GraphQL errors or no data (the first
 *   error's message, every error in `errors`), is not JSON (HTTP status and no errors), or
 *   Baton could not be reached on any attempt (`status` 0, the last network error as `cause`).
 */
export function createBatonClient(options: BatonClientOptions): BatonClient {
  const send = options.fetch ?? fetch;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const newKey = options.newIdempotencyKey ?? (() => globalThis.crypto.randomUUID());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const backoff = (retryNumber: number, after: number | null) =>
    Math.min(retry.maxDelayMs, Math.max(after ?? 0, random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (retryNumber - 1))));

  const execute = async function execute<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    ...[variables, callOptions]: CallArguments<TVariables>
  ): Promise<TResult> {
    const query = document.toString();
    const { kind, rootField } = operationOf(query);
    const idempotent = rootField !== undefined && IDEMPOTENT_FIELDS.has(rootField);
    const idempotencyKey = idempotent ? (callOptions?.idempotencyKey ?? newKey()) : undefined;
    const safeToRetry = idempotent || (kind === 'query' && rootField !== 'decideHandoff');
    const attempts = safeToRetry ? Math.max(1, retry.attempts) : 1;
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` };
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    const body = JSON.stringify({ query, variables: variables ?? {} });

    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await send(options.url, { method: 'POST', headers, body });
      } catch (error) {
        if (attempt >= attempts) {
          const why = error instanceof Error ? error.message : String(error);
          throw new BatonRequestError(`Baton could not be reached at ${options.url} (${attempt} attempt(s)): ${why}`, 0, [], { cause: error });
        }
        await sleep(backoff(attempt, null));
        continue;
      }
      const answer = (await response.json().catch(() => null)) as { data?: unknown; errors?: BatonGraphQLError[] } | null;
      const errors = answer?.errors ?? [];
      if (attempt < attempts && retryable(response.status, errors)) {
        await sleep(backoff(attempt, retryAfterMs(response.headers.get('retry-after'), Date.now())));
        continue;
      }
      if (answer === null) throw new BatonRequestError(`Baton answered HTTP ${response.status} without a JSON body.`, response.status, []);
      if (errors.length > 0 || answer.data == null) {
        throw new BatonRequestError(errors[0]?.message ?? `Baton answered HTTP ${response.status} without data.`, response.status, errors);
      }
      return answer.data as TResult;
    }
  };

  let socket: Client | null = null;
  const wsUrl = options.wsUrl ?? webSocketUrl(options.url);
  const webSocketImpl = options.webSocketImpl ?? (globalThis as { WebSocket?: unknown }).WebSocket;
  const connect = (): Client =>
    (socket ??= createClient({
      url: wsUrl,
      webSocketImpl,
      connectionParams: { authorization: `Bearer ${options.apiKey}` },
      // Reopen after any dropped connection (graphql-ws itself treats 4401 and other refusals as final).
      shouldRetry: () => true,
      retryAttempts: Math.max(0, retry.attempts - 1),
      retryWait: (retries) => sleep(backoff(retries + 1, null)),
    }));

  function watch(conversationId: string): AsyncGenerator<HandoffUpdate, void, undefined> {
    const results = connect().iterate<WatchHandoffSubscription>({ query: WatchHandoffDocument.toString(), variables: { conversationId } });
    const updates = follow(results);
    // A generator's return() waits behind a pending next(), which waits for the next event: a
    // bot giving up on a quiet queue would hang. Ending the subscription first settles that next().
    const finish = updates.return.bind(updates);
    updates.return = async (value) => {
      await results.return?.();
      return finish(value);
    };
    return updates;
  }

  /** The handoff updates `results` carries, ending after one with a final status. */
  async function* follow(
    results: AsyncIterableIterator<FormattedExecutionResult<WatchHandoffSubscription, unknown>>,
  ): AsyncGenerator<HandoffUpdate, void, undefined> {
    try {
      for (;;) {
        let step: Awaited<ReturnType<typeof results.next>>;
        try {
          step = await results.next();
        } catch (error) {
          throw watchError(error, wsUrl);
        }
        if (step.done) return;
        const { data, errors } = step.value;
        if (errors && errors.length > 0) throw watchError([...errors], wsUrl);
        if (!data) continue;
        yield data.handoffUpdated;
        if (FINAL_STATUSES.has(data.handoffUpdated.status)) return;
      }
    } finally {
      await results.return?.();
    }
  }

  return Object.assign(execute, {
    decide: async (input: DecideHandoffInput, callOptions?: BatonCallOptions) => (await execute(DecideHandoffDocument, { input }, callOptions)).decideHandoff,
    startHandoff: async (decisionId: string, callOptions?: BatonCallOptions) => (await execute(StartHandoffDocument, { decisionId }, callOptions)).startHandoff,
    assignment: async (decisionId: string) => (await execute(AssignmentDocument, { decisionId })).assignment,
    releaseAssignment: async (decisionId: string) => (await execute(ReleaseAssignmentDocument, { decisionId })).releaseAssignment,
    watchHandoff: (conversationId: string) => {
      if (webSocketImpl === undefined) {
        throw new TypeError(
          "watchHandoff needs a WebSocket and this runtime has none (Node < 22): pass webSocketImpl to createBatonClient, e.g. `import WebSocket from 'ws'`.",
        );
      }
      return watch(conversationId);
    },
    close: async () => {
      const open = socket;
      socket = null;
      await open?.dispose();
    },
  });
}
