/**
 * Matching from the in-memory index (candidates.server.ts), checked against the simplest oracle:
 * every active service read from the directory's own tables with plain SQL, all of them matched.
 */
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/db.server";
import { reindexServices } from "~/directory/search-index.server";
import { findCandidates, matchFromIndex } from "~/matching/candidates.server";
import { DEFAULT_MATCH_OPTIONS, DEFAULT_RADIUS_KM, NO_CAR_RADIUS_KM, matchServices } from "~/matching/match";
import type { CandidateService, FamilyAnswers } from "~/matching/types";
import { isRegionCode } from "~/regions";
import { AUDIENCES, AUDIENCES_TAXONOMY_ID, audienceTermId, onlyAudience } from "~/taxonomy/audiences";
import { isNeedCode } from "~/taxonomy/needs";
import * as t from "../../db/schema";
import { FAMILIES } from "../../scripts/bench/families";
import { generateSyntheticDirectory } from "../../scripts/bench/synthetic";
import { createTestDatabase } from "../helpers/database";

/** One service as matching sees it, read from the directory's own tables. */
function referenceCandidate(db: Db, id: string): CandidateService {
  const sqlite = db.$client;
  const row = sqlite
    .prepare(
      `SELECT organization_id, status, region, minimum_age, maximum_age, interpretation_services IS NOT NULL AS interpretation, assured_date
         FROM service WHERE id = ?`,
    )
    .get(id) as { organization_id: string; status: CandidateService["status"]; region: string; minimum_age: number | null; maximum_age: number | null; interpretation: number; assured_date: string | null };
  if (!isRegionCode(row.region)) throw new Error(`no region: ${id}`);
  return {
    id,
    organizationId: row.organization_id,
    status: row.status,
    region: row.region,
    needs: (
      sqlite
        .prepare(`SELECT t.code FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id WHERE a.link_id = ? ORDER BY a.rowid`)
        .pluck()
        .all(id) as string[]
    ).filter(isNeedCode),
    minimumAge: row.minimum_age,
    maximumAge: row.maximum_age,
    languages: (sqlite.prepare(`SELECT code FROM language WHERE service_id = ?`).pluck().all(id) as string[]).sort(),
    interpretation: row.interpretation === 1,
    free: sqlite.prepare(`SELECT count(*) FROM cost_option WHERE amount = 0 AND service_id = ?`).pluck().get(id) !== 0,
    locations: sqlite
      .prepare(
        `SELECT l.id, l.latitude AS lat, l.longitude AS lng FROM service_at_location sal JOIN location l ON l.id = sal.location_id
          WHERE sal.service_id = ? AND l.latitude IS NOT NULL ORDER BY sal.rowid`,
      )
      .all(id) as CandidateService["locations"],
    serviceAreas: (sqlite.prepare(`SELECT name, south, west, north, east FROM service_area WHERE service_id = ? ORDER BY rowid`).all(id) as Array<{
      name: string;
      south: number;
      west: number;
      north: number;
      east: number;
    }>).map((area) => ({ name: area.name, extent: [area.south, area.west, area.north, area.east] })),
    openingIntervals: sqlite
      .prepare(`SELECT start_minute AS start, end_minute AS end FROM opening_interval WHERE service_id = ? ORDER BY start_minute, end_minute`)
      .all(id) as CandidateService["openingIntervals"],
    assuredDate: row.assured_date,
    audience: onlyAudience(
      sqlite
        .prepare(`SELECT DISTINCT t.code FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id WHERE a.link_id = ? AND t.taxonomy_id = ?`)
        .pluck()
        .all(id, AUDIENCES_TAXONOMY_ID) as string[],
    ),
  };
}

/** Every active service, as matching sees it, read from the directory's own tables. */
function everyService(db: Db): CandidateService[] {
  const ids = db.$client.prepare("SELECT id FROM service WHERE status = 'active' ORDER BY id").pluck().all() as string[];
  return ids.map((id) => referenceCandidate(db, id));
}

/**
 * Checks, for one family, that matching from the index gives exactly what matching every service
 * in the directory gives, and that each candidate it read equals the directory's record. Returns how
 * many candidates it needed.
 */
function expectAgreement(db: Db, everything: CandidateService[], answers: FamilyAnswers, radiusKm: number, fewSites?: number): number {
  const label = `${answers.place!.label} ${answers.needs.join(",")} ${answers.languages.join(",")} free=${answers.freeOnly} r=${radiusKm}`;
  const options = { ...DEFAULT_MATCH_OPTIONS, radiusKm };
  const { outcome, candidates } = matchFromIndex(db, answers, NOW, options, fewSites);
  expect(outcome, label).toEqual(matchServices(answers, everything, NOW, options));
  expect(new Set(candidates.map((candidate) => candidate.id)).size, label).toBe(candidates.length);
  for (const candidate of candidates) {
    expect({ ...candidate, languages: [...candidate.languages].sort() }, label).toEqual(referenceCandidate(db, candidate.id));
  }
  return candidates.length;
}

const NOW = new Date("2026-11-23T16:30:00Z");
const radiusOf = (answers: FamilyAnswers) => (answers.noCar ? NO_CAR_RADIUS_KM : DEFAULT_RADIUS_KM);

