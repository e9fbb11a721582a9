/**
 * The directory over better-sqlite3 (migration 4): rows to records, the repositories a unit of
 * work writes through (`store/sqlite/sqlite-unit-of-work.ts`) and the reads. No rule here:
 * `directory-transitions.ts` decides.
 */
import type Database from 'better-sqlite3';
import { CHANNELS, type Agent, type AgentStatus, type Channel, type ChannelCounts, type DirectorySnapshot, type Queue } from '@baton/schemas';
import { canonicalJson } from '@baton/rules';
import { insertOrDuplicate, type QueueWrite } from '../../store/sqlite/sqlite-unit-of-work';
import { StaleWriteError } from '../../store/unit-of-work';
import type { AgentRepository, DirectoryAccess, QueueRepository } from './directory-store';

/** A `directory_queues` row (timestamps left out). */
export interface QueueRow {
  id: string;
  name: string;
  required_skills: string;
  languages: string;
  hours: string | null;
  priority: number;
  fallback_queue_id: string | null;
  max_wait_seconds: number;
  average_handle_seconds: number;
}

/** A `directory_agents` row (timestamps left out). */
export interface AgentRow {
  id: string;
  name: string;
  languages: string;
  time_zone: string;
  working_hours: string;
  seniority: Agent['seniority'];
  deescalation_trained: number;
  account_ids: string;
  status: AgentStatus;
  last_assigned_at: string | null;
}

/** Maps a `directory_queues` row to the queue. */
export const toQueue = (r: QueueRow): Queue => ({
  id: r.id,
  name: r.name,
  requiredSkills: JSON.parse(r.required_skills) as Queue['requiredSkills'],
  languages: JSON.parse(r.languages) as string[],
  hours: r.hours === null ? null : (JSON.parse(r.hours) as Queue['hours']),
  priority: r.priority,
  fallbackQueueId: r.fallback_queue_id,
  maxWaitSeconds: r.max_wait_seconds,
  averageHandleSeconds: r.average_handle_seconds,
});

/** A `directory_agent_skills` row. */
export interface SkillRow {
  agent_id: string;
  skill: string;
  proficiency: number;
}
/** A `directory_agent_channels` row: capacity and conversations in progress on one channel. */
export interface ChannelRow {
  agent_id: string;
  channel: Channel;
  capacity: number;
  active: number;
}

/** Maps an agent row with its skills and channel rows to the agent (channels at 0 are left out of the counts). */
export const toAgent = (r: AgentRow, skills: readonly SkillRow[], channels: readonly ChannelRow[]): Agent => {
  const capacity: ChannelCounts = {};
  const active: ChannelCounts = {};
  for (const c of channels) {
    if (c.capacity > 0) capacity[c.channel] = c.capacity;
    if (c.active > 0) active[c.channel] = c.active;
  }
  return {
    id: r.id,
    name: r.name,
    skills: skills.map((k) => ({ skill: k.skill, proficiency: k.proficiency })),
    languages: JSON.parse(r.languages) as string[],
    timeZone: r.time_zone,
    workingHours: JSON.parse(r.working_hours) as Agent['workingHours'],
    seniority: r.seniority,
    deescalationTrained: r.deescalation_trained === 1,
    capacity,
    accountIds: JSON.parse(r.account_ids) as string[],
    status: r.status,
    activeConversations: active,
    lastAssignedAt: r.last_assigned_at === null ? null : new Date(r.last_assigned_at),
  };
};

const queueParams = (queue: Queue, at: Date) => ({
  ...queue,
  requiredSkills: JSON.stringify(queue.requiredSkills),
  languages: JSON.stringify(queue.languages),
  hours: queue.hours === null ? null : JSON.stringify(queue.hours),
  at: at.toISOString(),
});

const agentParams = (agent: Agent, at: Date) => ({
  id: agent.id,
  name: agent.name,
  languages: JSON.stringify(agent.languages),
  timeZone: agent.timeZone,
  workingHours: JSON.stringify(agent.workingHours),
  seniority: agent.seniority,
  deescalationTrained: agent.deescalationTrained ? 1 : 0,
  accountIds: JSON.stringify(agent.accountIds),
  status: agent.status,
  lastAssignedAt: agent.lastAssignedAt === null ? null : agent.lastAssignedAt.toISOString(),
  at: at.toISOString(),
});

