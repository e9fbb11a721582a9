/**
 * Picks the agent for one routing target. An agent of the queue is excluded when it is not
 * online, outside its working hours, short of a required skill (queue's and filter's, at the
 * minimum proficiency), does not speak the customer's language when the filter asks, is not
 * senior (or de-escalation trained) when the filter asks, is not the account owner when the
 * filter asks, or has no free capacity on the channel. The others are ranked: the account
 * owner first, then the agent who last helped this customer, then by score
 * (`score-agent.ts`), ties to the longest idle (never assigned first), then by id.
 */
import type { Agent, AgentFilter, Channel, Priority, Queue, RoutingCandidate, ScoreFactor, SkillRequirement } from '@baton/schemas';
import { once } from '../context/lazy-fields';
import { withinIntervals, type LocalClock } from './business-hours';
import { proficiencyOf } from './prepare-directory';
import { scoreAgent, scoreFactors, type ScoreContext } from './score-agent';
import type { QueueLoad } from './wait-estimate';

export interface SelectionRequest {
  queue: Queue;
  /** Agents serving the queue (`PreparedDirectory.membersByQueue`). */
  members: readonly Agent[];
  filter?: AgentFilter;
  channel: Channel;
  /** Conversation language, ISO 639-1. */
  language: string;
  priority: Priority;
  /** `customer.accountOwnerId`, an agent id. */
  accountOwnerId?: string | null;
  customerId: string;
  /** The agent who last took a handoff of this customer. */
  lastAgentId?: string | null;
  clock: LocalClock;
  now: Date;
  /** Rank every eligible agent (`Selection.ranked`), as `startHandoff` needs; a decision only needs the best few. */
  rankAll?: boolean;
}

export interface Selection {
  chosen: RoutingCandidate | null;
  /** Ranked eligible agents (at most `shown`), then excluded ones with why (at most `shown`). */
  candidates: RoutingCandidate[];
  /** With `rankAll`: every eligible agent id in rank order (what `startHandoff` tries in turn); else the best shown. */
  ranked: string[];
  eligibleCount: number;
  /** How many agents each kind of exclusion removed, e.g. `{ offline: 12, 'at capacity': 3 }`. */
  excludedCounts: Record<string, number>;
  /** Load of the available agents (online, in hours, passing the filter) for the wait estimate. */
  load: Omit<QueueLoad, 'averageHandleSeconds' | 'waiting'>;
}

/** Required skills of a target: the queue's, with the filter's raising or adding requirements. */
export function requiredSkills(queue: Queue, filter: AgentFilter | undefined): SkillRequirement[] {
  const bySkill = new Map<string, number>();
  for (const r of [...queue.requiredSkills, ...(filter?.skills ?? [])]) bySkill.set(r.skill, Math.max(bySkill.get(r.skill) ?? 1, r.minProficiency ?? 1));
  return [...bySkill].map(([skill, minProficiency]) => ({ skill, minProficiency }));
}

interface Ranked {
  agent: Agent;
  score: number;
  rank: number;
  label: string | null;
}

const idleSince = (a: Agent): number => a.lastAssignedAt?.getTime() ?? -Infinity;

/** Preference first, then score, then the longest idle, then id (so the order is total). */
function compareRanked(a: Ranked, b: Ranked): number {
  return comparedTo(a.agent, a.rank, a.score, b);
}

/** {@link compareRanked} of an agent ranked `rank` with `score` against `b`, without an entry for it. */
function comparedTo(agent: Agent, rank: number, score: number, b: Ranked): number {
  return b.rank - rank || b.score - score || idleSince(agent) - idleSince(b.agent) || (agent.id < b.agent.id ? -1 : 1);
}

/** True when `agent`, ranked `rank` with `score`, would not enter the full, sorted `top` of `size`. */
function missesTop(top: readonly Ranked[], agent: Agent, rank: number, score: number, size: number): boolean {
  return top.length === size && comparedTo(agent, rank, score, top[size - 1] as Ranked) >= 0;
}

