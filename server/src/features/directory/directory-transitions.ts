/**
 * The rules of changing the directory, without I/O: what a queue or profile upsert, a presence
 * change and a removal store and audit, and how capacity moves: which queued handoffs an agent's
 * free capacity takes (for the directory and the handoffs alike) and what giving a unit back does.
 * An unchanged queue, profile or presence writes nothing and records no event.
 */
import type { Agent, AgentProfile, AgentStatus, Channel, ChannelCounts, Queue } from '@baton/schemas';
import { canonicalJson } from '@baton/rules';
import type { Actor, AuditEventInput } from '../audit/audit-event';
import type { AssignmentRecord, StoredHandoff } from '../handoffs/handoff-store';
import { agentSummary, profileOf } from './agent-profile';
import type { RemoveAgentResult } from './directory-store';

/** Only the channels with a positive count: how agents report load and capacity. */
export function positiveCounts(counts: ChannelCounts): ChannelCounts {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => (n ?? 0) > 0));
}

/** A queue to store with its audit event; null when `next` equals what is stored. */
export function queueUpsert(previous: Queue | null, next: Queue, at: Date, actor: Actor): { queue: Queue; event: AuditEventInput } | null {
  if (previous && canonicalJson(previous) === canonicalJson(next)) return null;
  return {
    queue: next,
    event: { actor, action: 'directory.queue.upsert', targetType: 'queue', targetId: next.id, before: previous ?? undefined, after: next, at },
  };
}

/**
 * The agent `profile` makes, with its audit event: a new agent starts offline and idle, an
 * existing one keeps its presence and load. Null when the profile is unchanged.
 */
export function agentUpsert(previous: Agent | null, profile: AgentProfile, at: Date, actor: Actor): { agent: Agent; event: AuditEventInput } | null {
  if (previous && canonicalJson(profileOf(previous)) === canonicalJson(profileOf(profile))) return null;
  const presence = previous ?? { status: 'OFFLINE' as const, activeConversations: {}, lastAssignedAt: null };
  return {
    agent: { ...profileOf(profile), status: presence.status, activeConversations: presence.activeConversations, lastAssignedAt: presence.lastAssignedAt },
    event: {
      actor,
      action: 'directory.agent.upsert',
      targetType: 'agent',
      targetId: profile.id,
      before: previous ? agentSummary(previous) : undefined,
      after: agentSummary(profile),
      at,
    },
  };
}

/** An agent's presence as the audit log records it. */
export interface Presence {
  status: AgentStatus;
  activeConversations: ChannelCounts;
}

/**
 * The agent after a presence change: `status`, and `active` replacing every count when given (a
 * channel left out is back to 0). Null when presence stays as it is.
 */
export function presenceUpdate(
  previous: Agent,
  status: AgentStatus,
  active: ChannelCounts | undefined,
): { agent: Agent; before: Presence; after: Presence } | null {
  const before = { status: previous.status, activeConversations: previous.activeConversations };
  const after = { status, activeConversations: positiveCounts(active ?? previous.activeConversations) };
  if (canonicalJson(before) === canonicalJson(after)) return null;
  return { agent: { ...previous, ...after }, before, after };
}

/** The audit event of a presence change, with the queued handoffs it assigned. */
export function presenceEvent(agentId: string, before: Presence, after: Presence, assigned: string[], at: Date, actor: Actor): AuditEventInput {
  return { actor, action: 'directory.agent.presence', targetType: 'agent', targetId: agentId, before, after: { ...after, assigned }, at };
}

/** True when `agent` is online with a free slot on `channel` (active < capacity): it could take a handoff there now. */
export function hasFreeSlot(agent: Agent, channel: Channel): boolean {
  return agent.status === 'ONLINE' && (agent.activeConversations[channel] ?? 0) < (agent.capacity[channel] ?? 0);
}

/**
 * Which queued handoffs `agent`'s free capacity takes: only an online agent takes any; each, in
 * the order given (serving order), if its channel still has a free slot (active < capacity).
 * The one rule of reserving capacity: a presence or profile change, a handoff's start (one
 * handoff offered to each ranked agent in turn), a requeue and freed capacity all apply it.
 * @returns the agent with its load raised (and `lastAssignedAt` = `at` when it took any), and
 *   each taken handoff as stored after assignment (in the order taken, no queue position)
 */
export function takeQueued(agent: Agent, waiting: readonly StoredHandoff[], at: Date): { agent: Agent; assigned: AssignmentRecord[] } {
  if (agent.status !== 'ONLINE') return { agent, assigned: [] };
  const active: ChannelCounts = { ...agent.activeConversations };
  const assigned: AssignmentRecord[] = [];
  for (const handoff of waiting) {
    const load = active[handoff.channel] ?? 0;
    if (load >= (agent.capacity[handoff.channel] ?? 0)) continue;
    active[handoff.channel] = load + 1;
    assigned.push({ ...handoff, status: 'ASSIGNED', agentId: agent.id, assignedAt: at, position: null });
  }
  if (assigned.length === 0) return { agent, assigned };
  return { agent: { ...agent, activeConversations: positiveCounts(active), lastAssignedAt: at }, assigned };
}

/** `agent` with one conversation on `channel` given back (never below 0), as a handoff that held it ends or leaves it. */
export function freeSlot(agent: Agent, channel: Channel): Agent {
  const load = agent.activeConversations[channel] ?? 0;
  return { ...agent, activeConversations: positiveCounts({ ...agent.activeConversations, [channel]: Math.max(load - 1, 0) }) };
}

/**
 * Whether an agent may be removed: not when unknown, nor while it holds `held` assigned or
 * accepted handoffs. Carries the audit event when it may.
 */
export function agentRemoval(previous: Agent | null, held: number, at: Date, actor: Actor): { result: RemoveAgentResult; event: AuditEventInput | null } {
  if (!previous) return { result: { status: 'not-found' }, event: null };
  if (held > 0) return { result: { status: 'busy', assigned: held }, event: null };
  return {
    result: { status: 'removed', agent: previous },
    event: { actor, action: 'directory.agent.remove', targetType: 'agent', targetId: previous.id, before: agentSummary(previous), at },
  };
}
