/**
 * Directory search: words through FTS5, filters, the browse order and distances through the
 * in-memory search snapshot (search-snapshot.server.ts), then the page's services read in the
 * reader's language. Only keys cross between SQLite and JavaScript, and only a page of services
 * is read in full.
 */
import { prepared, type Db } from "~/db.server";
import { boundingBox, distanceKm, type LatLng } from "~/geo/distance";
import { lookupPlace, type Place } from "~/geo/gazetteer";
import { isAudience, type Audience } from "~/taxonomy/audiences";
import type { Language } from "~/i18n/languages";
import type { RegionCode } from "~/regions";
import { isNeedCode, type NeedCode } from "~/taxonomy/needs";
import { formatAddress } from "./address";
import { openingStatus, weekLines, type OpeningInterval, type OpeningStatus, type WeekLine } from "./hours";
import { paddedCodes, parseHours, placeTokens, type ServiceCardRecord } from "./search-index.server";
import { buildFtsQuery, PAGE_SIZE, type SearchQuery } from "./search-query";
import {
  areaCovers,
  servesPoint,
  indexOfKey,
  nearestChord2,
  searchSnapshot,
  serviceFilter,
  siteChord2,
  sitesInBox,
  unitVector,
  type SearchSnapshot,
} from "./search-snapshot.server";
import { localizedField, type LocalizedText, type TranslationMap } from "./text";

/** Services farther than this from the family's place are left out. */
export const SEARCH_RADIUS_KM = 25;
/**
 * When the words (with the filters) match more services than this, they are not ranked: bm25
 * reads every match of every word, twice, tens of milliseconds for a word found in half of 100 000
 * services. The search then lists this many matches instead, those with the exact words before
 * those found by a word's beginning ("famil" → "family"), the newest services first, and reports
 * the total as "more than" this many (SearchOutcome.totalIsCapped).
 */
export const RANKED_MATCH_CAP = 1000;
/** The sphere of ~/geo/distance, to turn chords back into kilometres. */
const EARTH_RADIUS_KM = 6371.0088;

export type PlaceResolution =
  | { status: "none" }
  | { status: "found"; place: Place }
  | { status: "not-found"; suggestions: Place[] }
  /** A town beyond the regions served. */
  | { status: "outside" };

/** What a list of services shows of each one: the results page shows this much. */
export interface ServiceCard {
  id: string;
  name: LocalizedText;
  organization: string;
  description: LocalizedText | null;
  /** The site a card names (nearest the family's place, else the first; see readSummaries), its city and street address. */
  siteId: string | null;
  city: string | null;
  address: string | null;
  opening: OpeningStatus;
  /** The week's hours, for print (where "open now" would go stale); pages put them into words (formatWeek). */
  week: WeekLine[];
  phone: string | null;
  locations: Array<{ id: string; lat: number; lng: number; name: string | null }>;
  /** Only for women or only for men; null for everyone. */
  audience: Audience | null;
}

/** A search result: its card, and what the search page shows besides. */
export interface SearchResultItem extends ServiceCard {
  needs: NeedCode[];
  free: boolean;
  languages: string[];
  /** To the nearest location, when searching from a place. */
  distanceKm: number | null;
  /** A phone or online service that covers the family's place. */
  coversPlace: boolean;
}

export interface SearchOutcome {
  /** The number of services found; when `totalIsCapped`, more than this many matched. */
  total: number;
  /** The words matched more than RANKED_MATCH_CAP services: `total` is that cap and the pages hold only those. */
  totalIsCapped: boolean;
  page: number;
  pageCount: number;
  items: SearchResultItem[];
  place: PlaceResolution;
  radiusKm: number;
}

export function resolvePlace(text: string): PlaceResolution {
  if (!text) return { status: "none" };
  const lookup = lookupPlace(text);
  if (lookup.status === "found") return { status: "found", place: lookup.place };
  if (lookup.status === "not-found") return { status: "not-found", suggestions: lookup.suggestions };
  if (lookup.status === "outside") return { status: "outside" };
  return { status: "none" };
}

interface Ranked {
  id: string;
  distanceKm: number | null;
  coversPlace: boolean;
}

