/**
 * Derived data kept beside the directory: the search index (one `service_search` row per active
 * service under an integer key, with its sites, service areas and full-text row, see
 * db/migrations/0003_search_keys.sql; and the card a list of results shows, 0005_result_cards.sql)
 * and every service's opening intervals (opening_interval).
 * Whatever writes services — seed, import, editors — calls reindexServices() afterwards, inside the
 * same transaction; so does whatever moves a location or changes its schedules.
 */
import type { Db } from "~/db.server";
import { REGIONS, isRegionCode } from "~/regions";
import { AUDIENCES_TAXONOMY_ID } from "~/taxonomy/audiences";
import { NEEDS_TAXONOMY_ID } from "~/taxonomy/needs";
import { fold } from "~/text/fold";
import { effectiveSchedule, isWeekday, weeklyIntervals, type ScheduleRow } from "./hours";

interface ScheduleDbRow {
  byday: string;
  opens_at: string;
  closes_at: string;
}

/**
 * The tokens of service_place_fts's `place` column. A site adds its 0.25° grid cell ("c…", about
 * 28 km north–south), a service area the 2° cells its box meets ("a…"). Sites or areas that would
 * need more than MAX_PLACE_CELLS cells add one catch-all token instead (`spread`, `hasarea`),
 * which every search from a place asks for, so that a chain or a nationwide hotline cannot flood
 * its row.
 */
const SITE_CELLS_PER_DEGREE = 4;
const AREA_CELLS_PER_DEGREE = 0.5;
const MAX_PLACE_CELLS = 4;
const SPREAD_TOKEN = "spread";
const AREA_TOKEN = "hasarea";
/** After reindexing this many services at once, the full-text segments are merged. */
const BULK_REINDEX = 500;

type Box = readonly [south: number, west: number, north: number, east: number];

/** The cells of the grid that meet the box, or null when there are more than `most`. */
function cellsInBox(prefix: string, perDegree: number, [south, west, north, east]: Box, most = Number.POSITIVE_INFINITY): string[] | null {
  const row = (lat: number) => Math.floor((lat + 90) * perDegree);
  const column = (lng: number) => Math.floor((lng + 180) * perDegree);
  const rows = row(north) - row(south) + 1;
  const columns = column(east) - column(west) + 1;
  if (rows > 0 && columns > 0 && rows * columns > most) return null;
  const cells: string[] = [];
  for (let r = row(south); r <= row(north); r++) {
    for (let c = column(west); c <= column(east); c++) cells.push(`${prefix}${r}x${c}`);
  }
  return cells;
}

/** The `place` tokens a search from a place asks for: sites in the box, service areas over its centre. */
export function placeTokens(box: Box, center: { lat: number; lng: number }): string[] {
  return [
    ...cellsInBox("c", SITE_CELLS_PER_DEGREE, box)!,
    SPREAD_TOKEN,
    ...cellsInBox("a", AREA_CELLS_PER_DEGREE, [center.lat, center.lng, center.lat, center.lng])!,
    AREA_TOKEN,
  ];
}

/** The `place` tokens of a service (db/migrations/0003_search_keys.sql writes the same, with `hasarea` for any area). */
function servicePlaceTokens(sites: ReadonlyArray<{ lat: number; lng: number }>, areas: readonly Box[]): string {
  const siteCells = new Set(sites.flatMap(({ lat, lng }) => cellsInBox("c", SITE_CELLS_PER_DEGREE, [lat, lng, lat, lng])!));
  const areaCells = new Set<string>();
  for (const area of areas) {
    for (const cell of cellsInBox("a", AREA_CELLS_PER_DEGREE, area, MAX_PLACE_CELLS) ?? [AREA_TOKEN]) areaCells.add(cell);
  }
  return [
    ...(siteCells.size > MAX_PLACE_CELLS ? [SPREAD_TOKEN] : siteCells),
    ...(areaCells.size > MAX_PLACE_CELLS || areaCells.has(AREA_TOKEN) ? [AREA_TOKEN] : areaCells),
  ].join(" ");
}

function toScheduleRows(rows: ScheduleDbRow[]): ScheduleRow[] {
  const out: ScheduleRow[] = [];
  for (const row of rows) {
    // HSDS allows "MO,TU,WE" in byday; each day becomes its own row.
    for (const day of row.byday.split(",")) {
      const byday = day.trim().toUpperCase();
      if (isWeekday(byday)) out.push({ byday, opensAt: row.opens_at, closesAt: row.closes_at });
    }
  }
  return out;
}

/**
 * What a list of results shows of a service, as service_search.card holds it: texts in the source
 * language with their translations ("vi name" → text), and the sites that have coordinates, in order.
 */
