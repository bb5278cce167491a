/**
 * Numbers, distances, dates, times and names in the page's language, through Intl — never by hand.
 */
import type { TFunction } from "i18next";
import type { OpeningStatus, WeekLine, Weekday, WeekMoment } from "~/directory/hours";
import { WEEKDAYS } from "~/directory/hours";
import { REGIONS, type RegionCode } from "~/regions";
import type { Language } from "./languages";

/**
 * Intl formatters are immutable and costly to build (tens of microseconds, more than formatting
 * with one): each is built once per kind and language. Keys are "kind language".
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>(key: string, build: () => T): T {
  let cached = formatters.get(key) as T | undefined;
  if (!cached) formatters.set(key, (cached = build()));
  return cached;
}

/**
 * Formatting with Intl takes microseconds per call, and a results page asks for the same few clock
 * times, weekdays and dates dozens of times (each card's week, opening and checked date). The words
 * for a value never change, so each is formatted once: keys are "kind language value", and the cache
 * stops growing at a size no real set of values reaches.
 */
const formatted = new Map<string, string>();
const MAX_FORMATTED = 20_000;
function once(key: string, format: () => string): string {
  let words = formatted.get(key);
  if (words === undefined) {
    words = format();
    if (formatted.size < MAX_FORMATTED) formatted.set(key, words);
  }
  return words;
}

const KM_PER_MILE = 1.609344;

/**
 * A distance as people in the region measure it: miles in the United States, kilometres elsewhere
 * (and where no region is known). Tenths under 10, whole units above.
 */
export function formatDistance(km: number, language: Language, region: RegionCode | null): string {
  const unit = region && REGIONS[region].country === "US" ? "mile" : "kilometer";
  const amount = unit === "mile" ? km / KM_PER_MILE : km;
  const value = amount < 10 ? Math.round(amount * 10) / 10 : Math.round(amount);
  return once(`${unit} ${language} ${value}`, () =>
    formatter(`${unit} ${language}`, () => new Intl.NumberFormat(language, { style: "unit", unit, maximumFractionDigits: 1 })).format(value),
  );
}

export function formatNumber(value: number, language: Language): string {
  return once(`number ${language} ${value}`, () => formatter(`number ${language}`, () => new Intl.NumberFormat(language)).format(value));
}

/** "YYYY-MM-DD" as a date in the page's language; the date itself, without time zone shifts. */
export function formatDate(isoDate: string, language: Language): string {
  return once(`date ${language} ${isoDate}`, () => {
    const [year, month, day] = isoDate.split("-").map(Number);
    if (!year || !month || !day) return isoDate;
    const parts = formatter(`date ${language}`, () => new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" })).formatToParts(
      new Date(Date.UTC(year, month - 1, day)),
    );
    // CLDR writes Vietnamese dates "3 tháng 3, 2026"; written Vietnamese says "3 tháng 3 năm 2026".
    return parts
      .map((part, index) => (language === "vi" && part.type === "literal" && parts[index + 1]?.type === "year" ? " năm " : part.value))
      .join("");
  });
}

/**
 * "HH:MM" (local wall-clock) in the page's language's usual form. "24:00", the end of a day, reads
 * "24:00" where clocks run 0–23 ("20:00–24:00", not "20:00–0:00", which reads as a day that ends
 * before it starts) and "12:00 AM" where they run 1–12.
 */
export function formatClock(time: string, language: Language): string {
  return once(`clock ${language} ${time}`, () => {
    const [hours = 0, minutes = 0] = time.split(":").map(Number);
    const clock = formatter(`clock ${language}`, () => new Intl.DateTimeFormat(language, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }));
    const moment = new Date(Date.UTC(2024, 0, 1, hours % 24, minutes));
    if (hours !== 24) return clock.format(moment);
    // Midnight's hour reads "0" or "00" on a 0–23 clock ("12" on a 12-hour one): there it becomes 24.
    // (From the parts, not resolvedOptions().hourCycle, which not every browser reports.)
    const parts = clock.formatToParts(moment);
    if (!parts.some((part) => part.type === "hour" && Number(part.value) === 0)) return clock.format(moment);
    return parts.map((part) => (part.type === "hour" ? "24" : part.value)).join("");
  });
}

export function weekdayName(day: Weekday, language: Language): string {
  // 2024-01-01 was a Monday.
  return formatter(`weekday ${language}`, () => new Intl.DateTimeFormat(language, { weekday: "long", timeZone: "UTC" })).format(
    new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day))),
  );
}

/**
 * The week's hours on one line, "Mon–Fri 8:00 AM–5:00 PM; Sat 9:00 AM–12:00 PM", for print. A whole
 * day reads `aroundTheClock` ("24 hours"): its clock would read "12:00 AM–12:00 AM".
 */
