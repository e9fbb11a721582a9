/**
 * `npm start`: read the environment, set V8's heap growth (`BATON_HEAP_GROWTH_PERCENT`), start
 * Baton, and shut down gracefully on SIGINT/SIGTERM (finish in-flight requests, flush the
 * decision log, close the store).
 */
import { setFlagsFromString } from 'node:v8';
import { ConfigError, loadConfig } from './config';
import { createBatonServer } from './app/create-baton-server';
import { createLogger } from './logger';

async function main(): Promise<void> {
  const config = loadConfig();
  // V8 reads this at every full collection, so it takes effect although the VM has started.
  if (config.heapGrowthPercent) setFlagsFromString(`--heap-growing-percent=${config.heapGrowthPercent}`);
  const logger = createLogger({ level: config.logLevel });
  const server = await createBatonServer(config, { logger });
  // The poll interval bounds how long another server's policy activation takes to reach this one.
  logger.info(
    {
      url: server.url,
      editor: `${server.url}/`,
      graphql: `${server.url}/graphql`,
      store: config.mongodbUri ? 'mongodb' : `sqlite (${config.dataDir})`,
      policyPollMs: config.policyPollMs,
    },
    'Baton is listening',
  );
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
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
