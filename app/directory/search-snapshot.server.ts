/**
 * The search index in memory: what filters, distances and the browse order need for every active
 * service — and what matching needs to score it — read from service_search (and its sites and
 * areas) into typed arrays, and read again when `search_index_version` changes (reindexServices()
 * and the index's triggers change it).
 *
 * Why: at 100 000 services a search that filters, counts and sorts row by row in SQLite spends
 * about a microsecond per row on B-tree lookups and temporary sorts, tens of milliseconds per
 * query. The same work over arrays takes well under one. Words stay with FTS5, which hands over
 * integer keys. Matching searches the same data through service-classes.server.ts.
 */
import type { Db } from "~/db.server";
import { primarySubtag } from "~/i18n/languages";
import { REGIONS } from "~/regions";
import { isAudience, type Audience } from "~/taxonomy/audiences";
import { NEED_CODES, type NeedCode } from "~/taxonomy/needs";
import type { SearchQuery } from "./search-query";
import { localWeekMinute } from "./hours";
import { paddedCodes, parseHours } from "./search-index.server";

export interface SearchSnapshot {
  version: number;
  /** Active services; service `i` is the i-th in browse order (name without case, then id). */
  size: number;
  ids: string[];
  keys: Int32Array;
  /** Service index by key, or -1. */
  indexOfKey: Int32Array;
  /** NaN where the service states no limit. */
  minimumAge: Float64Array;
  maximumAge: Float64Array;
  free: Uint8Array;
  /** One bit per NEED_CODES entry. */
  needs: Uint32Array;
  /** Need codes in the service's order (the first is its primary need), space-delimited and padded. */
  needList: string[];
  /** Spoken language codes, space-delimited and padded: " cs vi ". */
  languages: string[];
  /** Their primary subtags, the same way: " cs vi " (matching compares languages by these). */
  primaryLanguages: string[];
  /** The same as bits (languageBits), for the first 32 primary subtags met; the rest only in primaryLanguages. */
  languageMask: Uint32Array;
  languageBits: Map<string, number>;
  organizationIds: string[];
  regions: string[];
  interpretation: Uint8Array;
  /** Who each service is only for: "women", "men", or null for everyone. */
  audiences: Array<Audience | null>;
  /** ISO dates, or null when the service was never assured. */
  assuredDates: Array<string | null>;
  /** service_search.hours, parsed on the first "open now" search. */
  hours: string[];
  openIntervals: OpenIntervals | null;
  /** Sites of service i: siteStart[i] … siteStart[i + 1] - 1, as unit vectors (see unitVector). */
  siteStart: Int32Array;
  /** The service index of each site. */
  siteService: Int32Array;
  /** Sites by grid cell (see gridCell), to find those near a place without reading all. */
  siteGrid: Map<number, number[]>;
  siteX: Float64Array;
  siteY: Float64Array;
  siteZ: Float64Array;
  siteLat: Float64Array;
  siteLng: Float64Array;
  siteLocationIds: string[];
  /** Service-area boxes of service i: areaStart[i] … areaStart[i + 1] - 1. */
  areaStart: Int32Array;
  /** The services that have a service area. */
  withArea: Int32Array;
  areaSouth: Float64Array;
  areaWest: Float64Array;
  areaNorth: Float64Array;
  areaEast: Float64Array;
  areaNames: string[];
}

interface OpenIntervals {
  zones: string[];
  /** Intervals of service i: start[i] … start[i + 1] - 1. */
  start: Int32Array;
  zone: Int32Array;
  from: Int32Array;
  to: Int32Array;
}

/** A point as a unit vector: the chord between two such vectors measures their great-circle distance. */
export function unitVector(lat: number, lng: number): [number, number, number] {
  const phi = (lat * Math.PI) / 180;
  const lambda = (lng * Math.PI) / 180;
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
}

/** Cells of the in-memory site grid: 0.25° (about 28 km north–south). */
const GRID_CELLS_PER_DEGREE = 4;
const gridRow = (lat: number) => Math.floor((lat + 90) * GRID_CELLS_PER_DEGREE);
const gridColumn = (lng: number) => Math.floor((lng + 180) * GRID_CELLS_PER_DEGREE);
const gridCell = (lat: number, lng: number) => gridRow(lat) * 10_000 + gridColumn(lng);

/** The sites in grid cells that meet the box [south, west, north, east]. */
export function sitesInBox(snapshot: SearchSnapshot, [south, west, north, east]: readonly [number, number, number, number]): number[][] {
  const lists: number[][] = [];
  for (let row = gridRow(south); row <= gridRow(north); row++) {
    for (let column = gridColumn(west); column <= gridColumn(east); column++) {
      const sites = snapshot.siteGrid.get(row * 10_000 + column);
      if (sites) lists.push(sites);
    }
  }
  return lists;
}

