/**
 * The directory's forms as text fields, and their mapping onto the API's `QueueInput` and
 * `AgentInput`: lists (`es, pt`), skills (`billing:7, refunds`), hours (schedule-text.ts),
 * holidays (`2026-12-25 Christmas`, one a line) and numbers. Only the shape is checked here;
 * every rule (slugs, ISO 639-1 codes, IANA zones, ranges, overlapping hours, a known fallback
 * queue) is the API's, whose problems `formFieldOf` puts back on the field they name.
 */
import type { AgentInput, Channel, EditorAgentDetailFragment, EditorQueueDetailFragment, QueueInput, Seniority } from '../api/generated/operations';
import { formatSchedule, parseSchedule, type Parsed } from './schedule-text';

export interface QueueForm {
  id: string;
  name: string;
  languages: string;
  skills: string;
  alwaysOpen: boolean;
  timeZone: string;
  hours: string;
  holidays: string;
  priority: string;
  fallbackQueueId: string;
  maxWaitSeconds: string;
  averageHandleSeconds: string;
}

export const CHANNELS: readonly Channel[] = ['CHAT', 'EMAIL', 'VOICE'];

export interface AgentForm {
  id: string;
  name: string;
  languages: string;
  skills: string;
  timeZone: string;
  hours: string;
  seniority: Seniority;
  deescalationTrained: boolean;
  capacity: Record<Channel, string>;
  /** Kept as loaded: the form does not edit account ownership. */
  accountIds: string[];
}

/** Problems per form field (`languages`, `hours`…); `form` holds those that name no field. */
export type FormProblems = Record<string, string>;

export const EMPTY_QUEUE: QueueForm = {
  id: '',
  name: '',
  languages: '',
  skills: '',
  alwaysOpen: false,
  timeZone: 'Europe/Madrid',
  hours: 'MON-FRI 09:00-18:00',
  holidays: '',
  priority: '5',
  fallbackQueueId: '',
  maxWaitSeconds: '300',
  averageHandleSeconds: '600',
};

export const EMPTY_AGENT: AgentForm = {
  id: '',
  name: '',
  languages: '',
  skills: '',
  timeZone: 'Europe/Madrid',
  hours: '',
  seniority: 'REGULAR',
  deescalationTrained: false,
  capacity: { CHAT: '3', EMAIL: '0', VOICE: '0' },
  accountIds: [],
};

/** `es, PT ,de` → `['es', 'pt', 'de']`. */
export function parseList(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
}

/** `billing:7, refunds` → skills with a level (1..10 is the API's check); a skill without one gets `fallback`. */
export function parseSkills(text: string, fallback: number | null): Parsed<Array<{ skill: string; level: number | null }>> {
  const skills: Array<{ skill: string; level: number | null }> = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    if (part === '') continue;
    const match = /^([^:]+?)\s*(?::\s*(\S+))?$/.exec(part);
    const level = match?.[2];
    if (!match?.[1] || (level !== undefined && !/^-?\d+$/.test(level)))
      return { ok: false, problem: `“${part}”: write a skill and, if needed, its level, e.g. billing:7.` };
    skills.push({ skill: match[1].trim(), level: level === undefined ? fallback : Number(level) });
  }
  return { ok: true, value: skills };
}

/** `2026-12-25 Christmas` per line (the name optional). */
export function parseHolidays(text: string): Array<{ date: string; name?: string }> {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [date = '', ...name] = line.split(/\s+/);
      return name.length > 0 ? { date, name: name.join(' ') } : { date };
    });
}

/** A whole number typed in a field; null (with a problem) otherwise. */
function wholeNumber(text: string, field: string, problems: FormProblems): number | null {
  if (!/^\s*-?\d+\s*$/.test(text)) {
    problems[field] = `“${text}” is not a whole number.`;
    return null;
  }
  return Number(text);
}

/** The form as `QueueInput`, or the problems that keep it from being one. */
export function toQueueInput(form: QueueForm): { input: QueueInput | null; problems: FormProblems } {
  const problems: FormProblems = {};
  const skills = parseSkills(form.skills, null);
  if (!skills.ok) problems.skills = skills.problem;
  const hours = parseSchedule(form.hours);
  if (!hours.ok && !form.alwaysOpen) problems.hours = hours.problem;
  const priority = wholeNumber(form.priority, 'priority', problems);
  const maxWait = wholeNumber(form.maxWaitSeconds, 'maxWaitSeconds', problems);
  const handle = wholeNumber(form.averageHandleSeconds, 'averageHandleSeconds', problems);
  if (Object.keys(problems).length > 0 || !skills.ok || (!hours.ok && !form.alwaysOpen)) return { input: null, problems };
  const input: QueueInput = {
    id: form.id.trim(),
    name: form.name,
    languages: parseList(form.languages),
    requiredSkills: skills.value.map((s) => (s.level === null ? { skill: s.skill } : { skill: s.skill, minProficiency: s.level })),
    hours: form.alwaysOpen || !hours.ok ? null : { timeZone: form.timeZone.trim(), weekly: hours.value, holidays: parseHolidays(form.holidays) },
    priority,
    fallbackQueueId: form.fallbackQueueId === '' ? null : form.fallbackQueueId,
    maxWaitSeconds: maxWait,
    averageHandleSeconds: handle,
  };
  return { input, problems };
}

