/**
 * Business and working hours in IANA time zones (luxon): is a schedule open at an instant, and
 * when does it open next. Local clocks are read once per zone per decision through a
 * {@link LocalClock}, so checking 500 agents costs a handful of zone conversions, not 500.
 */
import { DateTime, IANAZone } from 'luxon';
import { WEEKDAYS, type OpeningInterval, type WeeklySchedule } from '@baton/schemas';

/** The wall clock of one zone at one instant. */
export interface LocalTime {
  /** 1 (Monday) to 7 (Sunday), ISO 8601. */
  weekday: number;
  /** Minutes since local midnight, 0..1439. */
  minuteOfDay: number;
  /** Local calendar date `YYYY-MM-DD`. */
  date: string;
}

/** Local time of `zone` at the clock's instant; memoised per zone. */
export type LocalClock = (zone: string) => LocalTime;

/** True when `zone` is an IANA time zone luxon knows (e.g. `Europe/Madrid`; not `CET+1`). */
export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * A clock for instant `at`. Schedules have minute resolution, so local times are kept per zone
 * and UTC minute across decisions: under load, every decision of the same minute shares one
 * luxon conversion per zone (the conversions were a tenth of a routed decision's cost).
 */
export function localClockAt(at: Date): LocalClock {
  const minute = Math.floor(at.getTime() / 60_000);
  let instant: DateTime | undefined;
  return (zone) => {
    const key = `${zone}|${minute}`;
    let local = LOCAL_TIMES.get(key);
    if (!local) {
      instant ??= DateTime.fromMillis(minute * 60_000);
      const t = instant.setZone(zone);
      local = { weekday: t.weekday, minuteOfDay: t.hour * 60 + t.minute, date: t.toISODate() ?? '' };
      if (LOCAL_TIMES.size >= MAX_LOCAL_TIMES) LOCAL_TIMES.clear();
      LOCAL_TIMES.set(key, local);
    }
    return local;
  };
}

const LOCAL_TIMES = new Map<string, LocalTime>();
const MAX_LOCAL_TIMES = 4096;

/** `HH:MM` → minutes since midnight (`24:00` → 1440). */
export function minutesOf(clock: string): number {
  let minutes = MINUTES.get(clock);
  if (minutes === undefined) {
    const [h, m] = clock.split(':').map(Number);
    minutes = (h ?? 0) * 60 + (m ?? 0);
    // "HH:MM" strings are few (1,440 at most): remember them, schedules are read per agent per decision.
    if (MINUTES.size < 2000) MINUTES.set(clock, minutes);
  }
  return minutes;
}

const MINUTES = new Map<string, number>();

const weekdayNumber = (day: OpeningInterval['day']): number => WEEKDAYS.indexOf(day) + 1;

/** Whether `intervals` hold `local` (day matches, open ≤ minute < close). */
export function withinIntervals(intervals: readonly OpeningInterval[], local: LocalTime): boolean {
  const compiled = compiledIntervals(intervals);
  for (let k = 0; k < compiled.length; k += 3) {
    if (compiled[k] === local.weekday && (compiled[k + 1] as number) <= local.minuteOfDay && local.minuteOfDay < (compiled[k + 2] as number)) return true;
  }
  return false;
}

// Directory snapshots are immutable and checked for every agent on every decision, so each
// schedule is turned into flat numbers (weekday, open minute, close minute) once.
const COMPILED = new WeakMap<readonly OpeningInterval[], number[]>();

function compiledIntervals(intervals: readonly OpeningInterval[]): number[] {
  let compiled = COMPILED.get(intervals);
  if (!compiled) {
    compiled = intervals.flatMap((i) => [weekdayNumber(i.day), minutesOf(i.open), minutesOf(i.close)]);
    COMPILED.set(intervals, compiled);
  }
  return compiled;
}

/** Whether the schedule is open at the clock's instant: not a holiday, inside a weekly interval. */
export function isOpen(schedule: WeeklySchedule, clock: LocalClock): boolean {
  const local = clock(schedule.timeZone);
  if (schedule.holidays.some((h) => h.date === local.date)) return false;
  return withinIntervals(schedule.weekly, local);
}

/** Days searched for the next opening (a year of holidays cannot hide every weekly interval). */
const SEARCH_DAYS = 400;

/**
 * The next instant at or after `at` when the schedule is open: `at` itself when open now.
 * @returns null when the schedule has no weekly interval (it never opens)
 */
export function nextOpening(schedule: WeeklySchedule, at: Date): Date | null {
  if (schedule.weekly.length === 0) return null;
  if (isOpen(schedule, localClockAt(at))) return at;
  const start = DateTime.fromJSDate(at).setZone(schedule.timeZone);
  const holidays = new Set(schedule.holidays.map((h) => h.date));
  for (let d = 0; d < SEARCH_DAYS; d += 1) {
    const day = start.startOf('day').plus({ days: d });
    if (holidays.has(day.toISODate() ?? '')) continue;
    const opens = schedule.weekly
      .filter((i) => weekdayNumber(i.day) === day.weekday)
      .map((i) => minutesOf(i.open))
      .sort((a, b) => a - b);
    for (const minute of opens) {
      const candidate = day.set({ hour: Math.floor(minute / 60), minute: minute % 60 });
      if (candidate.toMillis() > at.getTime()) return candidate.toJSDate();
    }
  }
  return null;
}

/**
 * Problems of a weekly interval list, in words: a close not after its open, or two intervals
 * of one day that overlap. Empty when fine.
 */
export function intervalProblems(intervals: readonly OpeningInterval[]): string[] {
  const problems: string[] = [];
  for (const [i, interval] of intervals.entries()) {
    if (minutesOf(interval.close) <= minutesOf(interval.open)) {
      problems.push(`interval ${i + 1} (${interval.day} ${interval.open}–${interval.close}) closes before it opens; split a night shift into two days`);
    }
  }
  for (const day of WEEKDAYS) {
    const ofDay = intervals.filter((i) => i.day === day && minutesOf(i.close) > minutesOf(i.open)).sort((a, b) => minutesOf(a.open) - minutesOf(b.open));
    for (let k = 1; k < ofDay.length; k += 1) {
      const before = ofDay[k - 1] as OpeningInterval;
      const after = ofDay[k] as OpeningInterval;
      if (minutesOf(after.open) < minutesOf(before.close)) problems.push(`${day} ${before.open}–${before.close} overlaps ${after.open}–${after.close}`);
    }
  }
  return problems;
}
