/**
 * Internal to the benchmark, run as its own process: an Apollo Server 5 (standalone, same SDL)
 * whose `decideHandoff` returns one constant decision read from the JSON file named by argv[2],
 * listening on the port argv[3]. It is the floor Baton's decideHandoff is compared with.
 */
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { typeDefs } from '@baton/schemas';
import { scalarResolvers } from '../graphql/scalars';

async function main(): Promise<void> {
  const [file, port] = process.argv.slice(2);
  if (!file || !port) throw new Error('usage: constant-server <decision.json> <port>');
  const decision: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const server = new ApolloServer({ typeDefs, resolvers: { ...scalarResolvers, Query: { decideHandoff: () => decision } } });
  await startStandaloneServer(server, { listen: { port: Number(port), host: '127.0.0.1' } });
  process.once('SIGTERM', () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
