/**
 * A month of demo traffic (`npm run demo:traffic`): customers write in five languages over chat,
 * WhatsApp and email, more on weekdays and in the day than at night; the bot calls
 * `decideHandoff` after every customer message (the real decision path: the store's default
 * policy, routing on its directory, the decision log); handed-off conversations go through the
 * handoff lifecycle (`startHandoff`, `acceptHandoff`, then `resolveHandoff`, `abandonHandoff` or
 * `releaseAssignment`, queued when no agent is free); the helpdesk records what happened
 * (`recordHandoffOutcome`: first response, resolution, CSAT, the agent's verdict and reason
 * correction, reopened) and the bot what happened to the conversations it kept
 * (`recordAiOutcome`). Everything runs in simulated time on one clock, event by event in time
 * order, so every service stamps what it writes (decision, assignment, outcome) with the moment
 * it happened over the last `days` days. Events after the end (a survey not answered yet) do
 * not happen; handoffs still open at the end are released then.
 *
 * Only for a store without any logged decision: demo traffic never mixes with real traffic.
 */
import { BatonErrorCode } from '@baton/schemas';
import { loadSeed, loadSeedDirectory, referencePolicy } from '@baton/seed';
import { isBatonError } from '../baton-error';
import { DEFAULT_LIMITS } from '../config';
import type { Actor } from '../features/audit/audit-event';
import { DecisionLog } from '../features/decisions/decision-log';
import { DecisionService } from '../features/decisions/decision-service';
import { PreparedPolicyCache } from '../features/decisions/prepared-policy-cache';
import { createDirectorySeedTarget } from '../features/directory/directory-seed-target';
import { DirectoryService } from '../features/directory/directory-service';
import { HandoffService } from '../features/handoffs/handoff-service';
import { OutcomeService, type OutcomeInput } from '../features/outcomes/outcome-service';
import type { AgentVerdict, HandoffResolution } from '../features/outcomes/outcome-store';
import { createPolicySeedTarget } from '../features/policies/policy-seed-target';
import { PolicyService } from '../features/policies/policy-service';
import { silentLogger } from '../logger';
import type { BatonStore } from '../store/baton-store';
import {
  around,
  buildConversation,
  decideInputAt,
  endOf,
  pick,
  scriptFor,
  seededRandom,
  weighted,
  type DemoConversation,
  type Random,
} from './demo-conversation';
import { DEMO_LANGUAGES, DEMO_SCENARIOS, type DemoLanguage, type DemoScenario } from './demo-scenarios';

export interface DemoTrafficOptions {
  /** First contacts over the period (customers coming back add a few more). Default 3,000. */
  conversations?: number;
  /** Length of the period, ending at `end`. Default 30. */
  days?: number;
  /** End of the period. Default: now. */
  end?: Date;
  /** Seed of the generator: the same seed, size and end give the same month. Default 15. */
  seed?: number;
  /** Told after each conversation is started. */
  onProgress?: (done: number, total: number) => void;
}

export interface DemoTrafficSummary {
  from: Date;
  to: Date;
  conversations: number;
  decisions: number;
  handoffs: number;
  /** Handoffs started (`startHandoff`) that got an agent. */
  assignments: number;
  /** Conversations with a handoff outcome recorded. */
  handoffOutcomes: number;
  /** Conversations with an AI-only outcome recorded. */
  aiOutcomes: number;
  /** Handed-off conversations per reason code, most first. */
  byReason: { reasonCode: string; handoffs: number }[];
}

/** Thrown when the store already holds logged decisions. */
export class DemoTrafficRefused extends Error {
  constructor(readonly decisions: number) {
    super(
      `the store already has ${decisions.toLocaleString('en-US')} logged decision${decisions === 1 ? '' : 's'}; demo traffic is only written to a store without any`,
    );
  }
}

export const DEMO_DEFAULTS = { conversations: 3000, days: 30, seed: 15 } as const;

