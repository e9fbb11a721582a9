/**
 * Internal (tests only): the contract suite every `BatonStore` adapter runs —
 * `defineStoreContractTests('sqlite', () => openSqliteStore(dir))` and the MongoDB
 * adapter (`mongo-store.test.ts`), with the same expectations.
 */
import { describeAuditLogStoreContract } from '../features/audit/audit-log-store.contract';
import { describeApiKeyStoreContract } from '../features/auth/api-key-store.contract';
import { describeBacktestStoreContract } from '../features/backtest/backtest-store.contract';
import { describeDecisionLogStoreContract } from '../features/decisions/decision-log-store.contract';
import { describeDirectoryStoreContract } from '../features/directory/directory-store.contract';
import { describeHandoffStoreContract } from '../features/handoffs/handoff-store.contract';
import { describeIdempotencyStoreContract } from '../features/idempotency/idempotency-store.contract';
import { describeOutcomeStoreContract } from '../features/outcomes/outcome-store.contract';
import { describeChangeRequestStoreContract } from '../features/policies/change-request-store.contract';
import { describePolicyStoreContract } from '../features/policies/policy-store.contract';
import { describePolicyTestCaseStoreContract } from '../features/policies/policy-test-case-store.contract';
import { describeWebhookStoreContract } from '../features/webhooks/webhook-store.contract';
import type { BatonStore } from './baton-store';

/**
 * Registers the contract under `describe(name)`. `createStore` must return a new, empty store
 * each time; it is closed after each test.
 */
export function defineStoreContractTests(name: string, createStore: () => Promise<BatonStore>): void {
  describe(`${name} store contract`, () => {
    let current: BatonStore | undefined;
    beforeEach(async () => {
      current = await createStore();
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });
    const store = (): BatonStore => {
      if (!current) throw new Error('store not created');
      return current;
    };
    describePolicyStoreContract(store);
    describeChangeRequestStoreContract(store);
    describePolicyTestCaseStoreContract(store);
    describeAuditLogStoreContract(store);
    describeDecisionLogStoreContract(store);
    describeApiKeyStoreContract(store);
    describeDirectoryStoreContract(store);
    describeHandoffStoreContract(store);
    describeBacktestStoreContract(store);
    describeOutcomeStoreContract(store);
    describeIdempotencyStoreContract(store);
    describeWebhookStoreContract(store);
  });
}
