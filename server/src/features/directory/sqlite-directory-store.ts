/** The directory store on the embedded SQLite database (migration 4). */
import type Database from 'better-sqlite3';
import {
  CHANNELS,
  type Agent,
  type AgentProfile,
  type AgentStatus,
  type Channel,
  type ChannelCounts,
  type DirectorySnapshot,
  type Queue,
} from '@baton/schemas';
import { canonicalJson } from '@baton/rules';
import type { Actor } from '../audit/audit-event';
import { createSqliteAuditAppender } from '../audit/sqlite-audit-append';
import type { AssignmentRecord, HandoffChange } from '../handoffs/handoff-store';
import { assignmentSql } from '../handoffs/sqlite-assignments';
import { agentSummary, profileOf } from './agent-profile';
import type { DirectoryStore, PresenceChange, RemoveAgentResult } from './directory-store';

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

/** `outbox` is told, inside the transaction, of each queued handoff an agent's freed capacity takes (the webhooks outbox). */
export function createSqliteDirectoryStore(db: Database.Database, outbox: (change: HandoffChange) => void = () => undefined): DirectoryStore {
  const audit = createSqliteAuditAppender(db);
  const assignments = assignmentSql(db);
  /** Lets `agentId`'s free capacity take queued handoffs, each told to the outbox. */
  const drain = (agentId: string, at: Date): string[] => {
    const taken = assignments.drain(agentId, at);
    for (const id of taken) outbox({ kind: 'assign', after: assignments.read(id) as AssignmentRecord, at });
    return taken;
  };
  const s = {
    queues: db.prepare('SELECT * FROM directory_queues ORDER BY id'),
    queue: db.prepare('SELECT * FROM directory_queues WHERE id = ?'),
    upsertQueue:
      db.prepare(`INSERT INTO directory_queues (id, name, required_skills, languages, hours, priority, fallback_queue_id, max_wait_seconds, average_handle_seconds, created_at, updated_at)
      VALUES (@id, @name, @requiredSkills, @languages, @hours, @priority, @fallbackQueueId, @maxWaitSeconds, @averageHandleSeconds, @at, @at)
      ON CONFLICT (id) DO UPDATE SET name = @name, required_skills = @requiredSkills, languages = @languages, hours = @hours, priority = @priority,
        fallback_queue_id = @fallbackQueueId, max_wait_seconds = @maxWaitSeconds, average_handle_seconds = @averageHandleSeconds, updated_at = @at`),
    agents: db.prepare('SELECT * FROM directory_agents ORDER BY id'),
    agent: db.prepare('SELECT * FROM directory_agents WHERE id = ?'),
    skills: db.prepare('SELECT agent_id, skill, proficiency FROM directory_agent_skills ORDER BY agent_id, skill'),
    skillsOf: db.prepare('SELECT agent_id, skill, proficiency FROM directory_agent_skills WHERE agent_id = ? ORDER BY skill'),
    channels: db.prepare('SELECT agent_id, channel, capacity, active FROM directory_agent_channels'),
    channelsOf: db.prepare('SELECT agent_id, channel, capacity, active FROM directory_agent_channels WHERE agent_id = ?'),
    upsertAgent:
      db.prepare(`INSERT INTO directory_agents (id, name, languages, time_zone, working_hours, seniority, deescalation_trained, account_ids, created_at, updated_at)
      VALUES (@id, @name, @languages, @timeZone, @workingHours, @seniority, @deescalationTrained, @accountIds, @at, @at)
      ON CONFLICT (id) DO UPDATE SET name = @name, languages = @languages, time_zone = @timeZone, working_hours = @workingHours, seniority = @seniority,
        deescalation_trained = @deescalationTrained, account_ids = @accountIds, updated_at = @at`),
    clearSkills: db.prepare('DELETE FROM directory_agent_skills WHERE agent_id = ?'),
    addSkill: db.prepare('INSERT INTO directory_agent_skills (agent_id, skill, proficiency) VALUES (?, ?, ?)'),
    setCapacity: db.prepare(`INSERT INTO directory_agent_channels (agent_id, channel, capacity, active) VALUES (?, ?, ?, 0)
      ON CONFLICT (agent_id, channel) DO UPDATE SET capacity = excluded.capacity`),
    setActive: db.prepare('UPDATE directory_agent_channels SET active = ? WHERE agent_id = ? AND channel = ?'),
    setStatus: db.prepare('UPDATE directory_agents SET status = ?, updated_at = ? WHERE id = ?'),
    remove: db.prepare('DELETE FROM directory_agents WHERE id = ?'),
    withdrawCandidate: db.prepare('DELETE FROM handoff_candidates WHERE agent_id = ?'),
    assignedCount: db.prepare(`SELECT COUNT(*) AS n FROM handoff_assignments WHERE agent_id = ? AND status IN ('ASSIGNED', 'ACCEPTED')`),
    waiting: db.prepare(`SELECT queue_id, COUNT(*) AS n FROM handoff_assignments WHERE status = 'QUEUED' GROUP BY queue_id`),
    lastAgents: db.prepare(
      `SELECT customer_id, agent_id FROM handoff_assignments a WHERE agent_id IS NOT NULL AND assigned_at = (
         SELECT MAX(assigned_at) FROM handoff_assignments b WHERE b.customer_id = a.customer_id AND b.agent_id IS NOT NULL)`,
    ),
  };

  const readAgent = (id: string): Agent | null => {
    const row = s.agent.get(id) as AgentRow | undefined;
    return row ? toAgent(row, s.skillsOf.all(id) as SkillRow[], s.channelsOf.all(id) as ChannelRow[]) : null;
  };

  const readAgents = (): Agent[] => {
    const skills = new Map<string, SkillRow[]>();
    for (const k of s.skills.all() as SkillRow[]) skills.set(k.agent_id, [...(skills.get(k.agent_id) ?? []), k]);
    const channels = new Map<string, ChannelRow[]>();
    for (const c of s.channels.all() as ChannelRow[]) channels.set(c.agent_id, [...(channels.get(c.agent_id) ?? []), c]);
    return (s.agents.all() as AgentRow[]).map((r) => toAgent(r, skills.get(r.id) ?? [], channels.get(r.id) ?? []));
  };

  const upsertQueue = db.transaction((queue: Queue, at: Date, actor: Actor): Queue => {
    const before = (s.queue.get(queue.id) as QueueRow | undefined) ?? null;
    const previous = before ? toQueue(before) : null;
    if (previous && canonicalJson(previous) === canonicalJson(queue)) return previous;
    s.upsertQueue.run({
      ...queue,
      requiredSkills: JSON.stringify(queue.requiredSkills),
      languages: JSON.stringify(queue.languages),
      hours: queue.hours === null ? null : JSON.stringify(queue.hours),
      at: at.toISOString(),
    });
    audit({ actor, action: 'directory.queue.upsert', targetType: 'queue', targetId: queue.id, before: previous ?? undefined, after: queue, at });
    return queue;
  });

  const upsertAgent = db.transaction((profile: AgentProfile, at: Date, actor: Actor): Agent => {
    const previous = readAgent(profile.id);
    if (previous && canonicalJson(profileOf(previous)) === canonicalJson(profileOf(profile))) return previous;
    s.upsertAgent.run({
      id: profile.id,
      name: profile.name,
      languages: JSON.stringify(profile.languages),
      timeZone: profile.timeZone,
      workingHours: JSON.stringify(profile.workingHours),
      seniority: profile.seniority,
      deescalationTrained: profile.deescalationTrained ? 1 : 0,
      accountIds: JSON.stringify(profile.accountIds),
      at: at.toISOString(),
    });
    s.clearSkills.run(profile.id);
    for (const k of profile.skills) s.addSkill.run(profile.id, k.skill, k.proficiency);
    for (const channel of CHANNELS) s.setCapacity.run(profile.id, channel, profile.capacity[channel] ?? 0);
    audit({
      actor,
      action: 'directory.agent.upsert',
      targetType: 'agent',
      targetId: profile.id,
      before: previous ? agentSummary(previous) : undefined,
      after: agentSummary(profile),
      at,
    });
    // A raised capacity may take queued handoffs at once.
    drain(profile.id, at);
    return readAgent(profile.id) as Agent;
  });

  const removeAgent = db.transaction((id: string, at: Date, actor: Actor): RemoveAgentResult => {
    const previous = readAgent(id);
    if (!previous) return { status: 'not-found' };
    const assigned = (s.assignedCount.get(id) as { n: number }).n;
    if (assigned > 0) return { status: 'busy', assigned };
    s.withdrawCandidate.run(id);
    s.remove.run(id);
    audit({ actor, action: 'directory.agent.remove', targetType: 'agent', targetId: id, before: agentSummary(previous), at });
    return { status: 'removed', agent: previous };
  });

  const setPresence = db.transaction(
    (agentId: string, status: AgentStatus, active: ChannelCounts | undefined, at: Date, actor: Actor): PresenceChange | null => {
      const previous = readAgent(agentId);
      if (!previous) return null;
      const before = { status: previous.status, activeConversations: previous.activeConversations };
      const nextActive = active ?? previous.activeConversations;
      const after = { status, activeConversations: Object.fromEntries(Object.entries(nextActive).filter(([, n]) => (n ?? 0) > 0)) };
      if (canonicalJson(before) === canonicalJson(after)) return { agent: previous, assigned: [] };
      s.setStatus.run(status, at.toISOString(), agentId);
      if (active) for (const channel of CHANNELS) s.setActive.run(active[channel] ?? 0, agentId, channel);
      const assigned = status === 'ONLINE' ? drain(agentId, at) : [];
      audit({ actor, action: 'directory.agent.presence', targetType: 'agent', targetId: agentId, before, after: { ...after, assigned }, at });
      return { agent: readAgent(agentId) as Agent, assigned };
    },
  );

  const snapshot = db.transaction((): DirectorySnapshot => {
    const waitingByQueue: Record<string, number> = {};
    for (const r of s.waiting.all() as { queue_id: string; n: number }[]) waitingByQueue[r.queue_id] = r.n;
    const lastAgentByCustomer: Record<string, string> = {};
    for (const r of s.lastAgents.all() as { customer_id: string; agent_id: string }[]) lastAgentByCustomer[r.customer_id] = r.agent_id;
    return { queues: (s.queues.all() as QueueRow[]).map(toQueue), agents: readAgents(), waitingByQueue, lastAgentByCustomer };
  });

  return {
    listQueues: async () => (s.queues.all() as QueueRow[]).map(toQueue),
    getQueue: async (id) => {
      const row = s.queue.get(id) as QueueRow | undefined;
      return row ? toQueue(row) : null;
    },
    upsertQueue: async (queue, at, actor) => upsertQueue(queue, at, actor),
    listAgents: async () => readAgents(),
    getAgent: async (id) => readAgent(id),
    upsertAgent: async (profile, at, actor) => upsertAgent(profile, at, actor),
    removeAgent: async (id, at, actor) => removeAgent(id, at, actor),
    setAgentPresence: async (agentId, status, active, at, actor) => setPresence(agentId, status, active, at, actor),
    snapshot: async () => snapshot(),
  };
}
