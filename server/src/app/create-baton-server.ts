/**
 * Wires the whole server: store, auth bootstrap, seed, services, Apollo, HTTP. Used by
 * `main.ts`, the tests and the benchmark (with `port: 0` for an ephemeral port).
 */
import type { AddressInfo } from 'node:net';
import { loadSeed, loadSeedDirectory, referencePolicy } from '@baton/seed';
import { DirectoryService } from '../features/directory/directory-service';
import { createDirectorySeedTarget } from '../features/directory/directory-seed-target';
import { HandoffEvents } from '../features/handoffs/handoff-events';
import { HandoffFeed } from '../features/handoffs/handoff-feed';
import { HandoffService } from '../features/handoffs/handoff-service';
import { HandoffSweeper } from '../features/handoffs/handoff-sweeper';
import { QueueStatusService } from '../features/handoffs/queue-status';
import { QueueStatusFeed } from '../features/handoffs/queue-status-feed';
import {
  DEFAULT_DATASET_LIMITS,
  DEFAULT_GRAPHQL_LIMITS,
  DEFAULT_HANDOFF_TIMEOUT_CONFIG,
  DEFAULT_IDEMPOTENCY_TTL_SECONDS,
  DEFAULT_POLICY_POLL_MS,
  DEFAULT_SUBSCRIPTION_CONFIG,
  DEFAULT_WEBHOOK_CONFIG,
  type BatonConfig,
} from '../config';
import { AuditService } from '../features/audit/audit-service';
import { IdempotencyService } from '../features/idempotency/idempotency-service';
import { AuthService, type Principal } from '../features/auth/auth-service';
import { RateLimiter } from '../features/rate-limits/rate-limits';
import { BacktestService } from '../features/backtest/backtest-service';
import { DatasetService } from '../features/backtest/dataset-service';
import { DecisionLog } from '../features/decisions/decision-log';
import { DecisionService } from '../features/decisions/decision-service';
import { KnownCustomerTiers } from '../features/decisions/known-customer-tiers';
import { DecisionLogService } from '../features/decisions/decision-log-service';
import { DecisionRetention } from '../features/decisions/decision-retention';
import { OutcomeService } from '../features/outcomes/outcome-service';
import { WebhookDispatcher } from '../features/webhooks/webhook-dispatcher';
import { buildPayload } from '../features/webhooks/webhook-payload';
import { WebhookService } from '../features/webhooks/webhook-service';
import { PreparedPolicyCache } from '../features/decisions/prepared-policy-cache';
import { withPolicyHeadCache } from '../features/policies/head-cached-stores';
import { PolicyHeadCache } from '../features/policies/policy-head-cache';
import { createPolicySeedTarget } from '../features/policies/policy-seed-target';
import { PolicyService } from '../features/policies/policy-service';
import { createApollo, createBatonSchema } from '../graphql/create-apollo';
import type { BatonContext } from '../graphql/context';
import { createFormatError } from '../graphql/format-error';
import { createAuditExportHandler } from '../http/audit-export';
import { createDatasetUploadHandler } from '../http/dataset-upload';
import { createGraphQLHandler } from '../http/graphql-handler';
import { attachGraphQLWs } from '../http/graphql-ws';
import { createHttpServer } from '../http/http-server';
import { createMetricsHandler } from '../http/metrics-endpoint';
import { BatonMetrics } from '../metrics/baton-metrics';
import { createEditorAssets, defaultEditorDir } from '../http/editor-assets';
import { createLogger, type Logger } from '../logger';
import type { BatonStore } from '../store/baton-store';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store';

export interface BatonServerOptions {
  /** Default: JSON lines on stdout at `config.logLevel`. */
  logger?: Logger;
  /** Receives a generated admin key, the only time it exists in clear (default: printed to stdout). */
  announceAdminKey?: (key: string) => void;
  /** A store to run on instead of the SQLite store in `config.dataDir`; it is closed with the server. */
  store?: BatonStore;
  /** Load the reference policy into an empty store (default true). */
  seed?: boolean;
  clock?: () => Date;
  /** The built editor served at `/` (default: `editor/dist` of this repository). */
  editorDir?: string;
}

