/**
 * Directory search: full text (FTS5), filters, and distance from a place (R*Tree), in one pass over
 * the database, then the page's services read in the reader's language.
 */
import type { Statement } from "better-sqlite3";
import type { Db } from "~/db.server";
import { boundingBox, distanceKm, type LatLng } from "~/geo/distance";
import { lookupPlace, type Place } from "~/geo/gazetteer";
import type { Language } from "~/i18n/languages";
import { REGIONS, type RegionCode } from "~/regions";
import { NEEDS_TAXONOMY_ID, isNeedCode, needTermId, type NeedCode } from "~/taxonomy/needs";
import { localWeekMinute, openingStatus, type OpeningInterval, type OpeningStatus } from "./hours";
import { buildFtsQuery, PAGE_SIZE, type SearchQuery } from "./search-query";
import { localizedField, type LocalizedText, type TranslationMap } from "./text";

/** Services farther than this from the family's place are left out. */
export const SEARCH_RADIUS_KM = 25;

export type PlaceResolution =
  | { status: "none" }
  | { status: "found"; place: Place }
  | { status: "not-found"; suggestions: Place[] };

export interface SearchResultItem {
  id: string;
  name: LocalizedText;
  organization: string;
  description: LocalizedText | null;
  needs: NeedCode[];
  free: boolean;
  languages: string[];
  /** To the nearest location, when searching from a place. */
  distanceKm: number | null;
  /** A phone or online service that covers the family's place. */
  coversPlace: boolean;
  city: string | null;
  opening: OpeningStatus;
  phone: string | null;
  locations: Array<{ id: string; lat: number; lng: number; name: string | null }>;
}

export interface SearchOutcome {
  total: number;
  page: number;
  pageCount: number;
  items: SearchResultItem[];
  place: PlaceResolution;
  radiusKm: number;
}

interface Filter {
  sql: string;
  params: unknown[];
}

const statementCache = new WeakMap<Db, Map<string, Statement<unknown[]>>>();
function prepared(db: Db, sql: string): Statement<unknown[]> {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.$client.prepare(sql)));
  return statement;
}

function filtersFor(query: SearchQuery, now: Date): Filter[] {
  const filters: Filter[] = [{ sql: "s.status = 'active'", params: [] }];
  if (query.needs.length > 0) {
    filters.push({
      sql: `s.id IN (SELECT link_id FROM attribute WHERE taxonomy_term_id IN (${query.needs.map(() => "?").join(",")}))`,
      params: query.needs.map(needTermId),
    });
  }
  if (query.spokenLanguage) {
    filters.push({ sql: "EXISTS (SELECT 1 FROM language l WHERE l.service_id = s.id AND l.code = ?)", params: [query.spokenLanguage] });
  }
  if (query.age !== null) {
    // An age range is inclusive in whole years: "0–5" serves a child of 5 years and 11 months.
    filters.push({
      sql: "(s.minimum_age IS NULL OR s.minimum_age <= ?) AND (s.maximum_age IS NULL OR s.maximum_age + 1 > ?)",
      params: [query.age, query.age],
    });
  }
  if (query.freeOnly) {
    filters.push({ sql: "EXISTS (SELECT 1 FROM cost_option c WHERE c.service_id = s.id AND c.amount = 0)", params: [] });
  }
  if (query.openNow) {
    const zones = [...new Set(Object.values(REGIONS).map((region) => region.timeZone))];
    const minutes = zones.map((zone) => localWeekMinute(now, zone));
    filters.push({
      sql: `EXISTS (SELECT 1 FROM opening_interval oi WHERE oi.service_id = s.id AND (${zones
        .map(() => "(oi.time_zone = ? AND oi.start_minute <= ? AND oi.end_minute > ?)")
        .join(" OR ")}))`,
      params: zones.flatMap((zone, index) => [zone, minutes[index], minutes[index]]),
    });
  }
  return filters;
}

export function resolvePlace(text: string): PlaceResolution {
  if (!text) return { status: "none" };
  const lookup = lookupPlace(text);
  if (lookup.status === "found") return { status: "found", place: lookup.place };
  if (lookup.status === "not-found") return { status: "not-found", suggestions: lookup.suggestions };
  return { status: "none" };
}

interface Ranked {
  id: string;
  distanceKm: number | null;
  coversPlace: boolean;
}

/** The services a search matches, as SQL pieces whose parameters come in textual order. */
interface Selection {
  /** Joined after `service s`: the full-text match, when there are words. */
  textJoin: string;
  textParams: unknown[];
  where: string;
  whereParams: unknown[];
  /** ORDER BY without a place. */
  order: string;
}

