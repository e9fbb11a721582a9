/**
 * The score of an eligible agent, 0..1, as a weighted sum of named factors, each 0..1:
 *
 * | factor | weight | value |
 * |---|---|---|
 * | proficiency | 0.35 | mean proficiency / 10 over the skills required (queue and filter); 1 when none |
 * | language | 0.25 | 1 when the agent speaks the conversation's language |
 * | load | 0.20 | free share of the agent's capacity on the channel |
 * | idle | 0.10 | time since the last assignment, up to an hour (never assigned: 1) |
 * | seniority | 0.10 | HIGH/URGENT: senior 1, regular 0.5, junior 0; LOW/NORMAL: senior 0.5, others 1 (keep seniors free for hard cases) |
 *
 * The weights are Baton's defaults, after the dimensions support teams route on (skills first,
 * then language, then load; Zendesk and Salesforce Omni-Channel expose the same dimensions).
 */
import type { Agent, Channel, Priority, ScoreFactor, SkillRequirement } from '@baton/schemas';
import { proficiencyOf } from './prepare-directory';

export const SCORE_WEIGHTS = { proficiency: 0.35, language: 0.25, load: 0.2, idle: 0.1, seniority: 0.1 } as const;

/** Idle time at which the idle factor is full, seconds. */
const FULL_IDLE_SECONDS = 3600;

export interface ScoreContext {
  skills: readonly SkillRequirement[];
  language: string;
  channel: Channel;
  priority: Priority;
  now: Date;
}

function values(agent: Agent, context: ScoreContext): Record<keyof typeof SCORE_WEIGHTS, number> {
  const { skills, language, channel, priority, now } = context;
  const capacity = agent.capacity[channel] ?? 0;
  const active = agent.activeConversations[channel] ?? 0;
  const idleSeconds = agent.lastAssignedAt ? (now.getTime() - agent.lastAssignedAt.getTime()) / 1000 : FULL_IDLE_SECONDS;
  const urgent = priority === 'HIGH' || priority === 'URGENT';
  const seniority = urgent ? { SENIOR: 1, REGULAR: 0.5, JUNIOR: 0 }[agent.seniority] : agent.seniority === 'SENIOR' ? 0.5 : 1;
  return {
    proficiency: skills.length === 0 ? 1 : skills.reduce((sum, s) => sum + proficiencyOf(agent, s.skill), 0) / (10 * skills.length),
    language: agent.languages.includes(language) ? 1 : 0,
    load: capacity > 0 ? Math.max(0, 1 - active / capacity) : 0,
    idle: Math.min(Math.max(idleSeconds, 0) / FULL_IDLE_SECONDS, 1),
    seniority,
  };
}

/** The score alone (hot path: every eligible agent, so no intermediate objects). */
export function scoreAgent(agent: Agent, context: ScoreContext): number {
  const { skills, language, channel, priority, now } = context;
  let proficiency = 1;
  if (skills.length > 0) {
    let sum = 0;
    for (const s of skills) sum += proficiencyOf(agent, s.skill);
    proficiency = sum / (10 * skills.length);
  }
  const capacity = agent.capacity[channel] ?? 0;
  const load = capacity > 0 ? Math.max(0, 1 - (agent.activeConversations[channel] ?? 0) / capacity) : 0;
  const idleSeconds = agent.lastAssignedAt ? (now.getTime() - agent.lastAssignedAt.getTime()) / 1000 : FULL_IDLE_SECONDS;
  const urgent = priority === 'HIGH' || priority === 'URGENT';
  const seniority = urgent ? (agent.seniority === 'SENIOR' ? 1 : agent.seniority === 'REGULAR' ? 0.5 : 0) : agent.seniority === 'SENIOR' ? 0.5 : 1;
  return (
    SCORE_WEIGHTS.proficiency * proficiency +
    SCORE_WEIGHTS.language * (agent.languages.includes(language) ? 1 : 0) +
    SCORE_WEIGHTS.load * load +
    SCORE_WEIGHTS.idle * Math.min(Math.max(idleSeconds, 0) / FULL_IDLE_SECONDS, 1) +
    SCORE_WEIGHTS.seniority * seniority
  );
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** The factors of the score with a note each (built only for the agents shown). */
export function scoreFactors(agent: Agent, context: ScoreContext): ScoreFactor[] {
  const v = values(agent, context);
  const capacity = agent.capacity[context.channel] ?? 0;
  const notes: Record<keyof typeof SCORE_WEIGHTS, string> = {
    proficiency: context.skills.length === 0 ? 'no skill required' : context.skills.map((s) => `${s.skill} ${proficiencyOf(agent, s.skill)}/10`).join(', '),
    language: v.language === 1 ? `speaks ${context.language}` : `does not speak ${context.language}`,
    load: `${agent.activeConversations[context.channel] ?? 0}/${capacity} ${context.channel} conversations`,
    idle: agent.lastAssignedAt ? `last assigned ${Math.round((context.now.getTime() - agent.lastAssignedAt.getTime()) / 60_000)} min ago` : 'not assigned yet',
    seniority: `${agent.seniority.toLowerCase()}${agent.deescalationTrained ? ', de-escalation trained' : ''}, ${context.priority} priority`,
  };
  return (Object.keys(SCORE_WEIGHTS) as (keyof typeof SCORE_WEIGHTS)[]).map((name) => ({
    name,
    value: round(v[name]),
    weight: SCORE_WEIGHTS[name],
    points: round(SCORE_WEIGHTS[name] * v[name]),
    note: notes[name],
  }));
}
