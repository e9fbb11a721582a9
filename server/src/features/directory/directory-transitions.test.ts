import type { Agent, AgentProfile, Queue } from '@baton/schemas';
import { SYSTEM_ACTOR, type Actor } from '../audit/audit-event';
import type { StoredHandoff } from '../handoffs/handoff-store';
import { agentRemoval, agentUpsert, freeSlot, positiveCounts, presenceEvent, presenceUpdate, queueUpsert, takeQueued } from './directory-transitions';

const AT = new Date('2026-04-02T08:30:00Z');
const OPS: Actor = { keyId: 'ops-key-0042', role: 'admin' };
const support: Queue = {
  id: 'returns',
  name: 'Returns',
  requiredSkills: [{ skill: 'returns', minProficiency: 3 }],
  languages: ['de'],
  hours: null,
  priority: 4,
  fallbackQueueId: null,
  maxWaitSeconds: 600,
  averageHandleSeconds: 420,
};
const profile: AgentProfile = {
  id: 'lena.k',
  name: 'Lena K.',
  skills: [{ skill: 'returns', proficiency: 7 }],
  languages: ['de', 'en'],
  timeZone: 'Europe/Vienna',
  workingHours: [],
  seniority: 'SENIOR',
  deescalationTrained: true,
  capacity: { chat: 2, email: 1 },
  accountIds: ['acct-9', 'acct-11'],
};
const agent = (over: Partial<Agent> = {}): Agent => ({ ...profile, status: 'ONLINE', activeConversations: {}, lastAssignedAt: null, ...over });
const waiting = (decisionId: string, channel: StoredHandoff['channel'] = 'chat'): StoredHandoff => ({
  decisionId,
  conversationId: `conv-${decisionId}`,
  customerId: `cus-${decisionId}`,
  queueId: 'returns',
  agentId: null,
  channel,
  status: 'QUEUED',
  rank: 100,
  fallbackUsed: false,
  explanation: [],
  createdAt: new Date('2026-04-02T08:00:00Z'),
  assignedAt: null,
  acceptedAt: null,
  releasedAt: null,
  requeues: 0,
  startedBy: null,
});

describe('queueUpsert', () => {
  it('stores a new queue with an event that has no before', () => {
    expect(queueUpsert(null, support, AT, OPS)).toEqual({
      queue: support,
      event: { actor: OPS, action: 'directory.queue.upsert', targetType: 'queue', targetId: 'returns', before: undefined, after: support, at: AT },
    });
  });

  it('writes nothing for an equal queue, and records before and after for a changed one', () => {
    expect(queueUpsert(support, { ...support, requiredSkills: [{ minProficiency: 3, skill: 'returns' }] }, AT, OPS)).toBeNull();
    const slower = { ...support, maxWaitSeconds: 900 };
    expect(queueUpsert(support, slower, AT, OPS)?.event).toMatchObject({ before: support, after: slower });
  });
});

describe('agentUpsert', () => {
  it('starts a new agent offline and idle, and audits the profile without its account list', () => {
    const change = agentUpsert(null, profile, AT, SYSTEM_ACTOR);
    expect(change?.agent).toEqual({ ...profile, status: 'OFFLINE', activeConversations: {}, lastAssignedAt: null });
    expect(change?.event).toMatchObject({ action: 'directory.agent.upsert', before: undefined, after: { id: 'lena.k', accounts: 2, accountIds: undefined } });
  });

  it('keeps presence and load on a profile change, and writes nothing for the same profile', () => {
    const stored = agent({ activeConversations: { chat: 1 }, lastAssignedAt: AT, status: 'AWAY' });
    expect(agentUpsert(stored, { ...profile }, AT, OPS)).toBeNull();
    const change = agentUpsert(stored, { ...profile, capacity: { chat: 3 } }, AT, OPS);
    expect(change?.agent).toMatchObject({ status: 'AWAY', activeConversations: { chat: 1 }, lastAssignedAt: AT, capacity: { chat: 3 } });
    expect(change?.event).toMatchObject({ before: { capacity: { chat: 2, email: 1 } }, after: { capacity: { chat: 3 } } });
  });
});