interface RankedPage {
  total: number;
  totalIsCapped: boolean;
  ranked: Ranked[];
}

type Filter = ((i: number) => boolean) | null;

const listed = (snapshot: SearchSnapshot, indexes: readonly number[], offset: number): Ranked[] =>
  indexes.slice(offset, offset + PAGE_SIZE).map((i) => ({ id: snapshot.ids[i]!, distanceKm: null, coversPlace: false }));

/**
 * The keys service_fts matches, newest (highest) first, at most `limit`. The filter runs inside
 * the query, as the SQL function search_keep, so that the limit counts only services that pass it.
 */
let currentFilter: ((key: number) => boolean) | null = null;
const withKeep = new WeakSet<Db>();
function matchingKeys(db: Db, snapshot: SearchSnapshot, match: string, filter: Filter, limit: number): number[] {
  if (!withKeep.has(db)) {
    db.$client.function("search_keep", (key) => (currentFilter?.(Number(key)) ? 1 : 0));
    withKeep.add(db);
  }
  const keep = filter ? " AND search_keep(rowid)" : "";
  currentFilter = filter && ((key) => {
    const i = indexOfKey(snapshot, key);
    return i >= 0 && filter(i);
  });
  try {
    return prepared(db, `SELECT rowid FROM service_fts WHERE service_fts MATCH ?${keep} ORDER BY rowid DESC LIMIT ?`)
      .pluck()
      .all(match, limit) as number[];
  } finally {
    currentFilter = null;
  }
}

/** Every key service_place_fts matches, read as one string of digits and commas: far cheaper than a row per key. */
function allMatchingKeys(db: Db, match: string): Int32Array {
  const list = (prepared(db, `SELECT group_concat(rowid) FROM service_place_fts WHERE service_place_fts MATCH ?`).pluck().get(match) as string | null) ?? "";
  const keys = new Int32Array(list.length / 2 + 1);
  let count = 0;
  let key = -1;
  for (let n = 0; n < list.length; n++) {
    const code = list.charCodeAt(n);
    if (code === 44) {
      keys[count++] = key;
      key = -1;
    } else key = (key < 0 ? 0 : key * 10) + code - 48;
  }
  if (key >= 0) keys[count++] = key;
  return keys.subarray(0, count);
}

/** bm25 of the given keys for the words (lower is better): name hits weigh most, then the organization, then the description. */
function rankOf(db: Db, match: string, keys: readonly number[]): Map<number, number> {
  if (keys.length === 0) return new Map();
  const rows = prepared(
    db,
    `SELECT rowid, bm25(service_fts, 10.0, 1.0, 4.0) FROM service_fts
      WHERE service_fts MATCH ? AND +rowid IN (SELECT value FROM json_each(?))`,
  )
    .raw()
    .all(match, JSON.stringify(keys)) as Array<[number, number]>;
  return new Map(rows);
}

/** No words, no place: every service that passes the filters, by name. */
function browse(snapshot: SearchSnapshot, filter: Filter, offset: number): RankedPage {
  if (!filter) {
    const page = Array.from({ length: Math.max(0, Math.min(PAGE_SIZE, snapshot.size - offset)) }, (_, n) => offset + n);
    return { total: snapshot.size, totalIsCapped: false, ranked: listed(snapshot, page, 0) };
  }
  let total = 0;
  const page: number[] = [];
  for (let i = 0; i < snapshot.size; i++) {
    if (!filter(i)) continue;
    if (total >= offset && page.length < PAGE_SIZE) page.push(i);
    total++;
  }
  return { total, totalIsCapped: false, ranked: listed(snapshot, page, 0) };
}