function statements(db: Database.Database) {
  return {
    queues: db.prepare('SELECT * FROM directory_queues ORDER BY id'),
    queue: db.prepare('SELECT * FROM directory_queues WHERE id = ?'),
    insertQueue:
      db.prepare(`INSERT INTO directory_queues (id, name, required_skills, languages, hours, priority, fallback_queue_id, max_wait_seconds, average_handle_seconds, created_at, updated_at)
      VALUES (@id, @name, @requiredSkills, @languages, @hours, @priority, @fallbackQueueId, @maxWaitSeconds, @averageHandleSeconds, @at, @at)`),
    updateQueue:
      db.prepare(`UPDATE directory_queues SET name = @name, required_skills = @requiredSkills, languages = @languages, hours = @hours, priority = @priority,
      fallback_queue_id = @fallbackQueueId, max_wait_seconds = @maxWaitSeconds, average_handle_seconds = @averageHandleSeconds, updated_at = @at WHERE id = @id`),
    agents: db.prepare('SELECT * FROM directory_agents ORDER BY id'),
    agent: db.prepare('SELECT * FROM directory_agents WHERE id = ?'),
    skills: db.prepare('SELECT agent_id, skill, proficiency FROM directory_agent_skills ORDER BY agent_id, skill'),
    skillsOf: db.prepare('SELECT agent_id, skill, proficiency FROM directory_agent_skills WHERE agent_id = ? ORDER BY skill'),
    channels: db.prepare('SELECT agent_id, channel, capacity, active FROM directory_agent_channels'),
    channelsOf: db.prepare('SELECT agent_id, channel, capacity, active FROM directory_agent_channels WHERE agent_id = ?'),
    insertAgent:
      db.prepare(`INSERT INTO directory_agents (id, name, languages, time_zone, working_hours, seniority, deescalation_trained, account_ids, status, last_assigned_at, created_at, updated_at)
      VALUES (@id, @name, @languages, @timeZone, @workingHours, @seniority, @deescalationTrained, @accountIds, @status, @lastAssignedAt, @at, @at)`),
    updateAgent: db.prepare(`UPDATE directory_agents SET name = @name, languages = @languages, time_zone = @timeZone, working_hours = @workingHours,
      seniority = @seniority, deescalation_trained = @deescalationTrained, account_ids = @accountIds, status = @status, last_assigned_at = @lastAssignedAt,
      updated_at = @at WHERE id = @id`),
    clearSkills: db.prepare('DELETE FROM directory_agent_skills WHERE agent_id = ?'),
    addSkill: db.prepare('INSERT INTO directory_agent_skills (agent_id, skill, proficiency) VALUES (?, ?, ?)'),
    setChannel: db.prepare(`INSERT INTO directory_agent_channels (agent_id, channel, capacity, active) VALUES (?, ?, ?, ?)
      ON CONFLICT (agent_id, channel) DO UPDATE SET capacity = excluded.capacity, active = excluded.active`),
    setLoad: db.prepare('UPDATE directory_agent_channels SET active = ? WHERE agent_id = ? AND channel = ?'),
    touchAgent: db.prepare('UPDATE directory_agents SET last_assigned_at = ? WHERE id = ?'),
    removeAgent: db.prepare('DELETE FROM directory_agents WHERE id = ?'),
    waiting: db.prepare(`SELECT queue_id, COUNT(*) AS n FROM handoff_assignments WHERE status = 'QUEUED' GROUP BY queue_id`),
    lastAgent: db.prepare(`SELECT agent_id FROM handoff_assignments WHERE customer_id = ? AND agent_id IS NOT NULL ORDER BY assigned_at DESC LIMIT 1`),
  };
}

type Statements = ReturnType<typeof statements>;

const readAgent = (s: Statements, id: string): Agent | null => {
  const row = s.agent.get(id) as AgentRow | undefined;
  return row ? toAgent(row, s.skillsOf.all(id) as SkillRow[], s.channelsOf.all(id) as ChannelRow[]) : null;
};

