/**
 * Checks and normalises directory input from GraphQL (upsertQueue, upsertAgent,
 * setAgentPresence): every problem is collected with the field to fix, and the request is
 * refused as a whole (BAD_USER_INPUT, `extensions.problems`) before anything is written.
 */
import type { AgentProfile, Channel, ChannelCounts, OpeningInterval, Queue, SkillRequirement, WeeklySchedule } from '@baton/schemas';
import { intervalProblems, isValidTimeZone } from '@baton/rules';
import { badInput } from '../../baton-error';
import type { AgentInput, ChannelCountInput, QueueInput } from '../../graphql/generated/resolvers-types';

export type { AgentInput, ChannelCountInput, QueueInput };

export interface Problem {
  field: string;
  message: string;
}

const QUEUE_ID = /^[a-z][a-z0-9_-]*$/;
const AGENT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const LANGUAGE = /^[a-z]{2}$/;
const CLOCK = /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Throws BAD_USER_INPUT listing `problems` when there are any. */
export function refuse(problems: Problem[], what: string): void {
  if (problems.length === 0) return;
  const shown = problems
    .slice(0, 3)
    .map((p) => `${p.field}: ${p.message}`)
    .join('; ');
  throw badInput(`${what} was not saved (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${shown}.`, { problems });
}

function text(value: string, field: string, max: number, problems: Problem[]): string {
  const t = value.trim();
  if (t === '') problems.push({ field, message: 'is empty' });
  else if (t.length > max) problems.push({ field, message: `has ${t.length} characters; the limit is ${max}` });
  return t;
}

function integer(value: number, field: string, min: number, max: number, problems: Problem[]): number {
  if (!Number.isInteger(value) || value < min || value > max) problems.push({ field, message: `must be a whole number from ${min} to ${max}, got ${value}` });
  return value;
}

function languages(list: string[], field: string, problems: Problem[]): string[] {
  for (const l of list) if (!LANGUAGE.test(l)) problems.push({ field, message: `"${l}" is not a two-letter ISO 639-1 code such as es` });
  return [...new Set(list)];
}

function zone(value: string, field: string, problems: Problem[]): string {
  if (!isValidTimeZone(value)) problems.push({ field, message: `"${value}" is not an IANA time zone; use a name such as Europe/Madrid or America/Sao_Paulo` });
  return value;
}

function intervals(list: OpeningInterval[], field: string, problems: Problem[]): OpeningInterval[] {
  const bad = list.filter((i) => !CLOCK.test(i.open) || !CLOCK.test(i.close));
  for (const i of bad) problems.push({ field, message: `${i.day} ${i.open}–${i.close}: times are HH:MM from 00:00 to 24:00` });
  if (bad.length === 0) for (const message of intervalProblems(list)) problems.push({ field, message });
  return list.map((i) => ({ day: i.day, open: i.open, close: i.close }));
}

function skillNames(names: string[], field: string, problems: Problem[]): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (n.trim() === '' || n.length > 64) problems.push({ field, message: 'a skill name is empty or longer than 64 characters' });
    if (seen.has(n)) problems.push({ field, message: `skill "${n}" is listed twice` });
    seen.add(n);
  }
}

/** Defaults of optional queue fields. */
export const QUEUE_DEFAULTS = { priority: 5, maxWaitSeconds: 300, averageHandleSeconds: 600 } as const;

/**
 * A checked queue. `knownQueueIds` are the directory's queues (the fallback must be one of
 * them, or this queue's id while it is being created).
 * @throws BAD_USER_INPUT listing every problem
 */
