/** The per-request GraphQL context: who is calling and the services resolvers delegate to. */
import type { Principal } from '../features/auth/auth-service';
import type { DecisionLogService } from '../features/decisions/decision-log-service';
import type { DecisionService } from '../features/decisions/decision-service';
import type { PolicyService } from '../features/policies/policy-service';

export interface BatonContext {
  principal: Principal;
  policies: PolicyService;
  decisions: DecisionService;
  /** Reading and replaying logged decisions (auditors). */
  decisionLog: DecisionLogService;
}

/** A resolver with Baton's context; parent and args typed per field. */
export type Resolver<TParent, TArgs, TResult> = (parent: TParent, args: TArgs, context: BatonContext) => TResult | Promise<TResult>;
