/**
 * Candidate retrieval from the in-memory index, checked against the retrieval as it was first
 * written: SQL over the directory's own tables (R*Tree rings, joins, service areas ordered by
 * verification date), kept here as the oracle.
 */
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/db.server";
import { reindexServices } from "~/directory/search-index.server";
import { distanceKm } from "~/geo/distance";
import { AREA_SERVICES_PER_NEED, NEAREST_PER_NEED, findCandidates } from "~/matching/candidates.server";
import { DEFAULT_RADIUS_KM, NO_CAR_RADIUS_KM } from "~/matching/match";
import type { CandidateService, FamilyAnswers } from "~/matching/types";
import { isRegionCode } from "~/regions";
import { isNeedCode, needTermId, type NeedCode } from "~/taxonomy/needs";
import * as t from "../../db/schema";
import { FAMILIES } from "../../scripts/bench/families";
import { generateSyntheticDirectory } from "../../scripts/bench/synthetic";
import { createTestDatabase } from "../helpers/database";

/** Per need: every active service with the need and a site within the radius, nearest first; then those whose area covers the place. */
function referenceCandidateIds(db: Db, answers: FamilyAnswers, radiusKm: number): { nearest: Map<NeedCode, Array<[string, number]>>; covering: Set<string> } {
  const sqlite = db.$client;
  const place = answers.place!;
  const free = answers.freeOnly ? "AND EXISTS (SELECT 1 FROM cost_option c WHERE c.service_id = s.id AND c.amount = 0)" : "";
  const nearest = new Map<NeedCode, Array<[string, number]>>();
  const covering = new Set<string>();
  for (const need of answers.needs) {
    const sites = sqlite
      .prepare(
        `SELECT s.id, l.latitude, l.longitude FROM service s JOIN attribute a ON a.link_id = s.id AND a.taxonomy_term_id = ?
           JOIN service_at_location sal ON sal.service_id = s.id JOIN location l ON l.id = sal.location_id
          WHERE s.status = 'active' AND l.latitude IS NOT NULL ${free}`,
      )
      .raw()
      .all(needTermId(need)) as Array<[string, number, number]>;
    const best = new Map<string, number>();
    for (const [id, lat, lng] of sites) {
      const km = distanceKm(place, { lat, lng });
      if (km <= radiusKm && km < (best.get(id) ?? Number.POSITIVE_INFINITY)) best.set(id, km);
    }
    nearest.set(
      need,
      [...best].sort((a, b) => a[1] - b[1]),
    );
    const areas = sqlite
      .prepare(
        `SELECT DISTINCT s.id FROM service_area sa
           JOIN attribute a ON a.link_id = sa.service_id AND a.taxonomy_term_id = ?
           JOIN service s ON s.id = sa.service_id
          WHERE sa.south <= ? AND sa.north >= ? AND sa.west <= ? AND sa.east >= ? AND s.status = 'active' ${free}
          ORDER BY s.assured_date DESC, s.id LIMIT ?`,
      )
      .pluck()
      .all(needTermId(need), place.lat, place.lat, place.lng, place.lng, AREA_SERVICES_PER_NEED) as string[];
    for (const id of areas) covering.add(id);
  }
  return { nearest, covering };
}

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
  };
}

/** Checks findCandidates against the reference for one family; returns how many candidates it found. */
function expectAgreement(db: Db, answers: FamilyAnswers, radiusKm: number): number {
  const label = `${answers.place!.label} ${answers.needs.join(",")} free=${answers.freeOnly} r=${radiusKm}`;
  const candidates = findCandidates(db, answers, radiusKm);
  const found = new Set(candidates.map((candidate) => candidate.id));
  expect(found.size, label).toBe(candidates.length);
  const { nearest, covering } = referenceCandidateIds(db, answers, radiusKm);
  // Per need the nearest NEAREST_PER_NEED; at the cut, services exactly as far may stand in for one another.
  const required = new Set(covering);
  const allowed = new Set(covering);
  for (const ranked of nearest.values()) {
    const cutoff = ranked.length > NEAREST_PER_NEED ? ranked[NEAREST_PER_NEED - 1]![1] : Number.POSITIVE_INFINITY;
    for (const [id, km] of ranked) {
      if (km < cutoff - 1e-9) required.add(id);
      if (km <= cutoff + 1e-9) allowed.add(id);
    }
  }
  expect([...required].filter((id) => !found.has(id)), `${label}: missing`).toEqual([]);
  expect([...found].filter((id) => !allowed.has(id)), `${label}: not expected`).toEqual([]);
  for (const candidate of candidates) {
    expect({ ...candidate, languages: [...candidate.languages].sort() }, label).toEqual(referenceCandidate(db, candidate.id));
  }
  return candidates.length;
}

