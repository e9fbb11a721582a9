import { addDays, bucketLabel, bucketPlan, isTimeZone, localDate, localDayStart, mondayOf, offsetSecondsAt, offsetSegments } from './kpi-buckets';

const at = (iso: string) => new Date(iso);

describe('time zone offsets', () => {
  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Madrid')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('reads the offset in seconds, half hours included', () => {
    expect(offsetSecondsAt('UTC', Date.parse('2026-06-01T12:00:00Z'))).toBe(0);
    expect(offsetSecondsAt('Europe/Madrid', Date.parse('2026-01-15T12:00:00Z'))).toBe(3600);
    expect(offsetSecondsAt('Europe/Madrid', Date.parse('2026-07-15T12:00:00Z'))).toBe(7200);
    expect(offsetSecondsAt('Asia/Kolkata', Date.parse('2026-07-15T12:00:00Z'))).toBe(19_800);
    expect(offsetSecondsAt('America/New_York', Date.parse('2026-01-15T12:00:00.999Z'))).toBe(-18_000);
  });

  it('finds a transition to the second: Madrid moves to summer time at 01:00 UTC on 29 March 2026', () => {
    expect(offsetSegments('Europe/Madrid', at('2026-03-20T00:00:00Z'), at('2026-04-10T00:00:00Z'))).toEqual([
      { until: at('2026-03-29T01:00:00Z'), offsetSeconds: 3600 },
      { until: null, offsetSeconds: 7200 },
    ]);
    expect(offsetSegments('UTC', at('2026-01-01T00:00:00Z'), at('2026-12-31T00:00:00Z'))).toEqual([{ until: null, offsetSeconds: 0 }]);
    // A year in New York: spring forward (07:00 UTC, 8 March) and fall back (06:00 UTC, 1 November).
    expect(offsetSegments('America/New_York', at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toEqual([
      { until: at('2026-03-08T07:00:00Z'), offsetSeconds: -18_000 },
      { until: at('2026-11-01T06:00:00Z'), offsetSeconds: -14_400 },
      { until: null, offsetSeconds: -18_000 },
    ]);
  });
});

describe('local dates and buckets', () => {
  const madrid = offsetSegments('Europe/Madrid', at('2026-03-20T00:00:00Z'), at('2026-04-10T00:00:00Z'));

  it('gives the local date of an instant', () => {
    expect(localDate(madrid, Date.parse('2026-03-28T22:59:59Z'))).toBe('2026-03-28');
    expect(localDate(madrid, Date.parse('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    // After the change: midnight is 22:00 UTC.
    expect(localDate(madrid, Date.parse('2026-03-29T21:59:59Z'))).toBe('2026-03-29');
    expect(localDate(madrid, Date.parse('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
  });

  it('finds where a local day starts, on either side of a transition', () => {
    expect(localDayStart(madrid, '2026-03-29')).toEqual(at('2026-03-28T23:00:00Z'));
    expect(localDayStart(madrid, '2026-03-30')).toEqual(at('2026-03-29T22:00:00Z'));
  });

  it('counts weeks from Monday', () => {
    expect(mondayOf('2026-03-09')).toBe('2026-03-09');
    expect(mondayOf('2026-03-15')).toBe('2026-03-09');
    expect(mondayOf('2026-03-16')).toBe('2026-03-16');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(bucketLabel('WEEK', madrid, Date.parse('2026-03-29T21:00:00Z'))).toBe('2026-03-23');
    expect(bucketLabel('DAY', madrid, Date.parse('2026-03-29T21:00:00Z'))).toBe('2026-03-29');
  });

  it('lists every day of a range, the 23-hour day of the change included, clipped to the range', () => {
    const plan = bucketPlan(at('2026-03-28T12:00:00Z'), at('2026-03-31T00:00:00Z'), 'DAY', 'Europe/Madrid');
    expect(plan.buckets).toEqual([
      { label: '2026-03-28', start: at('2026-03-28T12:00:00Z'), end: at('2026-03-28T23:00:00Z') },
      { label: '2026-03-29', start: at('2026-03-28T23:00:00Z'), end: at('2026-03-29T22:00:00Z') },
      { label: '2026-03-30', start: at('2026-03-29T22:00:00Z'), end: at('2026-03-30T22:00:00Z') },
      { label: '2026-03-31', start: at('2026-03-30T22:00:00Z'), end: at('2026-03-31T00:00:00Z') },
    ]);
    expect(plan.months).toEqual(['2026-03']);
  });

  it('lists weeks starting on Monday and the months a range touches', () => {
    const plan = bucketPlan(at('2026-01-28T00:00:00Z'), at('2026-03-03T00:00:00Z'), 'WEEK', 'UTC');
    expect(plan.buckets.map((b) => [b.label, b.start.toISOString(), b.end.toISOString()])).toEqual([
      ['2026-01-26', '2026-01-28T00:00:00.000Z', '2026-02-02T00:00:00.000Z'],
      ['2026-02-02', '2026-02-02T00:00:00.000Z', '2026-02-09T00:00:00.000Z'],
      ['2026-02-09', '2026-02-09T00:00:00.000Z', '2026-02-16T00:00:00.000Z'],
      ['2026-02-16', '2026-02-16T00:00:00.000Z', '2026-02-23T00:00:00.000Z'],
      ['2026-02-23', '2026-02-23T00:00:00.000Z', '2026-03-02T00:00:00.000Z'],
      ['2026-03-02', '2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z'],
    ]);
    expect(plan.months).toEqual(['2026-01', '2026-02', '2026-03']);
    // A range ending exactly at a month's start does not touch that month.
    expect(bucketPlan(at('2025-12-15T00:00:00Z'), at('2026-02-01T00:00:00Z'), 'DAY', 'UTC').months).toEqual(['2025-12', '2026-01']);
  });

  it('buckets a half-hour zone by its own midnight', () => {
    const plan = bucketPlan(at('2026-05-01T00:00:00Z'), at('2026-05-02T00:00:00Z'), 'DAY', 'Asia/Kolkata');
    expect(plan.buckets.map((b) => [b.label, b.start.toISOString()])).toEqual([
      ['2026-05-01', '2026-05-01T00:00:00.000Z'],
      ['2026-05-02', '2026-05-01T18:30:00.000Z'],
    ]);
  });
});
