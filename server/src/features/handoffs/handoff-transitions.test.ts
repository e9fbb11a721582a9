import type { Agent } from '@baton/schemas';
import type { Actor } from '../audit/audit-event';
import { planCommand, planTimeout } from './handoff-lifecycle';
import type { AssignmentRecord, StartRequest, StoredHandoff } from './handoff-store';
import { firstTaker, planStart, planStep, stepReads } from './handoff-transitions';

const AT = new Date('2026-06-15T14:00:00Z');
const LATER = new Date('2026-06-15T14:03:00Z');
const BOT: Actor = { keyId: 'bk_shop-bot', role: 'bot' };

const agent = (id: string, over: Partial<Agent> = {}): Agent => ({
  id,
  name: id,
  skills: [{ skill: 'refunds', proficiency: 5 }],
  languages: ['nl'],
  timeZone: 'Europe/Amsterdam',
  workingHours: [],
  seniority: 'REGULAR',
  deescalationTrained: false,
  capacity: { chat: 2, email: 3 },
  accountIds: [],
  status: 'ONLINE',
  activeConversations: {},
  lastAssignedAt: null,
  ...over,
});

const request = (over: Partial<StartRequest> = {}): StartRequest => ({
  decisionId: 'dec-refund-17',
  conversationId: 'conv-refund-17',
  customerId: 'cus-4410',
  queueId: 'refunds',
  channel: 'chat',
  rank: 204,
  fallbackUsed: false,
  ranked: ['noor', 'sem'],
  qualified: ['sem', 'lotte'],
  explanation: ['refunds: skill match'],
  at: AT,
  ...over,
});

const handoff = (over: Partial<AssignmentRecord> = {}): AssignmentRecord => ({
  decisionId: 'dec-refund-17',
  conversationId: 'conv-refund-17',
  customerId: 'cus-4410',
  queueId: 'refunds',
  agentId: 'noor',
  channel: 'chat',
  status: 'ASSIGNED',
  rank: 204,
  fallbackUsed: false,
  explanation: [],
  createdAt: AT,
  assignedAt: AT,
  acceptedAt: null,
  releasedAt: null,
  requeues: 0,
  startedBy: 'bk_shop-bot',
  position: null,
  ...over,
});

const storedOf = ({ position, ...rest }: AssignmentRecord): StoredHandoff => (void position, rest);

const waiting = (decisionId: string, over: Partial<StoredHandoff> = {}): StoredHandoff =>
  storedOf(handoff({ decisionId, conversationId: `conv-${decisionId}`, agentId: null, status: 'QUEUED', assignedAt: null, ...over }));

describe('firstTaker', () => {
  it('gives the handoff to the first agent online with a free slot on its channel, skipping unknown, away and full ones', () => {
    const full = agent('full', { activeConversations: { chat: 2 } });
    const away = agent('away', { status: 'AWAY' });
    const free = agent('free', { activeConversations: { chat: 1, email: 1 } });
    const taker = firstTaker(waiting('w1'), [null, away, full, free, agent('later')], AT);
    expect(taker?.taken).toMatchObject({ decisionId: 'w1', status: 'ASSIGNED', agentId: 'free', assignedAt: AT, position: null });
    expect(taker?.agent).toEqual({ agent: { ...free, activeConversations: { chat: 2, email: 1 }, lastAssignedAt: AT }, expected: free });
  });

  it('finds nobody when no agent has a slot on the channel', () => {
    expect(firstTaker(waiting('w1', { channel: 'voice' }), [agent('a')], AT)).toBeNull();
    expect(firstTaker(waiting('w1'), [], AT)).toBeNull();
  });
});

