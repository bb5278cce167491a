/**
 * The candidates matching looks at, read from the database for one family. Matching itself is pure
 * (match.ts); this decides which services are worth scoring, so that the work grows far slower than
 * the directory:
 * - per need, the nearest services around the place, found by widening rings over the R*Tree until
 *   enough are in hand or the radius is reached (in a dense city the rings stay small); the score's
 *   distance decay makes services beyond the nearest fifty per need very unlikely winners;
 * - per need, the phone and online services whose service area covers the place (most recently
 *   verified first, capped);
 * all already active, serving the need and free when asked. Age, language and hours are scored
 * by matching, which sees everything it needs about each candidate.
 */
import { prepared, type Db } from "~/db.server";
import { boundingBox, distanceKm } from "~/geo/distance";
import { isNeedCode, needTermId, type NeedCode } from "~/taxonomy/needs";
import { isRegionCode } from "~/regions";
import type { OpeningInterval } from "~/directory/hours";
import type { CandidateService, FamilyAnswers } from "./types";

/** Nearest services kept per need: far more than a page shows, so the score still has room to choose. */
export const NEAREST_PER_NEED = 50;
/** Phone and online services kept per need. */
export const AREA_SERVICES_PER_NEED = 40;
const FIRST_RING_KM = 2;

/** Locations whose services are looked up in one query. */
const LOCATION_BATCH = 200;

/**
 * Per need, the nearest services within the radius. Rings widen (2, 4, 8 … km) over the R*Tree, which
 * gives locations only — cheap even where thousands lie in a box. Their services are then looked up
 * nearest location first, a batch at a time, and the search stops as soon as every need has
 * NEAREST_PER_NEED services: everything closer has been seen by then, so those are the nearest.
 */
function nearestByNeed(db: Db, answers: FamilyAnswers, radiusKm: number): Map<NeedCode, string[]> {
  const center = answers.place!;
  const freeFilter = answers.freeOnly ? "AND EXISTS (SELECT 1 FROM cost_option c WHERE c.service_id = s.id AND c.amount = 0)" : "";
  const locationsInBox = prepared(
    db,
    "SELECT location_id, min_lat, min_lng FROM location_rtree WHERE min_lat >= ? AND max_lat <= ? AND min_lng >= ? AND max_lng <= ?",
  ).raw();
  const servicesAt = prepared(
    db,
    // CROSS JOIN fixes the order: from the batch's locations outwards, whatever the statistics say.
    `SELECT sal.location_id, sal.service_id, a.taxonomy_term_id FROM json_each(?) AS batch
       CROSS JOIN service_at_location sal ON sal.location_id = batch.value
       CROSS JOIN attribute a ON a.link_id = sal.service_id
       CROSS JOIN service s ON s.id = sal.service_id
      WHERE a.taxonomy_term_id IN (SELECT value FROM json_each(?)) AND s.status = 'active' ${freeFilter}`,
  ).raw();
  const needOfTerm = new Map(answers.needs.map((need) => [needTermId(need), need]));
  const termIds = JSON.stringify([...needOfTerm.keys()]);
  const byNeed = new Map<NeedCode, Map<string, number>>(answers.needs.map((need) => [need, new Map()]));
  const enough = () => [...byNeed.values()].every((services) => services.size >= NEAREST_PER_NEED);
  const seen = new Set<string>();

  outer: for (let ring = Math.min(FIRST_RING_KM, radiusKm); ; ring = Math.min(ring * 2, radiusKm)) {
    const [south, west, north, east] = boundingBox(center, ring);
    const fresh: Array<[string, number]> = [];
    for (const [id, lat, lng] of locationsInBox.all(south, north, west, east) as Array<[string, number, number]>) {
      if (seen.has(id)) continue;
      const km = distanceKm(center, { lat, lng });
      if (km <= ring) fresh.push([id, km]);
    }
    fresh.sort((a, b) => a[1] - b[1]);
    for (let start = 0; start < fresh.length; start += LOCATION_BATCH) {
      const batch = fresh.slice(start, start + LOCATION_BATCH);
      const distance = new Map(batch);
      for (const [id] of batch) seen.add(id);
      for (const [locationId, serviceId, termId] of servicesAt.all(JSON.stringify([...distance.keys()]), termIds) as Array<[string, string, string]>) {
        const services = byNeed.get(needOfTerm.get(termId)!)!;
        const km = distance.get(locationId)!;
        const known = services.get(serviceId);
        if (known === undefined || km < known) services.set(serviceId, km);
      }
      if (enough()) break outer;
    }
    if (ring >= radiusKm) break;
  }
  return new Map(
    [...byNeed].map(([need, services]) => [
      need,
      [...services]
        .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, NEAREST_PER_NEED)
        .map(([id]) => id),
    ]),
  );
}

