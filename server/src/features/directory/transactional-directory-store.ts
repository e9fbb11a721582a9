/**
 * The directory store, written once for every adapter: each change is a unit of work that reads
 * through the repositories, decides with `directory-transitions.ts` and writes the records with
 * their audit event. Adapters supply the repositories (`tx.queues`, `tx.agents`, `tx.handoffs`,
 * `tx.handoffOutbox`) and `DirectoryAccess`. A change that lost a race with another writer (a
 * handoff changed the agent's load between its read and its write, or a concurrent upsert created
 * the same agent) is tried again on fresh data (`retryingConflicts`).
 */
import type { Agent } from '@baton/schemas';
import { retryingConflicts } from '../../store/retrying-conflicts';
import type { Transaction, UnitOfWork } from '../../store/unit-of-work';
import type { StoredHandoff } from '../handoffs/handoff-store';
import type { DirectoryAccess, DirectoryStore } from './directory-store';
import { agentRemoval, agentUpsert, presenceEvent, presenceUpdate, queueUpsert, takeQueued } from './directory-transitions';

/** The part of a unit of work the directory reads and writes: its own records, and the queued handoffs freed capacity takes. */
export type DirectoryTransaction = Pick<Transaction, 'queues' | 'agents' | 'handoffs' | 'handoffOutbox' | 'audit'>;

/**
 * Writes `next` (new or replacing `previous`) after letting its free capacity take queued
 * handoffs, each told to the webhooks outbox. @returns the agent stored and the handoffs it took
 */
async function saveAgent(tx: DirectoryTransaction, previous: Agent | null, next: Agent, at: Date): Promise<{ agent: Agent; assigned: string[] }> {
  const waiting = next.status === 'ONLINE' ? await tx.handoffs.waitingFor(next.id) : [];
  const taken = takeQueued(next, waiting, at);
  if (previous) await tx.agents.update(taken.agent, previous, at);
  else await tx.agents.insert(taken.agent, at);
  for (const handoff of taken.assigned) {
    // takeQueued returns only handoffs of the list it was given.
    await tx.handoffs.update(handoff, waiting.find((w) => w.decisionId === handoff.decisionId) as StoredHandoff);
    await tx.handoffOutbox.append({ kind: 'assign', after: handoff, at });
  }
  return { agent: taken.agent, assigned: taken.assigned.map((h) => h.decisionId) };
}

/** Builds the store over `uow`; reads go straight to `access`. */
export function createDirectoryStore(uow: UnitOfWork<DirectoryTransaction>, access: DirectoryAccess): DirectoryStore {
  return {
    ...access,
    upsertQueue: (queue, at, actor) =>
      retryingConflicts(() =>
        uow.transaction(async (tx) => {
          const previous = await tx.queues.find(queue.id);
          const change = queueUpsert(previous, queue, at, actor);
          if (!change) return previous as NonNullable<typeof previous>;
          if (previous) await tx.queues.update(change.queue, at);
          else await tx.queues.insert(change.queue, at);
          await tx.audit.append(change.event);
          return change.queue;
        }),
      ),
    upsertAgent: (profile, at, actor) =>
      retryingConflicts(() =>
        uow.transaction(async (tx) => {
          const previous = await tx.agents.find(profile.id);
          const change = agentUpsert(previous, profile, at, actor);
          if (!change) return previous as NonNullable<typeof previous>;
          // A raised capacity may take queued handoffs at once.
          const { agent } = await saveAgent(tx, previous, change.agent, at);
          await tx.audit.append(change.event);
          return agent;
        }),
      ),
    removeAgent: (id, at, actor) =>
      retryingConflicts(() =>
        uow.transaction(async (tx) => {
          const previous = await tx.agents.find(id);
          const { result, event } = agentRemoval(previous, previous ? await tx.handoffs.countHeldBy(id) : 0, at, actor);
          if (!event || !previous) return result;
          await tx.handoffs.withdrawCandidate(id);
          await tx.agents.remove(previous);
          await tx.audit.append(event);
          return result;
        }),
      ),
    setAgentPresence: (agentId, status, active, at, actor) =>
      retryingConflicts(() =>
        uow.transaction(async (tx) => {
          const previous = await tx.agents.find(agentId);
          if (!previous) return null;
          const change = presenceUpdate(previous, status, active);
          if (!change) return { agent: previous, assigned: [] };
          const saved = await saveAgent(tx, previous, change.agent, at);
          await tx.audit.append(presenceEvent(agentId, change.before, change.after, saved.assigned, at, actor));
          return saved;
        }),
      ),
  };
}
