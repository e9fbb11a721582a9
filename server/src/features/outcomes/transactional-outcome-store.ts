/**
 * The outcome store, written once for every adapter: recording an outcome is a unit of work that
 * reads the stored record through the repository, merges (`outcome-transitions.ts`, via the
 * service's `change`) and writes the result with its audit event. Adapters supply the repository
 * and `OutcomeAccess`.
 */
import type { Transaction, UnitOfWork } from '../../store/unit-of-work';
import type { OutcomeAccess, OutcomeStore } from './outcome-store';

/** The part of a unit of work the outcomes feature reads and writes. */
export type OutcomeTransaction = Pick<Transaction, 'outcomes' | 'audit'>;

/** Builds the store over `uow`; reads and aggregates go straight to `access`. */
export function createOutcomeStore(uow: UnitOfWork<OutcomeTransaction>, access: OutcomeAccess): OutcomeStore {
  return {
    ...access,
    recordOutcome: (conversationId, kind, change) =>
      uow.transaction(async (tx) => {
        const existing = await tx.outcomes.find(conversationId, kind);
        const result = change(existing);
        // Nothing changes (an idempotent retry): nothing is written, not even an event.
        if (!result) return existing as NonNullable<typeof existing>;
        await tx.outcomes.save(result.record);
        await tx.audit.append(result.event);
        return result.record;
      }),
  };
}
