import { agentForm, formFieldOf, parseSkills, problemsByField, queueForm, toAgentInput, toQueueInput, EMPTY_AGENT, EMPTY_QUEUE } from './directory-form';
import { formatSchedule, parseSchedule } from './schedule-text';

describe('opening hours as text', () => {
  it('reads day ranges, lists and several intervals, in day order', () => {
    const parsed = parseSchedule('sat,sun 10:00-14:00; MON-WED 09:00-13:00, 14:00-18:00');
    expect(parsed).toEqual({
      ok: true,
      value: [
        { day: 'MON', open: '09:00', close: '13:00' },
        { day: 'MON', open: '14:00', close: '18:00' },
        { day: 'TUE', open: '09:00', close: '13:00' },
        { day: 'TUE', open: '14:00', close: '18:00' },
        { day: 'WED', open: '09:00', close: '13:00' },
        { day: 'WED', open: '14:00', close: '18:00' },
        { day: 'SAT', open: '10:00', close: '14:00' },
        { day: 'SUN', open: '10:00', close: '14:00' },
      ],
    });
  });

  it('says which part it cannot read', () => {
    expect(parseSchedule('MONDAY 09:00-18:00')).toEqual({ ok: false, problem: expect.stringContaining('“MONDAY 09:00-18:00”') });
    expect(parseSchedule('FRI-MON 09:00-18:00')).toMatchObject({ ok: false });
    expect(parseSchedule('MON 9-18')).toEqual({ ok: false, problem: expect.stringContaining('“9-18” is not a time range') });
    expect(parseSchedule('')).toEqual({ ok: true, value: [] });
  });

  it('writes intervals back as text it reads, joining days with the same hours', () => {
    const text = 'MON-FRI 09:00-18:00; SAT 10:00-14:00';
    const parsed = parseSchedule(text);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(formatSchedule(parsed.value)).toBe(text);
    expect(
      formatSchedule([
        { day: 'MON', open: '08:00', close: '12:00' },
        { day: 'WED', open: '08:00', close: '12:00' },
      ]),
    ).toBe('MON 08:00-12:00; WED 08:00-12:00');
  });
});

