import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/db.server";
import { reindexServices } from "~/directory/search-index.server";
import { EMPTY_SEARCH, type SearchQuery } from "~/directory/search-query";
import { searchServices } from "~/directory/search.server";
import { createLoadContext } from "~/entry.server";
import { loader as searchLoader } from "~/routes/search";
import { distanceKm } from "~/geo/distance";
import * as t from "../../db/schema";
import { createTestDatabase } from "../helpers/database";

let db: Db;
let cleanup: () => void;
beforeAll(() => ({ db, cleanup } = createTestDatabase()));
afterAll(() => cleanup());

const search = (changes: Partial<SearchQuery>, language: "vi" | "en" | "cs" = "en", now = new Date()) =>
  searchServices(db, { ...EMPTY_SEARCH, ...changes }, language, now);

async function load(url: string) {
  const request = new Request(`http://localhost${url}`);
  const lang = new URL(request.url).pathname.split("/")[1]!;
  return searchLoader({ request, params: { lang }, context: createLoadContext(db), unstable_pattern: "/:lang/search" } as never);
}

describe("full-text search", () => {
  it("ignores Vietnamese diacritics: 'tu van' finds 'Tư vấn'", () => {
    const outcome = search({ text: "tu van" }, "vi");
    expect(outcome.total).toBeGreaterThan(3);
    expect(outcome.items.some((item) => /tư vấn/i.test(`${item.name.text} ${item.description?.text}`))).toBe(true);
  });

  it("folds đ: 'dang ky' finds 'Đăng ký'", () => {
    const outcome = search({ text: "dang ky" }, "vi");
    expect(outcome.total).toBeGreaterThan(0);
  });

  it("finds Czech names from any page language: 'poradna'", () => {
    for (const language of ["vi", "en", "cs"] as const) {
      const outcome = search({ text: "poradna" }, language);
      expect(outcome.total, language).toBeGreaterThan(3);
    }
    expect(search({ text: "poradna" }, "cs").items[0]!.name.text.toLowerCase()).toContain("poradn");
  });

  it("finds 'Đà Nẵng' when typed 'da nang'", () => {
    const [service] = db.select({ id: t.service.id }).from(t.service).limit(1).all();
    db.update(t.service).set({ name: "Tư vấn gia đình Đà Nẵng" }).where(eq(t.service.id, service!.id)).run();
    reindexServices(db, [service!.id]);
    const outcome = search({ text: "da nang" }, "en");
    expect(outcome.items.map((item) => item.id)).toContain(service!.id);
  });

  it("treats FTS syntax and hostile input as words, never failing", () => {
    for (const text of ['"', "*", "AND(", "NEAR", "NEAR(a b)", "a OR b", "'; DROP TABLE service; --", "<script>alert(1)</script>", "x".repeat(10_000), "🙂"]) {
      expect(() => search({ text }), text).not.toThrow();
    }
    expect(search({ text: '"' }).total).toBe(0);
    expect(db.select({ id: t.service.id }).from(t.service).all().length).toBeGreaterThan(190);
  });
});

describe("filters", () => {
  it("keeps only services for the chosen need", () => {
    const outcome = search({ needs: ["food"] });
    expect(outcome.total).toBeGreaterThanOrEqual(9);
    for (const item of outcome.items) expect(item.needs).toContain("food");
  });

  it("keeps only free services", () => {
    const all = search({}).total;
    const free = search({ freeOnly: true });
    expect(free.total).toBeLessThan(all);
    for (const item of free.items) expect(item.free).toBe(true);
  });

  it("keeps services for the child's age", () => {
    const rows = db.select({ id: t.service.id, min: t.service.minimum_age, max: t.service.maximum_age }).from(t.service).all();
    const fits = (age: number) => rows.filter((row) => (row.min === null || row.min <= age) && (row.max === null || row.max + 1 > age)).length;
    const statusActive = db.select({ id: t.service.id }).from(t.service).where(eq(t.service.status, "active")).all().length;
    expect(search({ age: 12 }).total).toBeLessThan(statusActive);
    expect(search({ age: 12 }).total).toBeLessThanOrEqual(fits(12));
  });

  it("keeps services that speak the language", () => {
    const outcome = search({ spokenLanguage: "vi", place: "Brno" });
    expect(outcome.total).toBeGreaterThanOrEqual(8);
    for (const item of outcome.items) expect(item.languages).toContain("vi");
  });

  it("keeps services open at the moment", () => {
    // Sunday 2026-11-22 at 03:00 in Prague: only round-the-clock or night services are open.
    const night = new Date("2026-11-22T02:00:00Z");
    const open = search({ openNow: true, place: "Brno" }, "cs", night);
    expect(open.total).toBeGreaterThan(0);
    expect(open.total).toBeLessThan(search({ place: "Brno" }, "cs", night).total);
    for (const item of open.items) expect(["open", "always-open"]).toContain(item.opening.kind);
  });
});