/** Inserts `entry` into the sorted `top`, keeping at most `size`. */
function insertTop(top: Ranked[], entry: Ranked, size: number): void {
  if (missesTop(top, entry.agent, entry.rank, entry.score, size)) return;
  let i = top.length;
  while (i > 0 && compareRanked(entry, top[i - 1] as Ranked) < 0) i -= 1;
  top.splice(i, 0, entry);
  if (top.length > size) top.pop();
}

/** Candidates shown per list (eligible, excluded) in a decision. */
const SHOWN = 10;

/** Why an agent is not at work. */
type PresenceKind = 'away' | 'offline' | 'outside working hours';

/** Why an agent is excluded, as counted in `excludedCounts`. */
type ExclusionKind = PresenceKind | 'missing skill' | 'language' | 'not senior' | 'not account owner' | 'at capacity';

/** Why `agent` is not at work at the clock's minute (status, then working hours), or null. */
function presenceOf(agent: Agent, clock: LocalClock): PresenceKind | null {
  if (agent.status !== 'ONLINE') return agent.status === 'AWAY' ? 'away' : 'offline';
  if (agent.workingHours.length > 0 && !withinIntervals(agent.workingHours, clock(agent.timeZone))) return 'outside working hours';
  return null;
}

// Presence depends only on the snapshot and the minute (schedules have minute resolution), so
// it is worked out once per queue's member list per minute and shared by every decision of
// that minute: a decision then pays for the filter and the score of available agents only.
const PRESENCE = new WeakMap<readonly Agent[], { minute: number; kinds: (PresenceKind | null)[] }>();

/** Presence of each of `members` (same order) at `now`'s minute. */
function presenceOfMembers(members: readonly Agent[], clock: LocalClock, now: Date): readonly (PresenceKind | null)[] {
  const minute = Math.floor(now.getTime() / 60_000);
  const cached = PRESENCE.get(members);
  if (cached?.minute === minute) return cached.kinds;
  const kinds = members.map((agent) => presenceOf(agent, clock));
  PRESENCE.set(members, { minute, kinds });
  return kinds;
}

/**
 * What the snapshot, the minute and the target decide of the members, whoever the customer:
 * who is excluded and why (the first {@link SHOWN} of them kept to show), how many each kind of
 * exclusion removed, the indexes of the eligible, and the load for the wait estimate.
 */
interface MembersAtMinute {
  excluded: readonly { agent: Agent; kind: ExclusionKind }[];
  excludedCounts: Readonly<Record<string, number>>;
  eligible: readonly number[];
  load: { slots: number; busy: number };
}

function membersAtMinute(request: SelectionRequest, filterSkills: readonly SkillRequirement[]): MembersAtMinute {
  const presence = presenceOfMembers(request.members, request.clock, request.now);
  const excluded: { agent: Agent; kind: ExclusionKind }[] = [];
  const excludedCounts: Record<string, number> = {};
  const eligible: number[] = [];
  let slots = 0;
  let busy = 0;
  request.members.forEach((agent, i) => {
    const exclusion = exclusionOf(agent, presence[i] ?? null, request, filterSkills);
    if (!exclusion || exclusion === 'at capacity') {
      const capacity = agent.capacity[request.channel] ?? 0;
      slots += capacity;
      busy += Math.min(agent.activeConversations[request.channel] ?? 0, capacity);
    }
    if (!exclusion) return void eligible.push(i);
    excludedCounts[exclusion] = (excludedCounts[exclusion] ?? 0) + 1;
    if (excluded.length < SHOWN) excluded.push({ agent, kind: exclusion });
  });
  return { excluded, excludedCounts, eligible, load: { slots, busy } };
}

// The same for every conversation routed to the same target in the same minute, except with the
// account owner filter, which names the customer: worked out once per member list, filter,
// channel and, when the filter reads it, language, so a decision pays for the eligible members'
// preference and score only.
const AT_MINUTE = new WeakMap<readonly Agent[], Map<string, { minute: number; members: MembersAtMinute }>>();
const FILTER_IDS = new WeakMap<AgentFilter, number>();
let lastFilterId = 0;

function filterId(filter: AgentFilter | undefined): number {
  if (!filter) return 0;
  let id = FILTER_IDS.get(filter);
  if (id === undefined) {
    lastFilterId += 1;
    id = lastFilterId;
    FILTER_IDS.set(filter, id);
  }
  return id;
}

