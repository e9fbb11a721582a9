/**
 * The decision log store, written once for every adapter: a batch is serialised first (a record
 * that cannot be written fails the batch before anything is), then appended through the unit of
 * work (`tx.decisions`) in one transaction, so a duplicate id leaves nothing of the batch behind.
 * Reads and retention go straight to the adapter's `DecisionLogAccess`.
 */
import type { Transaction, UnitOfWork } from '../../store/unit-of-work';
import { serialiseDecision, type DecisionLogAccess, type DecisionLogStore, type SerialisedDecisionRecord } from './decision-log-store';

/** The part of a unit of work the decision log writes. */
export type DecisionLogTransaction = Pick<Transaction, 'decisions'>;

/** Builds the store over `uow`; reads and the retention purge go to `access`. */
export function createDecisionLogStore(uow: UnitOfWork<DecisionLogTransaction>, access: DecisionLogAccess): DecisionLogStore {
  return {
    ...access,
    appendDecisions: async (records) => {
      if (records.length === 0) return;
      // The writer serialised each entry when it accepted it; records built elsewhere (tests, seeding) are serialised here.
      const serialised: SerialisedDecisionRecord[] = records.map((record) => ({ ...record, serialised: record.serialised ?? serialiseDecision(record) }));
      await uow.transaction((tx) => tx.decisions.insert(serialised));
    },
  };
}