/** Words, no place: by bm25 when at most RANKED_MATCH_CAP services match; else capped (see RANKED_MATCH_CAP). */
function rankByWords(db: Db, snapshot: SearchSnapshot, words: string, filter: Filter, offset: number): RankedPage {
  const exactWords = words.replaceAll('"*', '"');
  // Exact words first: FTS5 walks one word's list lazily, where a prefix first merges every word it begins.
  const exact = exactWords === words ? [] : matchingKeys(db, snapshot, exactWords, filter, RANKED_MATCH_CAP + 1);
  const matches = exact.length > RANKED_MATCH_CAP ? exact : matchingKeys(db, snapshot, words, filter, RANKED_MATCH_CAP + exact.length + 1);
  if (matches.length <= RANKED_MATCH_CAP) {
    const rank = rankOf(db, words, matches);
    const indexes = matches
      .map((key) => ({ i: indexOfKey(snapshot, key), rank: rank.get(key) ?? 0 }))
      .filter((entry) => entry.i >= 0)
      .sort((a, b) => a.rank - b.rank || compareIds(snapshot.ids[a.i]!, snapshot.ids[b.i]!))
      .map((entry) => entry.i);
    return { total: indexes.length, totalIsCapped: false, ranked: listed(snapshot, indexes, offset) };
  }
  const exactSet = new Set(exact);
  const kept = [...exact, ...matches.filter((key) => !exactSet.has(key))].slice(0, RANKED_MATCH_CAP);
  const indexes = kept.map((key) => indexOfKey(snapshot, key)).filter((i) => i >= 0);
  return { total: indexes.length, totalIsCapped: true, ranked: listed(snapshot, indexes, offset) };
}

/** SQLite's BINARY order of two ids, which is the old tie-break: UTF-8 bytes, here code points. */
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A place: services with a site within the radius, nearest first, then phone and online services
 * whose service area covers the place (by relevance with words, else by name). A service with a
 * site nearby that lists areas none of which covers the place is not for it (servesPoint). Counts
 * are exact.
 */
function rankByDistance(
  db: Db,
  snapshot: SearchSnapshot,
  words: string | null,
  filter: Filter,
  center: LatLng,
  radiusKm: number,
  offset: number,
): RankedPage {
  const [x, y, z] = unitVector(center.lat, center.lng);
  // Squared chord of the radius: a site is within it when its squared chord to the centre is no more.
  const chord2 = (2 * Math.sin(radiusKm / (2 * EARTH_RADIUS_KM))) ** 2;
  // Padded a little, so that float rounding at the edge cannot drop a site the chord test keeps.
  const box = boundingBox(center, radiusKm * 1.01);
  // Services with a site within the radius (service index, squared chord), and covering services.
  const nearIndex: number[] = [];
  const nearChord2: number[] = [];
  const covering: number[] = [];

  if (words) {
    // FTS5 intersects the words with the services that have a site near the place or an area over it.
    for (const key of allMatchingKeys(db, `{words} : (${words}) AND {place} : (${placeTokens(box, center).join(" OR ")})`)) {
      const i = indexOfKey(snapshot, key);
      if (i < 0 || (filter && !filter(i))) continue;
      const d2 = nearestChord2(snapshot, i, x, y, z);
      if (d2 <= chord2) {
        if (!servesPoint(snapshot, i, center.lat, center.lng)) continue;
        nearIndex.push(i);
        nearChord2.push(d2);
      } else if (areaCovers(snapshot, i, center.lat, center.lng)) covering.push(i);
    }
  } else {
    const nearest = new Float64Array(snapshot.size).fill(Number.POSITIVE_INFINITY);
    for (const sites of sitesInBox(snapshot, box)) {
      for (const n of sites) {
        const d2 = siteChord2(snapshot, n, x, y, z);
        const i = snapshot.siteService[n]!;
        if (d2 > chord2) continue;
        if (nearest[i] === Number.POSITIVE_INFINITY) nearIndex.push(i);
        if (d2 < nearest[i]!) nearest[i] = d2;
      }
    }
    let kept = 0;
    for (const i of nearIndex) {
      if ((filter && !filter(i)) || !servesPoint(snapshot, i, center.lat, center.lng)) continue;
      nearIndex[kept] = i;
      nearChord2[kept++] = nearest[i]!;
    }
    nearIndex.length = kept;
    for (const i of snapshot.withArea) {
      if (nearest[i] === Number.POSITIVE_INFINITY && areaCovers(snapshot, i, center.lat, center.lng) && (!filter || filter(i))) covering.push(i);
    }
  }

  // Only the page needs sorting: keep the services no farther than the page's last one.
  const nearTotal = nearIndex.length;
  const end = offset + PAGE_SIZE;
  const cut = nearTotal > 2 * end ? Float64Array.from(nearChord2).sort()[end - 1]! : Number.POSITIVE_INFINITY;
  const near: Array<{ i: number; d2: number }> = [];
  for (let n = 0; n < nearTotal; n++) if (nearChord2[n]! <= cut) near.push({ i: nearIndex[n]!, d2: nearChord2[n]! });
  near.sort((a, b) => a.d2 - b.d2 || compareIds(snapshot.ids[a.i]!, snapshot.ids[b.i]!));
  const ranked: Ranked[] = near.slice(offset, end).map(({ i, d2 }) => ({
    id: snapshot.ids[i]!,
    distanceKm: Math.min(radiusKm, 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(d2) / 2))),
    coversPlace: false,
  }));

  const coverOffset = Math.max(0, offset - nearTotal);
  if (ranked.length < PAGE_SIZE && coverOffset < covering.length) {
    if (words) {
      // With words, covering services go by relevance; without, by name (their index order).
      const rank = rankOf(db, words, covering.map((i) => snapshot.keys[i]!));
      const rankOfIndex = (i: number) => rank.get(snapshot.keys[i]!) ?? 0;
      covering.sort((a, b) => rankOfIndex(a) - rankOfIndex(b) || compareIds(snapshot.ids[a]!, snapshot.ids[b]!));
    } else {
      covering.sort((a, b) => a - b);
    }
    for (const i of covering.slice(coverOffset, coverOffset + PAGE_SIZE - ranked.length)) {
      ranked.push({ id: snapshot.ids[i]!, distanceKm: null, coversPlace: true });
    }
  }
  return { total: nearTotal + covering.length, totalIsCapped: false, ranked };
}

