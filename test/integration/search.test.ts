import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/db.server";
import { localWeekMinute, openingStatus, weekLines } from "~/directory/hours";
import { localizedField, type TranslationMap } from "~/directory/text";
import { reindexServices } from "~/directory/search-index.server";
import { buildFtsQuery, EMPTY_SEARCH, PAGE_SIZE, type SearchQuery } from "~/directory/search-query";
import { RANKED_MATCH_CAP, SEARCH_RADIUS_KM, readSummaries, resolvePlace, searchServices, type SearchResultItem } from "~/directory/search.server";
import { formatAddress } from "~/directory/address";
import { loader as searchLoader } from "~/routes/search";
import { distanceKm } from "~/geo/distance";
import { REGIONS } from "~/regions";
import { onlyAudience } from "~/taxonomy/audiences";
import { needTermId } from "~/taxonomy/needs";
import * as t from "../../db/schema";
import { generateSyntheticDirectory } from "../../scripts/bench/synthetic";
import { createTestDatabase } from "../helpers/database";
import { routeArgs } from "../helpers/route-args";
import { stableUuid } from "../../db/seed/stable-id";

let db: Db;
let cleanup: () => void;
beforeAll(() => ({ db, cleanup } = createTestDatabase()));
afterAll(() => cleanup());

const search = (changes: Partial<SearchQuery>, language: "vi" | "en" | "cs" = "en", now = new Date()) =>
  searchServices(db, { ...EMPTY_SEARCH, ...changes }, language, now);

function answer(url: string) {
  const request = new Request(`http://localhost${url}`);
  const lang = new URL(request.url).pathname.split("/")[1]!;
  return searchLoader(routeArgs(request, { lang }, db));
}

