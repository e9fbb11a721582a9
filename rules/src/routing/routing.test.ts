import fc from 'fast-check';
import type { Agent, Queue, RouteTarget } from '@baton/schemas';
import { erlangC, erlangCWaitSeconds } from './erlang-c';
import { estimateWaitSeconds } from './wait-estimate';
import { intervalProblems, isOpen, localClockAt, nextOpening } from './business-hours';
import { prepareDirectory } from './prepare-directory';
import { evaluateRouting, type RouteRequest } from './evaluate-routing';
import { selectAgent } from './select-agent';

const NOW = new Date('2026-03-10T10:00:00Z'); // Tuesday, 11:00 in Madrid
const queue = (extra: Partial<Queue> = {}): Queue => ({
  id: 'billing',
  name: 'Billing',
  requiredSkills: [{ skill: 'billing', minProficiency: 4 }],
  languages: [],
  hours: null,
  priority: 5,
  fallbackQueueId: null,
  maxWaitSeconds: 300,
  averageHandleSeconds: 600,
  ...extra,
});
const agent = (id: string, extra: Partial<Agent> = {}): Agent => ({
  id,
  name: id,
  skills: [{ skill: 'billing', proficiency: 6 }],
  languages: ['en'],
  timeZone: 'UTC',
  workingHours: [],
  seniority: 'REGULAR',
  deescalationTrained: false,
  capacity: { chat: 2 },
  accountIds: [],
  status: 'ONLINE',
  activeConversations: {},
  lastAssignedAt: null,
  ...extra,
});
const route = (
  agents: Agent[],
  targets: RouteTarget[],
  extra: Partial<RouteRequest> = {},
  queues: Queue[] = [queue(), queue({ id: 'general', name: 'General', requiredSkills: [] })],
) =>
  evaluateRouting({
    targets,
    routeNodeId: 'r',
    directory: prepareDirectory({ queues, agents, waitingByQueue: {} }),
    channel: 'chat',
    language: 'es',
    priority: 'NORMAL',
    customerId: 'cus-1',
    lastAgentId: 'last',
    now: NOW,
    ...extra,
  });

describe('Erlang C', () => {
  it('matches textbook values (N = 2, A = 1: C = 1/3; N = 10, A = 8: C ≈ 0.409)', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 6);
    expect(erlangC(10, 8)).toBeCloseTo(0.4092, 3);
    expect(erlangCWaitSeconds(2, 1, 600)).toBeCloseTo(200, 6);
    expect(erlangC(3, 3)).toBe(1);
    expect(erlangCWaitSeconds(3, 3, 600)).toBe(Infinity);
  });
  it('estimates the wait: Erlang C below saturation, the queue position above, unknown with nobody', () => {
    expect(estimateWaitSeconds({ slots: 2, busy: 1, waiting: 0, averageHandleSeconds: 600 })).toBe(200);
    expect(estimateWaitSeconds({ slots: 10, busy: 10, waiting: 4, averageHandleSeconds: 600 })).toBe(300);
    expect(estimateWaitSeconds({ slots: 0, busy: 0, waiting: 0, averageHandleSeconds: 600 })).toBeNull();
  });
});

describe('business hours', () => {
  const hours = {
    timeZone: 'Europe/Madrid',
    weekly: [
      { day: 'TUE' as const, open: '09:00', close: '10:30' },
      { day: 'WED' as const, open: '09:00', close: '17:00' },
    ],
    holidays: [{ date: '2026-03-11' }],
  };
  it.each([
    ['2026-03-10T08:00:00Z', true], // 09:00 Madrid (UTC+1)
    ['2026-03-10T09:30:00Z', false], // 10:30 closes
    ['2026-03-11T10:00:00Z', false], // holiday
  ])('at %s open is %s', (at, open) => expect(isOpen(hours, localClockAt(new Date(at)))).toBe(open));
  it('finds the next opening past holidays, in the zone', () => {
    expect(nextOpening(hours, new Date('2026-03-10T10:00:00Z'))?.toISOString()).toBe('2026-03-17T08:00:00.000Z');
    expect(nextOpening({ ...hours, weekly: [] }, NOW)).toBeNull();
  });
  it('names inverted and overlapping intervals', () => {
    expect(intervalProblems([{ day: 'MON', open: '10:00', close: '09:00' }])[0]).toContain('closes before it opens');
    expect(
      intervalProblems([
        { day: 'MON', open: '08:00', close: '12:00' },
        { day: 'MON', open: '11:00', close: '13:00' },
      ])[0],
    ).toContain('overlaps');
  });
});