export interface ServiceCardRecord {
  name: string;
  description: string;
  language: string;
  organization: string;
  translations: Record<string, string>;
  phone: string | null;
  sites: Array<
    [
      id: string,
      lat: number,
      lng: number,
      name: string | null,
      city: string,
      // The physical address, all null without one.
      address1: string | null,
      address2: string | null,
      postalCode: string | null,
      stateProvince: string | null,
      country: string | null,
    ]
  >;
}

/** service_search.needs or .languages (" cs vi ", padded so a code can be found with its spaces) as a list: ["cs", "vi"]. */
export const paddedCodes = (padded: string): string[] => padded.split(" ").filter(Boolean);

/** service_search.hours ("zone start end;…", weekly minutes in the zone's local time) as intervals, in the order written. */
export function parseHours(hours: string): Array<{ zone: string; start: number; end: number }> {
  if (!hours) return [];
  return hours.split(";").map((interval) => {
    const [zone, start, end] = interval.split(" ");
    return { zone: zone!, start: Number(start), end: Number(end) };
  });
}

export function reindexServices(db: Db, serviceIds: readonly string[]): void {
  const sqlite = db.$client;
  const getService = sqlite.prepare<[string], { id: string; name: string; description: string; status: string; region: string; organization: string }>(
    `SELECT s.id, s.name, s.description, s.status, s.region, o.name AS organization
       FROM service s JOIN organization o ON o.id = s.organization_id WHERE s.id = ?`,
  );
  const getTranslations = sqlite.prepare<[string, string], { field: string; value: string }>(
    `SELECT field, value FROM translation WHERE entity = ? AND entity_id = ? AND field IN ('name', 'description')`,
  );
  const getKey = sqlite.prepare<[string], number>(`SELECT key FROM service_search WHERE service_id = ?`).pluck();
  // Its trigger also removes the service's full-text row, sites and areas.
  const deleteSearch = sqlite.prepare<[string]>(`DELETE FROM service_search WHERE service_id = ?`);
  const insertSearch = sqlite.prepare<[number | null, string, string, string, string]>(
    `INSERT INTO service_search (key, service_id, name, minimum_age, maximum_age, free, needs, languages, hours,
                                organization_id, region, interpretation, assured_date, audience, card)
     SELECT ?, s.id, s.name, s.minimum_age, s.maximum_age,
            EXISTS (SELECT 1 FROM cost_option c WHERE c.service_id = s.id AND c.amount = 0),
            -- In the order they were recorded: the first is the service's primary need.
            ' ' || coalesce((SELECT group_concat(t.code, ' ' ORDER BY a.rowid) FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id
                              WHERE a.link_id = s.id AND t.taxonomy_id = ?), '') || ' ',
            -- In the order recorded, as a result lists them.
            ' ' || coalesce((SELECT group_concat(l.code, ' ' ORDER BY l.rowid) FROM language l WHERE l.service_id = s.id), '') || ' ',
            ?,
            s.organization_id, s.region, s.interpretation_services IS NOT NULL, s.assured_date,
            -- One sex only, or '' for everyone (also when both are named); db/migrations/0007_audiences.sql writes the same.
            coalesce((SELECT CASE WHEN count(DISTINCT t.code) = 1 THEN min(t.code) END
                        FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id
                       WHERE a.link_id = s.id AND t.taxonomy_id = ?), ''),
            -- What a list of results shows (ServiceCardRecord; db/migrations/0005_result_cards.sql and 0006_card_addresses.sql write the same).
            json_object(
              'name', s.name,
              'description', s.description,
              'language', s.source_language,
              'organization', (SELECT o.name FROM organization o WHERE o.id = s.organization_id),
              'translations', (SELECT json_group_object(tr.language || ' ' || tr.field, tr.value ORDER BY tr.rowid) FROM translation tr
                                WHERE tr.entity = 'service' AND tr.entity_id = s.id AND tr.field IN ('name', 'description')),
              'phone', (SELECT p.number FROM phone p WHERE p.service_id = s.id ORDER BY p.rowid LIMIT 1),
              'sites', (SELECT json_group_array(json_array(l.id, l.latitude, l.longitude, l.name, coalesce(a.city, ''),
                                                           a.address_1, a.address_2, a.postal_code, a.state_province, a.country) ORDER BY sal.rowid)
                          FROM service_at_location sal JOIN location l ON l.id = sal.location_id
                          LEFT JOIN address a ON a.location_id = l.id AND a.address_type = 'physical'
                         WHERE sal.service_id = s.id AND l.latitude IS NOT NULL))
       FROM service s WHERE s.id = ?`,
  );
  const insertSite = sqlite.prepare<[number | bigint, string, number, number]>(
    `INSERT INTO service_search_site (service_key, location_id, lat, lng) VALUES (?, ?, ?, ?)`,
  );
  const areasOf = sqlite
    .prepare<[string], [string, number, number, number, number]>(`SELECT name, south, west, north, east FROM service_area WHERE service_id = ? ORDER BY rowid`)
    .raw();
  const insertArea = sqlite.prepare<[number | bigint, string, number, number, number, number]>(
    `INSERT INTO service_search_area (service_key, name, south, west, north, east) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertFts = sqlite.prepare<[number | bigint, string, string, string]>(
    `INSERT INTO service_fts (rowid, name, description, organization) VALUES (?, ?, ?, ?)`,
  );
  const insertPlaceFts = sqlite.prepare<[number | bigint, string, string]>(`INSERT INTO service_place_fts (rowid, words, place) VALUES (?, ?, ?)`);
  const serviceSchedule = sqlite.prepare<[string], ScheduleDbRow>(
    `SELECT byday, opens_at, closes_at FROM schedule WHERE service_id = ? AND location_id IS NULL AND service_at_location_id IS NULL`,
  );
  const sites = sqlite.prepare<[string], { sal_id: string; location_id: string; time_zone: string; latitude: number | null; longitude: number | null }>(
    `SELECT sal.id AS sal_id, l.id AS location_id, l.time_zone, l.latitude, l.longitude FROM service_at_location sal
       JOIN location l ON l.id = sal.location_id WHERE sal.service_id = ? ORDER BY sal.rowid`,
  );
  const salSchedule = sqlite.prepare<[string], ScheduleDbRow>(
    `SELECT byday, opens_at, closes_at FROM schedule WHERE service_at_location_id = ?`,
  );
  const locationSchedule = sqlite.prepare<[string], ScheduleDbRow>(
    `SELECT byday, opens_at, closes_at FROM schedule WHERE location_id = ? AND service_id IS NULL AND service_at_location_id IS NULL`,
  );
  const deleteIntervals = sqlite.prepare<[string]>(`DELETE FROM opening_interval WHERE service_id = ?`);
  const insertInterval = sqlite.prepare<[string, string, number, number]>(
    `INSERT INTO opening_interval (service_id, time_zone, start_minute, end_minute) VALUES (?, ?, ?, ?)`,
  );

  for (const id of serviceIds) {
    // A service keeps its key while it stays active, so its full-text rowid does not move.
    const previousKey = getKey.get(id) ?? null;
    deleteSearch.run(id);
    deleteIntervals.run(id);
    const row = getService.get(id);
    if (!row) continue;
    const siteList = sites.all(id);

    const serviceRows = toScheduleRows(serviceSchedule.all(id));
    const rowsByZone = new Map<string, ScheduleRow[]>();
    for (const site of siteList) {
      const rows = effectiveSchedule(
        toScheduleRows(salSchedule.all(site.sal_id)),
        serviceRows,
        toScheduleRows(locationSchedule.all(site.location_id)),
      );
      rowsByZone.set(site.time_zone, [...(rowsByZone.get(site.time_zone) ?? []), ...rows]);
    }
    if (siteList.length === 0 && serviceRows.length > 0) {
      const zone = isRegionCode(row.region) ? REGIONS[row.region].timeZone : "UTC";
      rowsByZone.set(zone, serviceRows);
    }
    const hours: string[] = [];
    for (const [zone, rows] of rowsByZone) {
      for (const interval of weeklyIntervals(rows)) {
        insertInterval.run(id, zone, interval.start, interval.end);
        hours.push(`${zone} ${interval.start} ${interval.end}`);
      }
    }

    // Only active services are searchable, so only they are indexed.
    if (row.status !== "active") continue;
    const key = insertSearch.run(previousKey, NEEDS_TAXONOMY_ID, hours.join(";"), AUDIENCES_TAXONOMY_ID, id).lastInsertRowid;
    const points: Array<{ lat: number; lng: number }> = [];
    for (const site of siteList) {
      if (site.latitude === null || site.longitude === null) continue;
      insertSite.run(key, site.location_id, site.latitude, site.longitude);
      points.push({ lat: site.latitude, lng: site.longitude });
    }
    const areas = areasOf.all(id);
    for (const area of areas) insertArea.run(key, ...area);
    const boxes = areas.map(([, ...box]) => box);
    const names = [row.name];
    const descriptions = [row.description];
    for (const translation of getTranslations.all("service", id)) {
      (translation.field === "name" ? names : descriptions).push(translation.value);
    }
    const text = [fold(names.join(" \n ")), fold(descriptions.join(" \n ")), fold(row.organization)] as const;
    insertFts.run(key, ...text);
    insertPlaceFts.run(key, text.join(" \n "), servicePlaceTokens(points, boxes));
  }
  // Searches hold the index in memory and reload it when this changes (search-snapshot.server.ts).
  sqlite.prepare(`UPDATE search_index_version SET version = random()`).run();
  // A bulk load leaves the full-text index in many small segments; merged, every query reads less.
  if (serviceIds.length >= BULK_REINDEX) {
    sqlite.prepare(`INSERT INTO service_fts (service_fts) VALUES ('optimize')`).run();
    sqlite.prepare(`INSERT INTO service_place_fts (service_place_fts) VALUES ('optimize')`).run();
  }
}