/** Who calls Baton in the demo: the bot's key, and the helpdesk integration's. */
const BOT: Actor = { keyId: 'demo-bot', role: 'bot' };
const HELPDESK: Actor = { keyId: 'demo-helpdesk', role: 'integration' };

const ASKS_FOR_A_PERSON = DEMO_SCENARIOS.find((s) => s.id === 'asks-for-a-person') as DemoScenario;

/**
 * Runs a lifecycle step of a handoff; false when the handoff had moved on meanwhile (CONFLICT: a
 * timeout expired it, or it went back to the queue), which a helpdesk shrugs off too.
 */
async function lifecycle(step: () => Promise<unknown>): Promise<boolean> {
  try {
    await step();
    return true;
  } catch (error) {
    if (isBatonError(error) && error.code === BatonErrorCode.Conflict) return false;
    throw error;
  }
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const LANGUAGE_SHARE: readonly (readonly [DemoLanguage, number])[] = [
  ['en', 45],
  ['es', 20],
  ['de', 13],
  ['fr', 12],
  ['pt', 10],
];
const CHANNEL_SHARE: readonly (readonly [string, number])[] = [
  ['chat', 60],
  ['whatsapp', 15],
  ['email', 25],
];
const TIER_SHARE: readonly (readonly [string, number])[] = [
  ['free', 46],
  ['pro', 46],
  ['vip', 8],
];
/** Contacts per hour of the day (UTC), Europe and the Americas: quiet at night, busiest late morning. */
const HOURLY = [2, 1, 1, 1, 1, 2, 4, 7, 10, 12, 13, 13, 12, 12, 12, 11, 11, 10, 9, 8, 7, 5, 4, 3];
/** Contacts per weekday, Sunday first. */
const WEEKDAY = [0.55, 1.1, 1.05, 1, 1, 0.95, 0.7];

/** A customer who may contact support again about the same thing. */
interface Comeback {
  customer: Customer;
  scenario: DemoScenario;
  after: number;
}

interface TimedEvent {
  at: number;
  seq: number;
  run: () => Promise<void>;
}

interface Customer {
  id: string;
  language: DemoLanguage;
  tier: string;
  channel: string;
}

/** A min-heap of timed events; ties run in the order they were scheduled. */
class Timeline {
  private readonly heap: TimedEvent[] = [];
  private seq = 0;
  /** The time of the event running: nothing is scheduled before it. */
  private current = -Infinity;

  constructor(private readonly end: number) {}

  /** Schedules `run` at `at` (ms; not before the event running); events after the end never happen. */
  at(at: number, run: () => Promise<void>): void {
    const time = Math.max(at, this.current);
    if (time >= this.end) return;
    const heap = this.heap;
    heap.push({ at: time, seq: this.seq++, run });
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes and returns the earliest event. */
  next(): TimedEvent | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      for (let i = 0; ;) {
        const left = 2 * i + 1;
        let smallest = i;
        if (left < heap.length && this.before(left, smallest)) smallest = left;
        if (left + 1 < heap.length && this.before(left + 1, smallest)) smallest = left + 1;
        if (smallest === i) break;
        this.swap(i, smallest);
        i = smallest;
      }
    }
    if (top) this.current = top.at;
    return top;
  }

  private before(a: number, b: number): boolean {
    const x = this.heap[a] as TimedEvent;
    const y = this.heap[b] as TimedEvent;
    return x.at < y.at || (x.at === y.at && x.seq < y.seq);
  }

  private swap(a: number, b: number): void {
    const x = this.heap[a] as TimedEvent;
    this.heap[a] = this.heap[b] as TimedEvent;
    this.heap[b] = x;
  }
}

/** Start times of `count` contacts over [from, end): weighted by weekday and hour, growing a little over the period. */
function contactTimes(count: number, from: number, end: number, random: Random): number[] {
  const days: [number, number][] = [];
  for (let day = from - (from % DAY); day < end; day += DAY) {
    const progress = (day - from) / Math.max(end - from, 1);
    days.push([day, (WEEKDAY[new Date(day).getUTCDay()] as number) * (0.92 + 0.16 * progress)]);
  }
  const hours = HOURLY.map((weight, hour) => [hour, weight] as const);
  const times: number[] = [];
  while (times.length < count) {
    const at = weighted(days, random) + weighted(hours, random) * HOUR + Math.floor(random() * HOUR);
    if (at >= from && at < end - 10 * MINUTE) times.push(at);
  }
  return times.sort((a, b) => a - b);
}