export function searchServices(db: Db, query: SearchQuery, language: Language, now: Date): SearchOutcome {
  const place = resolvePlace(query.place);
  const radiusKm = SEARCH_RADIUS_KM;
  const words = query.text ? buildFtsQuery(query.text) : null;
  if (query.text && !words) return { total: 0, totalIsCapped: false, page: 1, pageCount: 0, items: [], place, radiusKm };

  const snapshot = searchSnapshot(db);
  const filter = serviceFilter(snapshot, query, now);
  const offset = (query.page - 1) * PAGE_SIZE;
  const result =
    place.status === "found"
      ? rankByDistance(db, snapshot, words, filter, place.place, radiusKm, offset)
      : words
        ? rankByWords(db, snapshot, words, filter, offset)
        : browse(snapshot, filter, offset);
  return {
    total: result.total,
    totalIsCapped: result.totalIsCapped,
    page: query.page,
    pageCount: Math.ceil(result.total / PAGE_SIZE),
    items: readSummaries(db, result.ranked, language, now, place.status === "found" ? place.place : null),
    place,
    radiusKm,
  };
}

/** A service's search-index row, parsed: what its card shows that does not depend on the reader or the hour. */
interface ParsedSummary {
  card: ServiceCardRecord;
  translations: TranslationMap;
  needs: NeedCode[];
  free: boolean;
  languages: string[];
  audience: Audience | null;
  /** Its weekly hours in the zone that decides (see weeklyHours); null without hours. */
  hours: { zone: string; intervals: OpeningInterval[]; week: WeekLine[] } | null;
}

/**
 * Parsed rows, per snapshot of the index: a new snapshot (the directory changed) starts afresh, so
 * nothing stale is ever shown. Parsing a card's JSON and hours took a twentieth of a results page's
 * CPU. Bounded: a directory of 100 000 services must not all end up held twice in memory.
 */
const parsedSummaries = new WeakMap<SearchSnapshot, Map<string, ParsedSummary>>();
const PARSED_SUMMARIES_KEPT = 5_000;

/**
 * The services of one page, in the reader's language, in the given order: one search-index row per
 * service (its card, needs, languages, cost and hours), so a page costs at most one query however
 * the directory is spread over its tables. A card names the city of the site nearest to `near` (the
 * family's place), the one its distance is measured to; without a place, its first site's.
 */
