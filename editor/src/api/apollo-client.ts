/**
 * The Apollo Client the editor talks to Baton with: `POST /graphql` on the page's origin (Vite
 * proxies it in development), the API key as `Authorization: Bearer <key>` on every request,
 * no cache (every answer is read fresh; drafts change under other editors' hands). Subscriptions
 * go over a WebSocket to the same `/graphql` (graphql-ws, the key in the connection params),
 * opened only while one is active.
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';

/** `ws(s)://<page host><path>`: the WebSocket endpoint next to `POST <path>`. */
function webSocketUrl(path: string): string {
  const url = new URL(path, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/** A client that reads the key from `getKey` at request time, so signing in again needs no new client. */
export function createApolloClient(getKey: () => string | null, uri = '/graphql'): ApolloClient {
  const auth = new SetContextLink((previous) => {
    const key = getKey();
    return { headers: { ...(previous.headers as Record<string, string> | undefined), ...(key ? { authorization: `Bearer ${key}` } : {}) } };
  });
  // The key is read when the socket opens; it closes when the last subscription ends, so the next one signs in afresh.
  const ws = new GraphQLWsLink(createClient({ url: webSocketUrl(uri), lazy: true, connectionParams: () => ({ authorization: `Bearer ${getKey() ?? ''}` }) }));
  return new ApolloClient({
    link: ApolloLink.split((operation) => isSubscriptionOperation(operation.query), ws, ApolloLink.from([auth, new HttpLink({ uri })])),
    cache: new InMemoryCache(),
    defaultOptions: { query: { fetchPolicy: 'no-cache' }, watchQuery: { fetchPolicy: 'no-cache' } },
  });
}
