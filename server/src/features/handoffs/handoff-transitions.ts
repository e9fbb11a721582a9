/**
 * What starting a handoff and each lifecycle step write, without I/O: which agent takes the
 * handoff, whose capacity is given back, which queued handoff the freed capacity takes, and what
 * the handoff becomes. Capacity is reserved by the directory's one rule (`takeQueued`) and given
 * back by `freeSlot`; `transactional-handoff-store.ts` reads what these functions need, and
 * writes what they return in one transaction.
 */
import type { Agent } from '@baton/schemas';
import type { Actor } from '../audit/audit-event';
import { freeSlot, takeQueued } from '../directory/directory-transitions';
import { candidateOrder } from './handoff-lifecycle';
import type { AssignmentRecord, HandoffStep, StartRequest, StoredHandoff } from './handoff-store';

/** An agent to write (its load and `lastAssignedAt`), over the agent as read. */
export interface AgentWrite {
  agent: Agent;
  expected: Agent;
}

/** A handoff to write over the handoff as read. */
export interface HandoffWrite {
  after: AssignmentRecord;
  expected: StoredHandoff;
}

/** The handoff without its queue position. */
export function stored(handoff: StoredHandoff | AssignmentRecord): StoredHandoff {
  const { position, ...rest } = handoff as AssignmentRecord;
  return (void position, rest);
}

/**
 * The first of `agents` (in the order given, null for an agent not in the directory) that takes
 * `handoff`: online with a free slot on its channel.
 * @returns the handoff as that agent took it and the agent with its load raised; null when none can
 */
export function firstTaker(handoff: StoredHandoff, agents: readonly (Agent | null)[], at: Date): { taken: AssignmentRecord; agent: AgentWrite } | null {
  for (const expected of agents) {
    if (!expected) continue;
    const { agent, assigned } = takeQueued(expected, [handoff], at);
    const [taken] = assigned;
    if (taken) return { taken, agent: { agent, expected } };
  }
  return null;
}

/** A ranked agent as a start reads it: null when not in the directory, with the queued handoffs it is a candidate for (serving order). */
export interface RankedAgent {
  agent: Agent | null;
  waiting: readonly StoredHandoff[];
}

/** What a start writes: the new handoff (no position yet), who may take it later, the agents whose load moves, and queued handoffs they took first. */
export interface StartPlan {
  handoff: StoredHandoff;
  candidates: string[];
  agents: AgentWrite[];
  taken: HandoffWrite[];
}

/** True when `a` is served before `b`: higher rank, then older, then lower decision id (the queue's serving order). */
export function servedBefore(a: StoredHandoff, b: StoredHandoff): boolean {
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (a.createdAt.getTime() !== b.createdAt.getTime()) return a.createdAt < b.createdAt;
  return a.decisionId < b.decisionId;
}

/**
 * A new handoff for `request`, started by `actor.keyId`. Each ranked agent in turn (`ranked`, in
 * `request.ranked` order) serves its waiting handoffs and the new one in serving order, as far as
 * its free slots go (`takeQueued`): a newcomer never takes a slot from a handoff queued before it
 * that the agent could serve. The new handoff is ASSIGNED to the first agent that reaches it,
 * else QUEUED for every candidate (`candidateOrder`); the queued handoffs the agents took on the
 * way are assigned too.
 */
export function planStart(request: StartRequest, ranked: readonly RankedAgent[], actor: Actor): StartPlan {
  const queued: StoredHandoff = {
    decisionId: request.decisionId,
    conversationId: request.conversationId,
    customerId: request.customerId,
    queueId: request.queueId,
    agentId: null,
    channel: request.channel,
    status: 'QUEUED',
    rank: request.rank,
    fallbackUsed: request.fallbackUsed,
    explanation: [...request.explanation],
    createdAt: request.at,
    assignedAt: null,
    acceptedAt: null,
    releasedAt: null,
    requeues: 0,
    startedBy: actor.keyId,
  };
  let handoff = queued;
  const agents: AgentWrite[] = [];
  const taken: HandoffWrite[] = [];
  const takenIds = new Set<string>();
  for (const { agent: expected, waiting } of ranked) {
    if (!expected) continue;
    const others = waiting.filter((w) => !takenIds.has(w.decisionId));
    const order = [...others.filter((w) => servedBefore(w, queued)), queued, ...others.filter((w) => !servedBefore(w, queued))];
    const { agent, assigned } = takeQueued(expected, order, request.at);
    if (assigned.length === 0) continue;
    agents.push({ agent, expected });
    const read = new Map(others.map((w) => [w.decisionId, w]));
    for (const a of assigned) {
      const before = read.get(a.decisionId);
      if (before) {
        taken.push({ after: a, expected: before });
        takenIds.add(a.decisionId);
      } else handoff = stored(a);
    }
    if (handoff !== queued) break;
  }
  return { handoff, candidates: candidateOrder(request), agents, taken };
}