describe("distance from a place", () => {
  it("sorts by distance from a place name, and says how far", () => {
    const outcome = search({ place: "Long Beach" });
    expect(outcome.place.status).toBe("found");
    const distances = outcome.items.filter((item) => item.distanceKm !== null).map((item) => item.distanceKm!);
    expect(distances.length).toBeGreaterThan(5);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(outcome.radiusKm);
  });

  it("resolves a postal code and includes phone services covering it", () => {
    const outcome = search({ place: "602 00" }, "cs");
    expect(outcome.place.status).toBe("found");
    expect(outcome.total).toBeGreaterThan(10);
    const all = [];
    for (let page = 1; page <= Math.ceil(outcome.total / 20); page++) all.push(...search({ place: "602 00", page }, "cs").items);
    expect(all.some((item) => item.coversPlace)).toBe(true);
  });

  it("finds Phú Tân without diacritics", () => {
    const outcome = search({ place: "phu tan" }, "vi");
    expect(outcome.place.status).toBe("found");
    expect(outcome.total).toBeGreaterThanOrEqual(15);
    const first = outcome.items[0]!;
    expect(distanceKm(first.locations[0]!, outcome.place.status === "found" ? outcome.place.place : first.locations[0]!)).toBeLessThan(10);
  });

  it("explains an unknown place with suggestions", () => {
    const outcome = search({ place: "Brnoo" });
    expect(outcome.place.status).toBe("not-found");
    if (outcome.place.status === "not-found") expect(outcome.place.suggestions.map((place) => place.name)).toContain("Brno");
    expect(outcome.total).toBeGreaterThan(0);
  });
});

describe("search loader", () => {
  it("answers malformed parameters with notices and results, not an error", async () => {
    const data = await load(`/en/search?q=food&age=-3&need=nope&page=abc&language=${"x".repeat(50)}`);
    expect(data.notices.sort()).toEqual(["age-invalid", "language-invalid", "need-unknown", "page-invalid"]);
    expect(data.outcome.total).toBeGreaterThan(0);
  });

  it("paginates", async () => {
    const first = await load("/en/search");
    const second = await load("/en/search?page=2");
    expect(first.outcome.pageCount).toBeGreaterThan(2);
    expect(first.outcome.items).toHaveLength(20);
    expect(second.outcome.items[0]!.id).not.toBe(first.outcome.items[0]!.id);
    const beyond = await load("/en/search?page=499");
    expect(beyond.outcome.items).toEqual([]);
  });

  it("names the region of the place, for its emergency numbers", async () => {
    expect((await load("/vi/search?place=Ch%C3%A2u%20%C4%90%E1%BB%91c")).region).toBe("vn-an-giang");
    expect((await load("/cs/search?place=Znojmo")).region).toBe("cz-jm");
    expect((await load("/en/search")).region).toBeNull();
  });

  it("shows text in the page's language", async () => {
    const vi = await load("/vi/search?place=Brno");
    const cs = await load("/cs/search?place=Brno");
    expect(vi.outcome.items[0]!.id).toBe(cs.outcome.items[0]!.id);
    expect(vi.outcome.items[0]!.name.text).not.toBe(cs.outcome.items[0]!.name.text);
    expect(vi.outcome.items[0]!.name.fallback).toBe(false);
  });
});