export function readSummaries(db: Db, ranked: Ranked[], language: Language, now: Date, near: LatLng | null = null): SearchResultItem[] {
  if (ranked.length === 0) return [];
  const snapshot = searchSnapshot(db);
  let parsed = parsedSummaries.get(snapshot);
  if (!parsed || parsed.size > PARSED_SUMMARIES_KEPT) parsedSummaries.set(snapshot, (parsed = new Map()));
  const missing = ranked.map((entry) => entry.id).filter((id) => !parsed.has(id));
  if (missing.length > 0) {
    const rows = prepared(
      db,
      `SELECT service_id, card, needs, languages, free, hours, audience FROM service_search WHERE service_id IN (${missing.map(() => "?").join(",")})`,
    )
      .raw()
      .all(...missing) as Array<[string, string, string, string, number, string, string]>;
    for (const row of rows) parsed.set(row[0], parseSummary(row));
  }
  const items: SearchResultItem[] = [];
  for (const entry of ranked) {
    const summary = parsed.get(entry.id);
    if (!summary) continue;
    const { card, translations, hours } = summary;
    const site = nearestSite(card.sites, near);
    items.push({
      id: entry.id,
      name: localizedField(card.name, card.language, "name", translations, language)!,
      organization: card.organization,
      description: localizedField(card.description, card.language, "description", translations, language),
      needs: summary.needs,
      free: summary.free,
      languages: summary.languages,
      distanceKm: entry.distanceKm,
      coversPlace: entry.coversPlace,
      siteId: site?.[0] ?? null,
      city: site?.[4] || null,
      address: site ? addressOf(site) : null,
      opening: hours ? openingStatus(hours.intervals, now, hours.zone) : { kind: "no-hours" },
      week: hours?.week ?? [],
      phone: card.phone,
      locations: card.sites.map(([siteId, lat, lng, name]) => ({ id: siteId, lat, lng, name })),
      audience: summary.audience,
    });
  }
  return items;
}

function parseSummary([, cardText, needs, languages, free, hours, audience]: [string, string, string, string, number, string, string]): ParsedSummary {
  const card = JSON.parse(cardText) as ServiceCardRecord;
  const translations: TranslationMap = new Map();
  for (const [key, value] of Object.entries(card.translations)) {
    const [translationLanguage, field] = key.split(" ") as [string, string];
    const fields = translations.get(translationLanguage) ?? new Map<string, string>();
    translations.set(translationLanguage, fields.set(field, value));
  }
  return {
    card,
    translations,
    needs: paddedCodes(needs).filter(isNeedCode),
    free: free === 1,
    languages: paddedCodes(languages),
    audience: isAudience(audience) ? audience : null,
    hours: weeklyHours(hours),
  };
}

function addressOf([, , , , city, address1, address2, postalCode, stateProvince, country]: ServiceCardRecord["sites"][number]): string | null {
  if (!address1 || !country) return null;
  return formatAddress({ line: [address1, address2].filter(Boolean).join(", "), city, postalCode: postalCode ?? "", stateProvince: stateProvince ?? "", country });
}

function nearestSite<Site extends ServiceCardRecord["sites"][number]>(sites: Site[], near: LatLng | null): Site | undefined {
  if (!near) return sites[0];
  let nearest = sites[0];
  let nearestKm = Number.POSITIVE_INFINITY;
  for (const site of sites) {
    const km = distanceKm(near, { lat: site[1], lng: site[2] });
    if (km < nearestKm) [nearest, nearestKm] = [site, km];
  }
  return nearest;
}

/** The weekly hours that decide "open now" and the week: a service's sites normally share one zone, and the zone of its earliest interval decides. */
function weeklyHours(hours: string): ParsedSummary["hours"] {
  const intervals = parseHours(hours).sort((a, b) => a.start - b.start);
  if (intervals.length === 0) return null;
  const zone = intervals[0]!.zone;
  const inZone = intervals.filter((interval) => interval.zone === zone);
  return { zone, intervals: inZone, week: weekLines(inZone) };
}

export function regionOfPlace(place: PlaceResolution): RegionCode | null {
  return place.status === "found" ? place.place.region : null;
}