/**
 * How many handoffs of the new one's queue, waiting ahead of it, the start assigned: its position
 * counted on what was committed before the start is that much too high.
 */
export function takenAhead(plan: StartPlan): number {
  return plan.taken.filter((t) => t.expected.queueId === plan.handoff.queueId && servedBefore(t.expected, plan.handoff)).length;
}

/** What a step needs read, beyond the handoff itself (see {@link stepReads}). */
export interface StepReads {
  /** The agent holding the handoff (null when it has none, or the agent is gone), when the step frees or drains its capacity. */
  holder: Agent | null;
  /** The handoff's candidates in routing order, with each agent as read (null when not in the directory), when it requeues. */
  candidates: readonly { id: string; agent: Agent | null }[];
  /** Queued handoffs the holder is a candidate for, in serving order, when the step drains. */
  waiting: readonly StoredHandoff[];
}

/** Which reads a step needs: the holder (freeing or draining), the candidates (requeue), the holder's waiting handoffs (drain). */
export function stepReads(before: AssignmentRecord, step: HandoffStep): { holder: boolean; candidates: boolean; waiting: boolean } {
  const holds = before.agentId !== null;
  return { holder: holds && (step.free || step.drain), candidates: step.requeueWithout !== null, waiting: holds && step.drain };
}

/** What a step writes. */
export interface StepPlan {
  /** The handoff after the step, without its queue position (the caller counts a requeued one's). */
  after: StoredHandoff;
  /** Who may take it from now on; undefined when unchanged. */
  candidates: string[] | undefined;
  /** Agents whose load moves: the holder (freed, then perhaps taking queued handoffs), the candidate a requeue went to. */
  agents: AgentWrite[];
  /** Queued handoffs the freed capacity took, in the order taken (the first is the step's `next`). */
  taken: HandoffWrite[];
}

/**
 * What `step` writes for `before`, given `reads` (see {@link stepReads}):
 * - `free`: the holder gives back the unit on the handoff's channel;
 * - `requeueWithout`: the handoff leaves its agent (who stops being a candidate), keeps its rank
 *   and start time, `requeues` grows by one, and the first remaining candidate in routing order
 *   that is online with a free slot takes it at once; otherwise it waits (QUEUED, no agent,
 *   `assignedAt` kept);
 * - otherwise the status is written, `acceptedAt` (`accepted`) and `releasedAt` (`ends`) set to
 *   `step.at`; an ended handoff has no candidates any more;
 * - `drain`: the holder's freed capacity takes the queued handoffs it qualifies for (`takeQueued`).
 */
export function planStep(before: AssignmentRecord, step: HandoffStep, reads: StepReads): StepPlan {
  const { holder } = reads;
  let freed = holder && step.free ? freeSlot(holder, before.channel) : holder;
  const agents: AgentWrite[] = [];
  let after: StoredHandoff;
  let candidates: string[] | undefined;
  if (step.requeueWithout !== null) {
    const remaining = reads.candidates.filter((c) => c.id !== step.requeueWithout);
    const waiting: StoredHandoff = { ...stored(before), status: 'QUEUED', agentId: null, requeues: before.requeues + 1 };
    const taker = firstTaker(
      waiting,
      remaining.map((c) => c.agent),
      step.at,
    );
    after = taker ? stored(taker.taken) : waiting;
    if (taker) agents.push(taker.agent);
    candidates = remaining.map((c) => c.id);
  } else {
    after = {
      ...stored(before),
      status: step.status,
      acceptedAt: step.accepted ? step.at : before.acceptedAt,
      releasedAt: step.ends ? step.at : before.releasedAt,
    };
    candidates = step.ends ? [] : undefined;
  }
  let taken: HandoffWrite[] = [];
  if (step.drain && freed) {
    const drained = takeQueued(freed, reads.waiting, step.at);
    freed = drained.agent;
    const read = new Map(reads.waiting.map((w) => [w.decisionId, w]));
    // takeQueued returns only handoffs of the list it was given.
    taken = drained.assigned.map((handoff) => ({ after: handoff, expected: read.get(handoff.decisionId) as StoredHandoff }));
  }
  if (holder && freed && freed !== holder) agents.unshift({ agent: freed, expected: holder });
  return { after, candidates, agents, taken };
}