function coveringForNeed(db: Db, answers: FamilyAnswers, need: NeedCode): string[] {
  const { lat, lng } = answers.place!;
  const freeFilter = answers.freeOnly ? "AND EXISTS (SELECT 1 FROM cost_option c WHERE c.service_id = s.id AND c.amount = 0)" : "";
  return prepared(
    db,
    `SELECT DISTINCT s.id FROM service_area sa
       JOIN attribute a ON a.link_id = sa.service_id AND a.taxonomy_term_id = ?
       JOIN service s ON s.id = sa.service_id
      WHERE sa.south <= ? AND sa.north >= ? AND sa.west <= ? AND sa.east >= ? AND s.status = 'active' ${freeFilter}
      ORDER BY s.assured_date DESC, s.id LIMIT ?`,
  )
    .pluck()
    .all(needTermId(need), lat, lat, lng, lng, AREA_SERVICES_PER_NEED) as string[];
}

/** Everything matching needs to know about the given services. */
export function readCandidates(db: Db, ids: readonly string[]): CandidateService[] {
  if (ids.length === 0) return [];
  const json = JSON.stringify(ids);
  const inList = "(SELECT value FROM json_each(?))";
  const grouped = <T>(sql: string, map: (row: unknown[]) => T) => {
    const out = new Map<string, T[]>();
    for (const row of prepared(db, sql).raw().all(json) as unknown[][]) {
      const key = row[0] as string;
      const list = out.get(key) ?? [];
      list.push(map(row));
      out.set(key, list);
    }
    return out;
  };
  const needs = grouped(
    `SELECT a.link_id, t.code FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id WHERE a.link_id IN ${inList} ORDER BY a.rowid`,
    (row) => row[1] as string,
  );
  const languages = grouped(`SELECT service_id, code FROM language WHERE service_id IN ${inList}`, (row) => row[1] as string);
  const locations = grouped(
    `SELECT sal.service_id, l.id, l.latitude, l.longitude FROM service_at_location sal JOIN location l ON l.id = sal.location_id
      WHERE sal.service_id IN ${inList} AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL`,
    (row) => ({ id: row[1] as string, lat: row[2] as number, lng: row[3] as number }),
  );
  const areas = grouped(
    `SELECT service_id, name, south, west, north, east FROM service_area WHERE service_id IN ${inList}`,
    (row) => ({ name: row[1] as string, extent: [row[2], row[3], row[4], row[5]] as [number, number, number, number] }),
  );
  const intervals = grouped(
    `SELECT service_id, start_minute, end_minute FROM opening_interval WHERE service_id IN ${inList} ORDER BY start_minute`,
    (row): OpeningInterval => ({ start: row[1] as number, end: row[2] as number }),
  );
  const free = new Set(prepared(db, `SELECT service_id FROM cost_option WHERE amount = 0 AND service_id IN ${inList}`).pluck().all(json) as string[]);
  const rows = prepared(
    db,
    `SELECT id, organization_id, status, region, minimum_age, maximum_age, interpretation_services IS NOT NULL, assured_date
       FROM service WHERE id IN ${inList}`,
  )
    .raw()
    .all(json) as Array<[string, string, CandidateService["status"], string, number | null, number | null, number, string | null]>;

  const candidates: CandidateService[] = [];
  for (const [id, organizationId, status, region, minimumAge, maximumAge, interpretation, assuredDate] of rows) {
    if (!isRegionCode(region)) continue;
    candidates.push({
      id,
      organizationId,
      status,
      region,
      needs: (needs.get(id) ?? []).filter(isNeedCode),
      minimumAge,
      maximumAge,
      languages: languages.get(id) ?? [],
      interpretation: interpretation === 1,
      free: free.has(id),
      locations: locations.get(id) ?? [],
      serviceAreas: areas.get(id) ?? [],
      openingIntervals: intervals.get(id) ?? [],
      assuredDate,
    });
  }
  return candidates;
}

/** The services worth scoring for this family (see the module comment). Needs a place. */
export function findCandidates(db: Db, answers: FamilyAnswers, radiusKm: number): CandidateService[] {
  if (!answers.place) return [];
  const ids = new Set<string>();
  for (const nearest of nearestByNeed(db, answers, radiusKm).values()) for (const id of nearest) ids.add(id);
  for (const need of answers.needs) for (const id of coveringForNeed(db, answers, need)) ids.add(id);
  return readCandidates(db, [...ids]);
}
