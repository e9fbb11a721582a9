/**
 * Opening hours as one line an ops lead types and reads: `MON-FRI 09:00-18:00; SAT 10:00-14:00`
 * (days: a day, a range `MON-FRI` or a list `MON,WED`; then one or more `HH:MM-HH:MM` separated
 * by commas; groups separated by `;` or new lines). The text only carries the intervals: whether
 * times make sense (closing after opening, no overlap) is the API's check, shown on the field.
 */
import type { OpeningIntervalInput, Weekday } from '../api/generated/operations';

export const WEEKDAYS: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

const TIME = /^\d{2}:\d{2}$/;

/** Parsed intervals, or the first problem found in words the field shows. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

function daysOf(text: string): Weekday[] | null {
  const days: Weekday[] = [];
  for (const part of text.split(',')) {
    const [from, to, extra] = part.trim().toUpperCase().split('-');
    const start = WEEKDAYS.indexOf(from as Weekday);
    if (start < 0 || extra !== undefined) return null;
    const end = to === undefined ? start : WEEKDAYS.indexOf(to as Weekday);
    if (end < start) return null;
    days.push(...WEEKDAYS.slice(start, end + 1));
  }
  return days;
}

/** `MON-FRI 09:00-18:00; SAT 10:00-14:00` as intervals in day order; empty text: no intervals. */
export function parseSchedule(text: string): Parsed<OpeningIntervalInput[]> {
  const intervals: OpeningIntervalInput[] = [];
  for (const group of text.split(/[;\n]/).map((g) => g.trim())) {
    if (group === '') continue;
    const space = group.search(/\s/);
    const days = space < 0 ? null : daysOf(group.slice(0, space));
    if (!days) return { ok: false, problem: `“${group}”: start with days such as MON, MON-FRI or SAT,SUN, then times such as 09:00-18:00.` };
    for (const range of group.slice(space).split(',')) {
      const [open, close, extra] = range.trim().split('-');
      if (!open || !close || extra !== undefined || !TIME.test(open) || !TIME.test(close))
        return { ok: false, problem: `“${range.trim()}” is not a time range such as 09:00-18:00 (24-hour clock).` };
      for (const day of days) intervals.push({ day, open, close });
    }
  }
  intervals.sort((a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || a.open.localeCompare(b.open));
  return { ok: true, value: intervals };
}

/** Intervals as text `parseSchedule` reads back, consecutive days with the same hours joined (`MON-FRI 09:00-18:00`). */
export function formatSchedule(intervals: ReadonlyArray<{ day: Weekday; open: string; close: string }>): string {
  const hoursOf = (day: Weekday) =>
    intervals
      .filter((i) => i.day === day)
      .map((i) => `${i.open}-${i.close}`)
      .sort()
      .join(', ');
  const groups: string[] = [];
  let i = 0;
  while (i < WEEKDAYS.length) {
    const hours = hoursOf(WEEKDAYS[i] as Weekday);
    let j = i;
    while (j + 1 < WEEKDAYS.length && hoursOf(WEEKDAYS[j + 1] as Weekday) === hours) j += 1;
    if (hours !== '') groups.push(`${WEEKDAYS[i]}${j > i ? `-${WEEKDAYS[j]}` : ''} ${hours}`);
    i = j + 1;
  }
  return groups.join('; ');
}