describe("matching from the index gives what matching every service gives", () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(() => ({ db, cleanup } = createTestDatabase()));
  afterAll(() => cleanup());

  it("for every benchmark family in the demo directory, with its radius, a narrow one and a wide one", () => {
    const everything = everyService(db);
    for (const family of FAMILIES) {
      for (const radius of [radiusOf(family), 3, 100]) expectAgreement(db, everything, family, radius);
    }
  });

  it("after a service stops being active, and again when it is back", () => {
    const family = FAMILIES.find((answers) => answers.place!.label === "Brno")!;
    const [first] = findCandidates(db, family, NOW, DEFAULT_RADIUS_KM);
    db.update(t.service).set({ status: "temporarily closed" }).where(eq(t.service.id, first!.id)).run();
    reindexServices(db, [first!.id]);
    try {
      expect(findCandidates(db, family, NOW, DEFAULT_RADIUS_KM).map((candidate) => candidate.id)).not.toContain(first!.id);
      expectAgreement(db, everyService(db), family, DEFAULT_RADIUS_KM);
    } finally {
      db.update(t.service).set({ status: "active" }).where(eq(t.service.id, first!.id)).run();
      reindexServices(db, [first!.id]);
    }
    expect(findCandidates(db, family, NOW, DEFAULT_RADIUS_KM).map((candidate) => candidate.id)).toContain(first!.id);
  });

  it("after a service's record changes: its candidate is read anew, not kept from before", () => {
    const family = FAMILIES.find((answers) => answers.place!.label === "Brno")!;
    const [first] = findCandidates(db, family, NOW, DEFAULT_RADIUS_KM);
    const row = db.select({ assured_date: t.service.assured_date, minimum_age: t.service.minimum_age }).from(t.service).where(eq(t.service.id, first!.id)).get()!;
    db.update(t.service).set({ assured_date: "2026-11-20", minimum_age: 0 }).where(eq(t.service.id, first!.id)).run();
    reindexServices(db, [first!.id]);
    try {
      const changed = findCandidates(db, family, NOW, DEFAULT_RADIUS_KM).find((candidate) => candidate.id === first!.id);
      expect(changed).toMatchObject({ assuredDate: "2026-11-20", minimumAge: 0 });
      expectAgreement(db, everyService(db), family, DEFAULT_RADIUS_KM);
    } finally {
      db.update(t.service).set(row).where(eq(t.service.id, first!.id)).run();
      reindexServices(db, [first!.id]);
    }
  });

  it.each([
    { migrations: ["0004_matching_index.sql"], before: "" },
    // It rewrites `languages` in their recorded order, and fills the cards; 0006 adds the sites' addresses.
    { migrations: ["0005_result_cards.sql", "0006_card_addresses.sql"], before: "UPDATE service_search SET card = '{}', languages = ' en '" },
    { migrations: ["0006_card_addresses.sql"], before: "UPDATE service_search SET card = json_set(card, '$.sites', json_array())" },
    { migrations: ["0007_audiences.sql"], before: "UPDATE service_search SET audience = ''" },
  ])("the migrations $migrations backfill exactly what reindexing writes", ({ migrations, before }) => {
    const sqlite = db.$client;
    const dump = () => ({
      services: sqlite.prepare("SELECT * FROM service_search ORDER BY key").all(),
      sites: sqlite.prepare("SELECT service_key, location_id, lat, lng FROM service_search_site ORDER BY service_key, id").all(),
      areas: sqlite.prepare("SELECT service_key, name, south, west, north, east FROM service_search_area ORDER BY service_key, id").all(),
    });
    const written = dump();
    const backfill = migrations.flatMap((migration) =>
      fs
        .readFileSync(`db/migrations/${migration}`, "utf8")
        .split("--> statement-breakpoint")
        .filter((statement) => !/ALTER TABLE/.test(statement)),
    );
    sqlite.transaction(() => {
      if (before) sqlite.exec(before);
      for (const statement of backfill) sqlite.exec(statement);
    })();
    expect(dump()).toEqual(written);
    expect(written.services.length).toBeGreaterThan(150);
    // The vocabulary comes with the schema, under the ids the code uses; the demo directory has
    // services for women only and for men only.
    for (const audience of AUDIENCES) {
      expect(sqlite.prepare("SELECT code FROM taxonomy_term WHERE id = ?").pluck().get(audienceTermId(audience))).toBe(audience);
    }
    const audiences = (written.services as Array<{ audience: string }>).map((row) => row.audience);
    expect(audiences.filter((audience) => audience === "women").length).toBeGreaterThan(5);
    expect(audiences.filter((audience) => audience === "men").length).toBeGreaterThan(5);
  });
});

describe("matching from the index in a dense directory", () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(() => {
    ({ db, cleanup } = createTestDatabase({ seed: false }));
    generateSyntheticDirectory(db, 3000);
  });
  afterAll(() => cleanup());

  it("gives what matching every service gives, from a small share of them", () => {
    const everything = everyService(db);
    const needed: number[] = [];
    for (const family of FAMILIES) {
      for (const radius of [radiusOf(family), 100]) needed.push(expectAgreement(db, everything, family, radius));
    }
    needed.sort((a, b) => a - b);
    expect(needed[needed.length >> 1]!).toBeLessThan(everything.length / 10);
  });

  it("also when every class is split by the family's languages (as large directories split them)", () => {
    const everything = everyService(db);
    for (const family of FAMILIES) {
      for (const radius of [radiusOf(family), 100]) expectAgreement(db, everything, family, radius, 0);
    }
  });
});
