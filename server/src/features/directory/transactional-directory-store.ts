/**
 * The directory store, written once for every adapter: each change is a unit of work that reads
 * through the repositories, decides with `directory-transitions.ts` and writes the records with
 * their audit event. Adapters supply the repositories (`tx.queues`, `tx.agents`,
 * `tx.queuedHandoffs`) and `DirectoryAccess`.
 */
import type { Agent } from '@baton/schemas';
import { DuplicateKeyError, StaleWriteError, type Transaction, type UnitOfWork } from '../../store/unit-of-work';
import type { DirectoryAccess, DirectoryStore } from './directory-store';
import { agentRemoval, agentUpsert, presenceEvent, presenceUpdate, queueUpsert, takeQueued } from './directory-transitions';

/**
 * How often a change is tried when another writer got there first: a handoff changed the
 * agent's load between its read and its write, or a concurrent upsert created the same agent.
 * Each try re-reads, so a retry decides on fresh data; a conflict every time is an error.
 */
const ATTEMPTS = 5;

async function retryingConflicts<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      const conflict = error instanceof StaleWriteError || error instanceof DuplicateKeyError;
      if (!conflict || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** Writes `next` (new or replacing `previous`) after letting its free capacity take queued handoffs. @returns the agent stored and the handoffs it took */
async function saveAgent(tx: Transaction, previous: Agent | null, next: Agent, at: Date): Promise<{ agent: Agent; assigned: string[] }> {
  const taken = takeQueued(next, next.status === 'ONLINE' ? await tx.queuedHandoffs.waitingFor(next.id) : [], at);
  if (previous) await tx.agents.update(taken.agent, previous, at);
  else await tx.agents.insert(taken.agent, at);
  for (const handoff of taken.assigned) await tx.queuedHandoffs.assign(handoff, at);
  return { agent: taken.agent, assigned: taken.assigned.map((h) => h.decisionId) };
}

/** Builds the store over `uow`; reads go straight to `access`. */
export function createDirectoryStore(uow: UnitOfWork, access: DirectoryAccess): DirectoryStore {
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
          const { result, event } = agentRemoval(previous, previous ? await tx.queuedHandoffs.countHeldBy(id) : 0, at, actor);
          if (!event || !previous) return result;
          await tx.queuedHandoffs.withdrawCandidate(id);
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
