/**
 * The directory storage port: queues, agent profiles, presence and load. Every changing
 * method takes the actor last and records one audit event in the same transaction as its
 * change, none when nothing changed. Adapters: SQLite (`sqlite-directory-store.ts`); the
 * MongoDB adapter runs the same contract (`directory-store.contract.ts`).
 */
import type { Agent, AgentProfile, AgentStatus, ChannelCounts, DirectorySnapshot, Queue } from '@baton/schemas';
import type { Actor } from '../audit/audit-event';

export interface PresenceChange {
  agent: Agent;
  /** Decision ids of queued handoffs the freed capacity took, in the order assigned. */
  assigned: string[];
}

export type RemoveAgentResult = { status: 'removed'; agent: Agent } | { status: 'not-found' } | { status: 'busy'; assigned: number };

export interface DirectoryStore {
  listQueues(): Promise<Queue[]>;
  getQueue(id: string): Promise<Queue | null>;
  /** Creates or replaces a queue. @returns the stored queue */
  upsertQueue(queue: Queue, at: Date, actor: Actor): Promise<Queue>;
  listAgents(): Promise<Agent[]>;
  getAgent(id: string): Promise<Agent | null>;
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
  /** Everything routing reads, in one consistent read. */
  snapshot(): Promise<DirectorySnapshot>;
}
