/**
 * Routes one handoff through an ordered list of targets (the TaskRouter workflow model):
 *
 * 1. A target whose queue is closed (outside business hours or on a holiday) is passed over.
 * 2. An available agent of the target (`select-agent.ts`) takes it: done.
 * 3. Otherwise, with `skipIfNoAgentAvailable`, the next target is tried.
 * 4. Otherwise the expected wait (`wait-estimate.ts`) decides: over the queue's maximum wait
 *    (or no agent at all) → next target; over the target's `timeoutSeconds` with targets left
 *    → next target; else the conversation waits in this queue for an agent.
 *
 * When no target is open the answer is a callback from the queue that opens first. When
 * targets were open but every one was passed over, the first open queue's fallback queue takes
 * the conversation (`fallbackUsed`); without one it waits in that first open queue.
 */
import type { Channel, Priority, Queue, RouteTarget, RoutingTarget } from '@baton/schemas';
import { isOpen, localClockAt, nextOpening, type LocalClock } from './business-hours';
import type { PreparedDirectory } from './prepare-directory';
import { qualifiedAgents, requiredSkills, selectAgent, type Selection, type SelectionRequest } from './select-agent';
import { estimateWaitSeconds } from './wait-estimate';

export interface RouteRequest {
  targets: readonly RouteTarget[];
  /** Route node the targets come from; null when they are the leaf's queue alone. */
  routeNodeId: string | null;
  /** That route node's title: the explanation names the route by it (by its id when it has none). */
  routeNodeLabel?: string | null;
  directory: PreparedDirectory;
  channel: Channel;
  /** Conversation language, ISO 639-1. */
  language: string;
  priority: Priority;
  customerId: string;
  accountOwnerId?: string | null;
  /** The agent who most recently took a handoff of this customer (the caller reads it per decision); null when none. */
  lastAgentId?: string | null;
  now: Date;
  /** Also list every agent who could take the conversation later (what a queued handoff waits for). */
  withQualified?: boolean;
}

export interface RouteResult {
  target: RoutingTarget;
  /** Every target's queue is closed: offer a callback (`target.nextOpeningAt`). */
  closed: boolean;
  /** Eligible agent ids of the target taken, best first (empty when queued or closed). */
  ranked: string[];
  /** With `withQualified`: agents of the target taken who pass its filter, whatever their presence. */
  qualified: string[];
  /** Expected wait at the queue taken, seconds; null when no agent is available at all. */
  waitSeconds: number | null;
}

const counts = (c: Record<string, number>): string =>
  Object.entries(c)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');