function selectionFor(query: SearchQuery, now: Date): Selection | "no-words" {
  const filters = filtersFor(query, now);
  const where = filters.map((filter) => filter.sql).join(" AND ");
  const whereParams = filters.flatMap((filter) => filter.params);
  if (!query.text) return { textJoin: "", textParams: [], where, whereParams, order: "s.name COLLATE NOCASE, s.id" };
  const match = buildFtsQuery(query.text);
  if (!match) return "no-words";
  return {
    // Name hits weigh most, then the organization, then the description (bm25: lower is better).
    textJoin: `JOIN (SELECT service_id, bm25(service_fts, 0, 10.0, 1.0, 4.0) AS rank FROM service_fts WHERE service_fts MATCH ?) f
                 ON f.service_id = s.id`,
    textParams: [match],
    where,
    whereParams,
    order: "f.rank, s.id",
  };
}

/** Services within the radius of a place (nearest first), then phone and online services covering it. */
function rankByDistance(db: Db, selection: Selection, center: LatLng, radiusKm: number): Ranked[] {
  const [south, west, north, east] = boundingBox(center, radiusKm);
  const nearby = prepared(
    db,
    `SELECT s.id, r.min_lat, r.min_lng FROM location_rtree r
       JOIN service_at_location sal ON sal.location_id = r.location_id
       JOIN service s ON s.id = sal.service_id ${selection.textJoin}
      WHERE r.min_lat >= ? AND r.max_lat <= ? AND r.min_lng >= ? AND r.max_lng <= ? AND ${selection.where}`,
  )
    .raw()
    .all(...selection.textParams, south, north, west, east, ...selection.whereParams) as Array<[string, number, number]>;

  const nearest = new Map<string, number>();
  for (const [id, lat, lng] of nearby) {
    const km = distanceKm(center, { lat, lng });
    if (km > radiusKm) continue;
    const known = nearest.get(id);
    if (known === undefined || km < known) nearest.set(id, km);
  }
  const ranked: Ranked[] = [...nearest]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .map(([id, km]) => ({ id, distanceKm: km, coversPlace: false }));

  const covering = prepared(
    db,
    `SELECT DISTINCT s.id FROM service_area a JOIN service s ON s.id = a.service_id ${selection.textJoin}
      WHERE a.south <= ? AND a.north >= ? AND a.west <= ? AND a.east >= ? AND ${selection.where}
      ORDER BY ${selection.order}`,
  )
    .pluck()
    .all(...selection.textParams, center.lat, center.lat, center.lng, center.lng, ...selection.whereParams) as string[];
  for (const id of covering) {
    if (!nearest.has(id)) ranked.push({ id, distanceKm: null, coversPlace: true });
  }
  return ranked;
}

