/** The per-request GraphQL context: who is calling and the services resolvers delegate to. */
import type { AuditService } from '../features/audit/audit-service';
import type { AuthService, Principal } from '../features/auth/auth-service';
import type { BacktestService } from '../features/backtest/backtest-service';
import type { DatasetService } from '../features/backtest/dataset-service';
import type { DecisionLogService } from '../features/decisions/decision-log-service';
import type { DecisionService } from '../features/decisions/decision-service';
import type { PolicyService } from '../features/policies/policy-service';
import type { DirectoryService } from '../features/directory/directory-service';
import type { HandoffFeed } from '../features/handoffs/handoff-feed';
import type { HandoffService } from '../features/handoffs/handoff-service';
import type { IdempotencyService } from '../features/idempotency/idempotency-service';
import type { QueueStatusFeed } from '../features/handoffs/queue-status-feed';
import type { OutcomeService } from '../features/outcomes/outcome-service';
import type { WebhookService } from '../features/webhooks/webhook-service';

export interface BatonContext {
  principal: Principal;
  /** The HTTP request's id (`x-request-id`), which lines logged on its behalf carry; absent over WebSocket. */
  reqId?: string;
  auth: AuthService;
  audit: AuditService;
  policies: PolicyService;
  decisions: DecisionService;
  /** Reading and replaying logged decisions (auditors). */
  decisionLog: DecisionLogService;
  /** Queues, agents, presence and the routing snapshot. */
  directory: DirectoryService;
  /** Committing handoffs: reservations and assignments. */
  handoffs: HandoffService;
  /** Handoff lifecycle events for subscriptions (`handoffUpdated`). */
  handoffFeed: HandoffFeed;
  /** Queue figures for subscriptions (`queueStatusUpdated`). */
  queueStatusFeed: QueueStatusFeed;
  /** Backtest datasets: import, build from the decision log, delete. */
  datasets: DatasetService;
  /** Backtest runs and publish gates. */
  backtests: BacktestService;
  /** Outcomes in, handoff KPIs and suggestions out. */
  outcomes: OutcomeService;
  /** `Idempotency-Key`s of retried decideHandoff and startHandoff calls (`idempotency-plugin.ts`). */
  idempotency: IdempotencyService;
  /** Webhook endpoints, the delivery log, redelivery. */
  webhooks: WebhookService;
}
