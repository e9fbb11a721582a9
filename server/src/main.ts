/**
 * `npm start`: read the environment, start Baton, and shut down gracefully on SIGINT/SIGTERM
 * (finish in-flight requests, flush the decision log, close the store).
 */
import { ConfigError, loadConfig } from './config';
import { createBatonServer } from './app/create-baton-server';
import { consoleLogger } from './logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await createBatonServer(config, { logger: consoleLogger });
  // The poll interval bounds how long another server's policy activation takes to reach this one.
  consoleLogger.info('Baton is listening', { url: server.url, graphql: `${server.url}/graphql`, store: config.mongodbUri ? 'mongodb' : `sqlite (${config.dataDir})`, policyPollMs: config.policyPollMs });
  const shutdown = (signal: string) => {
    consoleLogger.info('shutting down', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        consoleLogger.error('shutdown failed', { message: error instanceof Error ? error.message : String(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Baton could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