/** {@link membersAtMinute} for `request`, from the minute's memo when the filter does not name the customer. */
function membersNow(request: SelectionRequest, filterSkills: readonly SkillRequirement[]): MembersAtMinute {
  if (request.filter?.accountOwner) return membersAtMinute(request, filterSkills);
  const minute = Math.floor(request.now.getTime() / 60_000);
  const key = `${filterId(request.filter)}|${request.channel}|${request.filter?.matchCustomerLanguage ? request.language : ''}`;
  let byKey = AT_MINUTE.get(request.members);
  if (!byKey) {
    byKey = new Map();
    AT_MINUTE.set(request.members, byKey);
  }
  const cached = byKey.get(key);
  if (cached?.minute === minute) return cached.members;
  const members = membersAtMinute(request, filterSkills);
  byKey.set(key, { minute, members });
  return members;
}

/**
 * Why an available (or not: `presence`) agent cannot take the conversation, or null; the
 * first reason found, cheapest checks first. Returns a constant: the sentence is only written
 * for the few candidates shown.
 */
function exclusionOf(agent: Agent, presence: PresenceKind | null, request: SelectionRequest, filterSkills: readonly SkillRequirement[]): ExclusionKind | null {
  if (presence) return presence;
  const unqualified = filterExclusion(agent, request, filterSkills);
  if (unqualified) return unqualified;
  return (agent.activeConversations[request.channel] ?? 0) >= (agent.capacity[request.channel] ?? 0) ? 'at capacity' : null;
}

/** Why the target's agent filter refuses `agent` whatever its presence, or null. */
function filterExclusion(agent: Agent, request: SelectionRequest, filterSkills: readonly SkillRequirement[]): ExclusionKind | null {
  const { filter, language } = request;
  if ((agent.capacity[request.channel] ?? 0) === 0) return 'at capacity';
  for (const r of filterSkills) if (proficiencyOf(agent, r.skill) < (r.minProficiency ?? 1)) return 'missing skill';
  if (filter?.matchCustomerLanguage && !agent.languages.includes(language)) return 'language';
  if (filter?.senior && agent.seniority !== 'SENIOR' && !agent.deescalationTrained) return 'not senior';
  if (filter?.accountOwner && !isAccountOwner(agent, request)) return 'not account owner';
  return null;
}

/** The sentence a shown candidate's exclusion reads as. */
function exclusionReason(agent: Agent, request: SelectionRequest, filterSkills: readonly SkillRequirement[], kind: ExclusionKind): string {
  const { channel, language } = request;
  switch (kind) {
    case 'away':
    case 'offline':
      return kind;
    case 'outside working hours':
      return `outside working hours (${agent.timeZone})`;
    case 'missing skill': {
      const r = filterSkills.find((s) => proficiencyOf(agent, s.skill) < (s.minProficiency ?? 1));
      return r ? `needs ${r.skill} ≥ ${r.minProficiency ?? 1}, has ${proficiencyOf(agent, r.skill)}` : 'missing a required skill';
    }
    case 'language':
      return `does not speak ${language}`;
    case 'not senior':
      return 'not senior or de-escalation trained';
    case 'not account owner':
      return "not the customer's account owner";
    case 'at capacity': {
      const capacity = agent.capacity[channel] ?? 0;
      return capacity === 0 ? `takes no ${channel} conversations` : `at capacity on ${channel} (${agent.activeConversations[channel] ?? 0}/${capacity})`;
    }
  }
}

/**
 * Agents of the target who could take the conversation once free and online: the queue's
 * members passing the agent filter. A queued handoff waits for one of them.
 */
export function qualifiedAgents(request: SelectionRequest): string[] {
  const filterSkills = request.filter?.skills ?? [];
  return request.members.filter((a) => filterExclusion(a, request, filterSkills) === null).map((a) => a.id);
}

function isAccountOwner(agent: Agent, request: SelectionRequest): boolean {
  return agent.id === request.accountOwnerId || agent.accountIds.includes(request.customerId);
}

/** Per member list (one per queue and directory snapshot), the ids of the agents who own each customer's account. */
const OWNERS_BY_CUSTOMER = new WeakMap<readonly Agent[], Map<string, readonly string[]>>();