const radiusOf = (answers: FamilyAnswers) => (answers.noCar ? NO_CAR_RADIUS_KM : DEFAULT_RADIUS_KM);

describe("candidates from the in-memory index agree with the directory's tables", () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(() => ({ db, cleanup } = createTestDatabase()));
  afterAll(() => cleanup());

  it("for every benchmark family in the demo directory, and with wider and narrower radii", () => {
    let total = 0;
    for (const family of FAMILIES) {
      for (const radius of [radiusOf(family), 3, 100]) total += expectAgreement(db, family, radius);
    }
    expect(total).toBeGreaterThan(FAMILIES.length * 10);
  });

  it("after a service stops being active, and again when it is back", () => {
    const family = FAMILIES.find((answers) => answers.place!.label === "Brno")!;
    const [first] = findCandidates(db, family, DEFAULT_RADIUS_KM);
    db.update(t.service).set({ status: "temporarily closed" }).where(eq(t.service.id, first!.id)).run();
    reindexServices(db, [first!.id]);
    try {
      expect(findCandidates(db, family, DEFAULT_RADIUS_KM).map((candidate) => candidate.id)).not.toContain(first!.id);
      expectAgreement(db, family, DEFAULT_RADIUS_KM);
    } finally {
      db.update(t.service).set({ status: "active" }).where(eq(t.service.id, first!.id)).run();
      reindexServices(db, [first!.id]);
    }
    expect(findCandidates(db, family, DEFAULT_RADIUS_KM).map((candidate) => candidate.id)).toContain(first!.id);
  });

  it("the migration that added matching's columns backfills exactly what reindexing writes", () => {
    const sqlite = db.$client;
    const dump = () => ({
      services: sqlite.prepare("SELECT * FROM service_search ORDER BY key").all(),
      sites: sqlite.prepare("SELECT service_key, location_id, lat, lng FROM service_search_site ORDER BY service_key, id").all(),
      areas: sqlite.prepare("SELECT service_key, name, south, west, north, east FROM service_search_area ORDER BY service_key, id").all(),
    });
    const written = dump();
    const backfill = fs
      .readFileSync("db/migrations/0004_matching_index.sql", "utf8")
      .split("--> statement-breakpoint")
      .filter((statement) => !/ALTER TABLE/.test(statement));
    sqlite.transaction(() => {
      for (const statement of backfill) sqlite.exec(statement);
    })();
    expect(dump()).toEqual(written);
    expect(written.services.length).toBeGreaterThan(150);
  });
});

describe("candidates in a dense directory, where the per-need cap applies", () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(() => {
    ({ db, cleanup } = createTestDatabase({ seed: false }));
    generateSyntheticDirectory(db, 3000);
  });
  afterAll(() => cleanup());

  it("are the nearest fifty per need and the most recently verified area services", () => {
    let capped = 0;
    for (const family of FAMILIES) {
      for (const radius of [radiusOf(family), 100]) {
        expectAgreement(db, family, radius);
        const { nearest } = referenceCandidateIds(db, family, radius);
        if ([...nearest.values()].some((ranked) => ranked.length > NEAREST_PER_NEED)) capped++;
      }
    }
    expect(capped).toBeGreaterThan(FAMILIES.length / 2);
  });
});