/** A running server. */
export interface BatonServer {
  /** Base URL, e.g. `http://127.0.0.1:4000`. */
  url: string;
  port: number;
  store: BatonStore;
  policies: PolicyService;
  decisions: DecisionService;
  decisionLog: DecisionLog;
  /** Committed handoffs: their lifecycle and timeouts (`handoffs.sweep()` applies the timeouts due now). */
  handoffs: HandoffService;
  /** This process's webhook delivery loop (`idle()` waits until nothing is in flight). */
  webhookDispatcher: WebhookDispatcher;
  /** This process's cache of policy heads (see `PolicyHeadCache` for how stale it can be). */
  policyHeads: PolicyHeadCache;
  /** Stops accepting requests, waits for in-flight ones (at most 10 s), flushes the decision log, stops the policy head cache, closes the store. */
  close(): Promise<void>;
}

function printAdminKey(key: string): void {
  process.stdout.write(
    `\nBaton generated an admin API key. It is shown only this once and stored hashed; keep it now:\n\n  ${key}\n\n` +
      'Send it as "Authorization: Bearer <key>". Set BATON_ADMIN_KEY to choose your own.\n\n',
  );
}

/** MongoDB when `MONGODB_URI` is set, else the embedded SQLite file in `BATON_DATA_DIR`. */
async function openStore(config: BatonConfig, logger: Logger): Promise<BatonStore> {
  if (!config.mongodbUri) return openSqliteStore(config.dataDir);
  // Loaded only here: the driver's BSON module alone allocates a 17 MB buffer on load, memory a
  // server on the embedded store would carry for nothing.
  const { openMongoStore } = await import('../store/mongo/open-mongo-store.js');
  return openMongoStore(config.mongodbUri, { logger, retentionDays: config.decisionLog.retentionDays });
}

/**
 * Starts Baton on `config.host:config.port`.
 * @throws when the store cannot be opened, `BATON_ADMIN_KEY` is unusable, seeding fails, or the port is taken.
 */