/** The squared chord between site n and the unit vector (x, y, z). */
export function siteChord2(snapshot: SearchSnapshot, n: number, x: number, y: number, z: number): number {
  const dx = snapshot.siteX[n]! - x;
  const dy = snapshot.siteY[n]! - y;
  const dz = snapshot.siteZ[n]! - z;
  return dx * dx + dy * dy + dz * dz;
}

const NEED_BIT = new Map<string, number>(NEED_CODES.map((code, index) => [code, 1 << index]));
const versionStatements = new WeakMap<Db, () => number>();
const snapshots = new WeakMap<Db, SearchSnapshot>();

/** The snapshot of the index as it is now: one small query when nothing changed. */
export function searchSnapshot(db: Db): SearchSnapshot {
  let readVersion = versionStatements.get(db);
  if (!readVersion) {
    const statement = db.$client.prepare("SELECT version FROM search_index_version").pluck();
    readVersion = () => statement.get() as number;
    versionStatements.set(db, readVersion);
  }
  const version = readVersion();
  const cached = snapshots.get(db);
  if (cached?.version === version) return cached;
  const snapshot = loadSnapshot(db, version);
  snapshots.set(db, snapshot);
  return snapshot;
}

function loadSnapshot(db: Db, version: number): SearchSnapshot {
  const sqlite = db.$client;
  const rows = sqlite
    .prepare(
      `SELECT key, service_id, minimum_age, maximum_age, free, needs, languages, hours, organization_id, region, interpretation, assured_date, audience
         FROM service_search ORDER BY name COLLATE NOCASE, service_id`,
    )
    .raw()
    .all() as Array<[number, string, number | null, number | null, number, string, string, string, string, string, number, string | null, string]>;
  const size = rows.length;
  let maxKey = 0;
  for (const row of rows) maxKey = Math.max(maxKey, row[0]);
  const snapshot: SearchSnapshot = {
    version,
    size,
    ids: new Array<string>(size),
    keys: new Int32Array(size),
    indexOfKey: new Int32Array(maxKey + 1).fill(-1),
    minimumAge: new Float64Array(size),
    maximumAge: new Float64Array(size),
    free: new Uint8Array(size),
    needs: new Uint32Array(size),
    needList: new Array<string>(size),
    languages: new Array<string>(size),
    primaryLanguages: new Array<string>(size),
    languageMask: new Uint32Array(size),
    languageBits: new Map(),
    organizationIds: new Array<string>(size),
    regions: new Array<string>(size),
    interpretation: new Uint8Array(size),
    audiences: new Array<Audience | null>(size),
    assuredDates: new Array<string | null>(size),
    hours: new Array<string>(size),
    openIntervals: null,
    siteStart: new Int32Array(size + 1),
    siteService: new Int32Array(0),
    siteGrid: new Map(),
    siteX: new Float64Array(0),
    siteY: new Float64Array(0),
    siteZ: new Float64Array(0),
    siteLat: new Float64Array(0),
    siteLng: new Float64Array(0),
    siteLocationIds: [],
    areaStart: new Int32Array(size + 1),
    withArea: new Int32Array(0),
    areaSouth: new Float64Array(0),
    areaWest: new Float64Array(0),
    areaNorth: new Float64Array(0),
    areaEast: new Float64Array(0),
    areaNames: [],
  };
  rows.forEach(([key, id, minimumAge, maximumAge, free, needs, languages, hours, organizationId, region, interpretation, assuredDate, audience], i) => {
    snapshot.ids[i] = id;
    snapshot.keys[i] = key;
    snapshot.indexOfKey[key] = i;
    snapshot.minimumAge[i] = minimumAge ?? Number.NaN;
    snapshot.maximumAge[i] = maximumAge ?? Number.NaN;
    snapshot.free[i] = free;
    let mask = 0;
    for (const code of needs.split(" ")) mask |= NEED_BIT.get(code) ?? 0;
    snapshot.needs[i] = mask;
    snapshot.needList[i] = needs;
    snapshot.languages[i] = languages;
    const primaries = paddedCodes(languages).map(primarySubtag);
    snapshot.primaryLanguages[i] = ` ${primaries.join(" ")} `;
    for (const primary of primaries) {
      let bit = snapshot.languageBits.get(primary);
      if (bit === undefined && snapshot.languageBits.size < 32) snapshot.languageBits.set(primary, (bit = 1 << snapshot.languageBits.size));
      if (bit !== undefined) snapshot.languageMask[i]! |= bit;
    }
    snapshot.hours[i] = hours;
    snapshot.organizationIds[i] = organizationId;
    snapshot.regions[i] = region;
    snapshot.interpretation[i] = interpretation;
    snapshot.assuredDates[i] = assuredDate;
    snapshot.audiences[i] = isAudience(audience) ? audience : null;
  });

  // Sites and areas, grouped by service index (a counting sort).
  // Ordered by id: the order they were written in, which is each service's order of locations.
  const sites = sqlite.prepare("SELECT service_key, lat, lng, location_id FROM service_search_site ORDER BY id").raw().all() as Array<
    [number, number, number, string]
  >;
  const siteOf = group(snapshot, sites, snapshot.siteStart);
  snapshot.siteService = new Int32Array(sites.length);
  snapshot.siteX = new Float64Array(sites.length);
  snapshot.siteY = new Float64Array(sites.length);
  snapshot.siteZ = new Float64Array(sites.length);
  snapshot.siteLat = new Float64Array(sites.length);
  snapshot.siteLng = new Float64Array(sites.length);
  snapshot.siteLocationIds = new Array<string>(sites.length);
  sites.forEach(([, lat, lng, locationId], row) => {
    const slot = siteOf[row]!;
    if (slot < 0) return;
    const [x, y, z] = unitVector(lat, lng);
    const cell = gridCell(lat, lng);
    const inCell = snapshot.siteGrid.get(cell);
    if (inCell) inCell.push(slot);
    else snapshot.siteGrid.set(cell, [slot]);
    snapshot.siteX[slot] = x;
    snapshot.siteY[slot] = y;
    snapshot.siteZ[slot] = z;
    snapshot.siteLat[slot] = lat;
    snapshot.siteLng[slot] = lng;
    snapshot.siteLocationIds[slot] = locationId;
  });
  for (let i = 0; i < size; i++) snapshot.siteService.fill(i, snapshot.siteStart[i], snapshot.siteStart[i + 1]);
  const areas = sqlite.prepare("SELECT service_key, south, west, north, east, name FROM service_search_area ORDER BY id").raw().all() as Array<
    [number, number, number, number, number, string]
  >;
  const areaOf = group(snapshot, areas, snapshot.areaStart);
  snapshot.areaSouth = new Float64Array(areas.length);
  snapshot.areaWest = new Float64Array(areas.length);
  snapshot.areaNorth = new Float64Array(areas.length);
  snapshot.areaEast = new Float64Array(areas.length);
  snapshot.areaNames = new Array<string>(areas.length);
  areas.forEach(([, south, west, north, east, name], row) => {
    const slot = areaOf[row]!;
    if (slot < 0) return;
    snapshot.areaSouth[slot] = south;
    snapshot.areaWest[slot] = west;
    snapshot.areaNorth[slot] = north;
    snapshot.areaEast[slot] = east;
    snapshot.areaNames[slot] = name;
  });
  const withArea: number[] = [];
  for (let i = 0; i < size; i++) if (snapshot.areaStart[i] !== snapshot.areaStart[i + 1]) withArea.push(i);
  snapshot.withArea = Int32Array.from(withArea);
  return snapshot;
}

