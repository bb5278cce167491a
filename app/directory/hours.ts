/**
 * Weekly opening hours, the pure core behind "open now", "opens at …" and the open-now filter.
 *
 * Hours are kept as local wall-clock times (HSDS `schedule`: byday, opens_at, closes_at) and read in
 * the location's IANA time zone, so daylight-saving changes need no data change. A schedule row is
 * turned into intervals of "minutes since Monday 00:00, local time"; the database stores the same
 * intervals so SQL can answer "open now" without loading schedules (see opening_interval).
 */

export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const MINUTES_PER_DAY = 24 * 60;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

export interface ScheduleRow {
  byday: Weekday;
  /** "HH:MM", local time. */
  opensAt: string;
  /** "HH:MM", local time; "24:00" is the end of the day; earlier than opensAt means past midnight. */
  closesAt: string;
}

/** [start, end) in minutes since Monday 00:00 local time, 0 ≤ start < end ≤ MINUTES_PER_WEEK. */
export interface OpeningInterval {
  start: number;
  end: number;
}

export function isWeekday(value: unknown): value is Weekday {
  return typeof value === "string" && (WEEKDAYS as readonly string[]).includes(value);
}

/** Minutes since midnight for "HH:MM" (00:00–24:00), or null when malformed. */
export function parseClockTime(value: string): number | null {
  const match = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

/**
 * The week's opening intervals, sorted and merged. A row that runs past midnight continues into the
 * next day; Sunday night continues into Monday morning (the week wraps). Malformed rows are skipped.
 */
export function weeklyIntervals(rows: readonly ScheduleRow[]): OpeningInterval[] {
  const raw: OpeningInterval[] = [];
  for (const row of rows) {
    const opens = parseClockTime(row.opensAt);
    const closes = parseClockTime(row.closesAt);
    if (opens === null || closes === null || opens === MINUTES_PER_DAY) continue;
    const dayStart = WEEKDAYS.indexOf(row.byday) * MINUTES_PER_DAY;
    const start = dayStart + opens;
    const end = dayStart + (closes > opens ? closes : closes + MINUTES_PER_DAY);
    if (end <= MINUTES_PER_WEEK) {
      raw.push({ start, end });
    } else {
      raw.push({ start, end: MINUTES_PER_WEEK }, { start: 0, end: end - MINUTES_PER_WEEK });
    }
  }
  raw.sort((a, b) => a.start - b.start);
  const merged: OpeningInterval[] = [];
  for (const interval of raw) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** Building an Intl.DateTimeFormat costs tens of microseconds, formatting with one about one: one per zone. */
const weekClocks = new Map<string, Intl.DateTimeFormat>();
/** One per zone too: "YYYY-MM-DD" is what the Canadian English calendar writes. */
const calendars = new Map<string, Intl.DateTimeFormat>();

/** The zone's format, built on first use. */
function formatIn(formats: Map<string, Intl.DateTimeFormat>, timeZone: string, locale: string, options: Intl.DateTimeFormatOptions) {
  let format = formats.get(timeZone);
  if (!format) formats.set(timeZone, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return format;
}

/**
 * What is read off a zone's clock, kept for the minute: a page asks the same for every service it
 * shows, and zone offsets are whole minutes, so the answer holds for the whole minute. Per zone,
 * the last minute asked for and its answer.
 */
function onceAMinute<T>(read: (now: Date, timeZone: string) => T): (now: Date, timeZone: string) => T {
  const last = new Map<string, { epochMinute: number; value: T }>();
  return (now, timeZone) => {
    const epochMinute = Math.floor(now.getTime() / 60_000);
    const known = last.get(timeZone);
    if (known?.epochMinute === epochMinute) return known.value;
    const value = read(now, timeZone);
    last.set(timeZone, { epochMinute, value });
    return value;
  };
}

/** Minutes since Monday 00:00 of `now` on the wall clock of `timeZone`. */
export const localWeekMinute = onceAMinute((now, timeZone): number => {
  const clock = formatIn(weekClocks, timeZone, "en-US", { weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const parts = clock.formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  const day = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday"));
  return day * MINUTES_PER_DAY + Number(get("hour")) * 60 + Number(get("minute"));
});

/** The day `now` falls on, on the calendar of `timeZone`, as "YYYY-MM-DD". */
export const localDate = onceAMinute((now, timeZone): string =>
  formatIn(calendars, timeZone, "en-CA", { year: "numeric", month: "2-digit", day: "2-digit" }).format(now),
);

export function isAlwaysOpen(intervals: readonly OpeningInterval[]): boolean {
  return intervals.length === 1 && intervals[0]!.start === 0 && intervals[0]!.end === MINUTES_PER_WEEK;
}

/** A moment in the local week, as a page shows it: weekday and "HH:MM". */
export interface WeekMoment {
  weekday: Weekday;
  time: string;
  /** Whole days from today (0 = today, 1 = tomorrow, …). */
  daysAhead: number;
}

export type OpeningStatus =
  | { kind: "always-open" }
  | { kind: "open"; closesAt: WeekMoment }
  | { kind: "closed"; opensAt: WeekMoment }
  | { kind: "no-hours" };

/** "HH:MM" for minutes since midnight (1440 is "24:00"). */
function clockOf(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
}

/**
 * A minute of the week as a weekday and a clock time, and how many days from `fromMinute`'s day. A
 * closing at midnight ends its day, "24:00" (open until 24:00 today), rather than starting the next.
 */
function momentAt(weekMinute: number, fromMinute: number, closing = false): WeekMoment {
  const inWeek = (minutes: number) => ((minutes % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
  const minute = inWeek(weekMinute);
  const endOfDay = closing && minute % MINUTES_PER_DAY === 0;
  const dayIndex = Math.floor(inWeek(endOfDay ? minute - 1 : minute) / MINUTES_PER_DAY);
  const minuteOfDay = endOfDay ? MINUTES_PER_DAY : minute % MINUTES_PER_DAY;
  const fromDay = Math.floor(fromMinute / MINUTES_PER_DAY);
  return { weekday: WEEKDAYS[dayIndex]!, time: clockOf(minuteOfDay), daysAhead: (dayIndex - fromDay + 7) % 7 };
}

/** Open or closed at `now`, and when that changes next. */
export function openingStatus(intervals: readonly OpeningInterval[], now: Date, timeZone: string): OpeningStatus {
  if (intervals.length === 0) return { kind: "no-hours" };
  if (isAlwaysOpen(intervals)) return { kind: "always-open" };
  const minute = localWeekMinute(now, timeZone);
  const current = intervals.find((interval) => minute >= interval.start && minute < interval.end);
  if (current) {
    let closes = current.end;
    // An interval ending at the week's end continues in Monday's first interval (Sunday → Monday night).
    if (closes === MINUTES_PER_WEEK && intervals[0]!.start === 0) closes = MINUTES_PER_WEEK + intervals[0]!.end;
    return { kind: "open", closesAt: momentAt(closes, minute, true) };
  }
  const next = intervals.find((interval) => interval.start > minute) ?? intervals[0]!;
  return { kind: "closed", opensAt: momentAt(next.start, minute) };
}

/** Open at some time from 18:00 on a weekday (Monday–Friday evening, or past midnight). */
export function opensEvenings(intervals: readonly OpeningInterval[]): boolean {
  return intervals.some((interval) => {
    for (let day = 0; day < 5; day++) {
      const evening = day * MINUTES_PER_DAY + 18 * 60;
      const midnight = (day + 1) * MINUTES_PER_DAY;
      if (interval.start < midnight && interval.end > evening) return true;
    }
    return false;
  });
}

/**
 * A day's small hours belong to the night before: a Friday night that runs to 00:30 does not make
 * a service "open Saturdays" for a family that asked for the weekend (it is open evenings).
 */
const DAY_BEGINS_MINUTES = 6 * 60;

/** Weekend days (SA, SU) with an opening from the morning on. */
export function weekendDaysOpen(intervals: readonly OpeningInterval[]): Weekday[] {
  const days: Weekday[] = [];
  for (const day of [5, 6] as const) {
    const from = day * MINUTES_PER_DAY + DAY_BEGINS_MINUTES;
    const to = (day + 1) * MINUTES_PER_DAY;
    if (intervals.some((interval) => interval.start < to && interval.end > from)) days.push(WEEKDAYS[day]);
  }
  return days;
}

/** Rows of one weekday for display, in the order they open. */
export function rowsByWeekday(rows: readonly ScheduleRow[]): Map<Weekday, ScheduleRow[]> {
  const byDay = new Map<Weekday, ScheduleRow[]>();
  for (const day of WEEKDAYS) byDay.set(day, []);
  for (const row of rows) byDay.get(row.byday)?.push(row);
  for (const list of byDay.values()) list.sort((a, b) => a.opensAt.localeCompare(b.opensAt));
  return byDay;
}

/**
 * The rows that hold at one site: HSDS lets hours sit on the service at a location, the service, or
 * the location; the most specific non-empty level wins.
 */
export function effectiveSchedule<T>(...levelsMostSpecificFirst: ReadonlyArray<readonly T[]>): readonly T[] {
  return levelsMostSpecificFirst.find((rows) => rows.length > 0) ?? [];
}

/** Days in a row that keep the same hours, for a printed sheet: "Mon–Fri 8:00–17:00". */
export interface WeekLine {
  from: Weekday;
  to: Weekday;
  /** "HH:MM" pairs in the order they open; "24:00" is midnight at the day's end. */
  spans: Array<{ opensAt: string; closesAt: string }>;
}

/**
 * The week in a few lines that do not go stale on paper, as "open now" does: days in a row with
 * the same hours together, closed days left out. A night past midnight is said on the evening it
 * starts, as people say it ("Fri 20:00–1:00"), Sunday's into Monday too; only an opening longer
 * than a day is cut into the days it covers.
 */
export function weekLines(intervals: readonly OpeningInterval[]): WeekLine[] {
  const lines: WeekLine[] = [];
  const nights = rejoinedAcrossWeekEnd(intervals);
  WEEKDAYS.forEach((weekday, day) => {
    const dayStart = day * MINUTES_PER_DAY;
    const dayEnd = dayStart + MINUTES_PER_DAY;
    const spans = nights
      .flatMap(({ start, end }) => {
        if (end - start <= MINUTES_PER_DAY) {
          // Said on the day it opens; its closing clock past midnight reads as the night it is.
          return start >= dayStart && start < dayEnd ? [{ from: start - dayStart, to: (end - dayStart - 1) % MINUTES_PER_DAY + 1 }] : [];
        }
        return start < dayEnd && end > dayStart ? [{ from: Math.max(start, dayStart) - dayStart, to: Math.min(end, dayEnd) - dayStart }] : [];
      })
      .sort((a, b) => a.from - b.from)
      .map(({ from, to }) => ({ opensAt: clockOf(from), closesAt: clockOf(to) }));
    if (spans.length === 0) return;
    const last = lines.at(-1);
    const sameAsDayBefore =
      last !== undefined &&
      WEEKDAYS.indexOf(last.to) === day - 1 &&
      last.spans.length === spans.length &&
      last.spans.every((span, n) => span.opensAt === spans[n]!.opensAt && span.closesAt === spans[n]!.closesAt);
    if (sameAsDayBefore) last.to = weekday;
    else lines.push({ from: weekday, to: weekday, spans });
  });
  return lines;
}

/**
 * Weekly intervals stop at the week's end (weeklyIntervals): Sunday's night into Monday is two.
 * Joined again, when together they are one night, so that it is said on Sunday as one.
 */
function rejoinedAcrossWeekEnd(intervals: readonly OpeningInterval[]): OpeningInterval[] {
  const first = intervals[0];
  const last = intervals.at(-1);
  if (!first || !last || first === last || first.start !== 0 || last.end !== MINUTES_PER_WEEK) return [...intervals];
  if (last.end - last.start + first.end > MINUTES_PER_DAY) return [...intervals];
  return [...intervals.slice(1, -1), { start: last.start, end: MINUTES_PER_WEEK + first.end }];
}