/**
 * Ids of the members who own `request`'s customer: the profile's account owner and every agent
 * listing the customer's account. Indexed once per member list, so a decision looks the customer
 * up instead of scanning every eligible agent's accounts.
 */
function accountOwners(request: SelectionRequest): ReadonlySet<string> {
  let byCustomer = OWNERS_BY_CUSTOMER.get(request.members);
  if (!byCustomer) {
    byCustomer = new Map();
    for (const agent of request.members) for (const customer of agent.accountIds) byCustomer.set(customer, [...(byCustomer.get(customer) ?? []), agent.id]);
    OWNERS_BY_CUSTOMER.set(request.members, byCustomer);
  }
  const owners = new Set(byCustomer.get(request.customerId));
  if (request.accountOwnerId) owners.add(request.accountOwnerId);
  return owners;
}

const ACCOUNT_OWNER = { rank: 2, label: 'account owner' } as const;
const HELPED_LAST = { rank: 1, label: 'helped this customer last' } as const;
const NO_PREFERENCE = { rank: 0, label: null } as const;

function preferenceOf(agent: Agent, owners: ReadonlySet<string>, lastAgentId: string | null | undefined): { rank: number; label: string | null } {
  if (owners.has(agent.id)) return ACCOUNT_OWNER;
  if (agent.id === lastAgentId) return HELPED_LAST;
  return NO_PREFERENCE;
}

/**
 * `candidate` with its `factors` worked out on first read, in the same place among its fields:
 * ten shown candidates with five noted factors each were a tenth of a decision's allocations,
 * and a dry run whose bot selects no factors reads none of them (issue 18). The decision log,
 * JSON and spreading read them as if built.
 */
function withFactorsOnRead(candidate: RoutingCandidate, factors: () => ScoreFactor[]): RoutingCandidate {
  return Object.defineProperty(candidate, 'factors', { enumerable: true, get: once(factors) });
}

/**
 * Selects the agent for one target.
 * @returns the chosen candidate (null when nobody can take it now), the candidates shown with
 *   their score factors or exclusion, every eligible id in rank order, and the load of the
 *   available agents for the wait estimate
 */
export function selectAgent(request: SelectionRequest): Selection {
  const filterSkills = request.filter?.skills ?? [];
  const context: ScoreContext = {
    skills: requiredSkills(request.queue, request.filter),
    language: request.language,
    channel: request.channel,
    priority: request.priority,
    now: request.now,
  };
  // Without rankAll only the best SHOWN are kept, by insertion: no sort of hundreds of agents per decision.
  const eligible: Ranked[] = [];
  const members = membersNow(request, filterSkills);
  const owners = accountOwners(request);
  for (const i of members.eligible) {
    const agent = request.members[i] as Agent;
    const { rank, label } = preferenceOf(agent, owners, request.lastAgentId);
    const score = scoreAgent(agent, context);
    if (request.rankAll) eligible.push({ agent, score, rank, label });
    // Most of hundreds of agents miss the top: they are compared without an entry of their own.
    else if (!missesTop(eligible, agent, rank, score, SHOWN)) insertTop(eligible, { agent, score, rank, label }, SHOWN);
  }
  if (request.rankAll) eligible.sort(compareRanked);
  const shown: RoutingCandidate[] = eligible.slice(0, SHOWN).map((e, i) =>
    withFactorsOnRead(
      {
        agentId: e.agent.id,
        agentName: e.agent.name,
        score: Math.round(e.score * 1000) / 1000,
        preference: e.label,
        factors: [],
        excluded: null,
        chosen: i === 0,
      },
      () => scoreFactors(e.agent, context),
    ),
  );
  const out: RoutingCandidate[] = members.excluded.map((x) => ({
    agentId: x.agent.id,
    agentName: x.agent.name,
    score: null,
    preference: null,
    factors: [],
    excluded: exclusionReason(x.agent, request, filterSkills, x.kind),
    chosen: false,
  }));
  return {
    chosen: shown[0] ?? null,
    candidates: [...shown, ...out],
    ranked: eligible.map((e) => e.agent.id),
    eligibleCount: members.eligible.length,
    excludedCounts: { ...members.excludedCounts },
    load: { ...members.load },
  };
}