describe('presenceUpdate', () => {
  it('replaces every count when counts are given, dropping zeros; keeps them when not', () => {
    const stored = agent({ status: 'AWAY', activeConversations: { chat: 1, email: 1 } });
    expect(presenceUpdate(stored, 'AWAY', { chat: 1, voice: 0 })?.after).toEqual({ status: 'AWAY', activeConversations: { chat: 1 } });
    expect(presenceUpdate(stored, 'ONLINE', undefined)).toMatchObject({
      agent: { status: 'ONLINE', activeConversations: { chat: 1, email: 1 } },
      before: { status: 'AWAY', activeConversations: { chat: 1, email: 1 } },
    });
  });

  it('is null when status and counts stay as they are', () => {
    expect(presenceUpdate(agent({ activeConversations: { chat: 2 } }), 'ONLINE', { chat: 2, email: 0 })).toBeNull();
  });

  it('records the assigned handoffs in the event after', () => {
    const event = presenceEvent('lena.k', { status: 'OFFLINE', activeConversations: {} }, { status: 'ONLINE', activeConversations: {} }, ['d7'], AT, OPS);
    expect(event).toMatchObject({ action: 'directory.agent.presence', targetId: 'lena.k', after: { status: 'ONLINE', assigned: ['d7'] } });
  });
});

describe('takeQueued', () => {
  it('takes waiting handoffs in the order given while their channel has a free slot', () => {
    const { agent: after, assigned } = takeQueued(agent({ activeConversations: { chat: 1 } }), [waiting('d1'), waiting('d2'), waiting('d3', 'email')], AT);
    expect(assigned.map((h) => h.decisionId)).toEqual(['d1', 'd3']);
    expect(assigned[0]).toMatchObject({ status: 'ASSIGNED', agentId: 'lena.k', assignedAt: AT, position: null, conversationId: 'conv-d1' });
    expect(after).toMatchObject({ activeConversations: { chat: 2, email: 1 }, lastAssignedAt: AT });
  });

  it('takes nothing unless the agent is online, nor on a channel it has no capacity for', () => {
    const away = agent({ status: 'AWAY' });
    expect(takeQueued(away, [waiting('d1')], AT)).toEqual({ agent: away, assigned: [] });
    const chatOnly = agent();
    expect(takeQueued(chatOnly, [waiting('d1', 'voice')], AT)).toEqual({ agent: chatOnly, assigned: [] });
  });
});

describe('freeSlot', () => {
  it('gives back one conversation on the channel, never below 0, leaving the other channels and the profile as they are', () => {
    const busy = agent({ activeConversations: { chat: 2, email: 1 }, lastAssignedAt: AT });
    expect(freeSlot(busy, 'chat')).toEqual({ ...busy, activeConversations: { chat: 1, email: 1 } });
    expect(freeSlot(busy, 'email')).toEqual({ ...busy, activeConversations: { chat: 2 } });
    expect(freeSlot(agent(), 'voice').activeConversations).toEqual({});
  });
});

describe('agentRemoval', () => {
  it('refuses an unknown agent and one holding handoffs, and audits a removal', () => {
    expect(agentRemoval(null, 0, AT, OPS)).toEqual({ result: { status: 'not-found' }, event: null });
    expect(agentRemoval(agent(), 2, AT, OPS)).toEqual({ result: { status: 'busy', assigned: 2 }, event: null });
    const removal = agentRemoval(agent(), 0, AT, OPS);
    expect(removal.result).toEqual({ status: 'removed', agent: agent() });
    expect(removal.event).toMatchObject({ action: 'directory.agent.remove', targetId: 'lena.k', before: { accounts: 2 }, at: AT });
  });
});

describe('positiveCounts', () => {
  it('leaves out channels at zero', () => {
    expect(positiveCounts({ chat: 0, email: 3 })).toEqual({ email: 3 });
  });
});
