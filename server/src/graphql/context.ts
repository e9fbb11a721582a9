/** The per-request GraphQL context: who is calling and the services resolvers delegate to. */
import type { AuditService } from '../features/audit/audit-service';
import type { AuthService, Principal } from '../features/auth/auth-service';
import type { BacktestService } from '../features/backtest/backtest-service';
import type { DatasetService } from '../features/backtest/dataset-service';
import type { DecisionLogService } from '../features/decisions/decision-log-service';
import type { DecisionService } from '../features/decisions/decision-service';
import type { PolicyService } from '../features/policies/policy-service';
import type { DirectoryService } from '../features/directory/directory-service';
import type { HandoffService } from '../features/handoffs/handoff-service';
import type { OutcomeService } from '../features/outcomes/outcome-service';

export interface BatonContext {
  principal: Principal;
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
  /** Backtest datasets: import, build from the decision log, delete. */
  datasets: DatasetService;
  /** Backtest runs and publish gates. */
  backtests: BacktestService;
  /** Outcomes in, handoff KPIs and suggestions out. */
  outcomes: OutcomeService;
}
