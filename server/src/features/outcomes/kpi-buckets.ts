/**
 * KPI buckets in a time zone, without I/O: which local days (or Monday-to-Sunday weeks) a range
 * covers, where each starts as an instant, and the zone's UTC offsets over the range as
 * segments. The SQLite adapter turns the segments into a `CASE` over `date(t, '+N seconds')`,
 * so a decision's bucket is computed in SQL exactly as `localDate` computes it here; MongoDB
 * buckets with the zone's name (`$dateTrunc`), which gives the same local dates.
 */

/** Bucket size (the SDL's `KpiBucket`). */
export type BucketUnit = 'DAY' | 'WEEK';

/** The zone's offset from UTC, in seconds, for instants before `until` (null: to the end of the range). */
export interface OffsetSegment {
  until: Date | null;
  offsetSeconds: number;
}

/** One bucket: its label (local start date, `YYYY-MM-DD`) and its instants, clipped to the range. */
export interface BucketRange {
  label: string;
  /** Inclusive. */
  start: Date;
  /** Exclusive. */
  end: Date;
}

/** How a range is bucketed. */
export interface BucketPlan {
  unit: BucketUnit;
  /** IANA name, e.g. `Europe/Madrid`. */
  timeZone: string;
  /** Offsets over the range (and a day either side), in order; the last has `until` null. */
  segments: OffsetSegment[];
  /** Every bucket of the range, oldest first, empty ones included. */
  buckets: BucketRange[];
  /** Every local month (`YYYY-MM`) the range touches, oldest first. */
  months: string[];
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** True when `timeZone` is an IANA zone name this runtime knows (e.g. `UTC`, `America/New_York`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at instant `ms` (epoch milliseconds), in whole seconds. */
export function offsetSecondsAt(timeZone: string, ms: number): number {
  const second = Math.floor(ms / 1000) * 1000;
  const parts = formatter(timeZone).formatToParts(new Date(second));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((wall - second) / 1000);
}

/**
 * The zone's offsets from a day before `from` to a day after `to`. Transitions are found by
 * checking every day and narrowing a change down to the second.
 */
export function offsetSegments(timeZone: string, from: Date, to: Date): OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  const end = to.getTime() + DAY_MS;
  let at = Math.floor((from.getTime() - DAY_MS) / 1000) * 1000;
  let current = offsetSecondsAt(timeZone, at);
  while (at < end) {
    const next = Math.min(at + DAY_MS, Math.ceil(end / 1000) * 1000);
    const offset = offsetSecondsAt(timeZone, next);
    if (offset !== current) {
      // The first second with the new offset lies in (at, next].
      let [lo, hi] = [at, next];
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (offsetSecondsAt(timeZone, mid) === current) lo = mid;
        else hi = mid;
      }
      segments.push({ until: new Date(hi), offsetSeconds: current });
      current = offsetSecondsAt(timeZone, hi);
      at = hi;
      continue;
    }
    at = next;
  }
  segments.push({ until: null, offsetSeconds: current });
  return segments;
}

/** The offset of the segment holding instant `ms`. */
function offsetIn(segments: readonly OffsetSegment[], ms: number): number {
  const segment = segments.find((s) => s.until === null || ms < s.until.getTime()) ?? segments[segments.length - 1];
  return segment?.offsetSeconds ?? 0;
}

/** The local date (`YYYY-MM-DD`) of instant `ms` under `segments`, as SQL's `date(t, '+N seconds')` gives it. */
export function localDate(segments: readonly OffsetSegment[], ms: number): string {
  return new Date(ms + offsetIn(segments, ms) * 1000).toISOString().slice(0, 10);
}

/** `date` plus `days` days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday on or before `date` (as SQL's `date(d, '-6 days', 'weekday 1')`). */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The label of the bucket holding instant `ms`. */
export function bucketLabel(unit: BucketUnit, segments: readonly OffsetSegment[], ms: number): string {
  const date = localDate(segments, ms);
  return unit === 'WEEK' ? mondayOf(date) : date;
}

/** The first instant (whole second) whose local date is `date` or later. */
export function localDayStart(segments: readonly OffsetSegment[], date: string): Date {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  // Offsets lie within -12 h .. +14 h, so the local midnight lies within these.
  let [lo, hi] = [midnight - 15 * 3_600_000, midnight + 13 * 3_600_000];
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (localDate(segments, mid) >= date) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** Every month from `first` to `last` (`YYYY-MM`), inclusive. */
function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let label = first; label <= last;) {
    months.push(label);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    label = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  }
  return months;
}

/**
 * The buckets of [from, to) in `timeZone`: the first is the one holding `from`, each starts where
 * the previous ends, and each is clipped to the range.
 * @param timeZone a name `isTimeZone` accepts
 */
export function bucketPlan(from: Date, to: Date, unit: BucketUnit, timeZone: string): BucketPlan {
  const segments = offsetSegments(timeZone, from, to);
  const buckets: BucketRange[] = [];
  for (let label = bucketLabel(unit, segments, from.getTime()); ;) {
    const next = addDays(label, unit === 'WEEK' ? 7 : 1);
    const start = new Date(Math.max(from.getTime(), localDayStart(segments, label).getTime()));
    const end = new Date(Math.min(to.getTime(), localDayStart(segments, next).getTime()));
    if (start.getTime() >= to.getTime()) break;
    buckets.push({ label, start, end });
    label = next;
  }
  const months = monthsBetween(localDate(segments, from.getTime()).slice(0, 7), localDate(segments, to.getTime() - 1).slice(0, 7));
  return { unit, timeZone, segments, buckets, months };
}
