/**
 * Opening or working hours: weekly intervals in an IANA time zone, plus holidays on which the
 * queue is closed all day. Used by queues (business hours) and agents (working hours).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Weekday } from '../generated/enums';
import { stringEnum } from '../policy/string-enum';

/** Days of the week, Monday first as `enum Weekday` declares them (ISO 8601 numbering: MON = 1). */
export const WEEKDAYS: readonly Weekday[] = Object.values(Weekday);
export type { Weekday };

/** `HH:MM`, 00:00 to 24:00 (24:00 only as a closing time: open until midnight). */
const ClockTime = Type.String({ pattern: '^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' });

/** One open interval on one weekday, local time of the schedule's zone; `close` is exclusive. */
export const OpeningIntervalSchema = Type.Object({ day: stringEnum(WEEKDAYS), open: ClockTime, close: ClockTime }, { additionalProperties: false });

/** A day the schedule is closed, as a local calendar date `YYYY-MM-DD`. */
export const HolidaySchema = Type.Object(
  { date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), name: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);

export const WeeklyScheduleSchema = Type.Object(
  {
    /** IANA time zone, e.g. `Europe/Madrid`. */
    timeZone: Type.String({ minLength: 1, maxLength: 64 }),
    weekly: Type.Array(OpeningIntervalSchema, { maxItems: 100 }),
    holidays: Type.Array(HolidaySchema, { maxItems: 400 }),
  },
  { additionalProperties: false },
);

export type OpeningInterval = Static<typeof OpeningIntervalSchema>;
export type Holiday = Static<typeof HolidaySchema>;
/** Weekly intervals in a time zone plus closed dates. */
export type WeeklySchedule = Static<typeof WeeklyScheduleSchema>;
