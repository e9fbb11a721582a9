/**
 * The directory's repositories and reads in memory, for unit tests of its services: the same
 * unique ids, conditional agent writes (on presence and load) and orderings as
 * `sqlite-directory-repositories.ts`, over plain maps. Agents are kept as SQLite reads them back:
 * skills by name, channels at 0 left out of capacity and load.
 */
import { CHANNELS, type Agent, type ChannelCounts, type Queue } from '@baton/schemas';
import { canonicalJson } from '@baton/rules';
import { byCodeUnit, insertUnique, type QueueMemoryWrite } from '../../store/memory/memory-unit-of-work';
import { StaleWriteError } from '../../store/unit-of-work';
import type { StoredHandoff } from '../handoffs/handoff-store';
import type { HandoffTables } from '../handoffs/memory-handoff-repositories';
import type { AgentRepository, DirectoryAccess, QueueRepository } from './directory-store';

/** Queues and agents, by id. */
export type DirectoryTables = { directoryQueues: Map<string, Queue>; directoryAgents: Map<string, Agent> };

/** Empty tables. */
export function emptyDirectoryTables(): DirectoryTables {
  return { directoryQueues: new Map(), directoryAgents: new Map() };
}

const copy = <T>(value: T | undefined): T | null => (value === undefined ? null : structuredClone(value));
const byId = (a: { id: string }, b: { id: string }) => byCodeUnit(a.id, b.id);
// SQLite sorts a NULL before every time.
const assignedTime = (h: StoredHandoff) => h.assignedAt?.getTime() ?? -Infinity;

/** The counts as stored: one per channel, a channel at 0 left out. */
const counts = (given: ChannelCounts): ChannelCounts => Object.fromEntries(CHANNELS.filter((c) => (given[c] ?? 0) > 0).map((c) => [c, given[c]]));

/** `agent` as SQLite stores and reads it back. */
const stored = (agent: Agent): Agent =>
  structuredClone({
    id: agent.id,
    name: agent.name,
    skills: [...agent.skills].sort((a, b) => byCodeUnit(a.skill, b.skill)),
    languages: agent.languages,
    timeZone: agent.timeZone,
    workingHours: agent.workingHours,
    seniority: agent.seniority,
    deescalationTrained: agent.deescalationTrained,
    capacity: counts(agent.capacity),
    accountIds: agent.accountIds,
    status: agent.status,
    activeConversations: counts(agent.activeConversations),
    lastAssignedAt: agent.lastAssignedAt,
  });

/** Presence and load, what a concurrent handoff or presence change may have moved. */
const presenceOf = (agent: Agent | undefined) => (agent ? canonicalJson({ status: agent.status, active: agent.activeConversations }) : null);

/** The repositories of one unit of work: reads from `committed`, writes through `queue`. Change times are not kept: nothing reads them. */
export function memoryDirectoryRepositories(
  committed: DirectoryTables,
  queue: QueueMemoryWrite<DirectoryTables>,
): { queues: QueueRepository; agents: AgentRepository } {
  /** The stored agent, unless its presence and load are no longer `expected`'s (checked at commit). */
  const unchanged = (next: DirectoryTables, expected: Agent): Agent => {
    const agent = next.directoryAgents.get(expected.id);
    if (!agent || presenceOf(agent) !== presenceOf(expected)) throw new StaleWriteError(`Agent '${expected.id}'`);
    return agent;
  };
  return {
    queues: {
      find: async (id) => copy(committed.directoryQueues.get(id)),
      insert: async (q) => queue((next) => insertUnique(next.directoryQueues, q.id, structuredClone(q), `Queue '${q.id}'`)),
      update: async (q) =>
        queue((next) => {
          // Like SQLite's UPDATE: a queue that is not stored stays so.
          if (next.directoryQueues.has(q.id)) next.directoryQueues.set(q.id, structuredClone(q));
        }),
    },
    agents: {
      find: async (id) => copy(committed.directoryAgents.get(id)),
      insert: async (agent) => queue((next) => insertUnique(next.directoryAgents, agent.id, stored(agent), `Agent '${agent.id}'`)),
      update: async (agent, expected) =>
        queue((next) => {
          unchanged(next, expected);
          next.directoryAgents.set(agent.id, stored(agent));
        }),
      updateLoad: async (agent, expected) =>
        queue((next) => {
          const current = unchanged(next, expected);
          next.directoryAgents.set(agent.id, stored({ ...current, activeConversations: agent.activeConversations, lastAssignedAt: agent.lastAssignedAt }));
        }),
      remove: async (expected) =>
        queue((next) => {
          unchanged(next, expected);
          next.directoryAgents.delete(expected.id);
        }),
    },
  };
}

/** The directory's reads over `tables()`, the committed tables (the handoffs' too: what waits, who served a customer). */
export function memoryDirectoryAccess(tables: () => DirectoryTables & Pick<HandoffTables, 'handoffs'>): DirectoryAccess {
  const queues = () => [...tables().directoryQueues.values()].sort(byId).map((q) => structuredClone(q));
  const agents = () => [...tables().directoryAgents.values()].sort(byId).map((a) => structuredClone(a));
  return {
    listQueues: async () => queues(),
    getQueue: async (id) => copy(tables().directoryQueues.get(id)),
    listAgents: async () => agents(),
    getAgent: async (id) => copy(tables().directoryAgents.get(id)),
    snapshot: async () => {
      const waitingByQueue: Record<string, number> = {};
      for (const h of tables().handoffs.values()) if (h.status === 'QUEUED') waitingByQueue[h.queueId] = (waitingByQueue[h.queueId] ?? 0) + 1;
      return { queues: queues(), agents: agents(), waitingByQueue };
    },
    lastAgentOf: async (customerId) => {
      // The newest assignment; of equal times the later stored, as SQLite walks its index backwards.
      let last: StoredHandoff | undefined;
      for (const h of tables().handoffs.values()) {
        if (h.customerId === customerId && h.agentId !== null && (!last || assignedTime(h) >= assignedTime(last))) last = h;
      }
      return last?.agentId ?? null;
    },
  };
}