export async function createBatonServer(config: BatonConfig, options: BatonServerOptions = {}): Promise<BatonServer> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const store = options.store ?? (await openStore(config, logger));
  // Operations metrics (GET /metrics); with BATON_METRICS=off nothing is counted.
  const metrics = config.metrics === 'off' ? undefined : new BatonMetrics({ logger, clock: options.clock });
  let retention: DecisionRetention | undefined;
  let sweeper: HandoffSweeper | undefined;
  let dispatcher: WebhookDispatcher | undefined;
  let startedQueueFeed: QueueStatusFeed | undefined;
  let startedHeads: PolicyHeadCache | undefined;
  let generatedKey: string | undefined;
  const announce = options.announceAdminKey ?? printAdminKey;
  try {
    // Servers sharing the store see each other's activations through this cache's polling (and pushes when the store has them).
    const policyHeads = (startedHeads = new PolicyHeadCache({
      store: store.policies,
      pollMs: config.policyPollMs ?? DEFAULT_POLICY_POLL_MS,
      watch: store.watchPolicyChanges?.bind(store),
      logger,
    }));
    policyHeads.start();
    const { policies: policyStore, changeRequests } = withPolicyHeadCache(store, policyHeads);
    // Rate limits only when configured (loadConfig always does; tests built in code do not).
    const rateLimiter = config.rateLimits && new RateLimiter(config.rateLimits);
    const auth = new AuthService({ store: store.apiKeys, logger, clock: options.clock, rateLimiter });
    // Shown once Baton listens, or with the failure when it cannot: the key is stored either way, and the next start would not show it.
    await auth.bootstrap(config.adminKey, (key) => (generatedKey = key));
    // Live events of this process: handoff steps and directory changes, for subscriptions.
    const handoffEvents = new HandoffEvents({
      read: (decisionId) => store.handoffs.getAssignment(decisionId),
      onError: (error) => logger.error({ err: error }, 'handoff event listener failed'),
    });
    const directory = new DirectoryService({
      store: store.directory,
      clock: options.clock,
      onChange: (assigned) => void handoffEvents.directoryChanged(assigned),
    });
    // The directory comes first: the reference policy's routing graph names its queues.
    if (options.seed !== false && (await loadSeedDirectory(createDirectorySeedTarget(directory)))) {
      logger.info('seed directory loaded into the empty store');
    }
    await directory.current();
    const backtests = new BacktestService({ store: store.backtests, policies: policyStore, logger, clock: options.clock });
    // The tiers integrations send (from the decision log, then each logged decision): known customerTier values.
    const customerTiers = new KnownCustomerTiers();
    await customerTiers.load(store.decisionLog);
    const policies = new PolicyService({
      store: policyStore,
      knownQueues: () => directory.queueIds(),
      knownLanguages: () => directory.languages(),
      knownCustomerTiers: () => customerTiers.values(),
      changeRequests,
      testCases: store.policyTests,
      limits: config.limits,
      defaultSettings: () => structuredClone(referencePolicy.document.settings),
      checkPublishGates: (policyId, draft) => backtests.checkPublishGates(policyId, draft),
      clock: options.clock,
    });
    if (options.seed !== false && (await loadSeed(createPolicySeedTarget(policies, policyStore)))) {
      logger.info({ policyId: referencePolicy.id }, 'reference policy loaded into the empty store');
    }
    const decisionLog = new DecisionLog({
      store: store.decisionLog,
      logger,
      flushMs: config.decisionLog.flushMs,
      batchSize: config.decisionLog.batchSize,
      clock: options.clock,
    });
    // One cache of prepared versions for deciding and replaying.
    const preparedPolicies = new PreparedPolicyCache();
    const decisions = new DecisionService({
      policies: policyStore,
      log: decisionLog,
      cache: preparedPolicies,
      limits: config.limits,
      clock: options.clock,
      directory,
      metrics,
      // While a conversation has an open handoff, decideHandoff answers STAY, with_human.
      openHandoff: (conversationId) => handoffs.openHandoff(conversationId),
      customerTiers,
    });
    const handoffTimeouts = config.handoffs ?? DEFAULT_HANDOFF_TIMEOUT_CONFIG;
    const handoffs = new HandoffService({
      store: store.handoffs,
      decisionLogStore: store.decisionLog,
      flushDecisionLog: () => decisionLog.flush(),
      policies: policyStore,
      directory,
      cache: preparedPolicies,
      clock: options.clock,
      timeouts: handoffTimeouts,
      metrics,
      events: handoffEvents,
    });
    const subscriptionConfig = config.subscriptions ?? DEFAULT_SUBSCRIPTION_CONFIG;
    const present = (record: Parameters<HandoffService['present']>[0]) => handoffs.present(record);
    const queueStatuses = new QueueStatusService({ store: store.handoffs, directory, present, clock: options.clock });
    const queueStatusFeed = (startedQueueFeed = new QueueStatusFeed({
      statuses: (queueIds) => queueStatuses.statuses(queueIds),
      events: handoffEvents,
      tickMs: subscriptionConfig.queueStatusTickSeconds * 1000,
      logger,
    }));
    const handoffFeed = new HandoffFeed({
      store: store.handoffs,
      events: handoffEvents,
      present,
      queueExists: async (queueId) => (await directory.current()).queues.has(queueId),
      logger,
    });
    if (handoffTimeouts.sweepSeconds !== null) {
      sweeper = new HandoffSweeper({ sweep: () => handoffs.sweep(), intervalMs: handoffTimeouts.sweepSeconds * 1000, logger });
      sweeper.start();
    }
    const decisionLogService = new DecisionLogService({ store: store.decisionLog, writer: decisionLog, policies: policyStore, cache: preparedPolicies });
    // Handoff changes write their webhook events to the outbox in their own transactions; this loop delivers them.
    const webhookDispatcher = (dispatcher = new WebhookDispatcher({
      store: store.webhooks,
      buildPayload: (event) =>
        buildPayload(event, { decision: (id) => decisionLogService.getDecision(id), policies: policyStore, cache: preparedPolicies, logger }),
      config: config.webhooks ?? DEFAULT_WEBHOOK_CONFIG,
      logger,
      clock: options.clock,
    }));
    webhookDispatcher.start();
    const webhooks = new WebhookService({ store: store.webhooks, clock: options.clock, wake: () => void webhookDispatcher.tick() });
    if (config.decisionLog.retentionDays !== undefined) {
      retention = new DecisionRetention({ store: store.decisionLog, days: config.decisionLog.retentionDays, logger, clock: options.clock });
      await retention.start();
    }
    const datasets = new DatasetService({
      store: store.backtests,
      decisionLog: store.decisionLog,
      flushDecisionLog: () => decisionLog.flush(),
      limits: config.limits,
      datasetLimits: config.backtest ?? DEFAULT_DATASET_LIMITS,
      clock: options.clock,
    });
    const outcomes = new OutcomeService({
      store: store.outcomes,
      decisionLog: store.decisionLog,
      flushDecisionLog: () => decisionLog.flush(),
      datasets,
      maxDatasetRows: (config.backtest ?? DEFAULT_DATASET_LIMITS).maxRows,
      clock: options.clock,
    });
    const audit = new AuditService(store.auditLog);
    const idempotency = new IdempotencyService({
      store: store.idempotency,
      ttlSeconds: config.idempotencyTtlSeconds ?? DEFAULT_IDEMPOTENCY_TTL_SECONDS,
      clock: options.clock,
    });
    const countError = metrics && ((code: string) => metrics.graphqlError(code));
    metrics?.observe({ decisionLog, queueWaits: () => handoffs.queueWaits(), backtestsActive: () => backtests.activeRuns });
    const graphqlLimits = config.graphql ?? DEFAULT_GRAPHQL_LIMITS;
    // One executable schema for Apollo (HTTP) and graphql-ws (subscriptions).
    const schema = createBatonSchema(config.limits);
    const apollo = createApollo(logger, config.limits, countError, graphqlLimits, schema);
    await apollo.start();
    const context = (principal: Principal, reqId?: string): BatonContext => ({
      principal,
      reqId,
      auth,
      audit,
      policies,
      decisions,
      decisionLog: decisionLogService,
      directory,
      handoffs,
      handoffFeed,
      queueStatusFeed,
      datasets,
      backtests,
      outcomes,
      webhooks,
      idempotency,
    });
    const graphql = createGraphQLHandler({
      apollo,
      auth,
      maxBodyBytes: config.limits.maxBodyBytes,
      onErrorCode: countError,
      rateLimiter,
      context,
    });
    const auditExport = createAuditExportHandler({ auth, audit });
    const datasetUpload = createDatasetUploadHandler({ auth, datasets, maxBytes: (config.backtest ?? DEFAULT_DATASET_LIMITS).maxBytes });
    const http = createHttpServer({
      graphql,
      auditExport,
      datasetUpload,
      metrics: metrics && createMetricsHandler({ metrics, auth: config.metrics === 'open' ? undefined : auth }),
      isHealthy: () => store.isHealthy(),
      logger,
      rateLimiter,
      editorAssets: createEditorAssets(options.editorDir ?? defaultEditorDir()),
    });
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.port, config.host, () => {
        http.off('error', reject);
        resolve();
      });
    });
    // Attached once listening: ws re-emits the server's errors (a taken port) as its own, with a misleading trace.
    const subscriptions = attachGraphQLWs({
      server: http,
      schema,
      auth,
      context,
      limits: graphqlLimits,
      maxPayloadBytes: config.limits.maxBodyBytes,
      maxSubscriptionsPerConnection: subscriptionConfig.maxPerConnection,
      formatError: createFormatError(logger, countError),
    });
    if (generatedKey) announce(generatedKey);
    const { port } = http.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        // Upgraded sockets would keep http.close() waiting: subscriptions end first.
        await queueStatusFeed.close();
        handoffFeed.close();
        await subscriptions.close();
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeIdleConnections();
        const force = setTimeout(() => http.closeAllConnections(), 10_000);
        await stopped;
        clearTimeout(force);
        await apollo.stop();
        await backtests.close();
        await sweeper?.stop();
        await webhookDispatcher.stop();
        await retention?.stop();
        await decisionLog.close();
        await policyHeads.close();
        await store.close();
      })());
    return { url: `http://${host}:${port}`, port, store, policies, decisions, decisionLog, handoffs, webhookDispatcher, policyHeads, close };
  } catch (error) {
    if (generatedKey) announce(generatedKey);
    await startedQueueFeed?.close();
    await sweeper?.stop();
    await dispatcher?.stop();
    await retention?.stop();
    await startedHeads?.close();
    await store.close();
    throw error;
  }
}