function filterWords(target: RouteTarget, language: string): string {
  const f = target.agentFilter;
  if (!f) return '';
  const parts = [
    ...(f.skills ?? []).map((s) => `${s.skill} ≥ ${s.minProficiency ?? 1}`),
    ...(f.matchCustomerLanguage ? [`speaks ${language}`] : []),
    ...(f.senior ? ['senior'] : []),
    ...(f.accountOwner ? ['account owner'] : []),
  ];
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

interface Attempt {
  queue: Queue;
  target: RouteTarget;
  selection: Selection;
  /** The agent the conversation gets now: the selection's first, unless the handoffs already waiting take every free slot. */
  chosen: Selection['chosen'];
  wait: number | null;
  request: SelectionRequest;
}

/**
 * Routes a handoff. Pure: the directory snapshot and the clock are passed in.
 * @returns the routing target for the decision, whether it must become a callback, and the
 *   agent lists `startHandoff` reserves from
 */
export function evaluateRouting(request: RouteRequest): RouteResult {
  const { directory, now } = request;
  const clock: LocalClock = localClockAt(now);
  const explanation: string[] = [
    request.routeNodeId
      ? `Routing graph: route "${request.routeNodeLabel ?? request.routeNodeId}" with ${request.targets.length} target(s).`
      : `No routing graph: the leaf's queue "${request.targets[0]?.queue}".`,
  ];
  const closed: { queue: Queue; opensAt: Date | null }[] = [];
  const open: Attempt[] = [];
  const attempt = (queue: Queue, target: RouteTarget, label: string): Attempt => {
    const selectionRequest: SelectionRequest = {
      queue,
      members: directory.membersByQueue.get(queue.id) ?? [],
      filter: target.agentFilter,
      channel: request.channel,
      language: request.language,
      priority: request.priority,
      customerId: request.customerId,
      accountOwnerId: request.accountOwnerId,
      lastAgentId: request.lastAgentId ?? null,
      clock,
      now,
      rankAll: request.withQualified,
    };
    const selection = selectAgent(selectionRequest);
    const waiting = directory.waitingByQueue[queue.id] ?? 0;
    const wait = estimateWaitSeconds({ ...selection.load, waiting, averageHandleSeconds: queue.averageHandleSeconds });
    const excluded = counts(selection.excludedCounts);
    explanation.push(
      `${label}: ${queue.id}${filterWords(target, request.language)}: ${selection.eligibleCount} of ${selectionRequest.members.length} agent(s) available` +
        `${excluded ? ` (${excluded})` : ''}, ${waiting} waiting, expected wait ${wait === null ? 'unknown (nobody available)' : `${wait} s`}.`,
    );
    // startHandoff serves the handoffs already waiting before a newcomer: promise no agent whose free slot they will take.
    const free = selection.load.slots - selection.load.busy;
    const chosen = selection.chosen && waiting < free ? selection.chosen : null;
    if (selection.chosen && !chosen) explanation.push(`${label}: the ${waiting} handoff(s) waiting in ${queue.id} take the ${free} free slot(s) first.`);
    return { queue, target, selection, chosen, wait, request: selectionRequest };
  };
  const done = (a: Attempt, fallbackUsed: boolean): RouteResult => {
    const chosen = a.chosen;
    explanation.push(
      chosen
        ? `Chose ${chosen.agentName} (${chosen.agentId}), score ${chosen.score}${chosen.preference ? `, preferred as ${chosen.preference}` : ''}.`
        : `No agent free now: the conversation waits in ${a.queue.id}.`,
    );
    return {
      target: {
        queueId: a.queue.id,
        queueName: a.queue.name,
        agentId: chosen?.agentId ?? null,
        agentName: chosen?.agentName ?? null,
        requiredSkills: requiredSkills(a.queue, a.target.agentFilter).map((s) => s.skill),
        language: request.language,
        estimatedWaitSeconds: a.wait,
        fallbackUsed,
        explanation,
        // Unmark the selection's first only where the waiting handoffs overrode it.
        candidates: chosen === a.selection.chosen ? a.selection.candidates : a.selection.candidates.map((c) => ({ ...c, chosen: false })),
        nextOpeningAt: null,
        routeNodeId: request.routeNodeId,
      },
      closed: false,
      ranked: a.selection.ranked,
      qualified: request.withQualified ? qualifiedAgents(a.request) : [],
      waitSeconds: a.wait,
    };
  };

  for (const [i, target] of request.targets.entries()) {
    const label = `Target ${i + 1}`;
    const queue = directory.queues.get(target.queue);
    if (!queue) {
      explanation.push(`${label}: queue "${target.queue}" is not in the directory; passed over.`);
      continue;
    }
    if (queue.hours && !isOpen(queue.hours, clock)) {
      const opensAt = nextOpening(queue.hours, now);
      closed.push({ queue, opensAt });
      explanation.push(`${label}: ${queue.id} is closed${opensAt ? ` until ${opensAt.toISOString()}` : ''}; passed over.`);
      continue;
    }
    const a = attempt(queue, target, label);
    open.push(a);
    if (a.chosen) return done(a, false);
    if (target.skipIfNoAgentAvailable) {
      explanation.push(`${label}: no agent available and the target says skip; next.`);
      continue;
    }
    if (a.wait === null || a.wait > queue.maxWaitSeconds) {
      explanation.push(`${label}: over ${queue.id}'s maximum wait of ${queue.maxWaitSeconds} s; next.`);
      continue;
    }
    if (target.timeoutSeconds !== undefined && a.wait > target.timeoutSeconds && i < request.targets.length - 1) {
      explanation.push(`${label}: expected wait exceeds this target's timeout of ${target.timeoutSeconds} s; next.`);
      continue;
    }
    return done(a, false);
  }

  const first = open[0];
  if (!first) return closedResult(request, closed, explanation);
  const fallback = open.map((a) => a.queue.fallbackQueueId).find((id): id is string => id !== null);
  const fallbackQueue = fallback === undefined ? undefined : directory.queues.get(fallback);
  if (fallbackQueue && (!fallbackQueue.hours || isOpen(fallbackQueue.hours, clock))) {
    explanation.push(`Every target was passed over: fallback queue ${fallbackQueue.id}.`);
    return done(attempt(fallbackQueue, { queue: fallbackQueue.id }, 'Fallback'), true);
  }
  explanation.push(fallback ? `Fallback queue ${fallback} is closed or unknown.` : 'Every target was passed over and no queue names a fallback.');
  return done(first, false);
}

function closedResult(request: RouteRequest, closed: { queue: Queue; opensAt: Date | null }[], explanation: string[]): RouteResult {
  const soonest = [...closed].sort((a, b) => (a.opensAt?.getTime() ?? Infinity) - (b.opensAt?.getTime() ?? Infinity))[0];
  const queueId = soonest?.queue.id ?? request.targets[0]?.queue ?? '';
  explanation.push(
    soonest
      ? `Every target's queue is closed: offer a callback from ${queueId}${soonest.opensAt ? `, which opens at ${soonest.opensAt.toISOString()}` : ''}.`
      : 'No target queue is in the directory.',
  );
  return {
    target: {
      queueId,
      queueName: soonest?.queue.name ?? queueId,
      agentId: null,
      agentName: null,
      requiredSkills: soonest ? soonest.queue.requiredSkills.map((s) => s.skill) : [],
      language: request.language,
      estimatedWaitSeconds: null,
      fallbackUsed: false,
      explanation,
      candidates: [],
      nextOpeningAt: soonest?.opensAt ?? null,
      routeNodeId: request.routeNodeId,
    },
    closed: soonest !== undefined,
    ranked: [],
    qualified: [],
    waitSeconds: null,
  };
}
