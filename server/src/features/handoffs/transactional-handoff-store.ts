/**
 * The handoff store, written once for every adapter: a start and each lifecycle step is one unit
 * of work that reads through the repositories (`tx.handoffs`, `tx.agents`), decides with
 * `handoff-lifecycle.ts` and `handoff-transitions.ts`, and writes the handoffs and agents' load
 * with the audit event and the webhooks outbox entry (`tx.handoffOutbox`). Agents' load is
 * written conditionally on the load read, so two starts racing for an agent's last slot never
 * both get it: the loser's unit fails with a conflict and is tried again on fresh data, and a
 * start racing another start of its conversation finds that handoff on its next try.
 */
import type { Agent } from '@baton/schemas';
import { retryingConflicts } from '../../store/retrying-conflicts';
import { hasFreeSlot } from '../directory/directory-transitions';
import type { Transaction, UnitOfWork } from '../../store/unit-of-work';
import { handoffStarted, handoffStepped } from './handoff-audit';
import { isOpen } from './handoff-lifecycle';
import type { AssignmentRecord, HandoffAccess, HandoffStore, StartRequest, StepResult, StoredHandoff } from './handoff-store';
import { planStart, planStep, stepReads, takenAhead, type RankedAgent } from './handoff-transitions';

/** The part of a unit of work handoffs read and write: the handoffs, the agents' load, the webhooks outbox. */
export type HandoffTransaction = Pick<Transaction, 'handoffs' | 'agents' | 'handoffOutbox' | 'audit'>;

/** The decision's handoff, else the conversation's open one; null when the request may start a new one. */
async function startedAlready(tx: HandoffTransaction, request: StartRequest): Promise<AssignmentRecord | null> {
  const started = await tx.handoffs.find(request.decisionId);
  if (started) return started;
  const latest = await tx.handoffs.findByConversation(request.conversationId);
  return latest && isOpen(latest.status) ? latest : null;
}

/** `handoff` with its queue position: counted among the committed waiting handoffs when QUEUED, else null. */
async function positioned(tx: HandoffTransaction, handoff: StoredHandoff): Promise<AssignmentRecord> {
  return { ...handoff, position: handoff.status === 'QUEUED' ? await tx.handoffs.positionOf(handoff) : null };
}

/** The agents `ids` name, in order, as read (null for one not in the directory). */
async function agentsOf(tx: HandoffTransaction, ids: readonly string[]): Promise<(Agent | null)[]> {
  const agents: (Agent | null)[] = [];
  for (const id of ids) agents.push(await tx.agents.find(id));
  return agents;
}

/**
 * The ranked agents, in order, each with the queued handoffs it could serve: read only for an
 * agent with a free slot on the new handoff's channel, the only ones that could reach it.
 */
async function rankedOf(tx: HandoffTransaction, request: StartRequest): Promise<RankedAgent[]> {
  const ranked: RankedAgent[] = [];
  for (const agent of await agentsOf(tx, request.ranked)) {
    ranked.push({ agent, waiting: agent && hasFreeSlot(agent, request.channel) ? await tx.handoffs.waitingFor(agent.id) : [] });
  }
  return ranked;
}

/** Builds the store over `uow`; reads go straight to `access`. */
export function createHandoffStore(uow: UnitOfWork<HandoffTransaction>, access: HandoffAccess): HandoffStore {
  return {
    ...access,
    startHandoff: (request, actor) =>
      retryingConflicts(() =>
        uow.transaction(async (tx) => {
          const found = await startedAlready(tx, request);
          if (found) return { assignment: found, created: false, alsoAssigned: [] };
          const plan = planStart(request, await rankedOf(tx, request), actor);
          const counted = await positioned(tx, plan.handoff);
          const assignment = counted.position === null ? counted : { ...counted, position: counted.position - takenAhead(plan) };
          for (const { agent, expected } of plan.agents) await tx.agents.updateLoad(agent, expected);
          await tx.handoffs.insert(plan.handoff, plan.candidates);
          for (const taken of plan.taken) await tx.handoffs.update(taken.after, taken.expected);
          const alsoAssigned = plan.taken.map((t) => t.after);
          await tx.audit.append(handoffStarted(assignment, alsoAssigned, request.at, actor));
          await tx.handoffOutbox.append({ kind: 'start', after: assignment, at: request.at });
          for (const after of alsoAssigned) await tx.handoffOutbox.append({ kind: 'assign', after, at: request.at });
          return { assignment, created: true, alsoAssigned };
        }),
      ),
    transition: (decisionId, plan, actor) =>
      retryingConflicts(() =>
        uow.transaction(async (tx): Promise<StepResult | null> => {
          const before = await tx.handoffs.find(decisionId);
          if (!before) return null;
          const step = plan(before);
          if (!step) return { before, after: before, step: null, next: null };
          const needs = stepReads(before, step);
          const holder = needs.holder && before.agentId !== null ? await tx.agents.find(before.agentId) : null;
          const candidateIds = needs.candidates ? await tx.handoffs.candidatesOf(decisionId) : [];
          const candidateAgents = await agentsOf(tx, candidateIds);
          const waiting = needs.waiting && before.agentId !== null ? await tx.handoffs.waitingFor(before.agentId) : [];
          const written = planStep(before, step, { holder, candidates: candidateIds.map((id, i) => ({ id, agent: candidateAgents[i] ?? null })), waiting });
          const after = await positioned(tx, written.after);
          const [first, ...others] = written.taken;
          const next = first?.after ?? null;
          for (const { agent, expected } of written.agents) await tx.agents.updateLoad(agent, expected);
          await tx.handoffs.update(written.after, before, written.candidates);
          for (const taken of written.taken) await tx.handoffs.update(taken.after, taken.expected);
          await tx.audit.append(handoffStepped(step, before, after, next, actor));
          await tx.handoffOutbox.append({ kind: 'step', step, before, after, next });
          // The step's change names only the first handoff the freed capacity took; any other is an assignment of its own.
          for (const taken of others) await tx.handoffOutbox.append({ kind: 'assign', after: taken.after, at: step.at });
          return { before, after, step, next };
        }),
      ),
  };
}
