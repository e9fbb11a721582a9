/**
 * Indexes a directory snapshot for routing, once per snapshot: queues by id and, per queue,
 * the agents who serve it (its required skills at the minimum proficiency, one of its
 * languages). A decision then scans only the members of the queues it tries.
 */
import type { Agent, DirectorySnapshot, Queue, SkillRequirement } from '@baton/schemas';

export interface PreparedDirectory {
  queues: ReadonlyMap<string, Queue>;
  /** Agents serving each queue, in directory order. */
  membersByQueue: ReadonlyMap<string, readonly Agent[]>;
  waitingByQueue: Readonly<Record<string, number>>;
}

/** The proficiency (1..10) `agent` has in `skill`, 0 when none. */
export function proficiencyOf(agent: Agent, skill: string): number {
  return agent.skills.find((s) => s.skill === skill)?.proficiency ?? 0;
}

/** Whether `agent` meets every requirement (missing `minProficiency` means 1). */
export function meetsSkills(agent: Agent, requirements: readonly SkillRequirement[]): boolean {
  return requirements.every((r) => proficiencyOf(agent, r.skill) >= (r.minProficiency ?? 1));
}

/** Whether `agent` serves `queue`: its skills, and one of its languages when it names any. */
export function servesQueue(agent: Agent, queue: Queue): boolean {
  return meetsSkills(agent, queue.requiredSkills) && (queue.languages.length === 0 || queue.languages.some((l) => agent.languages.includes(l)));
}

/** Indexes `snapshot`. Pure; the result is shared by concurrent decisions until the next snapshot. */
export function prepareDirectory(snapshot: DirectorySnapshot): PreparedDirectory {
  const queues = new Map(snapshot.queues.map((q) => [q.id, q]));
  const membersByQueue = new Map(snapshot.queues.map((q) => [q.id, snapshot.agents.filter((a) => servesQueue(a, q))]));
  return { queues, membersByQueue, waitingByQueue: snapshot.waitingByQueue };
}