describe('planStart', () => {
  it('assigns the handoff to the first ranked agent that can take it, keeping every candidate in routing order', () => {
    const noor = agent('noor', { activeConversations: { chat: 2 } });
    const sem = agent('sem');
    const plan = planStart(
      request(),
      [
        { agent: noor, waiting: [] },
        { agent: sem, waiting: [] },
      ],
      BOT,
    );
    expect(plan.handoff).toEqual({
      decisionId: 'dec-refund-17',
      conversationId: 'conv-refund-17',
      customerId: 'cus-4410',
      queueId: 'refunds',
      agentId: 'sem',
      channel: 'chat',
      status: 'ASSIGNED',
      rank: 204,
      fallbackUsed: false,
      explanation: ['refunds: skill match'],
      createdAt: AT,
      assignedAt: AT,
      acceptedAt: null,
      releasedAt: null,
      requeues: 0,
      startedBy: 'bk_shop-bot',
    });
    expect(plan.candidates).toEqual(['noor', 'sem', 'lotte']);
    expect(plan.agents).toEqual([{ agent: { ...sem, activeConversations: { chat: 1 }, lastAssignedAt: AT }, expected: sem }]);
    expect(plan.taken).toEqual([]);
  });

  it('queues the handoff, reserving nothing, when no ranked agent can take it', () => {
    const plan = planStart(request({ ranked: ['noor'] }), [{ agent: agent('noor', { status: 'OFFLINE' }), waiting: [] }], { keyId: null, role: 'system' });
    expect(plan.handoff).toMatchObject({ status: 'QUEUED', agentId: null, assignedAt: null, startedBy: null });
    expect(plan.agents).toEqual([]);
    expect(plan.candidates).toEqual(['noor', 'sem', 'lotte']);
  });

  it('lets a free agent serve the handoffs queued before the new one first: the newcomer queues behind them', () => {
    const sem = agent('sem', { activeConversations: { chat: 1 } });
    const older = waiting('older', { createdAt: new Date(AT.getTime() - 60_000) });
    const plan = planStart(request({ ranked: ['sem'] }), [{ agent: sem, waiting: [older] }], BOT);
    expect(plan.handoff).toMatchObject({ decisionId: 'dec-refund-17', status: 'QUEUED', agentId: null });
    expect(plan.taken).toEqual([{ after: { ...older, status: 'ASSIGNED', agentId: 'sem', assignedAt: AT, position: null }, expected: older }]);
    expect(plan.agents).toEqual([{ agent: { ...sem, activeConversations: { chat: 2 }, lastAssignedAt: AT }, expected: sem }]);
  });

  it('serves a more urgent newcomer before older, less urgent handoffs, and the next ranked agent serves what is left', () => {
    const noor = agent('noor', { activeConversations: { chat: 1 } });
    const sem = agent('sem', { activeConversations: { chat: 1 } });
    const older = waiting('older', { rank: 100, createdAt: new Date(AT.getTime() - 60_000) });
    const oldest = waiting('oldest', { rank: 300, createdAt: new Date(AT.getTime() - 120_000) });
    const plan = planStart(
      request({ rank: 204 }),
      [
        { agent: noor, waiting: [oldest, older] },
        { agent: sem, waiting: [oldest, older] },
      ],
      BOT,
    );
    // noor's one free slot goes to the rank-300 handoff; sem's to the newcomer (204), ahead of the rank-100 one.
    expect(plan.taken.map((t) => [t.after.decisionId, t.after.agentId])).toEqual([['oldest', 'noor']]);
    expect(plan.handoff).toMatchObject({ status: 'ASSIGNED', agentId: 'sem' });
    expect(plan.agents.map((a) => a.agent.id)).toEqual(['noor', 'sem']);
  });
});

