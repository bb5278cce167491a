import { describe, expect, it } from "vitest";
import { switchLanguagePath } from "~/components/LanguageSwitcher";
import { languageFromAcceptLanguage, languageFromPath } from "~/i18n/locale.server";
import { weekLines, type WeekLine } from "~/directory/hours";
import { describeAges, formatClock, formatDate, formatDistance, formatWeek } from "~/i18n/format";
import { i18nFor } from "~/i18n/i18n";
import { resourcesFor } from "~/i18n/resources.server";

describe("languageFromAcceptLanguage", () => {
  it("picks the best supported language by quality", () => {
    expect(languageFromAcceptLanguage("vi-VN,vi;q=0.9,en;q=0.8")).toBe("vi");
    expect(languageFromAcceptLanguage("de-DE,cs;q=0.7,en;q=0.5")).toBe("cs");
    expect(languageFromAcceptLanguage("en;q=0.3, cs;q=0.9")).toBe("cs");
  });
  it("falls back to English", () => {
    expect(languageFromAcceptLanguage(null)).toBe("en");
    expect(languageFromAcceptLanguage("de,fr")).toBe("en");
    expect(languageFromAcceptLanguage("cs;q=0, garbage;;;")).toBe("en");
  });
});

describe("language in paths", () => {
  it("reads the language prefix", () => {
    expect(languageFromPath("/vi/search")).toBe("vi");
    expect(languageFromPath("/xx/search")).toBeNull();
    expect(languageFromPath("/")).toBeNull();
  });
  it("switches language keeping the page and the query", () => {
    expect(switchLanguagePath("/vi/search", "?q=tu+van&page=2", "cs")).toBe("/cs/search?q=tu+van&page=2");
    expect(switchLanguagePath("/en", "", "vi")).toBe("/vi");
    expect(switchLanguagePath("/cs/services/abc", "", "en")).toBe("/en/services/abc");
  });
});

