/**
 * Wires the whole server: store, auth bootstrap, seed, services, Apollo, HTTP. Used by
 * `main.ts`, the tests and the benchmark (with `port: 0` for an ephemeral port).
 */
import type { AddressInfo } from 'node:net';
import { loadSeed, loadSeedDirectory, referencePolicy } from '@baton/seed';
import { DirectoryService } from '../features/directory/directory-service';
import { createDirectorySeedTarget } from '../features/directory/directory-seed-target';
import { HandoffService } from '../features/handoffs/handoff-service';
import { HandoffSweeper } from '../features/handoffs/handoff-sweeper';
import { DEFAULT_DATASET_LIMITS, DEFAULT_GRAPHQL_LIMITS, DEFAULT_HANDOFF_TIMEOUT_CONFIG, DEFAULT_POLICY_POLL_MS, type BatonConfig } from '../config';
import { AuditService } from '../features/audit/audit-service';
import { AuthService } from '../features/auth/auth-service';
import { BacktestService } from '../features/backtest/backtest-service';
import { DatasetService } from '../features/backtest/dataset-service';
import { DecisionLog } from '../features/decisions/decision-log';
import { DecisionService } from '../features/decisions/decision-service';
import { DecisionLogService } from '../features/decisions/decision-log-service';
import { DecisionRetention } from '../features/decisions/decision-retention';
import { OutcomeService } from '../features/outcomes/outcome-service';
import { PreparedPolicyCache } from '../features/decisions/prepared-policy-cache';
import { withPolicyHeadCache } from '../features/policies/head-cached-stores';
import { PolicyHeadCache } from '../features/policies/policy-head-cache';
import { createPolicySeedTarget } from '../features/policies/policy-seed-target';
import { PolicyService } from '../features/policies/policy-service';
import { createApollo } from '../graphql/create-apollo';
import { createAuditExportHandler } from '../http/audit-export';
import { createDatasetUploadHandler } from '../http/dataset-upload';
import { createGraphQLHandler } from '../http/graphql-handler';
import { createHttpServer } from '../http/http-server';
import { createMetricsHandler } from '../http/metrics-endpoint';
import { BatonMetrics } from '../metrics/baton-metrics';
import { createEditorAssets, defaultEditorDir } from '../http/editor-assets';
import { createLogger, type Logger } from '../logger';
import type { BatonStore } from '../store/baton-store';
import { openMongoStore } from '../store/mongo/open-mongo-store';
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
function openStore(config: BatonConfig, logger: Logger): Promise<BatonStore> {
  if (config.mongodbUri) return openMongoStore(config.mongodbUri, { logger, retentionDays: config.decisionLog.retentionDays });
  return openSqliteStore(config.dataDir);
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
  let startedHeads: PolicyHeadCache | undefined;
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
    const auth = new AuthService({ store: store.apiKeys, logger, clock: options.clock });
    await auth.bootstrap(config.adminKey, options.announceAdminKey ?? printAdminKey);
    const directory = new DirectoryService({ store: store.directory, clock: options.clock });
    // The directory comes first: the reference policy's routing graph names its queues.
    if (options.seed !== false && (await loadSeedDirectory(createDirectorySeedTarget(directory)))) {
      logger.info('seed directory loaded into the empty store');
    }
    await directory.current();
    const backtests = new BacktestService({ store: store.backtests, policies: policyStore, logger, clock: options.clock });
    const policies = new PolicyService({
      store: policyStore,
      knownQueues: () => directory.queueIds(),
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
    });
    if (handoffTimeouts.sweepSeconds !== null) {
      sweeper = new HandoffSweeper({ sweep: () => handoffs.sweep(), intervalMs: handoffTimeouts.sweepSeconds * 1000, logger });
      sweeper.start();
    }
    const decisionLogService = new DecisionLogService({ store: store.decisionLog, writer: decisionLog, policies: policyStore, cache: preparedPolicies });
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
    const countError = metrics && ((code: string) => metrics.graphqlError(code));
    metrics?.observe({ decisionLog, queueWaits: () => handoffs.queueWaits(), backtestsActive: () => backtests.activeRuns });
    const apollo = createApollo(logger, config.limits, countError, config.graphql ?? DEFAULT_GRAPHQL_LIMITS);
    await apollo.start();
    const graphql = createGraphQLHandler({
      apollo,
      auth,
      maxBodyBytes: config.limits.maxBodyBytes,
      onErrorCode: countError,
      context: (principal) => ({
        principal,
        auth,
        audit,
        policies,
        decisions,
        decisionLog: decisionLogService,
        directory,
        handoffs,
        datasets,
        backtests,
        outcomes,
      }),
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
      editorAssets: createEditorAssets(options.editorDir ?? defaultEditorDir()),
    });
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.port, config.host, () => {
        http.off('error', reject);
        resolve();
      });
    });
    const { port } = http.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeIdleConnections();
        const force = setTimeout(() => http.closeAllConnections(), 10_000);
        await stopped;
        clearTimeout(force);
        await apollo.stop();
        await backtests.close();
        await sweeper?.stop();
        await retention?.stop();
        await decisionLog.close();
        await policyHeads.close();
        await store.close();
      })());
    return { url: `http://${host}:${port}`, port, store, policies, decisions, decisionLog, handoffs, policyHeads, close };
  } catch (error) {
    await sweeper?.stop();
    await retention?.stop();
    await startedHeads?.close();
    await store.close();
    throw error;
  }
}