export function toQueue(input: QueueInput, knownQueueIds: ReadonlySet<string>): Queue {
  const problems: Problem[] = [];
  if (!QUEUE_ID.test(input.id) || input.id.length > 100)
    problems.push({ field: 'input.id', message: `"${input.id}" must be a lower-case slug such as billing or trust_safety` });
  const requiredSkills: SkillRequirement[] = (input.requiredSkills ?? []).map((r, i) => ({
    skill: r.skill.trim(),
    minProficiency: integer(r.minProficiency ?? 1, `input.requiredSkills[${i}].minProficiency`, 1, 10, problems),
  }));
  skillNames(
    requiredSkills.map((r) => r.skill),
    'input.requiredSkills',
    problems,
  );
  let hours: WeeklySchedule | null = null;
  if (input.hours) {
    const holidays = (input.hours.holidays ?? []).map((h, i) => {
      if (!DATE.test(h.date) || Number.isNaN(Date.parse(`${h.date}T00:00:00Z`)))
        problems.push({ field: `input.hours.holidays[${i}].date`, message: `"${h.date}" is not a date YYYY-MM-DD` });
      return h.name ? { date: h.date, name: h.name } : { date: h.date };
    });
    hours = {
      timeZone: zone(input.hours.timeZone, 'input.hours.timeZone', problems),
      weekly: intervals(input.hours.weekly, 'input.hours.weekly', problems),
      holidays,
    };
  }
  const fallbackQueueId = input.fallbackQueueId ?? null;
  if (fallbackQueueId === input.id) problems.push({ field: 'input.fallbackQueueId', message: 'a queue cannot be its own fallback' });
  else if (fallbackQueueId !== null && !knownQueueIds.has(fallbackQueueId)) {
    problems.push({
      field: 'input.fallbackQueueId',
      message: `queue "${fallbackQueueId}" does not exist; create it first (known: ${[...knownQueueIds].sort().join(', ') || 'none'})`,
    });
  }
  const queue: Queue = {
    id: input.id,
    name: text(input.name, 'input.name', 200, problems),
    requiredSkills,
    languages: languages(input.languages ?? [], 'input.languages', problems),
    hours,
    priority: integer(input.priority ?? QUEUE_DEFAULTS.priority, 'input.priority', 1, 10, problems),
    fallbackQueueId,
    maxWaitSeconds: integer(input.maxWaitSeconds ?? QUEUE_DEFAULTS.maxWaitSeconds, 'input.maxWaitSeconds', 0, 604_800, problems),
    averageHandleSeconds: integer(input.averageHandleSeconds ?? QUEUE_DEFAULTS.averageHandleSeconds, 'input.averageHandleSeconds', 1, 604_800, problems),
  };
  refuse(problems, `Queue "${input.id}"`);
  return queue;
}

/** Per-channel counts from GraphQL (`CHAT` → chat); each channel at most once, 0..1000. */
export function toChannelCounts(list: ChannelCountInput[], field: string, problems: Problem[]): ChannelCounts {
  const counts: ChannelCounts = {};
  for (const [i, { channel, count }] of list.entries()) {
    const key = channel.toLowerCase() as Channel;
    if (key in counts) problems.push({ field, message: `${channel} is listed twice` });
    counts[key] = integer(count, `${field}[${i}].count`, 0, 1000, problems);
  }
  return counts;
}

/**
 * A checked agent profile.
 * @throws BAD_USER_INPUT listing every problem
 */
export function toAgentProfile(input: AgentInput): AgentProfile {
  const problems: Problem[] = [];
  if (!AGENT_ID.test(input.id) || input.id.length > 100)
    problems.push({ field: 'input.id', message: `"${input.id}" may hold letters, digits, ".", "_" and "-" only` });
  const skills = (input.skills ?? []).map((k, i) => ({
    skill: k.skill.trim(),
    proficiency: integer(k.proficiency, `input.skills[${i}].proficiency`, 1, 10, problems),
  }));
  skillNames(
    skills.map((k) => k.skill),
    'input.skills',
    problems,
  );
  const profile: AgentProfile = {
    id: input.id,
    name: text(input.name, 'input.name', 200, problems),
    skills,
    languages: languages(input.languages ?? [], 'input.languages', problems),
    timeZone: zone(input.timeZone, 'input.timeZone', problems),
    workingHours: intervals(input.workingHours ?? [], 'input.workingHours', problems),
    seniority: input.seniority ?? 'REGULAR',
    deescalationTrained: input.deescalationTrained ?? false,
    capacity: toChannelCounts(input.capacity, 'input.capacity', problems),
    accountIds: [...new Set(input.accountIds ?? [])],
  };
  refuse(problems, `Agent "${input.id}"`);
  return profile;
}