/** Fills `start` (per service index) for rows whose first column is a service key; returns each row's slot. */
function group(snapshot: SearchSnapshot, rows: ReadonlyArray<readonly [number, ...unknown[]]>, start: Int32Array): Int32Array {
  const count = new Int32Array(snapshot.size);
  const owner = new Int32Array(rows.length);
  rows.forEach(([key], row) => {
    const i = key < snapshot.indexOfKey.length ? snapshot.indexOfKey[key]! : -1;
    owner[row] = i;
    if (i >= 0) count[i]!++;
  });
  for (let i = 0; i < snapshot.size; i++) start[i + 1] = start[i]! + count[i]!;
  const next = start.slice(0, snapshot.size);
  const slot = new Int32Array(rows.length);
  for (let row = 0; row < rows.length; row++) slot[row] = owner[row]! >= 0 ? next[owner[row]!]!++ : -1;
  return slot;
}

/** The service index of a key, or -1 when the key is not (or no longer) an active service. */
export function indexOfKey(snapshot: SearchSnapshot, key: number): number {
  return key >= 0 && key < snapshot.indexOfKey.length ? snapshot.indexOfKey[key]! : -1;
}

/** The search's filters as one test of a service index, or null when there are none. */
export function serviceFilter(snapshot: SearchSnapshot, query: SearchQuery, now: Date): ((i: number) => boolean) | null {
  const tests: Array<(i: number) => boolean> = [];
  if (query.needs.length > 0) {
    const mask = needMask(query.needs);
    tests.push((i) => (snapshot.needs[i]! & mask) !== 0);
  }
  if (query.spokenLanguage) {
    const code = ` ${query.spokenLanguage} `;
    tests.push((i) => snapshot.languages[i]!.includes(code));
  }
  if (query.age !== null) {
    // An age range is inclusive in whole years: "0–5" serves a child of 5 years and 11 months.
    const age = query.age;
    tests.push((i) => {
      const minimum = snapshot.minimumAge[i]!;
      const maximum = snapshot.maximumAge[i]!;
      return (Number.isNaN(minimum) || minimum <= age) && (Number.isNaN(maximum) || maximum + 1 > age);
    });
  }
  if (query.freeOnly) tests.push((i) => snapshot.free[i] === 1);
  if (query.openNow) {
    const open = openIntervals(snapshot);
    // The minute of the week in each region's zone; a service is open if one of its intervals in that zone holds it.
    const minuteByZone = new Int32Array(open.zones.length).fill(-1);
    for (const zone of new Set(Object.values(REGIONS).map((region) => region.timeZone))) {
      const index = open.zones.indexOf(zone);
      if (index >= 0) minuteByZone[index] = localWeekMinute(now, zone);
    }
    tests.push((i) => {
      for (let n = open.start[i]!; n < open.start[i + 1]!; n++) {
        const minute = minuteByZone[open.zone[n]!]!;
        if (minute >= 0 && open.from[n]! <= minute && open.to[n]! > minute) return true;
      }
      return false;
    });
  }
  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0]!;
  return (i) => tests.every((test) => test(i));
}

