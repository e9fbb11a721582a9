import {
  defaultForm,
  duration,
  kpiCsv,
  lastCustomerText,
  presetRange,
  rangeProblem,
  startOfDay,
  toDecisionFilter,
  todayInstead,
  toKpiFilter,
  type HandoffKpis,
  type KpiFigures,
} from './dashboard-model';

describe('the dashboard filter', () => {
  it('turns local days of a time zone into instants, daylight saving included', () => {
    expect(startOfDay('2026-03-28', 'Europe/Madrid').toISOString()).toBe('2026-03-27T23:00:00.000Z');
    // Clocks go forward on 29 March: the next midnight is an hour earlier in UTC.
    expect(startOfDay('2026-03-30', 'Europe/Madrid').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDay('2026-11-02', 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(startOfDay('2026-11-02', 'UTC').toISOString()).toBe('2026-11-02T00:00:00.000Z');
  });

  it('asks for whole local days, to exclusive, with only the fields chosen', () => {
    const form = { ...defaultForm('Europe/Madrid'), from: '2026-11-01', to: '2026-11-30', policyId: 'support-default', policyVersion: '2', channel: 'email' };
    expect(toKpiFilter(form)).toEqual({
      from: '2026-10-31T23:00:00.000Z',
      to: '2026-11-30T23:00:00.000Z',
      policyId: 'support-default',
      policyVersion: 2,
      channel: 'email',
    });
    // A version means nothing without its policy.
    expect(toKpiFilter({ ...form, policyId: '' }).policyVersion).toBeUndefined();
  });

  it('has presets of whole days up to yesterday, and today so far', () => {
    const now = new Date('2026-12-07T00:30:00Z');
    expect(presetRange('30', 'UTC', now)).toEqual({ from: '2026-11-07', to: '2026-12-06' });
    expect(presetRange('7', 'UTC', now)).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    // Already the 7th in Madrid, still the 6th in New York.
    expect(presetRange('today', 'Europe/Madrid', now)).toEqual({ from: '2026-12-07', to: '2026-12-07' });
    expect(presetRange('today', 'America/New_York', now)).toEqual({ from: '2026-12-06', to: '2026-12-06' });
    expect(presetRange('custom', 'UTC', now)).toBeNull();
  });

  it('offers today instead only for a range that ends before today, keeping the other filters', () => {
    const now = new Date('2026-12-07T07:30:00.000Z');
    const last7 = { ...defaultForm('Asia/Tokyo', now), preset: '7' as const, ...presetRange('7', 'Asia/Tokyo', now), channel: 'email' };
    expect(todayInstead(last7, now)).toEqual({ ...last7, preset: 'today', from: '2026-12-07', to: '2026-12-07' });
    expect(todayInstead({ ...last7, preset: 'custom', to: '2026-12-07' }, now)).toBeNull();
    // Still the 6th in Los Angeles: its last 7 days end on the 5th.
    expect(todayInstead(defaultForm('America/Los_Angeles', now), now)).toMatchObject({ from: '2026-12-06', to: '2026-12-06' });
  });

  it('says what is wrong with a range', () => {
    const form = defaultForm('UTC');
    expect(rangeProblem(form)).toBeNull();
    expect(rangeProblem({ ...form, from: '' })).toBe('Give both dates of the range.');
    expect(rangeProblem({ ...form, from: '2026-12-01', to: '2026-11-01' })).toContain('swap the dates');
    expect(rangeProblem({ ...form, from: '2025-01-01', to: '2026-12-01' })).toContain('at most 366');
  });

  it("links a figure to the decisions query without Apollo's __typename or empty fields", () => {
    const link = {
      __typename: 'KpiDecisionFilter',
      policyId: null,
      policyVersion: null,
      action: 'HANDOFF',
      reasonCode: 'cancellation',
      queue: null,
      channel: null,
      language: 'es',
      from: 'a',
      to: 'b',
    } as const;
    expect(toDecisionFilter(link as never)).toEqual({ action: 'HANDOFF', reasonCode: 'cancellation', language: 'es', from: 'a', to: 'b' });
  });
});

describe('figures for people', () => {
  it('writes durations from seconds to days', () => {
    expect(duration(null)).toBe('–');
    expect(duration(4)).toBe('4 s');
    expect(duration(90)).toBe('1 min 30 s');
    expect(duration(720)).toBe('12 min');
    expect(duration(4140)).toBe('1 h 09 min');
    expect(duration(90_000)).toBe('1 d 1 h');
  });

  it('reads the message a decision was made on', () => {
    const input = {
      messages: [
        { speaker: 'CUSTOMER', text: 'Hello' },
        { speaker: 'BOT', text: 'Hi!' },
        { speaker: 'CUSTOMER', text: 'You charged me twice.' },
      ],
    };
    expect(lastCustomerText(input)).toBe('You charged me twice.');
    expect(lastCustomerText(null)).toBeNull();
  });
});

describe('the CSV export', () => {
  const figures = (over: Partial<KpiFigures>): KpiFigures => {
    const link = { policyId: null, policyVersion: null, action: null, reasonCode: null, queue: null, channel: null, language: null, from: 'x', to: 'y' };
    const durations = { count: 0, p50Seconds: null, p90Seconds: null };
    return {
      conversations: 0,
      handoffs: 0,
      handoffRate: null,
      timeToAssignment: durations,
      timeToFirstResponse: durations,
      timeToResolution: durations,
      handoffOutcomes: 0,
      resolutions: 0,
      resolved: 0,
      unresolved: 0,
      transferred: 0,
      abandoned: 0,
      resolutionRate: null,
      netResolutionRate: null,
      reopened: 0,
      repeatHandoffs: 0,
      repeatHandoffRate: null,
      csatHandoff: { responses: 0, average: null },
      csatAiOnly: { responses: 0, average: null },
      csatGap: null,
      aiOutcomes: 0,
      aiResolved: 0,
      aiResolutionRate: null,
      verdicts: 0,
      unnecessary: 0,
      unnecessaryEscalationRate: null,
      corrections: 0,
      sentimentMeasured: 0,
      sentimentAtHandoff: null,
      byReason: [],
      decisions: link,
      handoffDecisions: link,
      ...over,
    };
  };
  const reason = (reasonCode: string, handoffs: number) => ({
    reasonCode,
    handoffs,
    share: null,
    verdicts: 0,
    unnecessary: 0,
    unnecessaryEscalationRate: null,
    corrections: 0,
    handoffDecisions: figures({}).handoffDecisions,
  });

  it('has a row per bucket and a total, rates 0..1, durations in seconds and a column per reason', () => {
    const kpis = {
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-03T00:00:00.000Z',
      bucket: 'DAY',
      timeZone: 'UTC',
      overall: {
        ...figures({ conversations: 10, handoffs: 3, handoffRate: 0.3, byReason: [reason('billing_dispute', 2), reason('no_progress, email', 1)] }),
        handoffOutcomeIds: [],
        unnecessaryIds: [],
        aiOnlyIds: [],
      },
      buckets: [
        {
          label: '2026-11-01',
          start: '2026-11-01T00:00:00.000Z',
          end: '2026-11-02T00:00:00.000Z',
          figures: figures({
            conversations: 4,
            handoffs: 2,
            handoffRate: 0.5,
            timeToAssignment: { count: 2, p50Seconds: 3, p90Seconds: 7 },
            byReason: [reason('billing_dispute', 2)],
          }),
        },
        {
          label: '2026-11-02',
          start: '2026-11-02T00:00:00.000Z',
          end: '2026-11-03T00:00:00.000Z',
          figures: figures({ conversations: 6, handoffs: 1, handoffRate: 1 / 6 }),
        },
      ],
      unnecessaryEscalationTrend: [],
    } as unknown as HandoffKpis;
    const lines = kpiCsv(kpis).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    const header = (lines[0] as string).split(',');
    expect(header.slice(0, 7)).toEqual(['bucket', 'start', 'end', 'time_zone', 'conversations', 'handoffs', 'handoff_rate']);
    // A column per reason, most handoffs first; a reason code with a comma is quoted.
    expect(lines[0]).toMatch(/,sentiment_at_handoff,handoffs_billing_dispute,"handoffs_no_progress, email"$/);
    const cell = (line: string, name: string) => line.split(',')[header.indexOf(name)];
    expect(cell(lines[1] as string, 'handoff_rate')).toBe('0.5');
    expect(cell(lines[1] as string, 'assigned_p90_seconds')).toBe('7');
    expect(cell(lines[2] as string, 'assigned_p50_seconds')).toBe('');
    expect(cell(lines[3] as string, 'bucket')).toBe('total');
    expect(cell(lines[3] as string, 'conversations')).toBe('10');
  });
});