export function formatWeek(lines: readonly WeekLine[], language: Language, aroundTheClock: string): string {
  const day = (weekday: Weekday) =>
    once(`weekday-short ${language} ${weekday}`, () =>
      formatter(`weekday-short ${language}`, () => new Intl.DateTimeFormat(language, { weekday: "short", timeZone: "UTC" })).format(
        // 2024-01-01 was a Monday.
        new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(weekday))),
      ),
    );
  return lines
    .map(({ from, to, spans }) => {
      const days = from === to ? day(from) : `${day(from)}–${day(to)}`;
      const hours = spans.map((span) =>
        span.opensAt === "00:00" && span.closesAt === "24:00" ? aroundTheClock : `${formatClock(span.opensAt, language)}–${formatClock(span.closesAt, language)}`,
      );
      return `${days} ${hours.join(", ")}`;
    })
    .join("; ");
}

/** Language names already looked up, by "inLanguage code": few, and asked for on every result. */
const languageNames = new Map<string, string>();

/** A language's name, in the page's language or (for a language list) in that language itself. */
export function languageName(code: string, inLanguage: string): string {
  const key = `${inLanguage} ${code}`;
  let name = languageNames.get(key);
  if (name === undefined) {
    try {
      name = formatter(`language ${inLanguage}`, () => new Intl.DisplayNames([inLanguage], { type: "language" })).of(code) ?? code;
    } catch {
      name = code;
    }
    // Codes come from the directory and from answers: keep the names of real languages only.
    if (languageNames.size < 2000) languageNames.set(key, name);
  }
  return name;
}

/**
 * A language's name inside a sentence. Vietnamese names start with "Tiếng", which CLDR capitalizes as
 * for a list item; mid-sentence it is "tiếng Việt". Other languages' names are already right.
 */
export function languageNameInSentence(code: string, inLanguage: string): string {
  const name = languageName(code, inLanguage);
  return inLanguage === "vi" ? name.replace(/^Tiếng /, "tiếng ") : name;
}

function when(moment: WeekMoment, t: TFunction, language: Language): string {
  const time = formatClock(moment.time, language);
  if (moment.daysAhead === 0) return t("service:hours.todayAt", { time });
  if (moment.daysAhead === 1) return t("service:hours.tomorrowAt", { time });
  return t("service:hours.dayAt", { day: t(`service:hours.on.${moment.weekday}`), time });
}

/** "Open now, until 17:00" / "Closed · opens tomorrow at 8:00" / "Open 24 hours". */
export function describeOpening(status: OpeningStatus, t: TFunction, language: Language): string | null {
  switch (status.kind) {
    case "always-open":
      return t("service:hours.alwaysOpen");
    case "open":
      return t("service:hours.openUntil", { when: when(status.closesAt, t, language) });
    case "closed":
      return t("service:hours.closedOpens", { when: when(status.opensAt, t, language) });
    case "no-hours":
      return null;
  }
}

/** "Ages 3–5", "From age 3", "Up to 18 months", or null when the service has no age limit. */
export function describeAges(minimumAge: number | null, maximumAge: number | null, t: TFunction, language: Language): string | null {
  // A minimum of 0 is no minimum.
  const min = minimumAge !== null && minimumAge > 0 ? minimumAge : null;
  const max = maximumAge;
  if (min === null && max === null) return null;
  // Under two, an age that is not whole years is said in months.
  const monthly = (years: number | null) => years !== null && years < 2 && !Number.isInteger(years);
  const months = (years: number) => Math.round(years * 12);
  // Numbers in the language's own writing ("2,5"); the count picks each language's form ("Od 1 roku", "Od 3 let").
  const words = (count: number) => ({ count, age: formatNumber(count, language) });
  // A range from months to years says each end in its own unit ("From 6 months to age 8").
  if (min !== null && max !== null && monthly(min) && !monthly(max) && max >= 2) {
    return t("service:ages.rangeMonthsToYears", { ...words(months(min)), max: formatNumber(max, language) });
  }
  const inMonths = monthly(min) || monthly(max);
  const unit = inMonths ? "Months" : "Years";
  const amount = (years: number) => (inMonths ? months(years) : years);
  if (min !== null && max !== null) {
    // The higher end decides the form, as it is the word next to it ("1–3 roky", "3–6 let").
    return t(`service:ages.range${unit}`, { count: amount(max), min: formatNumber(amount(min), language), max: formatNumber(amount(max), language) });
  }
  if (min !== null) return t(`service:ages.from${unit}`, words(amount(min)));
  return t(`service:ages.upTo${unit}`, words(amount(max!)));
}
