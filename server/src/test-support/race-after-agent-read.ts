/**
 * A unit of work in which another writer acts between a read and the write that depends on it:
 * right after the first agent read of the first try, `race` runs (another server's handoff, a
 * presence change elsewhere). The retried try reads what the race left.
 */
import type { UnitOfWork } from '../store/unit-of-work';

/** `uow` with `race` run once, after its first `tx.agents.find`; `raced()` says whether it ran. */
export function raceAfterAgentRead(uow: UnitOfWork, race: () => Promise<void>): { uow: UnitOfWork; raced: () => boolean } {
  let raced = false;
  return {
    raced: () => raced,
    uow: {
      transaction: (work) =>
        uow.transaction((tx) =>
          work({
            ...tx,
            agents: {
              ...tx.agents,
              find: async (id) => {
                const read = await tx.agents.find(id);
                if (!raced) {
                  raced = true;
                  await race();
                }
                return read;
              },
            },
          }),
        ),
    },
  };
}