function openIntervals(snapshot: SearchSnapshot): OpenIntervals {
  if (snapshot.openIntervals) return snapshot.openIntervals;
  const zones: string[] = [];
  const start = new Int32Array(snapshot.size + 1);
  const zone: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < snapshot.size; i++) {
    start[i] = zone.length;
    for (const interval of parseHours(snapshot.hours[i]!)) {
      let index = zones.indexOf(interval.zone);
      if (index < 0) index = zones.push(interval.zone) - 1;
      zone.push(index);
      from.push(interval.start);
      to.push(interval.end);
    }
  }
  start[snapshot.size] = zone.length;
  snapshot.openIntervals = { zones, start, zone: Int32Array.from(zone), from: Int32Array.from(from), to: Int32Array.from(to) };
  return snapshot.openIntervals;
}

/** The squared chord from the unit vector (x, y, z) to the nearest site of service i; Infinity without sites. */
export function nearestChord2(snapshot: SearchSnapshot, i: number, x: number, y: number, z: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let n = snapshot.siteStart[i]!; n < snapshot.siteStart[i + 1]!; n++) best = Math.min(best, siteChord2(snapshot, n, x, y, z));
  return best;
}

/** Whether one of service i's service-area boxes holds the point. */
export function areaCovers(snapshot: SearchSnapshot, i: number, lat: number, lng: number): boolean {
  for (let n = snapshot.areaStart[i]!; n < snapshot.areaStart[i + 1]!; n++) {
    if (snapshot.areaSouth[n]! <= lat && snapshot.areaNorth[n]! >= lat && snapshot.areaWest[n]! <= lng && snapshot.areaEast[n]! >= lng) return true;
  }
  return false;
}

/**
 * Whether service i serves someone at the point: it lists no service areas, or one of them holds
 * it. A service that lists the areas it serves serves no one outside them, however near its door
 * (as matching holds it: app/matching/match.ts).
 */
export function servesPoint(snapshot: SearchSnapshot, i: number, lat: number, lng: number): boolean {
  return snapshot.areaStart[i] === snapshot.areaStart[i + 1] || areaCovers(snapshot, i, lat, lng);
}

/** Whether service i speaks one of these languages (primary subtags), by primary subtag. */
export function speaksAny(snapshot: SearchSnapshot, primaries: readonly string[]): (i: number) => boolean {
  let mask = 0;
  const rare: string[] = [];
  for (const primary of primaries) {
    const bit = snapshot.languageBits.get(primary);
    if (bit !== undefined) mask |= bit;
    // Not among the first 32 met: either nobody speaks it, or a string test finds who does.
    else if (snapshot.languageBits.size === 32) rare.push(` ${primary} `);
  }
  if (rare.length === 0) return (i) => (snapshot.languageMask[i]! & mask) !== 0;
  return (i) => (snapshot.languageMask[i]! & mask) !== 0 || rare.some((code) => snapshot.primaryLanguages[i]!.includes(code));
}

/** One bit per NEED_CODES entry, as in SearchSnapshot.needs. */
export function needMask(needs: readonly NeedCode[]): number {
  return needs.reduce((bits, need) => bits | (NEED_BIT.get(need) ?? 0), 0);
}