describe('agent selection, factor by factor', () => {
  const pick = (agents: Agent[], targets: RouteTarget[] = [{ queue: 'billing' }], extra: Partial<RouteRequest> = {}) =>
    route(agents, targets, extra).target.agentId;
  it.each<[string, Agent[], RouteTarget[], Partial<RouteRequest>, string | null]>([
    [
      'offline, away and full agents are never chosen',
      [agent('off', { status: 'OFFLINE' }), agent('away', { status: 'AWAY' }), agent('full', { activeConversations: { chat: 2 } }), agent('ok')],
      [{ queue: 'billing' }],
      {},
      'ok',
    ],
    [
      'outside working hours is excluded',
      [agent('night', { workingHours: [{ day: 'TUE', open: '20:00', close: '23:00' }], languages: ['es'] }), agent('day')],
      [{ queue: 'billing' }],
      {},
      'day',
    ],
    [
      'a required skill below the minimum is excluded',
      [
        agent('weak', {
          skills: [
            { skill: 'billing', proficiency: 9 },
            { skill: 'disputes', proficiency: 5 },
          ],
        }),
        agent('strong', {
          skills: [
            { skill: 'billing', proficiency: 5 },
            { skill: 'disputes', proficiency: 8 },
          ],
        }),
      ],
      [{ queue: 'billing', agentFilter: { skills: [{ skill: 'disputes', minProficiency: 7 }] } }],
      {},
      'strong',
    ],
    [
      'higher proficiency scores higher',
      [agent('p5', { skills: [{ skill: 'billing', proficiency: 5 }] }), agent('p9', { skills: [{ skill: 'billing', proficiency: 9 }] })],
      [{ queue: 'billing' }],
      {},
      'p9',
    ],
    ['the customer language scores higher', [agent('en'), agent('es', { languages: ['es'] })], [{ queue: 'billing' }], {}, 'es'],
    [
      'matchCustomerLanguage filters, it does not just score',
      [agent('en', { skills: [{ skill: 'billing', proficiency: 10 }] })],
      [{ queue: 'billing', agentFilter: { matchCustomerLanguage: true } }],
      {},
      null,
    ],
    ['the less loaded agent scores higher', [agent('busy', { activeConversations: { chat: 1 } }), agent('free')], [{ queue: 'billing' }], {}, 'free'],
    [
      'a senior filter keeps seniors and de-escalation trained agents',
      [agent('junior', { seniority: 'JUNIOR', languages: ['es'] }), agent('trained', { deescalationTrained: true })],
      [{ queue: 'billing', agentFilter: { senior: true } }],
      {},
      'trained',
    ],
    [
      'seniority weighs in for HIGH priority',
      [agent('regular'), agent('senior', { seniority: 'SENIOR' })],
      [{ queue: 'billing' }],
      { priority: 'HIGH' },
      'senior',
    ],
    [
      'the account owner comes first whatever the score',
      [
        agent('owner', { skills: [{ skill: 'billing', proficiency: 4 }] }),
        agent('star', { skills: [{ skill: 'billing', proficiency: 10 }], languages: ['es'] }),
      ],
      [{ queue: 'billing' }],
      { accountOwnerId: 'owner' },
      'owner',
    ],
    [
      'the agent who last helped comes next',
      [agent('last'), agent('star', { skills: [{ skill: 'billing', proficiency: 10 }], languages: ['es'] })],
      [{ queue: 'billing' }],
      {},
      'last',
    ],
    [
      'ties go to the longest idle',
      [agent('recent', { lastAssignedAt: new Date('2026-03-10T09:59:00Z') }), agent('idle', { lastAssignedAt: new Date('2026-03-10T09:58:00Z') })],
      [{ queue: 'billing' }],
      {},
      'idle',
    ],
  ])('%s', (_name, agents, targets, extra, expected) => expect(pick(agents, targets, extra)).toBe(expected));

  it('re-reads working hours when the minute changes, on the same prepared directory', () => {
    // The night agent starts at 20:00 UTC on Tuesday; presence is cached per member list per minute.
    const directory = prepareDirectory({
      queues: [queue()],
      agents: [agent('night', { workingHours: [{ day: 'TUE', open: '20:00', close: '23:00' }] })],
      waitingByQueue: {},
    });
    const at = (iso: string) => route([], [{ queue: 'billing' }], { directory, now: new Date(iso) }).target.agentId;
    expect(at('2026-03-10T19:59:30Z')).toBeNull();
    expect(at('2026-03-10T20:00:00Z')).toBe('night');
    expect(at('2026-03-10T19:59:59Z')).toBeNull();
  });

  it('explains each candidate: score factors for the eligible, a reason for the excluded', () => {
    const result = route([agent('ok', { languages: ['es'] }), agent('off', { status: 'OFFLINE' })], [{ queue: 'billing' }]);
    const [chosen, excluded] = result.target.candidates;
    expect(chosen).toMatchObject({ agentId: 'ok', chosen: true, excluded: null });
    expect(chosen?.factors.map((f) => f.name)).toEqual(['proficiency', 'language', 'load', 'idle', 'seniority']);
    expect(chosen?.score).toBeCloseTo(chosen?.factors.reduce((s, f) => s + f.points, 0) ?? 0, 2);
    expect(excluded).toMatchObject({ agentId: 'off', excluded: 'offline', score: null });
  });

  it('gives the score factors, worked out on first read, to JSON and spreading in their place', () => {
    const [chosen] = route([agent('ok', { languages: ['es'] })], [{ queue: 'billing' }]).target.candidates;
    const stored = JSON.parse(JSON.stringify(chosen)) as Record<string, unknown>;
    expect(Object.keys(stored)).toEqual(['agentId', 'agentName', 'score', 'preference', 'factors', 'excluded', 'chosen']);
    expect(stored.factors).toEqual(chosen?.factors);
    expect({ ...chosen }.factors).toHaveLength(5);
  });

  it("ranks the account owner first, named by the profile or in the agent's accounts", () => {
    const team = [agent('a', { capacity: { chat: 5 } }), agent('b', { accountIds: ['cus-9'] }), agent('c')];
    expect(route(team, [{ queue: 'billing' }], { customerId: 'cus-9' }).target.agentId).toBe('b');
    expect(route(team, [{ queue: 'billing' }], { customerId: 'cus-1', accountOwnerId: 'c' }).target.agentId).toBe('c');
  });
});

