/**
 * The directory storage port: queues, agent profiles, presence and load. Changes go through the
 * unit of work (`store/unit-of-work.ts`): `transactional-directory-store.ts` reads through the
 * repositories below, decides with `directory-transitions.ts` and writes the records with their
 * audit event, none when nothing changed; the queued handoffs an agent's free capacity takes are
 * written through the handoffs' repository (`tx.handoffs`). Adapters (`sqlite-directory-repositories.ts`,
 * `mongo-directory-repositories.ts`) only persist; both run `directory-store.contract.ts`.
 */
import type { Agent, AgentProfile, AgentStatus, ChannelCounts, DirectorySnapshot, Queue } from '@baton/schemas';
import type { Actor } from '../audit/audit-event';

export interface PresenceChange {
  agent: Agent;
  /** Decision ids of queued handoffs the freed capacity took, in the order assigned. */
  assigned: string[];
}

export type RemoveAgentResult = { status: 'removed'; agent: Agent } | { status: 'not-found' } | { status: 'busy'; assigned: number };

/** Queues, inside a transaction. Only the directory writes them, so they carry no revision. */
export interface QueueRepository {
  find(id: string): Promise<Queue | null>;
  /** @throws DuplicateKeyError (`id`) when the queue exists */
  insert(queue: Queue, at: Date): Promise<void>;
  /** Replaces a stored queue; `at` is its new change time. */
  update(queue: Queue, at: Date): Promise<void>;
}

/**
 * Agents (profile, presence and load), inside a transaction. Handoffs change an agent's load
 * (reserving and freeing capacity) in transactions of their own, so writes to a stored agent are
 * conditional on the presence and load read: `expected`'s `status` and `activeConversations`.
 */
export interface AgentRepository {
  find(id: string): Promise<Agent | null>;
  /** @throws DuplicateKeyError (`id`) when the agent exists */
  insert(agent: Agent, at: Date): Promise<void>;
  /** Replaces profile, presence and load. @throws StaleWriteError when presence or load is no longer `expected`'s */
  update(agent: Agent, expected: Agent, at: Date): Promise<void>;
  /**
   * Writes only `agent`'s load (`activeConversations`) and `lastAssignedAt`, as a handoff moves
   * capacity; the profile and its change time stay.
   * @throws StaleWriteError when presence or load is no longer `expected`'s
   */
  updateLoad(agent: Agent, expected: Agent): Promise<void>;
  /** @throws StaleWriteError when presence or load is no longer `expected`'s */
  remove(expected: Agent): Promise<void>;
}

/** Reads outside a transaction. */
export interface DirectoryAccess {
  listQueues(): Promise<Queue[]>;
  getQueue(id: string): Promise<Queue | null>;
  listAgents(): Promise<Agent[]>;
  getAgent(id: string): Promise<Agent | null>;
  /** Everything routing reads, in one consistent read. */
  snapshot(): Promise<DirectorySnapshot>;
  /**
   * The agent who most recently took a handoff of `customerId`; null when none did. Read per
   * decision through an index: kept out of the snapshot, which would grow with every customer
   * ever served and be rebuilt after each handoff.
   */
  lastAgentOf(customerId: string): Promise<string | null>;
}

/** The directory's storage as the service uses it. Every changing method takes the actor last. */
export interface DirectoryStore extends DirectoryAccess {
  /** Creates or replaces a queue. @returns the stored queue */
  upsertQueue(queue: Queue, at: Date, actor: Actor): Promise<Queue>;
  /** Creates (offline, idle) or replaces an agent's profile; presence and load are kept. */
  upsertAgent(profile: AgentProfile, at: Date, actor: Actor): Promise<Agent>;
  /**
   * Removes an agent unless it has handoffs assigned (checked in the same transaction).
   * Queued handoffs stop waiting for it.
   */
  removeAgent(id: string, at: Date, actor: Actor): Promise<RemoveAgentResult>;
  /**
   * Sets status and (when given) conversations in progress per channel; capacity freed this
   * way takes queued handoffs the agent qualifies for, in the same transaction.
   * @returns null when the agent is unknown
   */
  setAgentPresence(agentId: string, status: AgentStatus, active: ChannelCounts | undefined, at: Date, actor: Actor): Promise<PresenceChange | null>;
}
