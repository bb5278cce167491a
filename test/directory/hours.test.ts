import { describe, expect, it } from "vitest";
import {
  MINUTES_PER_WEEK,
  effectiveSchedule,
  localDate,
  localWeekMinute,
  openingStatus,
  opensEvenings,
  parseClockTime,
  weekendDaysOpen,
  weeklyIntervals,
  weekLines,
  type ScheduleRow,
} from "~/directory/hours";

const day = (d: number, h: number, m = 0) => d * 1440 + h * 60 + m;
const allWeek = (opensAt: string, closesAt: string): ScheduleRow[] =>
  (["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const).map((byday) => ({ byday, opensAt, closesAt }));

describe("parseClockTime", () => {
  it("reads HH:MM and HH:MM:SS, with 24:00 as the end of the day", () => {
    expect(parseClockTime("08:30")).toBe(510);
    expect(parseClockTime("8:05")).toBe(485);
    expect(parseClockTime("17:00:00")).toBe(1020);
    expect(parseClockTime("24:00")).toBe(1440);
  });
  it("rejects malformed times", () => {
    for (const bad of ["", "25:00", "24:30", "12:60", "noon", "9am", "12"]) expect(parseClockTime(bad)).toBeNull();
  });
});

describe("weeklyIntervals", () => {
  it("turns ordinary hours into minutes of the week", () => {
    expect(weeklyIntervals([{ byday: "TU", opensAt: "09:00", closesAt: "17:00" }])).toEqual([{ start: day(1, 9), end: day(1, 17) }]);
  });
  it("carries hours past midnight into the next day", () => {
    expect(weeklyIntervals([{ byday: "FR", opensAt: "22:00", closesAt: "02:00" }])).toEqual([{ start: day(4, 22), end: day(5, 2) }]);
  });
  it("wraps Sunday night into Monday morning", () => {
    expect(weeklyIntervals([{ byday: "SU", opensAt: "20:00", closesAt: "01:30" }])).toEqual([
      { start: 0, end: 90 },
      { start: day(6, 20), end: MINUTES_PER_WEEK },
    ]);
  });
  it("merges adjacent and overlapping rows, so 24 hours every day is one interval", () => {
    expect(weeklyIntervals(allWeek("00:00", "24:00"))).toEqual([{ start: 0, end: MINUTES_PER_WEEK }]);
    expect(
      weeklyIntervals([
        { byday: "MO", opensAt: "08:00", closesAt: "12:00" },
        { byday: "MO", opensAt: "11:00", closesAt: "13:00" },
        { byday: "MO", opensAt: "13:00", closesAt: "17:00" },
      ]),
    ).toEqual([{ start: day(0, 8), end: day(0, 17) }]);
  });
  it("skips malformed rows", () => {
    expect(weeklyIntervals([{ byday: "MO", opensAt: "late", closesAt: "17:00" }])).toEqual([]);
  });
});

describe("localWeekMinute", () => {
  it("reads the wall clock of the time zone, daylight saving included", () => {
    // 2026-11-23 is a Monday. 16:30 UTC is 08:30 in Los Angeles (PST), 23:30 in Ho Chi Minh City, 17:30 in Prague (CET).
    const now = new Date("2026-11-23T16:30:00Z");
    expect(localWeekMinute(now, "America/Los_Angeles")).toBe(day(0, 8, 30));
    expect(localWeekMinute(now, "Asia/Ho_Chi_Minh")).toBe(day(0, 23, 30));
    expect(localWeekMinute(now, "Europe/Prague")).toBe(day(0, 17, 30));
    // In July Prague is on CEST (UTC+2). 2026-07-05 is a Sunday.
    expect(localWeekMinute(new Date("2026-07-05T22:15:00Z"), "Europe/Prague")).toBe(day(0, 0, 15));
  });

  it("answers each minute anew, asked over and over in one zone and another", () => {
    const start = Date.parse("2026-11-23T16:29:00Z");
    for (let step = 0; step < 180; step += 7) {
      // Seconds within the minute do not matter; the minute does.
      const now = new Date(start + step * 20_000);
      const minutes = Math.floor(step / 3);
      for (const [zone, hours] of [["Europe/Prague", 17], ["America/Los_Angeles", 8]] as const) {
        expect(localWeekMinute(now, zone), `${now.toISOString()} ${zone}`).toBe(day(0, hours, 29) + minutes);
        expect(localWeekMinute(now, zone)).toBe(day(0, hours, 29) + minutes);
      }
    }
  });
});

describe("localDate", () => {
  it("is the day on the region's calendar, which the evening in Los Angeles and the night in Vietnam do not share", () => {
    // 2026-11-23 17:30 UTC: still the 23rd in Los Angeles and Prague, already the 24th in Vietnam.
    const now = new Date("2026-11-23T17:30:00Z");
    expect(localDate(now, "America/Los_Angeles")).toBe("2026-11-23");
    expect(localDate(now, "Europe/Prague")).toBe("2026-11-23");
    expect(localDate(now, "Asia/Ho_Chi_Minh")).toBe("2026-11-24");
    // 2027-01-01 07:30 UTC: New Year in Vietnam and Prague, New Year's Eve in Los Angeles.
    const newYear = new Date("2027-01-01T07:30:00Z");
    expect(localDate(newYear, "America/Los_Angeles")).toBe("2026-12-31");
    expect(localDate(newYear, "Europe/Prague")).toBe("2027-01-01");
    expect(localDate(newYear, "Asia/Ho_Chi_Minh")).toBe("2027-01-01");
  });

  it("turns with the minute of midnight, asked minute after minute", () => {
    // Midnight in Prague (CET) is 23:00 UTC.
    expect(localDate(new Date("2026-11-23T22:59:59Z"), "Europe/Prague")).toBe("2026-11-23");
    expect(localDate(new Date("2026-11-23T23:00:00Z"), "Europe/Prague")).toBe("2026-11-24");
    expect(localDate(new Date("2026-11-23T22:59:30Z"), "Europe/Prague")).toBe("2026-11-23");
  });
});

describe("openingStatus", () => {
  const zone = "Europe/Prague";
  const weekdays = weeklyIntervals(
    (["MO", "TU", "WE", "TH", "FR"] as const).map((byday) => ({ byday, opensAt: "08:00", closesAt: "16:00" })),
  );

  it("is open with the closing time when inside the hours", () => {
    // Monday 2026-11-23 10:00 in Prague.
    expect(openingStatus(weekdays, new Date("2026-11-23T09:00:00Z"), zone)).toEqual({
      kind: "open",
      closesAt: { weekday: "MO", time: "16:00", daysAhead: 0 },
    });
  });
  it("tells when it opens next: tomorrow, or on Monday after a weekend", () => {
    expect(openingStatus(weekdays, new Date("2026-11-23T17:00:00Z"), zone)).toEqual({
      kind: "closed",
      opensAt: { weekday: "TU", time: "08:00", daysAhead: 1 },
    });
    // Saturday 2026-11-28 noon.
    expect(openingStatus(weekdays, new Date("2026-11-28T11:00:00Z"), zone)).toEqual({
      kind: "closed",
      opensAt: { weekday: "MO", time: "08:00", daysAhead: 2 },
    });
  });
  it("is open after midnight for hours that run past it", () => {
    const lateFriday = weeklyIntervals([{ byday: "FR", opensAt: "20:00", closesAt: "02:00" }]);
    // Saturday 2026-11-28 01:00 in Prague = 00:00 UTC.
    expect(openingStatus(lateFriday, new Date("2026-11-28T00:00:00Z"), zone)).toEqual({
      kind: "open",
      closesAt: { weekday: "SA", time: "02:00", daysAhead: 0 },
    });
  });
  it("closes at 24:00 today, not at 00:00 tomorrow, when the hours end at midnight", () => {
    const evenings = weeklyIntervals(allWeek("20:00", "24:00"));
    // Monday 2026-11-23 21:00 in Prague = 20:00 UTC; Sunday 2026-11-29 likewise.
    expect(openingStatus(evenings, new Date("2026-11-23T20:00:00Z"), zone)).toEqual({
      kind: "open",
      closesAt: { weekday: "MO", time: "24:00", daysAhead: 0 },
    });
    expect(openingStatus(evenings, new Date("2026-11-29T20:00:00Z"), zone)).toEqual({
      kind: "open",
      closesAt: { weekday: "SU", time: "24:00", daysAhead: 0 },
    });
  });
  it("closes on Monday when Sunday night runs past midnight", () => {
    const sundayNight = weeklyIntervals([{ byday: "SU", opensAt: "20:00", closesAt: "02:00" }]);
    // Sunday 2026-11-29 21:00 in Prague = 20:00 UTC.
    expect(openingStatus(sundayNight, new Date("2026-11-29T20:00:00Z"), zone)).toEqual({
      kind: "open",
      closesAt: { weekday: "MO", time: "02:00", daysAhead: 1 },
    });
  });
  it("knows always open and no hours", () => {
    expect(openingStatus(weeklyIntervals(allWeek("00:00", "24:00")), new Date(), zone)).toEqual({ kind: "always-open" });
    expect(openingStatus([], new Date(), zone)).toEqual({ kind: "no-hours" });
  });
});

describe("evenings and weekends", () => {
  it("finds weekday evenings, including past midnight", () => {
    expect(opensEvenings(weeklyIntervals([{ byday: "WE", opensAt: "17:00", closesAt: "19:00" }]))).toBe(true);
    expect(opensEvenings(weeklyIntervals([{ byday: "WE", opensAt: "09:00", closesAt: "17:00" }]))).toBe(false);
    expect(opensEvenings(weeklyIntervals([{ byday: "SA", opensAt: "18:00", closesAt: "22:00" }]))).toBe(false);
  });
  it("lists weekend days with an opening from the morning on, not a Friday night's small hours", () => {
    expect(weekendDaysOpen(weeklyIntervals([{ byday: "SA", opensAt: "09:00", closesAt: "12:00" }]))).toEqual(["SA"]);
    expect(weekendDaysOpen(weeklyIntervals([{ byday: "FR", opensAt: "19:00", closesAt: "00:30" }]))).toEqual([]);
    expect(weekendDaysOpen(weeklyIntervals([{ byday: "FR", opensAt: "22:00", closesAt: "02:00" }]))).toEqual([]);
    expect(weekendDaysOpen(weeklyIntervals([{ byday: "SA", opensAt: "22:00", closesAt: "02:00" }]))).toEqual(["SA"]);
    // A night shelter, 20:00 to 08:00 from Friday: a family can still come on Saturday morning.
    expect(weekendDaysOpen(weeklyIntervals([{ byday: "FR", opensAt: "20:00", closesAt: "08:00" }]))).toEqual(["SA"]);
    expect(weekendDaysOpen(weeklyIntervals([{ byday: "SU", opensAt: "23:00", closesAt: "23:59" }]))).toEqual(["SU"]);
    expect(weekendDaysOpen(weeklyIntervals(allWeek("00:00", "24:00")))).toEqual(["SA", "SU"]);
    expect(weekendDaysOpen(weeklyIntervals([{ byday: "MO", opensAt: "09:00", closesAt: "12:00" }]))).toEqual([]);
  });
});

describe("effectiveSchedule", () => {
  it("takes the most specific level that has hours", () => {
    expect(effectiveSchedule([], ["service"], ["location"])).toEqual(["service"]);
    expect(effectiveSchedule(["site"], ["service"])).toEqual(["site"]);
    expect(effectiveSchedule([], [])).toEqual([]);
  });
});

describe("weekLines", () => {
  const lines = (rows: Parameters<typeof weeklyIntervals>[0]) => weekLines(weeklyIntervals(rows));
  const weekdays = (opensAt: string, closesAt: string) => (["MO", "TU", "WE", "TH", "FR"] as const).map((byday) => ({ byday, opensAt, closesAt }));

  it("puts days in a row with the same hours together and leaves closed days out", () => {
    expect(lines([...weekdays("08:00", "17:00"), { byday: "SA", opensAt: "09:00", closesAt: "12:00" }])).toEqual([
      { from: "MO", to: "FR", spans: [{ opensAt: "08:00", closesAt: "17:00" }] },
      { from: "SA", to: "SA", spans: [{ opensAt: "09:00", closesAt: "12:00" }] },
    ]);
  });

  it("keeps a day with a lunch break apart, and does not join days that are not in a row", () => {
    expect(
      lines([
        { byday: "MO", opensAt: "08:00", closesAt: "12:00" },
        { byday: "MO", opensAt: "13:00", closesAt: "17:00" },
        { byday: "WE", opensAt: "08:00", closesAt: "12:00" },
        { byday: "WE", opensAt: "13:00", closesAt: "17:00" },
      ]),
    ).toEqual([
      { from: "MO", to: "MO", spans: [{ opensAt: "08:00", closesAt: "12:00" }, { opensAt: "13:00", closesAt: "17:00" }] },
      { from: "WE", to: "WE", spans: [{ opensAt: "08:00", closesAt: "12:00" }, { opensAt: "13:00", closesAt: "17:00" }] },
    ]);
  });

  it("says a night past midnight on the evening it starts, Sunday's into Monday too", () => {
    expect(lines([{ byday: "SU", opensAt: "20:00", closesAt: "01:30" }])).toEqual([{ from: "SU", to: "SU", spans: [{ opensAt: "20:00", closesAt: "01:30" }] }]);
    expect(lines(allWeek("20:00", "01:00"))).toEqual([{ from: "MO", to: "SU", spans: [{ opensAt: "20:00", closesAt: "01:00" }] }]);
    expect(lines([{ byday: "FR", opensAt: "18:00", closesAt: "24:00" }, { byday: "SA", opensAt: "00:00", closesAt: "02:00" }])).toEqual([
      { from: "FR", to: "FR", spans: [{ opensAt: "18:00", closesAt: "02:00" }] },
    ]);
  });

  it("cuts an opening longer than a day into the days it covers", () => {
    expect(lines([{ byday: "FR", opensAt: "08:00", closesAt: "24:00" }, { byday: "SA", opensAt: "00:00", closesAt: "24:00" }, { byday: "SU", opensAt: "00:00", closesAt: "12:00" }])).toEqual([
      { from: "FR", to: "FR", spans: [{ opensAt: "08:00", closesAt: "24:00" }] },
      { from: "SA", to: "SA", spans: [{ opensAt: "00:00", closesAt: "24:00" }] },
      { from: "SU", to: "SU", spans: [{ opensAt: "00:00", closesAt: "12:00" }] },
    ]);
  });

  it("says days open around the clock as whole days, though their intervals merged into one", () => {
    expect(lines(weekdays("00:00", "24:00"))).toEqual([{ from: "MO", to: "FR", spans: [{ opensAt: "00:00", closesAt: "24:00" }] }]);
    expect(weekLines([])).toEqual([]);
  });
});
