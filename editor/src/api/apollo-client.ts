/**
 * The Apollo Client the editor talks to Baton with: `POST /graphql` on the page's origin (Vite
 * proxies it in development), the API key as `Authorization: Bearer <key>` on every request,
 * no cache (every answer is read fresh; drafts change under other editors' hands).
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';

/** A client that reads the key from `getKey` at request time, so signing in again needs no new client. */
export function createApolloClient(getKey: () => string | null, uri = '/graphql'): ApolloClient {
  const auth = new SetContextLink((previous) => {
    const key = getKey();
    return { headers: { ...(previous.headers as Record<string, string> | undefined), ...(key ? { authorization: `Bearer ${key}` } : {}) } };
  });
  return new ApolloClient({
    link: ApolloLink.from([auth, new HttpLink({ uri })]),
    cache: new InMemoryCache(),
    defaultOptions: { query: { fetchPolicy: 'no-cache' }, watchQuery: { fetchPolicy: 'no-cache' } },
  });
}