describe("plurals and numbers", () => {
  it("uses Czech plural forms", () => {
    const t = i18nFor("cs", resourcesFor("cs")).t;
    expect(t("search:results.count", { count: 1, formatted: "1" })).toBe("1 služba");
    expect(t("search:results.count", { count: 2, formatted: "2" })).toBe("2 služby");
    expect(t("search:results.count", { count: 5, formatted: "5" })).toBe("5 služeb");
  });
  it("formats distances in the page's language, in the region's unit", () => {
    expect(formatDistance(2.345, "en", "cz-jm")).toBe("2.3 km");
    expect(formatDistance(2.345, "cs", null)).toBe("2,3 km");
    expect(formatDistance(12.6, "vi", "vn-an-giang")).toBe("13 km");
    // Los Angeles County measures in miles, whatever the page's language.
    expect(formatDistance(25, "en", "us-la")).toBe("16 mi");
    expect(formatDistance(3.7, "en", "us-la")).toBe("2.3 mi");
    expect(formatDistance(3.7, "cs", "us-la")).toBe("2,3 mi");
    expect(formatDistance(3.7, "vi", "us-la")).toMatch(/^2,3 /);
  });
  it("describes age ranges, with months under two", () => {
    const t = i18nFor("en", resourcesFor("en")).t;
    expect(describeAges(0, 5, t, "en")).toBe("Up to age 5");
    expect(describeAges(3, 5, t, "en")).toBe("Ages 3–5");
    expect(describeAges(3, null, t, "en")).toBe("From age 3");
    expect(describeAges(0.5, 1.5, t, "en")).toBe("Ages 6–18 months");
    expect(describeAges(0.5, 8, t, "en")).toBe("From 6 months to age 8");
    expect(describeAges(1, 1.5, t, "en")).toBe("Ages 12–18 months");
    expect(describeAges(null, 1.5, t, "en")).toBe("Up to 18 months");
    expect(describeAges(null, 1 / 12, t, "en")).toBe("Up to 1 month");
    expect(describeAges(null, null, t, "en")).toBeNull();
    expect(describeAges(0, null, t, "en")).toBeNull();
  });
  it("says a Czech age range in the form its higher end takes", () => {
    const t = i18nFor("cs", resourcesFor("cs")).t;
    expect(describeAges(1, 3, t, "cs")).toBe("Věk 1–3 roky");
    expect(describeAges(2, 4, t, "cs")).toBe("Věk 2–4 roky");
    expect(describeAges(3, 6, t, "cs")).toBe("Věk 3–6 let");
    expect(describeAges(0.5, 1.5, t, "cs")).toBe("Věk 6–18 měsíců");
    expect(describeAges(0.25, 1 / 3, t, "cs")).toBe("Věk 3–4 měsíce");
  });
  it("says a week's hours on one line in the page's language", () => {
    const week: WeekLine[] = [
      { from: "MO", to: "FR", spans: [{ opensAt: "08:00", closesAt: "17:00" }] },
      { from: "SA", to: "SA", spans: [{ opensAt: "09:00", closesAt: "12:00" }, { opensAt: "13:00", closesAt: "15:30" }] },
    ];
    expect(formatWeek(week, "en", "24 hours")).toBe("Mon–Fri 8:00 AM–5:00 PM; Sat 9:00 AM–12:00 PM, 1:00 PM–3:30 PM");
    expect(formatWeek(week, "cs", "nonstop")).toBe("po–pá 8:00–17:00; so 9:00–12:00, 13:00–15:30");
    expect(formatWeek([], "vi", "cả ngày đêm")).toBe("");
    // Days open around the clock, from weekLines over merged intervals, say so rather than "12:00 AM–12:00 AM".
    const allWeekdays = weekLines([{ start: 0, end: 5 * 24 * 60 }]);
    expect(formatWeek(allWeekdays, "en", "24 hours")).toBe("Mon–Fri 24 hours");
    // A night past midnight is said on its evening; one that ends at midnight ends at 24:00 on a 0–23 clock, not at "0:00".
    const night = weekLines([{ start: 4 * 24 * 60 + 20 * 60, end: 5 * 24 * 60 + 2 * 60 }]);
    expect(formatWeek(night, "cs", "nonstop")).toBe("pá 20:00–2:00");
    expect(formatWeek(night, "en", "24 hours")).toBe("Fri 8:00 PM–2:00 AM");
    const evening = weekLines([{ start: 4 * 24 * 60 + 20 * 60, end: 5 * 24 * 60 }]);
    expect(formatWeek(evening, "cs", "nonstop")).toBe("pá 20:00–24:00");
    expect(formatWeek(evening, "en", "24 hours")).toBe("Fri 8:00 PM–12:00 AM");
  });
  it("writes midnight at the end of a day as 24:00 on a 0–23 clock, and as 12:00 AM on a 12-hour one", () => {
    expect(["cs", "vi", "en"].map((language) => formatClock("24:00", language as "cs"))).toEqual(["24:00", "24:00", "12:00 AM"]);
    expect(["cs", "vi", "en"].map((language) => formatClock("00:00", language as "cs"))).toEqual(["0:00", "0:00", "12:00 AM"]);
    expect(["cs", "vi", "en"].map((language) => formatClock("09:30", language as "cs"))).toEqual(["9:30", "9:30", "9:30 AM"]);
  });
  it("says the ages with the case and number each language needs", () => {
    const cs = i18nFor("cs", resourcesFor("cs")).t;
    expect([describeAges(1, null, cs, "cs"), describeAges(3, null, cs, "cs"), describeAges(6, null, cs, "cs")]).toEqual(["Od 1 roku", "Od 3 let", "Od 6 let"]);
    expect([describeAges(null, 1, cs, "cs"), describeAges(null, 6, cs, "cs"), describeAges(null, 2.5, cs, "cs")]).toEqual(["Do 1 roku", "Do 6 let", "Do 2,5 roku"]);
    expect([describeAges(null, 1 / 12, cs, "cs"), describeAges(0.5, null, cs, "cs"), describeAges(null, 1.5, cs, "cs")]).toEqual(["Do 1 měsíce", "Od 6 měsíců", "Do 18 měsíců"]);
    expect(describeAges(2, 6, cs, "cs")).toBe("Věk 2–6 let");
    expect([describeAges(0.5, 8, cs, "cs"), describeAges(1 / 12, 3, cs, "cs")]).toEqual(["Od 6 měsíců do 8 let", "Od 1 měsíce do 3 let"]);
    const vi = i18nFor("vi", resourcesFor("vi")).t;
    expect([describeAges(3, null, vi, "vi"), describeAges(null, 1.5, vi, "vi"), describeAges(2, 6, vi, "vi"), describeAges(0.5, 6, vi, "vi")]).toEqual([
      "Từ 3 tuổi",
      "Đến 18 tháng tuổi",
      "Từ 2 đến 6 tuổi",
      "Từ 6 tháng đến 6 tuổi",
    ]);
  });
});

describe("formatDate", () => {
  it("writes a date as each language writes it by hand", () => {
    expect(formatDate("2026-03-03", "vi")).toBe("3 tháng 3 năm 2026");
    expect(formatDate("2026-11-15", "vi")).toBe("15 tháng 11 năm 2026");
    expect(formatDate("2026-03-03", "cs")).toBe("3. března 2026");
    expect(formatDate("2026-03-03", "en")).toBe("March 3, 2026");
  });

  it("leaves a date it cannot read as it is", () => {
    expect(formatDate("soon", "vi")).toBe("soon");
  });
});