const readAgents = (s: Statements): Agent[] => {
  const skills = new Map<string, SkillRow[]>();
  for (const k of s.skills.all() as SkillRow[]) skills.set(k.agent_id, [...(skills.get(k.agent_id) ?? []), k]);
  const channels = new Map<string, ChannelRow[]>();
  for (const c of s.channels.all() as ChannelRow[]) channels.set(c.agent_id, [...(channels.get(c.agent_id) ?? []), c]);
  return (s.agents.all() as AgentRow[]).map((r) => toAgent(r, skills.get(r.id) ?? [], channels.get(r.id) ?? []));
};

const readQueue = (s: Statements, id: string): Queue | null => {
  const row = s.queue.get(id) as QueueRow | undefined;
  return row ? toQueue(row) : null;
};

/** Presence and load, what a concurrent handoff or presence change may have moved. */
const presenceOf = (agent: Agent | null) => (agent ? canonicalJson({ status: agent.status, active: agent.activeConversations }) : null);

/** Skills and per-channel capacity and load of `agent`, replacing what is stored. */
const writeDetails = (s: Statements, agent: Agent): void => {
  s.clearSkills.run(agent.id);
  for (const k of agent.skills) s.addSkill.run(agent.id, k.skill, k.proficiency);
  for (const channel of CHANNELS) s.setChannel.run(agent.id, channel, agent.capacity[channel] ?? 0, agent.activeConversations[channel] ?? 0);
};

/** The repositories of one unit of work: reads run now, writes go to `queue`. */
export function sqliteDirectoryRepositories(db: Database.Database): (queue: QueueWrite) => { queues: QueueRepository; agents: AgentRepository } {
  const s = statements(db);
  /** Throws unless the stored presence and load are still `expected`'s (checked at commit). */
  const checkPresence = (expected: Agent): void => {
    if (presenceOf(readAgent(s, expected.id)) !== presenceOf(expected)) throw new StaleWriteError(`Agent '${expected.id}'`);
  };
  return (queue) => ({
    queues: {
      find: async (id) => readQueue(s, id),
      insert: async (q, at) => queue(() => insertOrDuplicate(`Queue '${q.id}'`, 'id', () => s.insertQueue.run(queueParams(q, at)))),
      update: async (q, at) => queue(() => void s.updateQueue.run(queueParams(q, at))),
    },
    agents: {
      find: async (id) => readAgent(s, id),
      insert: async (agent, at) =>
        queue(() => {
          insertOrDuplicate(`Agent '${agent.id}'`, 'id', () => s.insertAgent.run(agentParams(agent, at)));
          writeDetails(s, agent);
        }),
      update: async (agent, expected, at) =>
        queue(() => {
          checkPresence(expected);
          s.updateAgent.run(agentParams(agent, at));
          writeDetails(s, agent);
        }),
      updateLoad: async (agent, expected) =>
        queue(() => {
          checkPresence(expected);
          // A channel the agent has no row for has no capacity, so no load to write.
          for (const channel of CHANNELS) s.setLoad.run(agent.activeConversations[channel] ?? 0, agent.id, channel);
          s.touchAgent.run(agent.lastAssignedAt === null ? null : agent.lastAssignedAt.toISOString(), agent.id);
        }),
      remove: async (expected) =>
        queue(() => {
          checkPresence(expected);
          s.removeAgent.run(expected.id);
        }),
    },
  });
}

/** The directory's reads on `db`. */
export function createSqliteDirectoryAccess(db: Database.Database): DirectoryAccess {
  const s = statements(db);
  const snapshot = db.transaction((): DirectorySnapshot => {
    const waitingByQueue: Record<string, number> = {};
    for (const r of s.waiting.all() as { queue_id: string; n: number }[]) waitingByQueue[r.queue_id] = r.n;
    return { queues: (s.queues.all() as QueueRow[]).map(toQueue), agents: readAgents(s), waitingByQueue };
  });
  return {
    listQueues: async () => (s.queues.all() as QueueRow[]).map(toQueue),
    getQueue: async (id) => readQueue(s, id),
    listAgents: async () => readAgents(s),
    getAgent: async (id) => readAgent(s, id),
    snapshot: async () => snapshot(),
    lastAgentOf: async (customerId) => (s.lastAgent.get(customerId) as { agent_id: string } | undefined)?.agent_id ?? null,
  };
}