/** The page's data; a redirect fails the test. */
async function load(url: string) {
  const result = await answer(url);
  if (result instanceof Response) throw new Error(`${url} redirected to ${result.headers.get("Location")}`);
  return result;
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
  it("says a town beyond the regions is outside them, and still lists services without distances", () => {
    const outcome = search({ place: "Praha" });
    expect(outcome.place).toEqual({ status: "outside" });
    expect(outcome.items.length).toBeGreaterThan(0);
    expect(outcome.items.every((item) => item.distanceKm === null)).toBe(true);
  });

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

  it("leaves out a service nearby that serves only its own areas, elsewhere; with words too", () => {
    // Child-protection officers of Phú Tân's communes (their listed areas), 6 to 25 km from Châu Đốc.
    const officers = ["service:ag-003", "service:ag-004"].map(stableUuid);
    const idsNear = (place: string, text = "") => {
      const first = search({ place, text, needs: ["child-protection"] }, "vi");
      return Array.from({ length: Math.ceil(first.total / PAGE_SIZE) }, (_, n) => search({ place, text, needs: ["child-protection"], page: n + 1 }, "vi").items).flat().map((item) => item.id);
    };
    for (const text of ["", "trẻ em"]) {
      expect(idsNear("Phú Thạnh", text), text).toContain(officers[0]);
      expect(idsNear("Phú Long", text), text).toContain(officers[1]);
      const chauDoc = idsNear("Châu Đốc", text);
      expect(chauDoc.length, text).toBeGreaterThan(0);
      for (const id of officers) expect(chauDoc, text).not.toContain(id);
    }
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

  it("sets aside a language no service speaks, and says so, rather than finding nothing without a word", async () => {
    const all = await load("/cs/search?q=poradna");
    for (const code of ["xx", "fr"]) {
      const data = await load(`/cs/search?q=poradna&language=${code}`);
      expect(data.notices, code).toEqual(["language-invalid"]);
      expect(data.query.spokenLanguage, code).toBeNull();
      expect(data.outcome.total, code).toBe(all.outcome.total);
    }
    // A language the directory has still filters.
    const vietnamese = await load("/cs/search?q=poradna&language=vi");
    expect(vietnamese.notices).toEqual([]);
    expect(vietnamese.query.spokenLanguage).toBe("vi");
    expect(vietnamese.outcome.total).toBeGreaterThan(0);
    expect(vietnamese.outcome.total).toBeLessThan(all.outcome.total);
  });

  it("paginates", async () => {
    const first = await load("/en/search");
    const second = await load("/en/search?page=2");
    expect(first.outcome.pageCount).toBeGreaterThan(2);
    expect(first.outcome.items).toHaveLength(20);
    expect(second.outcome.items[0]!.id).not.toBe(first.outcome.items[0]!.id);
    // Past the last page, the last page, with the rest of the query kept.
    const beyond = (await answer("/en/search?q=poradna&page=499")) as Response;
    const last = await load("/en/search?q=poradna");
    expect(beyond.status).toBe(302);
    expect(beyond.headers.get("Location")).toBe(`/en/search?q=poradna&page=${last.outcome.pageCount}`);
    expect((await load(`/en/search?q=poradna&page=${last.outcome.pageCount}`)).outcome.items.length).toBeGreaterThan(0);
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

/**
 * The search as it was first written (filters as subqueries on the directory's own tables, every
 * distance computed, everything sorted), kept here as the oracle the indexed search must agree with.
 */
function referenceSearch(db: Db, query: SearchQuery, now: Date): Array<{ id: string; distanceKm: number | null; coversPlace: boolean }> {
  const sqlite = db.$client;
  const conditions = ["s.status = 'active'"];
  const params: unknown[] = [];
  if (query.needs.length > 0) {
    conditions.push(`s.id IN (SELECT link_id FROM attribute WHERE taxonomy_term_id IN (${query.needs.map(() => "?").join(",")}))`);
    params.push(...query.needs.map(needTermId));
  }
  if (query.spokenLanguage) {
    conditions.push("EXISTS (SELECT 1 FROM language l WHERE l.service_id = s.id AND l.code = ?)");
    params.push(query.spokenLanguage);
  }
  if (query.age !== null) {
    conditions.push("(s.minimum_age IS NULL OR s.minimum_age <= ?) AND (s.maximum_age IS NULL OR s.maximum_age + 1 > ?)");
    params.push(query.age, query.age);
  }
  if (query.freeOnly) conditions.push("EXISTS (SELECT 1 FROM cost_option c WHERE c.service_id = s.id AND c.amount = 0)");
  if (query.openNow) {
    const zones = [...new Set(Object.values(REGIONS).map((region) => region.timeZone))];
    conditions.push(
      `EXISTS (SELECT 1 FROM opening_interval oi WHERE oi.service_id = s.id AND (${zones.map(() => "(oi.time_zone = ? AND oi.start_minute <= ? AND oi.end_minute > ?)").join(" OR ")}))`,
    );
    for (const zone of zones) params.push(zone, localWeekMinute(now, zone), localWeekMinute(now, zone));
  }
  const services = sqlite.prepare(`SELECT s.id, s.name FROM service s WHERE ${conditions.join(" AND ")}`).raw().all(...params) as Array<[string, string]>;
  const words = query.text ? buildFtsQuery(query.text) : null;
  if (query.text && !words) return [];
  const rank = new Map<string, number>();
  if (words) {
    for (const [id, score] of sqlite
      .prepare(
        `SELECT x.service_id, bm25(service_fts, 10.0, 1.0, 4.0) FROM service_fts f JOIN service_search x ON x.key = f.rowid
          WHERE service_fts MATCH ?`,
      )
      .raw()
      .all(words) as Array<[string, number]>) {
      rank.set(id, score);
    }
  }
  const matching = services.filter(([id]) => !words || rank.has(id));
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const nocase = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  const byOrder = ([a, nameA]: [string, string], [b, nameB]: [string, string]) =>
    words ? rank.get(a)! - rank.get(b)! || byId(a, b) : byId(nocase(nameA), nocase(nameB)) || byId(a, b);

  const place = resolvePlace(query.place);
  if (place.status !== "found") return matching.sort(byOrder).map(([id]) => ({ id, distanceKm: null, coversPlace: false }));
  const center = place.place;
  const nearest = new Map<string, number>();
  for (const [id, lat, lng] of sqlite
    .prepare(
      `SELECT sal.service_id, l.latitude, l.longitude FROM service_at_location sal JOIN location l ON l.id = sal.location_id
        WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL`,
    )
    .raw()
    .all() as Array<[string, number, number]>) {
    const km = distanceKm(center, { lat, lng });
    if (km <= SEARCH_RADIUS_KM && km < (nearest.get(id) ?? Number.POSITIVE_INFINITY)) nearest.set(id, km);
  }
  const covering = new Set(
    sqlite
      .prepare("SELECT service_id FROM service_area WHERE south <= ? AND north >= ? AND west <= ? AND east >= ?")
      .pluck()
      .all(center.lat, center.lat, center.lng, center.lng) as string[],
  );
  // A service that lists its areas serves no one outside them, however near its sites.
  const listsAreas = new Set(sqlite.prepare("SELECT DISTINCT service_id FROM service_area").pluck().all() as string[]);
  const located = matching
    .filter(([id]) => nearest.has(id) && (!listsAreas.has(id) || covering.has(id)))
    .map(([id]) => ({ id, distanceKm: nearest.get(id)!, coversPlace: false }))
    .sort((a, b) => a.distanceKm - b.distanceKm || byId(a.id, b.id));
  const covers = matching
    .filter(([id]) => !nearest.has(id) && covering.has(id))
    .sort(byOrder)
    .map(([id]) => ({ id, distanceKm: null, coversPlace: true }));
  return [...located, ...covers];
}

function everyPage(db: Db, query: SearchQuery, now: Date) {
  const first = searchServices(db, query, "en", now);
  const items = [...first.items];
  for (let page = 2; page <= first.pageCount; page++) items.push(...searchServices(db, { ...query, page }, "en", now).items);
  return { outcome: first, items };
}

describe("the indexed search agrees with the reference search", () => {
  const now = new Date("2026-11-23T16:30:00Z");
  const queries: Array<Partial<SearchQuery>> = [
    {},
    { needs: ["food"] },
    { needs: ["parenting", "fathers"], freeOnly: true },
    { spokenLanguage: "vi" },
    { age: 3 },
    { age: 12, freeOnly: true },
    { openNow: true },
    { text: "tu van" },
    { text: "poradna" },
    { text: "family" },
    { text: "đăng ký" },
    { text: "help", needs: ["food"] },
    { text: "support", openNow: true, spokenLanguage: "en" },
    { place: "Brno" },
    { place: "Long Beach" },
    { place: "602 00" },
    { place: "Châu Đốc", needs: ["child-health", "pregnancy"] },
    { place: "Pomona", openNow: true },
    { place: "Brno", text: "poradna" },
    { place: "Long Beach", text: "food", freeOnly: true },
    { place: "Long Xuyên", text: "tu van", age: 2 },
  ];
  for (const changes of queries) {
    it(JSON.stringify(changes), () => {
      const query = { ...EMPTY_SEARCH, ...changes };
      const expected = referenceSearch(db, query, now);
      const { outcome, items } = everyPage(db, query, now);
      expect(outcome.totalIsCapped).toBe(false);
      expect(outcome.total).toBe(expected.length);
      expect(items.map((item) => item.id)).toEqual(expected.map((entry) => entry.id));
      expect(items.map((item) => item.coversPlace)).toEqual(expected.map((entry) => entry.coversPlace));
      items.forEach((item, index) => {
        const km = expected[index]!.distanceKm;
        if (km === null) expect(item.distanceKm).toBeNull();
        else expect(item.distanceKm).toBeCloseTo(km, 6);
      });
    });
  }
  it("has cases that find something", () => {
    expect(queries.filter((changes) => referenceSearch(db, { ...EMPTY_SEARCH, ...changes }, now).length > 0).length).toBeGreaterThan(queries.length - 2);
  });
});

describe("search index upkeep", () => {
  it("ranks the same after every service is indexed again", () => {
    const now = new Date();
    const order = () => everyPage(db, { ...EMPTY_SEARCH, text: "tu van" }, now).items.map((item) => item.id);
    const before = order();
    const ids = db.select({ id: t.service.id }).from(t.service).all().map((row) => row.id);
    reindexServices(db, ids);
    reindexServices(db, ids.slice(0, 50));
    expect(order()).toEqual(before);
  });

  it("drops a service that is no longer active, and finds it again when it is", () => {
    const [service] = db.select({ id: t.service.id, name: t.service.name }).from(t.service).where(eq(t.service.status, "active")).limit(1).all();
    const found = () => searchServices(db, { ...EMPTY_SEARCH, text: service!.name }, "en", new Date()).items.some((item) => item.id === service!.id);
    expect(found()).toBe(true);
    db.update(t.service).set({ status: "inactive" }).where(eq(t.service.id, service!.id)).run();
    reindexServices(db, [service!.id]);
    expect(found()).toBe(false);
    db.update(t.service).set({ status: "active" }).where(eq(t.service.id, service!.id)).run();
    reindexServices(db, [service!.id]);
    expect(found()).toBe(true);
  });

  it("forgets a deleted service", () => {
    const [service] = db.select({ id: t.service.id, name: t.service.name }).from(t.service).where(eq(t.service.status, "active")).limit(1).all();
    const key = db.$client.prepare("SELECT key FROM service_search WHERE service_id = ?").pluck().get(service!.id);
    const before = searchServices(db, EMPTY_SEARCH, "en", new Date()).total;
    db.delete(t.service).where(eq(t.service.id, service!.id)).run();
    expect(searchServices(db, EMPTY_SEARCH, "en", new Date()).total).toBe(before - 1);
    expect(db.$client.prepare("SELECT count(*) FROM service_search WHERE service_id = ?").pluck().get(service!.id)).toBe(0);
    expect(db.$client.prepare("SELECT count(*) FROM service_fts_docsize WHERE id = ?").pluck().get(key)).toBe(0);
    expect(db.$client.prepare("SELECT count(*) FROM service_search_site WHERE service_key = ?").pluck().get(key)).toBe(0);
  });
});

describe("words that match more than the cap", () => {
  let big: Db;
  let cleanupBig: () => void;
  beforeAll(() => {
    ({ db: big, cleanup: cleanupBig } = createTestDatabase({ seed: false }));
    generateSyntheticDirectory(big, 3000);
  }, 60_000);
  afterAll(() => cleanupBig());

  it("reports 'more than' the cap and pages through that many, all matching", () => {
    const query = { ...EMPTY_SEARCH, text: "family" };
    const first = searchServices(big, query, "en", new Date());
    expect(first.totalIsCapped).toBe(true);
    expect(first.total).toBe(RANKED_MATCH_CAP);
    expect(first.pageCount).toBe(RANKED_MATCH_CAP / PAGE_SIZE);
    const seen = new Set<string>();
    for (let page = 1; page <= first.pageCount; page++) {
      for (const item of searchServices(big, { ...query, page }, "en", new Date()).items) seen.add(item.id);
    }
    expect(seen.size).toBe(RANKED_MATCH_CAP);
    expect(searchServices(big, { ...query, page: first.pageCount + 1 }, "en", new Date()).items).toEqual([]);
    const matching = new Set(
      big.$client
        .prepare("SELECT x.service_id FROM service_fts f JOIN service_search x ON x.key = f.rowid WHERE service_fts MATCH ?")
        .pluck()
        .all('"family"*') as string[],
    );
    expect(matching.size).toBeGreaterThan(RANKED_MATCH_CAP);
    for (const id of seen) expect(matching.has(id)).toBe(true);
  });

  it("applies the filters before the cap", () => {
    const outcome = searchServices(big, { ...EMPTY_SEARCH, text: "family", needs: ["fathers"], freeOnly: true }, "en", new Date());
    for (const item of outcome.items) {
      expect(item.needs).toContain("fathers");
      expect(item.free).toBe(true);
    }
  });

  it("counts exactly once words and a place narrow the search", () => {
    const query = { ...EMPTY_SEARCH, text: "family", place: "Brno" };
    const expected = referenceSearch(big, query, new Date());
    const outcome = searchServices(big, query, "en", new Date());
    expect(outcome.totalIsCapped).toBe(false);
    expect(outcome.total).toBe(expected.length);
    expect(outcome.items.map((item) => item.id)).toEqual(expected.slice(0, PAGE_SIZE).map((entry) => entry.id));
  });
});

/** One service as a list of results shows it, read from the directory's own tables with plain SQL. */
function referenceSummary(id: string, language: "vi" | "en" | "cs", now: Date): Omit<SearchResultItem, "distanceKm" | "coversPlace"> {
  const sqlite = db.$client;
  const row = sqlite
    .prepare(`SELECT s.name, s.description, s.source_language, o.name AS organization FROM service s JOIN organization o ON o.id = s.organization_id WHERE s.id = ?`)
    .get(id) as { name: string; description: string; source_language: string; organization: string };
  const translations: TranslationMap = new Map([[language, new Map()]]);
  for (const { field, value } of sqlite
    .prepare(`SELECT field, value FROM translation WHERE entity = 'service' AND entity_id = ? AND language = ? AND field IN ('name', 'description') ORDER BY rowid`)
    .all(id, language) as Array<{ field: string; value: string }>) {
    translations.get(language)!.set(field, value);
  }
  const sites = sqlite
    .prepare(
      `SELECT l.id, l.latitude AS lat, l.longitude AS lng, l.name, coalesce(a.city, '') AS city,
              a.address_1 AS line1, a.address_2 AS line2, a.postal_code AS postalCode, a.state_province AS stateProvince, a.country
         FROM service_at_location sal JOIN location l ON l.id = sal.location_id LEFT JOIN address a ON a.location_id = l.id AND a.address_type = 'physical'
        WHERE sal.service_id = ? AND l.latitude IS NOT NULL ORDER BY sal.rowid`,
    )
    .all(id) as Array<{
    id: string;
    lat: number;
    lng: number;
    name: string | null;
    city: string;
    line1: string | null;
    line2: string | null;
    postalCode: string;
    stateProvince: string;
    country: string;
  }>;
  const first = sites[0];
  const intervals = sqlite
    .prepare(`SELECT time_zone AS zone, start_minute AS start, end_minute AS end FROM opening_interval WHERE service_id = ? ORDER BY start_minute`)
    .all(id) as Array<{ zone: string; start: number; end: number }>;
  const zone = intervals[0]?.zone;
  return {
    id,
    name: localizedField(row.name, row.source_language, "name", translations, language)!,
    organization: row.organization,
    description: localizedField(row.description, row.source_language, "description", translations, language),
    needs: sqlite
      .prepare(`SELECT t.code FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id WHERE a.link_id = ? AND t.taxonomy_id = 'family-navigator-needs' ORDER BY a.rowid`)
      .pluck()
      .all(id) as SearchResultItem["needs"],
    free: sqlite.prepare(`SELECT count(*) FROM cost_option WHERE amount = 0 AND service_id = ?`).pluck().get(id) !== 0,
    languages: sqlite.prepare(`SELECT code FROM language WHERE service_id = ? ORDER BY rowid`).pluck().all(id) as string[],
    audience: onlyAudience(
      sqlite
        .prepare(`SELECT t.code FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id WHERE a.link_id = ? AND t.taxonomy_id = 'open-eligibility-gender'`)
        .pluck()
        .all(id) as string[],
    ),
    siteId: sites[0]?.id ?? null,
    city: sites[0]?.city || null,
    address:
      first?.line1 != null
        ? formatAddress({ line: [first.line1, first.line2].filter(Boolean).join(", "), city: first.city, postalCode: first.postalCode, stateProvince: first.stateProvince, country: first.country })
        : null,
    opening: zone ? openingStatus(intervals.filter((interval) => interval.zone === zone), now, zone) : { kind: "no-hours" },
    week: zone ? weekLines(intervals.filter((interval) => interval.zone === zone)) : [],
    phone: (sqlite.prepare(`SELECT number FROM phone WHERE service_id = ? ORDER BY rowid LIMIT 1`).pluck().get(id) as string | undefined) ?? null,
    locations: sites.map(({ id: siteId, lat, lng, name }) => ({ id: siteId, lat, lng, name })),
  };
}

describe("a page's services, read from the search index", () => {
  const activeIds = () => db.$client.prepare(`SELECT id FROM service WHERE status = 'active' ORDER BY id`).pluck().all() as string[];

  it("are what the directory's own tables say, in each language, in the order asked", () => {
    const ids = activeIds();
    const now = new Date("2026-11-25T17:45:00Z");
    for (const language of ["vi", "en", "cs"] as const) {
      const ranked = [...ids].reverse().map((id, n) => ({ id, distanceKm: n % 2 ? n : null, coversPlace: n % 3 === 0 }));
      const items = readSummaries(db, ranked, language, now);
      expect(items.map((item) => item.id)).toEqual(ranked.map((entry) => entry.id));
      items.forEach((item, n) => {
        const { distanceKm, coversPlace, ...summary } = item;
        expect({ distanceKm, coversPlace }).toEqual({ distanceKm: ranked[n]!.distanceKm, coversPlace: ranked[n]!.coversPlace });
        expect(summary, `${item.id} ${language}`).toEqual(referenceSummary(item.id, language, now));
      });
    }
    // The demo directory has what each part of a summary needs, so none of them is compared empty.
    const items = readSummaries(db, ids.map((id) => ({ id, distanceKm: null, coversPlace: false })), "cs", now);
    expect(items.some((item) => item.phone && item.city && item.locations.length > 1)).toBe(true);
    expect(items.some((item) => !item.name.fallback && item.name.language === "cs" && item.description?.language === "cs")).toBe(true);
    expect(items.some((item) => item.opening.kind !== "no-hours") && items.some((item) => item.free) && items.some((item) => item.languages.length > 1)).toBe(true);
    expect(items.some((item) => item.week.length > 1)).toBe(true);
  });

  it("show a new phone number, site name, organization name and a missing translation once the service is indexed again", () => {
    const sqlite = db.$client;
    const id = sqlite.prepare(`SELECT id FROM service WHERE status = 'active' AND source_language <> 'en' ORDER BY id LIMIT 1`).pluck().get() as string;
    const now = new Date();
    const siteId = sqlite.prepare(`SELECT location_id FROM service_at_location WHERE service_id = ? ORDER BY rowid LIMIT 1`).pluck().get(id) as string;
    // Read once before: its card is now held parsed, and must not be shown as it was.
    expect(readSummaries(db, [{ id, distanceKm: null, coversPlace: false }], "en", now)).toHaveLength(1);
    sqlite.prepare(`UPDATE phone SET number = '+1 213 555 0199' WHERE service_id = ?`).run(id);
    sqlite.prepare(`UPDATE location SET name = 'Eastside room' WHERE id = ?`).run(siteId);
    sqlite.prepare(`UPDATE organization SET name = 'Renamed Family Center' WHERE id = (SELECT organization_id FROM service WHERE id = ?)`).run(id);
    sqlite.prepare(`DELETE FROM translation WHERE entity = 'service' AND entity_id = ? AND language = 'en' AND field = 'name'`).run(id);
    reindexServices(db, [id]);
    const [item] = readSummaries(db, [{ id, distanceKm: null, coversPlace: false }], "en", now);
    expect(item).toEqual({ ...referenceSummary(id, "en", now), distanceKm: null, coversPlace: false });
    expect(item!.phone).toBe("+1 213 555 0199");
    expect(item!.organization).toBe("Renamed Family Center");
    expect(item!.locations.find((site) => site.id === siteId)!.name).toBe("Eastside room");
    expect(item!.name.fallback).toBe(true);
    expect(item!.description).toMatchObject({ language: "en", fallback: false });
  });

  it("name the city of the site nearest the family's place, the one the distance is measured to", () => {
    const sites = db.$client
      .prepare(
        `SELECT sal.service_id AS serviceId, l.latitude AS lat, l.longitude AS lng, a.city FROM service_at_location sal
           JOIN location l ON l.id = sal.location_id JOIN address a ON a.location_id = l.id
          WHERE l.latitude IS NOT NULL AND sal.service_id IN (SELECT service_id FROM service_search) ORDER BY sal.service_id, sal.rowid`,
      )
      .all() as Array<{ serviceId: string; lat: number; lng: number; city: string }>;
    const [first, elsewhere] = (() => {
      for (const site of sites) {
        const other = sites.find((candidate) => candidate.serviceId === site.serviceId && candidate.city !== site.city);
        if (other) return [site, other];
      }
      throw new Error("the demo directory has a service with sites in two cities");
    })();
    const read = (near: { lat: number; lng: number } | null) => {
      const [card] = readSummaries(db, [{ id: first!.serviceId, distanceKm: null, coversPlace: false }], "en", new Date(), near);
      return { city: card!.city, site: card!.locations.find((location) => location.id === card!.siteId) };
    };
    expect(read(null)).toMatchObject({ city: first!.city, site: { lat: first!.lat, lng: first!.lng } });
    expect(read({ lat: elsewhere!.lat + 0.001, lng: elsewhere!.lng })).toMatchObject({ city: elsewhere!.city, site: { lat: elsewhere!.lat, lng: elsewhere!.lng } });
  });

  it("give their site's street address for print, from its physical address only", () => {
    const sqlite = db.$client;
    const row = sqlite
      .prepare(
        `SELECT sal.service_id AS serviceId, a.location_id AS site, a.address_1 AS line, a.city, a.postal_code AS postal, a.state_province AS state
           FROM address a JOIN service_at_location sal ON sal.location_id = a.location_id JOIN location l ON l.id = a.location_id
          WHERE a.country = 'US' AND a.address_type = 'physical' AND l.latitude IS NOT NULL ORDER BY a.rowid LIMIT 1`,
      )
      .get() as { serviceId: string; site: string; line: string; city: string; postal: string; state: string };
    const read = () => readSummaries(db, [{ id: row.serviceId, distanceKm: null, coversPlace: false }], "en", new Date(), null)[0]!;
    const card = read();
    expect(card.siteId).toBe(row.site);
    expect(card.address).toBe(`${row.line}, ${row.city}, ${row.state} ${row.postal}`);
    // A postal address is where letters go, not where a family goes.
    sqlite.prepare(`UPDATE address SET address_type = 'postal' WHERE location_id = ?`).run(row.site);
    reindexServices(db, [row.serviceId]);
    expect(read().address).toBeNull();
    sqlite.prepare(`UPDATE address SET address_type = 'physical' WHERE location_id = ?`).run(row.site);
    reindexServices(db, [row.serviceId]);
    expect(read().address).toBe(card.address);
  });

  it("leave out a service that is not (or no longer) in the index", () => {
    expect(readSummaries(db, [{ id: "no-such-service", distanceKm: null, coversPlace: false }], "en", new Date())).toEqual([]);
  });
});