describe('the directory forms', () => {
  it('turns a queue form into QueueInput; always open sends no hours', () => {
    const { input, problems } = toQueueInput({
      ...EMPTY_QUEUE,
      id: 'billing_pt',
      name: 'Billing (Portuguese)',
      languages: 'pt, PT-x',
      skills: 'billing:5, refunds',
      holidays: '2026-12-25 Natal\n2027-01-01',
      fallbackQueueId: 'general',
    });
    expect(problems).toEqual({});
    expect(input).toEqual({
      id: 'billing_pt',
      name: 'Billing (Portuguese)',
      languages: ['pt', 'pt-x'],
      requiredSkills: [{ skill: 'billing', minProficiency: 5 }, { skill: 'refunds' }],
      hours: {
        timeZone: 'Europe/Madrid',
        weekly: ['MON', 'TUE', 'WED', 'THU', 'FRI'].map((day) => ({ day, open: '09:00', close: '18:00' })),
        holidays: [{ date: '2026-12-25', name: 'Natal' }, { date: '2027-01-01' }],
      },
      priority: 5,
      fallbackQueueId: 'general',
      maxWaitSeconds: 300,
      averageHandleSeconds: 600,
    });
    expect(toQueueInput({ ...EMPTY_QUEUE, id: 'x', name: 'X', alwaysOpen: true, hours: 'nonsense' }).input?.hours).toBeNull();
  });

  it('keeps shape problems on their fields and sends nothing', () => {
    expect(toQueueInput({ ...EMPTY_QUEUE, priority: 'high', skills: 'billing:expert' })).toEqual({
      input: null,
      problems: { priority: '“high” is not a whole number.', skills: expect.stringContaining('billing:7') },
    });
    expect(toAgentInput({ ...EMPTY_AGENT, capacity: { CHAT: 'two', EMAIL: '0', VOICE: '0' } })).toEqual({
      input: null,
      problems: { 'capacity.CHAT': '“two” is not a whole number.' },
    });
  });

  it('turns an agent form into AgentInput, leaving out channels with no seats and keeping account ids', () => {
    const { input } = toAgentInput({
      ...EMPTY_AGENT,
      id: 'rui.costa',
      name: 'Rui Costa',
      languages: 'pt es',
      skills: 'billing:8, refunds',
      hours: 'MON-FRI 08:00-16:00',
      capacity: { CHAT: '4', EMAIL: '0', VOICE: '1' },
      accountIds: ['acme'],
    });
    expect(input).toMatchObject({
      languages: ['pt', 'es'],
      skills: [
        { skill: 'billing', proficiency: 8 },
        { skill: 'refunds', proficiency: 5 },
      ],
      capacity: [
        { channel: 'CHAT', count: 4 },
        { channel: 'VOICE', count: 1 },
      ],
      accountIds: ['acme'],
    });
    expect(input?.workingHours).toHaveLength(5);
  });

  it('reads a stored queue and agent back into their forms', () => {
    const form = queueForm({
      id: 'vip',
      name: 'VIP',
      requiredSkills: [
        { skill: 'vip', minProficiency: 7 },
        { skill: 'english', minProficiency: 1 },
      ],
      languages: ['en'],
      hours: { timeZone: 'America/New_York', weekly: [{ day: 'SAT', open: '10:00', close: '14:00' }], holidays: [{ date: '2026-07-04', name: 'July 4' }] },
      priority: 9,
      fallbackQueueId: null,
      maxWaitSeconds: 60,
      averageHandleSeconds: 420,
      openNow: false,
      nextOpeningAt: null,
      waiting: 0,
    });
    expect(form).toMatchObject({ skills: 'vip:7, english', hours: 'SAT 10:00-14:00', holidays: '2026-07-04 July 4', alwaysOpen: false, priority: '9' });
    expect(toQueueInput(form).input?.requiredSkills).toEqual([{ skill: 'vip', minProficiency: 7 }, { skill: 'english' }]);
    const agent = agentForm({
      id: 'a1',
      name: 'A',
      skills: [{ skill: 'billing', proficiency: 6 }],
      languages: ['de'],
      timeZone: 'Europe/Berlin',
      workingHours: [],
      seniority: 'SENIOR',
      deescalationTrained: true,
      capacity: [{ channel: 'EMAIL', count: 10 }],
      accountIds: [],
      status: 'ONLINE',
      activeConversations: [],
      lastAssignedAt: null,
      queueIds: [],
    });
    expect(agent.capacity).toEqual({ CHAT: '0', EMAIL: '10', VOICE: '0' });
    expect(parseSkills(agent.skills, 5)).toEqual({ ok: true, value: [{ skill: 'billing', level: 6 }] });
  });

  it('puts the API’s problems back on the fields they name', () => {
    expect(
      ['input.id', 'input.hours.timeZone', 'input.timeZone', 'input.hours.weekly', 'input.workingHours', 'input.hours.holidays[0].date'].map(formFieldOf),
    ).toEqual(['id', 'timeZone', 'timeZone', 'hours', 'hours', 'holidays']);
    expect(['input.skills[2].proficiency', 'input.requiredSkills', 'input.capacity[0].count', 'input.somethingNew', 'name'].map(formFieldOf)).toEqual([
      'skills',
      'skills',
      'capacity',
      'form',
      'name',
    ]);
    expect(
      problemsByField([
        { field: 'input.languages', message: '"pt-x" is not a two-letter ISO 639-1 code such as es' },
        { field: 'input.hours.weekly', message: 'MON 09:00–13:00 overlaps 12:00–18:00' },
        { field: 'input.hours.weekly', message: 'TUE 09:00–13:00 overlaps 12:00–18:00' },
      ]),
    ).toEqual({
      languages: '"pt-x" is not a two-letter ISO 639-1 code such as es',
      hours: 'MON 09:00–13:00 overlaps 12:00–18:00; TUE 09:00–13:00 overlaps 12:00–18:00',
    });
  });
});