function rankWithoutPlace(db: Db, selection: Selection, page: number): { total: number; ranked: Ranked[] } {
  const from = `service s ${selection.textJoin}`;
  const total = prepared(db, `SELECT count(*) FROM ${from} WHERE ${selection.where}`)
    .pluck()
    .get(...selection.textParams, ...selection.whereParams) as number;
  const ids = prepared(db, `SELECT s.id FROM ${from} WHERE ${selection.where} ORDER BY ${selection.order} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...selection.textParams, ...selection.whereParams, PAGE_SIZE, (page - 1) * PAGE_SIZE) as string[];
  return { total, ranked: ids.map((id) => ({ id, distanceKm: null, coversPlace: false })) };
}

export function searchServices(db: Db, query: SearchQuery, language: Language, now: Date): SearchOutcome {
  const place = resolvePlace(query.place);
  const radiusKm = SEARCH_RADIUS_KM;
  const selection = selectionFor(query, now);
  if (selection === "no-words") return { total: 0, page: 1, pageCount: 0, items: [], place, radiusKm };

  let total: number;
  let pageRanked: Ranked[];
  if (place.status === "found") {
    const ranked = rankByDistance(db, selection, place.place, radiusKm);
    total = ranked.length;
    pageRanked = ranked.slice((query.page - 1) * PAGE_SIZE, query.page * PAGE_SIZE);
  } else {
    const result = rankWithoutPlace(db, selection, query.page);
    total = result.total;
    pageRanked = result.ranked;
  }
  const pageCount = Math.ceil(total / PAGE_SIZE);
  return { total, page: query.page, pageCount, items: readSummaries(db, pageRanked, language, now), place, radiusKm };
}

interface SummaryRow {
  id: string;
  name: string;
  description: string;
  source_language: string;
  region: string;
  organization: string;
}

/** The services of one page, in the reader's language, in the given order. */
export function readSummaries(db: Db, ranked: Ranked[], language: Language, now: Date): SearchResultItem[] {
  if (ranked.length === 0) return [];
  const ids = ranked.map((entry) => entry.id);
  const list = ids.map(() => "?").join(",");
  const rows = prepared(
    db,
    `SELECT s.id, s.name, s.description, s.source_language, s.region, o.name AS organization
       FROM service s JOIN organization o ON o.id = s.organization_id WHERE s.id IN (${list})`,
  ).all(...ids) as SummaryRow[];
  const translations = new Map<string, TranslationMap>();
  for (const row of prepared(
    db,
    `SELECT entity_id, language, field, value FROM translation
      WHERE entity = 'service' AND language = ? AND field IN ('name', 'description') AND entity_id IN (${list})`,
  ).all(language, ...ids) as Array<{ entity_id: string; language: string; field: string; value: string }>) {
    const byLanguage = translations.get(row.entity_id) ?? new Map();
    translations.set(row.entity_id, byLanguage);
    const fields = byLanguage.get(row.language) ?? new Map<string, string>();
    byLanguage.set(row.language, fields);
    fields.set(row.field, row.value);
  }
  const grouped = <T>(sql: string) => {
    const map = new Map<string, T[]>();
    for (const row of prepared(db, sql).raw().all(...ids) as Array<[string, T]>) {
      const values = map.get(row[0]) ?? [];
      values.push(row[1]);
      map.set(row[0], values);
    }
    return map;
  };
  const needs = grouped<string>(
    `SELECT a.link_id, t.code FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id
      WHERE t.taxonomy_id = '${NEEDS_TAXONOMY_ID}' AND a.link_id IN (${list}) ORDER BY a.rowid`,
  );
  const languages = grouped<string>(`SELECT service_id, code FROM language WHERE service_id IN (${list}) ORDER BY rowid`);
  const free = new Set(
    prepared(db, `SELECT service_id FROM cost_option WHERE amount = 0 AND service_id IN (${list})`).pluck().all(...ids) as string[],
  );
  const phones = grouped<string>(`SELECT service_id, number FROM phone WHERE service_id IN (${list}) ORDER BY rowid`);
  const intervals = new Map<string, { zone: string; list: OpeningInterval[] }>();
  for (const [id, zone, start, end] of prepared(
    db,
    `SELECT service_id, time_zone, start_minute, end_minute FROM opening_interval WHERE service_id IN (${list}) ORDER BY start_minute`,
  )
    .raw()
    .all(...ids) as Array<[string, string, number, number]>) {
    const entry = intervals.get(id) ?? { zone, list: [] };
    // A service's sites normally share one zone; the first one read decides the status shown.
    if (entry.zone === zone) entry.list.push({ start, end });
    intervals.set(id, entry);
  }
  const sites = new Map<string, Array<{ id: string; lat: number; lng: number; name: string | null; city: string }>>();
  for (const [serviceId, id, lat, lng, name, city] of prepared(
    db,
    `SELECT sal.service_id, l.id, l.latitude, l.longitude, l.name, coalesce(a.city, '')
       FROM service_at_location sal JOIN location l ON l.id = sal.location_id
       LEFT JOIN address a ON a.location_id = l.id
      WHERE sal.service_id IN (${list}) AND l.latitude IS NOT NULL ORDER BY sal.rowid`,
  )
    .raw()
    .all(...ids) as Array<[string, string, number, number, string | null, string]>) {
    const values = sites.get(serviceId) ?? [];
    values.push({ id, lat, lng, name, city });
    sites.set(serviceId, values);
  }

  const byId = new Map(rows.map((row) => [row.id, row]));
  const items: SearchResultItem[] = [];
  for (const entry of ranked) {
    const row = byId.get(entry.id);
    if (!row) continue;
    const serviceTranslations = translations.get(row.id);
    const serviceSites = sites.get(row.id) ?? [];
    const opening = intervals.get(row.id);
    items.push({
      id: row.id,
      name: localizedField(row.name, row.source_language, "name", serviceTranslations, language)!,
      organization: row.organization,
      description: localizedField(row.description, row.source_language, "description", serviceTranslations, language),
      needs: (needs.get(row.id) ?? []).filter(isNeedCode),
      free: free.has(row.id),
      languages: languages.get(row.id) ?? [],
      distanceKm: entry.distanceKm,
      coversPlace: entry.coversPlace,
      city: serviceSites[0]?.city || null,
      opening: opening ? openingStatus(opening.list, now, opening.zone) : { kind: "no-hours" },
      phone: phones.get(row.id)?.[0] ?? null,
      locations: serviceSites.map(({ id, lat, lng, name }) => ({ id, lat, lng, name })),
    });
  }
  return items;
}

export function regionOfPlace(place: PlaceResolution): RegionCode | null {
  return place.status === "found" ? place.place.region : null;
}