/** The form as `AgentInput`, or the problems that keep it from being one. */
export function toAgentInput(form: AgentForm): { input: AgentInput | null; problems: FormProblems } {
  const problems: FormProblems = {};
  const skills = parseSkills(form.skills, 5);
  if (!skills.ok) problems.skills = skills.problem;
  const hours = parseSchedule(form.hours);
  if (!hours.ok) problems.hours = hours.problem;
  const capacity = CHANNELS.map((channel) => ({ channel, count: wholeNumber(form.capacity[channel], `capacity.${channel}`, problems) }));
  if (!skills.ok || !hours.ok || Object.keys(problems).length > 0) return { input: null, problems };
  return {
    input: {
      id: form.id.trim(),
      name: form.name,
      languages: parseList(form.languages),
      skills: skills.value.map((s) => ({ skill: s.skill, proficiency: s.level ?? 5 })),
      timeZone: form.timeZone.trim(),
      workingHours: hours.value,
      seniority: form.seniority,
      deescalationTrained: form.deescalationTrained,
      capacity: capacity.filter((c) => c.count !== 0).map((c) => ({ channel: c.channel, count: c.count as number })),
      accountIds: form.accountIds,
    },
    problems,
  };
}

/**
 * The form field an API problem names (`input.hours.weekly` → `hours`,
 * `input.skills[0].proficiency` → `skills`, `input.capacity[1].count` → `capacity`); `form` when
 * none matches, so the problem is still shown, above the buttons.
 */
export function formFieldOf(apiField: string): string {
  const path = apiField.replace(/^input\./, '');
  const head = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
  if (path.startsWith('hours.timeZone') || head === 'timeZone') return 'timeZone';
  if (path.startsWith('hours.holidays')) return 'holidays';
  if (head === 'hours' || head === 'workingHours') return 'hours';
  if (head === 'requiredSkills' || head === 'skills') return 'skills';
  if (['id', 'name', 'languages', 'priority', 'fallbackQueueId', 'maxWaitSeconds', 'averageHandleSeconds', 'capacity'].includes(head)) return head;
  return 'form';
}

/** The API's field problems gathered per form field (several on one field joined). */
export function problemsByField(fields: ReadonlyArray<{ field: string; message: string }>): FormProblems {
  const problems: FormProblems = {};
  for (const { field, message } of fields) {
    const key = formFieldOf(field);
    problems[key] = problems[key] ? `${problems[key]}; ${message}` : message;
  }
  return problems;
}

/** A stored queue in the form, to edit it. */
export function queueForm(queue: EditorQueueDetailFragment): QueueForm {
  return {
    id: queue.id,
    name: queue.name,
    languages: queue.languages.join(', '),
    skills: queue.requiredSkills.map((s) => (s.minProficiency && s.minProficiency > 1 ? `${s.skill}:${s.minProficiency}` : s.skill)).join(', '),
    alwaysOpen: queue.hours === null || queue.hours === undefined,
    timeZone: queue.hours?.timeZone ?? EMPTY_QUEUE.timeZone,
    hours: queue.hours ? formatSchedule(queue.hours.weekly) : '',
    holidays: (queue.hours?.holidays ?? []).map((h) => (h.name ? `${h.date} ${h.name}` : h.date)).join('\n'),
    priority: String(queue.priority),
    fallbackQueueId: queue.fallbackQueueId ?? '',
    maxWaitSeconds: String(queue.maxWaitSeconds),
    averageHandleSeconds: String(queue.averageHandleSeconds),
  };
}

/** A stored agent in the form, to edit the profile (presence is set apart). */
export function agentForm(agent: EditorAgentDetailFragment): AgentForm {
  const count = (channel: Channel) => String(agent.capacity.find((c) => c.channel === channel)?.count ?? 0);
  return {
    id: agent.id,
    name: agent.name,
    languages: agent.languages.join(', '),
    skills: agent.skills.map((s) => `${s.skill}:${s.proficiency}`).join(', '),
    timeZone: agent.timeZone,
    hours: formatSchedule(agent.workingHours),
    seniority: agent.seniority,
    deescalationTrained: agent.deescalationTrained,
    capacity: { CHAT: count('CHAT'), EMAIL: count('EMAIL'), VOICE: count('VOICE') },
    accountIds: agent.accountIds,
  };
}
