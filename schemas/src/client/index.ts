/**
 * `@baton/schemas/client`: the typed client for bots. The operations a BOT key may call
 * (`operations.graphql`), their generated variable and result types, and `createBatonClient`,
 * which sends them with `fetch`. See README.md next to this file.
 */
import type { TypedDocumentString } from './generated/operations';

export { DecideHandoffDocument, StartHandoffDocument, ReleaseAssignmentDocument, ViewerDocument, TypedDocumentString } from './generated/operations';
export type {
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
    readonly status: number,
    readonly errors: readonly BatonGraphQLError[],
  ) {
    super(message);
    this.name = 'BatonRequestError';
  }
}

export interface BatonClientOptions {
  /** The GraphQL endpoint, e.g. `https://baton.example.com/graphql`. */
  url: string;
  /** A BOT key (or any key whose role may call the operations sent). */
  apiKey: string;
  /** Defaults to the global `fetch` (Node 18+, browsers). */
  fetch?: typeof fetch;
}

/** Variables as a rest parameter: none for an operation without variables, else required. */
type VariablesArgument<TVariables> = Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

/** Sends one operation and resolves to its typed `data`. */
export type BatonExecute = <TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...variables: VariablesArgument<TVariables>
) => Promise<TResult>;

/**
 * A function that POSTs a generated document with its variables to Baton, with the key as
 * `Authorization: Bearer <apiKey>`.
 * @throws BatonRequestError when the answer carries GraphQL errors or no data (the first
 *   error's message, every error in `errors`), or is not JSON (HTTP status and no errors).
 */
export function createBatonClient(options: BatonClientOptions): BatonExecute {
  const send = options.fetch ?? fetch;
  return async function execute<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    ...[variables]: VariablesArgument<TVariables>
  ): Promise<TResult> {
    const response = await send(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
    const body = (await response.json().catch(() => null)) as { data?: unknown; errors?: BatonGraphQLError[] } | null;
    if (body === null) throw new BatonRequestError(`Baton answered HTTP ${response.status} without a JSON body.`, response.status, []);
    const errors = body.errors ?? [];
    if (errors.length > 0 || body.data == null) {
      throw new BatonRequestError(errors[0]?.message ?? `Baton answered HTTP ${response.status} without data.`, response.status, errors);
    }
    return body.data as TResult;
  };
}