const CSAT_OF: Record<string, readonly (readonly [number, number])[]> = {
  RESOLVED: [
    [5, 44],
    [4, 33],
    [3, 12],
    [2, 6],
    [1, 5],
  ],
  TRANSFERRED: [
    [5, 15],
    [4, 25],
    [3, 30],
    [2, 18],
    [1, 12],
  ],
  UNRESOLVED: [
    [4, 8],
    [3, 22],
    [2, 35],
    [1, 35],
  ],
  AI_RESOLVED: [
    [5, 50],
    [4, 32],
    [3, 10],
    [2, 5],
    [1, 3],
  ],
  AI_UNRESOLVED: [
    [4, 8],
    [3, 20],
    [2, 35],
    [1, 37],
  ],
};

/** Fills an empty store as the server's first start does: the seed directory, then the reference policy (the default). */
async function seedReferenceData(store: BatonStore, directory: DirectoryService, clock: () => Date): Promise<void> {
  await loadSeedDirectory(createDirectorySeedTarget(directory));
  await directory.current();
  const policies = new PolicyService({
    store: store.policies,
    knownQueues: () => directory.queueIds(),
    changeRequests: store.changeRequests,
    testCases: store.policyTests,
    limits: DEFAULT_LIMITS,
    defaultSettings: () => structuredClone(referencePolicy.document.settings),
    clock,
  });
  await loadSeed(createPolicySeedTarget(policies, store.policies));
}

/**
 * Writes a month of demo traffic into `store` through Baton's services.
 * @throws DemoTrafficRefused when the store already has logged decisions; whatever a service
 *   throws otherwise (e.g. NOT_FOUND when the store has no default policy)
 */
