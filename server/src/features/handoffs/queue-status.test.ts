import type { Agent, Queue } from '@baton/schemas';
import { queueStatusOf } from './queue-status';

const NOW = new Date('2026-03-10T10:00:00.000Z');
const queue: Queue = {
  id: 'billing',
  name: 'Billing',
  requiredSkills: [],
  languages: [],
  hours: null,
  priority: 5,
  fallbackQueueId: null,
  maxWaitSeconds: 300,
  averageHandleSeconds: 600,
};
const agent = (id: string, status: Agent['status'], chat: number, active: number): Agent => ({
  id,
  name: id,
  skills: [],
  languages: ['en'],
  timeZone: 'UTC',
  workingHours: [],
  seniority: 'REGULAR',
  deescalationTrained: false,
  capacity: { chat, email: 5 },
  accountIds: [],
  status,
  activeConversations: { chat: active, email: 5 },
  lastAssignedAt: null,
});
const input = (members: Agent[], waiting: number, oldestQueuedAt: Date | null) => ({
  queue,
  members,
  openNow: true,
  waiting,
  oldestQueuedAt,
  handoffs: [],
  now: NOW,
});

describe('queueStatusOf', () => {
  it('counts online members and estimates a new chat wait as routing does (saturated: (waiting + 1) · h / N)', () => {
    const members = [agent('a', 'ONLINE', 2, 2), agent('b', 'ONLINE', 1, 1), agent('c', 'AWAY', 3, 0), agent('d', 'OFFLINE', 3, 0)];
    const status = queueStatusOf(input(members, 2, new Date(NOW.getTime() - 95_500)));
    // 3 chat seats of online agents, all busy, 2 waiting: (2 + 1) · 600 / 3 = 600 s; email seats do not count.
    expect(status).toMatchObject({
      queueId: 'billing',
      queueName: 'Billing',
      waiting: 2,
      agentsOnline: 2,
      freeChatSeats: 0,
      estimatedWaitSeconds: 600,
      longestWaitSeconds: 95,
      at: NOW,
    });
  });

  it('waits 0 with a free seat and nobody waiting, and cannot estimate with nobody online', () => {
    expect(queueStatusOf(input([agent('a', 'ONLINE', 2, 0)], 0, null))).toMatchObject({ estimatedWaitSeconds: 0, longestWaitSeconds: 0, agentsOnline: 1 });
    // Free seats: each online agent's chat capacity less the conversations it holds; away agents' seats do not count.
    expect(queueStatusOf(input([agent('a', 'ONLINE', 2, 0), agent('b', 'ONLINE', 3, 2), agent('c', 'AWAY', 3, 0)], 0, null)).freeChatSeats).toBe(3);
    expect(queueStatusOf(input([agent('a', 'OFFLINE', 2, 0)], 1, NOW))).toMatchObject({ estimatedWaitSeconds: null, agentsOnline: 0, waiting: 1 });
  });
});