describe('targets in turn', () => {
  it('skips a target without agents when it says so, and takes the next', () => {
    const r = route([agent('en')], [{ queue: 'billing', agentFilter: { matchCustomerLanguage: true }, skipIfNoAgentAvailable: true }, { queue: 'billing' }]);
    expect(r.target).toMatchObject({ queueId: 'billing', agentId: 'en', fallbackUsed: false });
  });
  it('queues at a target whose wait is acceptable, with an estimate', () => {
    const r = route([agent('full', { activeConversations: { chat: 2 } })], [{ queue: 'billing' }], {}, [queue({ maxWaitSeconds: 3600 })]);
    expect(r.target).toMatchObject({ queueId: 'billing', agentId: null, estimatedWaitSeconds: 300 });
  });
  it('promises no agent whose free slots the handoffs already waiting will take first', () => {
    const queues = [queue({ maxWaitSeconds: 3600 })];
    const agents = [agent('one-free', { activeConversations: { chat: 1 } })];
    const waitingAhead = (waiting: number) =>
      evaluateRouting({
        targets: [{ queue: 'billing' }],
        routeNodeId: 'r',
        directory: prepareDirectory({ queues, agents, waitingByQueue: { billing: waiting } }),
        channel: 'chat',
        language: 'en',
        priority: 'NORMAL',
        customerId: 'cus-1',
        lastAgentId: null,
        now: NOW,
      });
    expect(waitingAhead(0).target).toMatchObject({ agentId: 'one-free' });
    const behind = waitingAhead(1).target;
    expect(behind).toMatchObject({ queueId: 'billing', agentId: null });
    expect(behind.candidates.filter((c) => c.chosen)).toEqual([]);
    expect(behind.explanation).toContain('Target 1: the 1 handoff(s) waiting in billing take the 1 free slot(s) first.');
  });
  it('uses the fallback queue when every target is over its maximum wait', () => {
    const r = route([agent('full', { activeConversations: { chat: 2 } }), agent('gen', { skills: [] })], [{ queue: 'billing' }], {}, [
      queue({ maxWaitSeconds: 60, fallbackQueueId: 'general' }),
      queue({ id: 'general', name: 'General', requiredSkills: [] }),
    ]);
    expect(r.target).toMatchObject({ queueId: 'general', agentId: 'gen', fallbackUsed: true });
  });
  it('moves on when the expected wait exceeds the target timeout', () => {
    const r = route(
      [agent('full', { activeConversations: { chat: 2 } }), agent('gen', { skills: [] })],
      [{ queue: 'billing', timeoutSeconds: 60 }, { queue: 'general' }],
      {},
      [queue({ maxWaitSeconds: 3600 }), queue({ id: 'general', name: 'General', requiredSkills: [] })],
    );
    expect(r.target).toMatchObject({ queueId: 'general', agentId: 'gen' });
  });
  it('offers a callback with the next opening when every target queue is closed', () => {
    const hours = { timeZone: 'Europe/Madrid', weekly: [{ day: 'WED' as const, open: '09:00', close: '17:00' }], holidays: [] };
    const r = route([agent('ok')], [{ queue: 'billing' }], {}, [queue({ hours })]);
    expect(r.closed).toBe(true);
    expect(r.target.nextOpeningAt?.toISOString()).toBe('2026-03-11T08:00:00.000Z');
  });
});