export async function seedDemoTraffic(store: BatonStore, options: DemoTrafficOptions = {}): Promise<DemoTrafficSummary> {
  const existing = await store.decisionLog.countDecisions();
  if (existing > 0) throw new DemoTrafficRefused(existing);
  const total = options.conversations ?? DEMO_DEFAULTS.conversations;
  const end = Math.floor((options.end ?? new Date()).getTime() / MINUTE) * MINUTE;
  const from = end - (options.days ?? DEMO_DEFAULTS.days) * DAY;
  const random = seededRandom(options.seed ?? DEMO_DEFAULTS.seed);

  let now = from;
  const clock = () => new Date(now);
  const directory = new DirectoryService({ store: store.directory, clock });
  // The reference data is dated a day before the month, so the version that decides predates its decisions.
  now = from - DAY;
  await seedReferenceData(store, directory, clock);
  // Decisions come one at a time and each waits for its commit: waiting for others to join the write would only add time.
  const decisionLog = new DecisionLog({ store: store.decisionLog, logger: silentLogger, flushMs: 0, batchSize: 100, clock });
  const cache = new PreparedPolicyCache();
  const decisions = new DecisionService({ policies: store.policies, log: decisionLog, cache, limits: DEFAULT_LIMITS, clock, directory });
  const flushDecisionLog = () => decisionLog.flush();
  const handoffs = new HandoffService({
    store: store.handoffs,
    decisionLogStore: store.decisionLog,
    flushDecisionLog,
    policies: store.policies,
    directory,
    cache,
    clock,
  });
  const outcomes = new OutcomeService({
    store: store.outcomes,
    decisionLog: store.decisionLog,
    flushDecisionLog,
    datasets: {
      fromLoggedDecisions: () => Promise.reject(new Error('demo traffic makes no datasets')),
    },
    maxDatasetRows: 1,
    clock,
  });

  const timeline = new Timeline(end);
  const summary = { conversations: 0, decisions: 0, handoffs: 0, assignments: 0, handoffOutcomes: new Set<string>(), aiOutcomes: new Set<string>() };
  const reasons = new Map<string, number>();
  const open = new Set<string>();
  /** Queued handoffs and what to do once an agent takes one. */
  const queued = new Map<string, (assignedAt: number) => void>();

  const customers: Customer[] = Array.from({ length: Math.max(20, Math.round(total * 0.7)) }, (_, i) => ({
    id: `cus-${String(10000 + i)}`,
    language: weighted(LANGUAGE_SHARE, random),
    tier: weighted(TIER_SHARE, random),
    channel: weighted(CHANNEL_SHARE, random),
  }));
  const enterprise: Customer[] = Array.from({ length: Math.max(3, Math.round(total / 150)) }, (_, i) => ({
    id: `ent-${String(100 + i)}`,
    language: weighted(LANGUAGE_SHARE, random),
    tier: 'enterprise',
    channel: random() < 0.7 ? 'email' : 'chat',
  }));
  const scenarios = DEMO_SCENARIOS.map((s) => [s, s.weight] as const);
  /** Customers who may come back about a conversation, from `after` on. */
  const comebacks: Comeback[] = [];
  let conversationCount = 0;

  const handoffOutcome = async (conversationId: string, values: Omit<OutcomeInput, 'conversationId'>) => {
    await outcomes.recordHandoffOutcome({ conversationId, occurredAt: clock(), ...values }, HELPDESK);
    summary.handoffOutcomes.add(conversationId);
  };
  /**
   * Ends an open handoff the way the helpdesk saw it end (resolved or transferred, abandoned by
   * the customer, or released unresolved); its agent's capacity then takes the next queued one.
   */
  const finish = async (decisionId: string, how: 'RESOLVED' | 'TRANSFERRED' | 'ABANDONED' | 'RELEASED') => {
    if (!open.delete(decisionId)) return;
    queued.delete(decisionId);
    // The helpdesk reports how it ended; a handoff left unresolved is released by the bot that started it.
    await lifecycle(() =>
      how === 'ABANDONED'
        ? handoffs.abandonHandoff(decisionId, HELPDESK)
        : how === 'RELEASED'
          ? handoffs.releaseAssignment(decisionId, BOT)
          : handoffs.resolveHandoff(decisionId, how, HELPDESK),
    );
    for (const [waiting, onAssigned] of [...queued]) {
      const view = await handoffs.getAssignment(waiting, BOT);
      if (view && view.status !== 'QUEUED') queued.delete(waiting);
      if (view?.status === 'ASSIGNED' && view.assignedAt) onAssigned(view.assignedAt.getTime());
    }
  };

  /** A new conversation of `customer` about `scenario`, starting at `start`. */
  const converse = (customer: Customer, scenario: DemoScenario, start: number) => {
    const channel = scenario.channels && !scenario.channels.includes(customer.channel) ? pick(scenario.channels, random) : customer.channel;
    conversationCount += 1;
    const conversation = buildConversation(
      {
        conversationId: `demo-${String(conversationCount).padStart(5, '0')}`,
        channel,
        customer: { id: customer.id, language: customer.language, tier: customer.tier },
      },
      scriptFor(scenario, customer.language, channel, random),
      customer.language,
      start,
      random,
    );
    summary.conversations += 1;
    const turn = (index: number) => async () => {
      const input = decideInputAt(conversation, index);
      const decision = await decisions.decideHandoff(input);
      summary.decisions += 1;
      if (decision.action === 'HANDOFF') {
        summary.handoffs += 1;
        reasons.set(decision.reasonCode, (reasons.get(decision.reasonCode) ?? 0) + 1);
        timeline.at(now + SECOND + random() * 3 * SECOND, () => startHandoff(conversation, customer, scenario, decision.decisionId, decision.reasonCode));
      } else if (decision.action === 'STAY') {
        if (index + 1 < conversation.customerTurns.length)
          timeline.at((conversation.messages[conversation.customerTurns[index + 1] as number]?.at as Date).getTime() + SECOND, turn(index + 1));
        else aiKept(conversation, customer, scenario);
      }
      // A CALLBACK (the queue closed) ends the conversation for the bot.
    };
    timeline.at((conversation.messages[conversation.customerTurns[0] as number]?.at as Date).getTime() + SECOND, turn(0));
  };

  /** The bot reports what happened to a conversation it kept, and the customer may answer the survey or come back. */
  const aiKept = (conversation: DemoConversation, customer: Customer, scenario: DemoScenario) => {
    const closed = endOf(conversation) + around(4 * MINUTE, 0.5, random);
    const resolved = random() < (scenario.needs === 'ai' ? 0.88 : 0.14);
    timeline.at(closed, async () => {
      await outcomes.recordAiOutcome({ conversationId: conversation.conversationId, occurredAt: clock(), resolvedByAi: resolved }, BOT);
      summary.aiOutcomes.add(conversation.conversationId);
    });
    if (random() < 0.3) {
      timeline.at(closed + around(40 * MINUTE, 1, random), async () => {
        const csat = weighted(CSAT_OF[resolved ? 'AI_RESOLVED' : 'AI_UNRESOLVED'] as readonly (readonly [number, number])[], random);
        await outcomes.recordAiOutcome({ conversationId: conversation.conversationId, occurredAt: clock(), csat }, BOT);
      });
    }
    // Not helped: some come back within days and ask for a person.
    if (!resolved && random() < 0.25) comebacks.push({ customer, scenario: ASKS_FOR_A_PERSON, after: closed + 4 * HOUR });
  };

  /** The bot commits the handoff; an agent answers, solves it (or not) and tags it; the customer rates it. */
  const startHandoff = async (conversation: DemoConversation, customer: Customer, scenario: DemoScenario, decisionId: string, reasonCode: string) => {
    const decidedAt = now;
    let view;
    try {
      view = await handoffs.startHandoff(decisionId, BOT);
    } catch (error) {
      if (isBatonError(error)) return; // the queue closed meanwhile: the customer is offered a callback
      throw error;
    }
    open.add(decisionId);
    const email = conversation.channel === 'email';
    const patience = email ? around(2 * DAY, 0.4, random) : around(7 * MINUTE, 0.6, random);
    // Some customers leave before an agent writes, more the longer the wait.
    const leaves = random() < (email ? 0.02 : 0.05);
    /** The customer leaves at `at`: a handoff still waiting (or not yet answered, `answered` false) is withdrawn. */
    let answered = false;
    const abandon = (at: number, whileQueued: boolean) =>
      timeline.at(at, async () => {
        if (!open.has(decisionId) || answered || (whileQueued && !queued.has(decisionId))) return;
        await finish(decisionId, 'ABANDONED');
        await handoffOutcome(conversation.conversationId, { resolution: 'ABANDONED', resolvedAt: clock() });
      });

    const work = (assignedAt: number) => {
      summary.assignments += 1;
      // The agent accepts it on the desktop within the acceptance timeout, then writes to the customer.
      const accepted = assignedAt + Math.min(around(18 * SECOND, 0.7, random), 100 * SECOND);
      const firstResponse = accepted + (email ? around(50 * MINUTE, 0.9, random) : around(45 * SECOND, 0.8, random));
      if (leaves) {
        abandon(decidedAt + Math.min(patience, firstResponse - decidedAt) * random(), false);
        return;
      }
      timeline.at(accepted, async () => {
        if (open.has(decisionId)) await lifecycle(() => handoffs.acceptHandoff(decisionId, null, HELPDESK));
      });
      timeline.at(firstResponse, () => {
        answered = true;
        return handoffOutcome(conversation.conversationId, { firstAgentResponseAt: clock() });
      });
      const handle = email ? around(4 * HOUR, 0.8, random) : around((reasonCode === 'security_incident' ? 16 : 8) * MINUTE, 0.55, random);
      const resolvedAt = firstResponse + handle;
      timeline.at(resolvedAt, async () => {
        const resolution: HandoffResolution = weighted(
          scenario.needs === 'ai'
            ? [
                ['RESOLVED', 92],
                ['UNRESOLVED', 3],
                ['TRANSFERRED', 5],
              ]
            : [
                ['RESOLVED', 77],
                ['UNRESOLVED', 9],
                ['TRANSFERRED', 14],
              ],
          random,
        );
        const values: Omit<OutcomeInput, 'conversationId'> = { resolution, resolvedAt: clock() };
        if (random() < 0.72) {
          // Agents are told about unnecessary escalations, and flag fewer as the month goes on.
          const drift = 1.3 - 0.6 * ((now - from) / (end - from));
          const verdict: AgentVerdict =
            random() < scenario.unnecessaryRate * drift
              ? 'YES'
              : weighted<AgentVerdict>(
                  [
                    ['NO', 85],
                    ['UNSURE', 15],
                  ],
                  random,
                );
          values.agentVerdict = verdict;
          if (scenario.actualReason && scenario.actualReason !== reasonCode && random() < 0.8) values.correctedReasonCode = scenario.actualReason;
        }
        await handoffOutcome(conversation.conversationId, values);
        await finish(decisionId, resolution === 'UNRESOLVED' ? 'RELEASED' : resolution);
        if (random() < 0.4) {
          timeline.at(now + around(50 * MINUTE, 1.1, random), () =>
            handoffOutcome(conversation.conversationId, { csat: weighted(CSAT_OF[resolution] as readonly (readonly [number, number])[], random) }),
          );
        }
        // Some come back about the same thing: the outcome is reopened, and a later contact is theirs.
        if (random() < (resolution === 'RESOLVED' ? 0.05 : 0.4)) {
          const back = now + around(2 * DAY, 0.5, random);
          timeline.at(back, () => handoffOutcome(conversation.conversationId, { reopened: true }));
          comebacks.push({ customer, scenario, after: back });
        }
      });
    };

    if (view.status === 'ASSIGNED' && view.assignedAt) work(view.assignedAt.getTime());
    else if (view.status === 'QUEUED') {
      queued.set(decisionId, work);
      abandon(decidedAt + patience, true);
    }
  };

  const starts = contactTimes(total, from, end, random);
  for (const [index, start] of starts.entries()) {
    timeline.at(start, async () => {
      // Some contacts are customers coming back about an earlier conversation (so the volume stays as drawn).
      const waiting = comebacks.findIndex((c) => c.after <= start && start - c.after < 6 * DAY);
      if (waiting >= 0 && random() < 0.12) {
        const [comeback] = comebacks.splice(waiting, 1) as [Comeback];
        converse(comeback.customer, comeback.scenario, start);
      } else {
        const scenario = weighted(scenarios, random);
        converse(pick(scenario.tier === 'enterprise' ? enterprise : customers, random), scenario, start);
      }
      // Who has not come back within six days will not.
      for (let i = comebacks.length - 1; i >= 0; i -= 1) if (start - (comebacks[i] as Comeback).after >= 6 * DAY) comebacks.splice(i, 1);
      options.onProgress?.(index + 1, total);
    });
  }

  try {
    for (let event = timeline.next(); event; event = timeline.next()) {
      now = event.at;
      await event.run();
    }
    // Handoffs still being worked at the end of the period: their agents are freed now.
    now = end;
    for (const decisionId of [...open]) await finish(decisionId, 'RELEASED');
  } finally {
    await decisionLog.close();
  }
  return {
    from: new Date(from),
    to: new Date(end),
    conversations: summary.conversations,
    decisions: summary.decisions,
    handoffs: summary.handoffs,
    assignments: summary.assignments,
    handoffOutcomes: summary.handoffOutcomes.size,
    aiOutcomes: summary.aiOutcomes.size,
    byReason: [...reasons].map(([reasonCode, count]) => ({ reasonCode, handoffs: count })).sort((a, b) => b.handoffs - a.handoffs),
  };
}

/** The languages the demo writes in (for the README and `--help`). */
export const DEMO_TRAFFIC_LANGUAGES = DEMO_LANGUAGES;