describe('planStep', () => {
  it('accepts without touching capacity or candidates', () => {
    const before = handoff();
    const step = planCommand(before, { kind: 'accept' }, LATER);
    expect(stepReads(before, step)).toEqual({ holder: false, candidates: false, waiting: false });
    expect(planStep(before, step, { holder: null, candidates: [], waiting: [] })).toEqual({
      after: storedOf(handoff({ status: 'ACCEPTED', acceptedAt: LATER })),
      candidates: undefined,
      agents: [],
      taken: [],
    });
  });

  it('ends a held handoff: capacity back to its agent, who takes the queued handoffs it can, candidates dropped', () => {
    const before = handoff({ status: 'ACCEPTED', acceptedAt: AT });
    const noor = agent('noor', { activeConversations: { chat: 2, email: 3 } });
    const step = planCommand(before, { kind: 'resolve', outcome: 'RESOLVED' }, LATER);
    expect(stepReads(before, step)).toEqual({ holder: true, candidates: false, waiting: true });
    const queue = [waiting('w-email', { channel: 'email' }), waiting('w-chat-1'), waiting('w-chat-2')];
    const plan = planStep(before, step, { holder: noor, candidates: [], waiting: queue });
    expect(plan.after).toMatchObject({ status: 'RESOLVED', agentId: 'noor', releasedAt: LATER, acceptedAt: AT });
    expect(plan.candidates).toEqual([]);
    expect(plan.taken).toEqual([{ after: { ...queue[1], status: 'ASSIGNED', agentId: 'noor', assignedAt: LATER, position: null }, expected: queue[1] }]);
    expect(plan.agents).toEqual([{ agent: { ...noor, activeConversations: { chat: 2, email: 3 }, lastAssignedAt: LATER }, expected: noor }]);
  });

  it('ends a queued handoff without freeing or taking anything', () => {
    const before = handoff({ status: 'QUEUED', agentId: null, assignedAt: null, position: 3 });
    const step = planCommand(before, { kind: 'abandon' }, LATER);
    expect(stepReads(before, step)).toEqual({ holder: false, candidates: false, waiting: false });
    const plan = planStep(before, step, { holder: null, candidates: [], waiting: [] });
    expect(plan).toEqual({ after: expect.objectContaining({ status: 'ABANDONED', agentId: null, releasedAt: LATER }), candidates: [], agents: [], taken: [] });
    expect(plan.after).not.toHaveProperty('position');
  });

  it('requeues to the next candidate in routing order; the agent who let it time out gets its slot back and no other handoff', () => {
    const before = handoff();
    const step = planTimeout(before, LATER, { acceptSeconds: 60, maxAgeSeconds: null });
    if (!step) throw new Error('the acceptance timeout is due');
    expect(stepReads(before, step)).toEqual({ holder: true, candidates: true, waiting: false });
    const noor = agent('noor', { activeConversations: { chat: 1 } });
    const sem = agent('sem', { activeConversations: { chat: 2 } });
    const lotte = agent('lotte');
    const candidates = [
      { id: 'noor', agent: noor },
      { id: 'gone', agent: null },
      { id: 'sem', agent: sem },
      { id: 'lotte', agent: lotte },
    ];
    const plan = planStep(before, step, { holder: noor, candidates, waiting: [] });
    expect(plan.after).toMatchObject({ status: 'ASSIGNED', agentId: 'lotte', assignedAt: LATER, requeues: 1, createdAt: AT });
    expect(plan.candidates).toEqual(['gone', 'sem', 'lotte']);
    expect(plan.agents).toEqual([
      { agent: { ...noor, activeConversations: {} }, expected: noor },
      { agent: { ...lotte, activeConversations: { chat: 1 }, lastAssignedAt: LATER }, expected: lotte },
    ]);
    expect(plan.taken).toEqual([]);
  });

  it('requeues to wait, first in line, when no remaining candidate is free: no agent, assignment time kept', () => {
    const before = handoff({ requeues: 2 });
    const step = planTimeout(before, LATER, { acceptSeconds: 60, maxAgeSeconds: null });
    if (!step) throw new Error('the acceptance timeout is due');
    const plan = planStep(before, step, { holder: null, candidates: [{ id: 'noor', agent: agent('noor') }], waiting: [] });
    expect(plan.after).toMatchObject({ status: 'QUEUED', agentId: null, assignedAt: AT, requeues: 3 });
    expect(plan.candidates).toEqual([]);
    expect(plan.agents).toEqual([]);
  });

  it('expires a held handoff past its maximum age and lets the freed slot take the next queued handoff', () => {
    const before = handoff({ status: 'ACCEPTED' });
    const step = planTimeout(before, LATER, { acceptSeconds: null, maxAgeSeconds: 60 });
    if (!step) throw new Error('the maximum age is reached');
    const noor = agent('noor', { activeConversations: { chat: 2 } });
    const plan = planStep(before, step, { holder: noor, candidates: [], waiting: [waiting('w1')] });
    expect(plan.after).toMatchObject({ status: 'EXPIRED', releasedAt: LATER });
    expect(plan.taken.map((t) => t.after.decisionId)).toEqual(['w1']);
    expect(plan.agents).toEqual([{ agent: { ...noor, activeConversations: { chat: 2 }, lastAssignedAt: LATER }, expected: noor }]);
  });
});