describe('properties', () => {
  const arbAgent = fc.record({
    status: fc.constantFrom<Agent['status']>('ONLINE', 'AWAY', 'OFFLINE'),
    proficiency: fc.integer({ min: 1, max: 10 }),
    disputes: fc.integer({ min: 1, max: 10 }),
    capacity: fc.integer({ min: 0, max: 3 }),
    active: fc.integer({ min: 0, max: 4 }),
    es: fc.boolean(),
    senior: fc.boolean(),
  });
  it('never chooses an offline or full agent, and a chosen agent has every required skill', () => {
    fc.assert(
      fc.property(fc.array(arbAgent, { maxLength: 12 }), fc.integer({ min: 1, max: 10 }), fc.boolean(), (specs, min, language) => {
        const agents = specs.map((s, i) =>
          agent(`a${i}`, {
            status: s.status,
            skills: [
              { skill: 'billing', proficiency: s.proficiency },
              { skill: 'disputes', proficiency: s.disputes },
            ],
            capacity: { chat: s.capacity },
            activeConversations: { chat: s.active },
            languages: s.es ? ['es'] : ['en'],
            seniority: s.senior ? 'SENIOR' : 'REGULAR',
          }),
        );
        const target: RouteTarget = {
          queue: 'billing',
          agentFilter: { skills: [{ skill: 'disputes', minProficiency: min }], matchCustomerLanguage: language },
        };
        const chosen = agents.find((a) => a.id === route(agents, [target]).target.agentId);
        if (!chosen) return true;
        const skill = (name: string) => chosen.skills.find((k) => k.skill === name)?.proficiency ?? 0;
        return (
          chosen.status === 'ONLINE' &&
          (chosen.activeConversations.chat ?? 0) < (chosen.capacity.chat ?? 0) &&
          skill('billing') >= 4 &&
          skill('disputes') >= min &&
          (!language || chosen.languages.includes('es'))
        );
      }),
      { numRuns: 500 },
    );
  });
  it('selectAgent ranks every eligible agent and only them', () => {
    const agents = [agent('a'), agent('b', { status: 'OFFLINE' }), agent('c', { activeConversations: { chat: 2 } })];
    const members = prepareDirectory({ queues: [queue()], agents, waitingByQueue: {} }).membersByQueue.get('billing') ?? [];
    const s = selectAgent({
      queue: queue(),
      members,
      channel: 'chat',
      language: 'en',
      priority: 'NORMAL',
      customerId: 'x',
      clock: localClockAt(NOW),
      now: NOW,
    });
    expect(s.ranked).toEqual(['a']);
    expect(s.excludedCounts).toEqual({ offline: 1, 'at capacity': 1 });
    expect(s.load).toEqual({ slots: 4, busy: 2 });
    // The same minute's next selection is worked out from what this one found: a caller changing its answer changes nothing there.
    s.excludedCounts.offline = 7;
    s.load.busy = 0;
    const next = selectAgent({
      queue: queue(),
      members,
      channel: 'chat',
      language: 'en',
      priority: 'NORMAL',
      customerId: 'y',
      clock: localClockAt(NOW),
      now: NOW,
    });
    expect([next.chosen?.agentId, next.excludedCounts, next.load]).toEqual(['a', { offline: 1, 'at capacity': 1 }, { slots: 4, busy: 2 }]);
  });
  it('selectAgent on one member list in one minute still applies each filter, channel and language of its own', () => {
    const agents = [
      agent('en-senior', { seniority: 'SENIOR' }),
      agent('es-regular', { languages: ['es'] }),
      agent('es-disputes', {
        languages: ['es'],
        skills: [
          { skill: 'billing', proficiency: 6 },
          { skill: 'disputes', proficiency: 8 },
        ],
        capacity: { chat: 2, email: 5 },
      }),
    ];
    const members = prepareDirectory({ queues: [queue()], agents, waitingByQueue: {} }).membersByQueue.get('billing') ?? [];
    const select = (extra: Partial<Parameters<typeof selectAgent>[0]>) =>
      selectAgent({
        queue: queue(),
        members,
        channel: 'chat',
        language: 'es',
        priority: 'NORMAL',
        customerId: 'x',
        clock: localClockAt(NOW),
        now: NOW,
        rankAll: true,
        ...extra,
      }).ranked.sort();
    expect(select({})).toEqual(['en-senior', 'es-disputes', 'es-regular']);
    expect(select({ filter: { matchCustomerLanguage: true } })).toEqual(['es-disputes', 'es-regular']);
    expect(select({ filter: { matchCustomerLanguage: true }, language: 'en' })).toEqual(['en-senior']);
    expect(select({ filter: { senior: true } })).toEqual(['en-senior']);
    expect(select({ filter: { skills: [{ skill: 'disputes', minProficiency: 7 }] } })).toEqual(['es-disputes']);
    expect(select({ channel: 'email' })).toEqual(['es-disputes']);
    expect(select({ filter: { accountOwner: true }, accountOwnerId: 'es-regular' })).toEqual(['es-regular']);
    expect(select({ filter: { accountOwner: true }, accountOwnerId: 'en-senior' })).toEqual(['en-senior']);
  });
});
