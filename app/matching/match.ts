/**
 * Matching: from a family's answers and the directory's candidate services to ranked, explained
 * results, one group per need asked.
 *
 * Pure and deterministic: no I/O, no clock (the caller passes `now`), and the outcome does not depend
 * on the order of `candidates` (ties are broken by service id).
 *
 * Steps:
 * 1. Hard filters, in one pass, cheapest first: active; free when the family asked for free only;
 *    serves at least one need asked; age fits; covers the family's place (a physical location within
 *    the radius, else a service area whose extent contains the place). Without a place there is no
 *    distance filter and no distance reason.
 * 2. A base score per surviving service (distance, language, cost, hours, freshness, several needs),
 *    plus, per need group, the need fit (the need is the service's first need, or a secondary one).
 * 3. Per need: the best services for that need, at most `perNeed`, at most `perOrganization` per
 *    organization — relaxed only so that every need gets min(3, available) results. Groups rank
 *    independently; a service may appear in several. Survivors are never sorted as a whole: a heap is
 *    built in linear time and only as many services as needed are taken from it.
 * 4. Reasons for every result, in the order a family reads them.
 *
 * Speed. Step 1 has two equivalent implementations. A fresh array (e.g. candidates the caller
 * pre-filtered spatially for this request) is scanned object by object. But walking 100 000 service
 * objects and their arrays is bound by memory latency (≈ 25 ms on a small server), so a large array
 * that is matched again — a directory snapshot kept in memory — is turned into a compact column index
 * (typed arrays: flags, need bits, age bounds, coordinates, area boxes, language ids, hours, assured
 * day), kept in a WeakMap keyed by the array; `prepareCandidates` does that up front. Hence the one
 * contract: **a candidates array is an immutable snapshot** — do not change it, or the services in it,
 * after passing it in; pass a new array instead (an array whose length changed is re-indexed).
 */
import { opensEvenings, weekendDaysOpen } from "~/directory/hours";
import { boundingBox, boxContains, distanceKm, type LatLng } from "~/geo/distance";
import { NEED_CODES, type NeedCode } from "~/taxonomy/needs";
import type {
  CandidateService,
  FamilyAnswers,
  MatchedService,
  MatchOptions,
  MatchOutcome,
  MatchReason,
  NeedResults,
} from "~/matching/types";

/**
 * Every weight of the score, in one place. A result's score is the sum of:
 *
 * - need fit (per group):    the group's need is the service's first need → needPrimary,
 *                            a secondary need → needSecondary;
 *                            plus needExtra for each other need asked that the service also serves
 *                            (at most needExtraMax of them);
 * - distance:                distance × 0.5^(km / half-life) for the nearest physical location in range
 *                            (half-life shorter without a car); a service that covers the place only
 *                            through its service area gets a constant, serviceArea (serviceAreaNoCar
 *                            without a car: a phone service is worth more then) — as good as a location
 *                            about 8 km away (3 km without a car). No place → 0 for everyone;
 * - language:                speaks one of the family's languages → speaks; else interpretation →
 *                            interpretation; else 0. No languages given → 0 for everyone (neutral);
 * - cost:                    free → free;
 * - hours:                   only when the family asked for evenings or weekends: open on weekday
 *                            evenings or on a weekend day → hours;
 * - freshness:               last assured ≤ freshFullDays ago → freshness, falling linearly to 0 at
 *                            freshZeroDays; no date → 0.
 *
 * Maximum: 30 + 6 + 30 + 20 + 5 + 8 + 6 = 105.
 */
export const MATCH_WEIGHTS = {
  needPrimary: 30,
  needSecondary: 20,
  needExtra: 3,
  needExtraMax: 2,
  distance: 30,
  distanceHalfLifeKm: 5,
  distanceHalfLifeNoCarKm: 3,
  serviceArea: 10,
  serviceAreaNoCar: 15,
  speaks: 20,
  interpretation: 8,
  free: 5,
  hours: 8,
  freshness: 6,
  freshFullDays: 183,
  freshZeroDays: 730,
} as const;

export const DEFAULT_RADIUS_KM = 25;
export const NO_CAR_RADIUS_KM = 10;
/** Every need gets at least this many results when that many are available (relaxing perOrganization). */
export const MIN_RESULTS_PER_NEED = 3;
/** A service assured this recently gets a "verified" reason. */
export const VERIFIED_WITHIN_MONTHS = 12;
/** A candidates array at least this long is indexed the second time it is matched. */
export const AUTO_INDEX_MIN_CANDIDATES = 2_000;

export const DEFAULT_MATCH_OPTIONS: MatchOptions = Object.freeze({
  radiusKm: DEFAULT_RADIUS_KM,
  perNeed: 5,
  perOrganization: 2,
});

/** The search radius for this family: smaller when the family has no car. */
export function radiusFor(answers: Pick<FamilyAnswers, "noCar">): number {
  return answers.noCar ? NO_CAR_RADIUS_KM : DEFAULT_RADIUS_KM;
}

const MS_PER_DAY = 86_400_000;
const W = MATCH_WEIGHTS;

// ---------------------------------------------------------------------------------------------------
// Small shared pieces: both scans call these, so they agree to the last bit.
// ---------------------------------------------------------------------------------------------------

/** Bit i ⇔ NEED_CODES[i]. Needs outside the taxonomy have no bit and never match. */
const NEED_BIT = new Map<string, number>(NEED_CODES.map((code, i) => [code, 1 << i]));
const PREGNANCY_BIT = NEED_BIT.get("pregnancy")!;

function needMaskOf(needs: readonly string[]): number {
  let mask = 0;
  for (let i = 0; i < needs.length; i++) mask |= NEED_BIT.get(needs[i]!) ?? 0;
  return mask;
}

/** Some child's age in months is in [from, to); `childMonths` ascending. */
function childFits(childMonths: readonly number[], from: number, to: number): boolean {
  for (let i = 0; i < childMonths.length; i++) {
    const months = childMonths[i]!;
    if (months >= to) return false;
    if (months >= from) return true;
  }
  return false;
}

const ageFromMonths = (minimumAge: number | null) => (minimumAge === null ? -Infinity : minimumAge * 12);
const ageToMonths = (maximumAge: number | null) => (maximumAge === null ? Infinity : (maximumAge + 1) * 12);

function freshnessScore(assuredDay: number, today: number): number {
  const ageDays = Math.max(0, today - assuredDay);
  if (ageDays <= W.freshFullDays) return W.freshness;
  if (ageDays >= W.freshZeroDays) return 0;
  return (W.freshness * (W.freshZeroDays - ageDays)) / (W.freshZeroDays - W.freshFullDays);
}

/** Day number (days since 1970-01-01 UTC) of "YYYY-MM-DD…", or NaN when missing or malformed. */
function dayNumber(date: string | null): number {
  if (date === null || date.length < 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return NaN;
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 2);
  const day = digits(date, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return NaN;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/** The primary subtag of a BCP 47 code, lower-cased: "vi-VN" → "vi". Memoized (a pure function). */
const PRIMARY_CACHE = new Map<string, string>();
function primaryLanguage(code: string): string {
  let primary = PRIMARY_CACHE.get(code);
  if (primary === undefined) {
    const trimmed = code.trim().toLowerCase();
    const cut = trimmed.search(/[-_]/);
    primary = cut === -1 ? trimmed : trimmed.slice(0, cut);
    if (PRIMARY_CACHE.size < 10_000) PRIMARY_CACHE.set(code, primary);
  }
  return primary;
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

function wholeCount(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : fallback;
}

// ---------------------------------------------------------------------------------------------------
// The family, computed once per call.
// ---------------------------------------------------------------------------------------------------

interface Family {
  /** The needs asked, without repeats, in the order asked. */
  needs: NeedCode[];
  /** NEED_BIT of each need asked (0 for a need outside the taxonomy). */
  groupBits: number[];
  askedMask: number;
  place: LatLng | null;
  radiusKm: number;
  /** [south, west, north, east] around the place, to skip most distance computations. */
  box: [number, number, number, number] | null;
  halfLifeKm: number;
  areaScore: number;
  /** Children's ages in months, ascending, without repeats. */
  childMonths: number[];
  pregnant: boolean;
  ageFilterApplies: boolean;
  /** The family's languages as given, one per primary subtag, and those primary subtags. */
  languages: string[];
  primaries: string[];
  freeOnly: boolean;
  hoursAsked: boolean;
  today: number;
  verifiedSince: number;
}

function familyOf(answers: FamilyAnswers, now: Date, radiusKm: number): Family {
  const needs: NeedCode[] = [];
  for (const need of answers.needs) if (!needs.includes(need)) needs.push(need);
  const groupBits = needs.map((need) => NEED_BIT.get(need) ?? 0);
  const languages: string[] = [];
  const primaries: string[] = [];
  for (const language of answers.languages) {
    const primary = primaryLanguage(language);
    if (primary === "" || primaries.includes(primary)) continue;
    primaries.push(primary);
    languages.push(language.trim());
  }
  const childMonths = Array.from(new Set(answers.childAgesMonths.filter((m) => Number.isFinite(m) && m >= 0))).sort(
    (a, b) => a - b,
  );
  const place = answers.place ? { lat: answers.place.lat, lng: answers.place.lng } : null;
  return {
    needs,
    groupBits,
    askedMask: groupBits.reduce((mask, bit) => mask | bit, 0),
    place,
    radiusKm,
    box: place ? boundingBox(place, radiusKm) : null,
    halfLifeKm: answers.noCar ? W.distanceHalfLifeNoCarKm : W.distanceHalfLifeKm,
    areaScore: answers.noCar ? W.serviceAreaNoCar : W.serviceArea,
    childMonths,
    pregnant: answers.pregnant,
    ageFilterApplies: answers.pregnant || childMonths.length > 0,
    languages,
    primaries,
    freeOnly: answers.freeOnly,
    hoursAsked: answers.eveningsOrWeekends,
    today: Math.floor(now.getTime() / MS_PER_DAY),
    verifiedSince: Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - VERIFIED_WITHIN_MONTHS, now.getUTCDate()) / MS_PER_DAY,
  };
}

// ---------------------------------------------------------------------------------------------------
// Survivors of the hard filters: one slot each, as parallel arrays (no object per survivor).
// ---------------------------------------------------------------------------------------------------

const S_VIA_PREGNANCY = 1;
const S_INTERPRETATION = 2;
const S_EVENINGS = 4; // set only when the family asked for evenings or weekends
const S_SATURDAY = 8; // idem
const S_SUNDAY = 16; // idem
const S_VERIFIED = 32;

class Survivors {
  readonly candidate: number[] = [];
  readonly base: number[] = [];
  /** NEED_BIT of the service's first need. */
  readonly primary: number[] = [];
  /** Distance to the nearest location in range, or -1. */
  readonly km: number[] = [];
  /** Index of that location among the service's locations, or -1. */
  readonly location: number[] = [];
  /** Index of the service area that covers the place (when no location is in range), or -1. */
  readonly area: number[] = [];
  /** Index of the family language the service speaks, or -1. */
  readonly speaks: number[] = [];
  readonly flags: number[] = [];
  /** Slots per need asked. */
  readonly byNeed: number[][];

  constructor(private readonly family: Family) {
    this.byNeed = family.needs.map(() => []);
  }

  /** Record a survivor; computes its base score (everything but the need fit, which depends on the group). */
  add(
    candidate: number,
    matched: number,
    primary: number,
    km: number,
    location: number,
    area: number,
    speaks: number,
    interpretation: boolean,
    free: boolean,
    hoursFlags: number,
    assuredDay: number,
    viaPregnancy: boolean,
  ): void {
    const family = this.family;
    let base = W.needExtra * Math.min(popcount(matched) - 1, W.needExtraMax);
    if (km >= 0) base += W.distance * Math.pow(0.5, km / family.halfLifeKm);
    else if (area >= 0) base += family.areaScore;
    let flags = viaPregnancy ? S_VIA_PREGNANCY : 0;
    if (speaks >= 0) base += W.speaks;
    else if (interpretation && family.primaries.length > 0) {
      base += W.interpretation;
      flags |= S_INTERPRETATION;
    }
    if (free) base += W.free;
    if (family.hoursAsked && hoursFlags !== 0) {
      base += W.hours;
      flags |= hoursFlags;
    }
    if (assuredDay === assuredDay) {
      base += freshnessScore(assuredDay, family.today);
      if (assuredDay >= family.verifiedSince) flags |= S_VERIFIED;
    }

    const slot = this.candidate.length;
    this.candidate.push(candidate);
    this.base.push(base);
    this.primary.push(primary);
    this.km.push(km);
    this.location.push(location);
    this.area.push(area);
    this.speaks.push(speaks);
    this.flags.push(flags);
    const groupBits = family.groupBits;
    for (let g = 0; g < groupBits.length; g++) if ((matched & groupBits[g]!) !== 0) this.byNeed[g]!.push(slot);
  }
}

function hoursFlagsOf(service: CandidateService): number {
  const intervals = service.openingIntervals;
  if (intervals.length === 0) return 0;
  let flags = opensEvenings(intervals) ? S_EVENINGS : 0;
  for (const day of weekendDaysOpen(intervals)) flags |= day === "SA" ? S_SATURDAY : day === "SU" ? S_SUNDAY : 0;
  return flags;
}

// ---------------------------------------------------------------------------------------------------
// Scan 1: object by object (fresh arrays).
// ---------------------------------------------------------------------------------------------------

function scanObjects(family: Family, services: readonly CandidateService[]): Survivors {
  const survivors = new Survivors(family);
  const { place, box, radiusKm, childMonths, pregnant, ageFilterApplies, primaries, freeOnly, hoursAsked, askedMask } = family;

  for (let c = 0; c < services.length; c++) {
    const service = services[c]!;
    if (service.status !== "active") continue;
    if (freeOnly && !service.free) continue;
    const serves = needMaskOf(service.needs);
    const matched = serves & askedMask;
    if (matched === 0) continue;

    // Ages: some child fits, or the family is pregnant and the service serves pregnancy or starts at 0.
    let viaPregnancy = pregnant && (serves & PREGNANCY_BIT) !== 0;
    const { minimumAge, maximumAge } = service;
    if (ageFilterApplies && (minimumAge !== null || maximumAge !== null)) {
      if (!childFits(childMonths, ageFromMonths(minimumAge), ageToMonths(maximumAge))) {
        if (!pregnant || (minimumAge && (serves & PREGNANCY_BIT) === 0)) continue;
        viaPregnancy = true;
      }
    }

    // Place: the nearest physical location within the radius, else the most specific service area
    // (smallest extent; the first on a tie) that contains the place.
    let km = -1;
    let location = -1;
    let area = -1;
    if (place && box) {
      let best = Infinity;
      const locations = service.locations;
      for (let i = 0; i < locations.length; i++) {
        const point = locations[i]!;
        if (!boxContains(box, point)) continue;
        const d = distanceKm(place, point);
        if (d <= radiusKm && d < best) {
          best = d;
          location = i;
        }
      }
      if (location >= 0) {
        km = best;
      } else {
        let smallest = Infinity;
        const areas = service.serviceAreas;
        for (let i = 0; i < areas.length; i++) {
          const extent = areas[i]!.extent;
          if (!boxContains(extent, place)) continue;
          const size = (extent[2] - extent[0]) * (extent[3] - extent[1]);
          if (size < smallest) {
            smallest = size;
            area = i;
          }
        }
        if (area < 0) continue;
      }
    }

    let speaks = -1;
    if (primaries.length > 0) {
      const serviceLanguages = service.languages;
      for (let l = 0; l < primaries.length && speaks < 0; l++) {
        for (let i = 0; i < serviceLanguages.length; i++) {
          if (primaryLanguage(serviceLanguages[i]!) === primaries[l]) {
            speaks = l;
            break;
          }
        }
      }
    }

    const primary = service.needs.length > 0 ? (NEED_BIT.get(service.needs[0]!) ?? 0) : 0;
    survivors.add(
      c,
      matched,
      primary,
      km,
      location,
      area,
      speaks,
      service.interpretation,
      service.free,
      hoursAsked ? hoursFlagsOf(service) : 0,
      service.assuredDate === null ? NaN : dayNumber(service.assuredDate),
      viaPregnancy,
    );
  }
  return survivors;
}

// ---------------------------------------------------------------------------------------------------
// Scan 2: over a column index (large arrays matched again, or prepared).
// ---------------------------------------------------------------------------------------------------

const F_ACTIVE = 1;
const F_FREE = 2;
const F_INTERPRETATION = 4;
/** minimumAge and/or maximumAge set. */
const F_AGE_RANGE = 8;
/** minimumAge null or 0: an unborn child (age 0) fits. */
const F_UNBORN_FITS = 16;

interface CandidateIndex {
  readonly count: number;
  readonly flags: Uint8Array;
  /** S_EVENINGS | S_SATURDAY | S_SUNDAY. */
  readonly hours: Uint8Array;
  readonly needMask: Int32Array;
  /** NEED_BIT of the service's first need, or 0. */
  readonly primaryNeed: Int32Array;
  /** A child fits when ageFrom ≤ months < ageTo. */
  readonly ageFrom: Float64Array;
  readonly ageTo: Float64Array;
  /** Locations of service c: locStart[c] ≤ i < locStart[c + 1]. */
  readonly locStart: Int32Array;
  readonly locLat: Float64Array;
  readonly locLng: Float64Array;
  /** Service areas of service c: areaStart[c] ≤ i < areaStart[c + 1]; areaBox[4i … 4i+3] = extent. */
  readonly areaStart: Int32Array;
  readonly areaBox: Float64Array;
  /** Languages of service c, as ids of primary subtags: langStart[c] ≤ i < langStart[c + 1]. */
  readonly langStart: Int32Array;
  readonly langId: Int32Array;
  readonly languageIds: ReadonlyMap<string, number>;
  /** Day number of assuredDate, NaN when missing or malformed. */
  readonly assuredDay: Float64Array;
}

const INDEXES = new WeakMap<readonly CandidateService[], CandidateIndex>();
const SEEN = new WeakSet<readonly CandidateService[]>();

/**
 * Index a candidates array now (e.g. when a directory snapshot is loaded into memory), so that every
 * match against it reads the compact index. Optional: a large array is indexed anyway the second
 * time it is matched. The array and its services must not change afterwards.
 */
export function prepareCandidates(candidates: readonly CandidateService[]): void {
  const cached = INDEXES.get(candidates);
  if (!cached || cached.count !== candidates.length) INDEXES.set(candidates, buildIndex(candidates));
}

/** The index of `candidates` when it has one or has earned one; null to scan the objects. */
function indexFor(candidates: readonly CandidateService[]): CandidateIndex | null {
  const cached = INDEXES.get(candidates);
  if (cached && cached.count === candidates.length) return cached;
  if (cached || (candidates.length >= AUTO_INDEX_MIN_CANDIDATES && SEEN.has(candidates))) {
    const index = buildIndex(candidates);
    INDEXES.set(candidates, index);
    return index;
  }
  if (candidates.length >= AUTO_INDEX_MIN_CANDIDATES) SEEN.add(candidates);
  return null;
}

function buildIndex(services: readonly CandidateService[]): CandidateIndex {
  const count = services.length;
  const flags = new Uint8Array(count);
  const hours = new Uint8Array(count);
  const needMask = new Int32Array(count);
  const primaryNeed = new Int32Array(count);
  const ageFrom = new Float64Array(count);
  const ageTo = new Float64Array(count);
  const locStart = new Int32Array(count + 1);
  const areaStart = new Int32Array(count + 1);
  const langStart = new Int32Array(count + 1);
  const assuredDay = new Float64Array(count);
  const lats: number[] = [];
  const lngs: number[] = [];
  const boxes: number[] = [];
  const langIds: number[] = [];
  const languageIds = new Map<string, number>();

  for (let c = 0; c < count; c++) {
    const service = services[c]!;
    const { minimumAge, maximumAge } = service;
    let f = 0;
    if (service.status === "active") f |= F_ACTIVE;
    if (service.free) f |= F_FREE;
    if (service.interpretation) f |= F_INTERPRETATION;
    if (minimumAge !== null || maximumAge !== null) f |= F_AGE_RANGE;
    if (!minimumAge) f |= F_UNBORN_FITS;
    flags[c] = f;
    hours[c] = hoursFlagsOf(service);
    ageFrom[c] = ageFromMonths(minimumAge);
    ageTo[c] = ageToMonths(maximumAge);
    needMask[c] = needMaskOf(service.needs);
    primaryNeed[c] = service.needs.length > 0 ? (NEED_BIT.get(service.needs[0]!) ?? 0) : 0;

    for (const location of service.locations) {
      lats.push(location.lat);
      lngs.push(location.lng);
    }
    locStart[c + 1] = lats.length;
    for (const area of service.serviceAreas) boxes.push(area.extent[0], area.extent[1], area.extent[2], area.extent[3]);
    areaStart[c + 1] = boxes.length / 4;
    for (const language of service.languages) {
      const primary = primaryLanguage(language);
      let id = languageIds.get(primary);
      if (id === undefined) {
        id = languageIds.size;
        languageIds.set(primary, id);
      }
      langIds.push(id);
    }
    langStart[c + 1] = langIds.length;
    assuredDay[c] = dayNumber(service.assuredDate);
  }

  return {
    count,
    flags,
    hours,
    needMask,
    primaryNeed,
    ageFrom,
    ageTo,
    locStart,
    locLat: Float64Array.from(lats),
    locLng: Float64Array.from(lngs),
    areaStart,
    areaBox: Float64Array.from(boxes),
    langStart,
    langId: Int32Array.from(langIds),
    languageIds,
    assuredDay,
  };
}

function scanIndex(family: Family, index: CandidateIndex): Survivors {
  const survivors = new Survivors(family);
  const { place, box, radiusKm, childMonths, pregnant, ageFilterApplies, primaries, freeOnly, hoursAsked, askedMask } = family;
  const { flags, hours, needMask, primaryNeed, ageFrom, ageTo, locStart, locLat, locLng, areaStart, areaBox, langStart, langId } =
    index;
  const familyLanguageIds = primaries.map((primary) => index.languageIds.get(primary) ?? -1);
  const point: LatLng = { lat: 0, lng: 0 };
  const extent: [number, number, number, number] = [0, 0, 0, 0];

  for (let c = 0; c < index.count; c++) {
    const f = flags[c]!;
    if ((f & F_ACTIVE) === 0) continue;
    if (freeOnly && (f & F_FREE) === 0) continue;
    const serves = needMask[c]!;
    const matched = serves & askedMask;
    if (matched === 0) continue;

    let viaPregnancy = pregnant && (serves & PREGNANCY_BIT) !== 0;
    if (ageFilterApplies && (f & F_AGE_RANGE) !== 0) {
      if (!childFits(childMonths, ageFrom[c]!, ageTo[c]!)) {
        if (!pregnant || ((f & F_UNBORN_FITS) === 0 && (serves & PREGNANCY_BIT) === 0)) continue;
        viaPregnancy = true;
      }
    }

    let km = -1;
    let location = -1;
    let area = -1;
    if (place && box) {
      let best = Infinity;
      const first = locStart[c]!;
      const end = locStart[c + 1]!;
      for (let i = first; i < end; i++) {
        point.lat = locLat[i]!;
        point.lng = locLng[i]!;
        if (!boxContains(box, point)) continue;
        const d = distanceKm(place, point);
        if (d <= radiusKm && d < best) {
          best = d;
          location = i - first;
        }
      }
      if (location >= 0) {
        km = best;
      } else {
        let smallest = Infinity;
        const firstArea = areaStart[c]!;
        const endArea = areaStart[c + 1]!;
        for (let i = firstArea; i < endArea; i++) {
          extent[0] = areaBox[4 * i]!;
          extent[1] = areaBox[4 * i + 1]!;
          extent[2] = areaBox[4 * i + 2]!;
          extent[3] = areaBox[4 * i + 3]!;
          if (!boxContains(extent, place)) continue;
          const size = (extent[2] - extent[0]) * (extent[3] - extent[1]);
          if (size < smallest) {
            smallest = size;
            area = i - firstArea;
          }
        }
        if (area < 0) continue;
      }
    }

    let speaks = -1;
    if (familyLanguageIds.length > 0) {
      const firstLanguage = langStart[c]!;
      const endLanguage = langStart[c + 1]!;
      for (let l = 0; l < familyLanguageIds.length && speaks < 0; l++) {
        const id = familyLanguageIds[l]!;
        if (id < 0) continue;
        for (let i = firstLanguage; i < endLanguage; i++) {
          if (langId[i] === id) {
            speaks = l;
            break;
          }
        }
      }
    }

    survivors.add(
      c,
      matched,
      primaryNeed[c]!,
      km,
      location,
      area,
      speaks,
      (f & F_INTERPRETATION) !== 0,
      (f & F_FREE) !== 0,
      hoursAsked ? hours[c]! : 0,
      index.assuredDay[c]!,
      viaPregnancy,
    );
  }
  return survivors;
}

// ---------------------------------------------------------------------------------------------------
// Matching.
// ---------------------------------------------------------------------------------------------------

/**
 * Match a family's answers against candidate services. Ties are broken by service id, so the order
 * of `candidates` does not matter. `candidates` is treated as an immutable snapshot (a large array
 * matched again is indexed, and the index kept while the array lives): pass a new array after any change.
 */
export function matchServices(
  answers: FamilyAnswers,
  candidates: readonly CandidateService[],
  now: Date,
  options?: Partial<MatchOptions>,
): MatchOutcome {
  const radiusKm =
    options?.radiusKm !== undefined && Number.isFinite(options.radiusKm) ? Math.max(0, options.radiusKm) : radiusFor(answers);
  const perNeed = wholeCount(options?.perNeed, DEFAULT_MATCH_OPTIONS.perNeed);
  const perOrganization = wholeCount(options?.perOrganization, DEFAULT_MATCH_OPTIONS.perOrganization);

  const family = familyOf(answers, now, radiusKm);
  if (family.needs.length === 0) return { groups: [], unmetNeeds: [] };

  const index = indexFor(candidates);
  const survivors = index ? scanIndex(family, index) : scanObjects(family, candidates);

  const groups: NeedResults[] = [];
  const unmetNeeds: NeedCode[] = [];
  const sharedReasons = new Map<number, MatchReason[]>();
  for (let g = 0; g < family.needs.length; g++) {
    const need = family.needs[g]!;
    const bit = family.groupBits[g]!;
    const slots = survivors.byNeed[g]!;
    const scores = new Float64Array(slots.length);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      scores[i] = survivors.base[slot]! + (survivors.primary[slot] === bit ? W.needPrimary : W.needSecondary);
    }
    const chosen = selectDiverse(candidates, survivors.candidate, slots, scores, perNeed, perOrganization);
    const results: MatchedService[] = chosen.map((position) => {
      const slot = slots[position]!;
      const service = candidates[survivors.candidate[slot]!]!;
      let shared = sharedReasons.get(slot);
      if (!shared) {
        shared = reasonsOf(service, survivors, slot, family.languages);
        sharedReasons.set(slot, shared);
      }
      const location = survivors.location[slot]!;
      return {
        serviceId: service.id,
        score: Math.round(scores[position]! * 1000) / 1000,
        distanceKm: location >= 0 ? survivors.km[slot]! : null,
        nearestLocationId: location >= 0 ? service.locations[location]!.id : null,
        reasons: [{ kind: "need", need }, ...shared],
      };
    });
    groups.push({ need, results });
    if (results.length === 0) unmetNeeds.push(need);
  }
  return { groups, unmetNeeds };
}

/** Every reason but the need, in reading order: who it is for, where, language, cost, hours, verified. */
function reasonsOf(service: CandidateService, survivors: Survivors, slot: number, familyLanguages: readonly string[]): MatchReason[] {
  const reasons: MatchReason[] = [];
  const flags = survivors.flags[slot]!;
  if (service.minimumAge !== null || service.maximumAge !== null) {
    reasons.push({ kind: "ages", minimumAge: service.minimumAge, maximumAge: service.maximumAge });
  }
  if ((flags & S_VIA_PREGNANCY) !== 0) reasons.push({ kind: "pregnancy" });
  const km = survivors.km[slot]!;
  const area = survivors.area[slot]!;
  if (km >= 0) reasons.push({ kind: "distance", km: Math.round(km * 10) / 10 });
  else if (area >= 0) reasons.push({ kind: "service-area", areaName: service.serviceAreas[area]!.name });
  const speaks = survivors.speaks[slot]!;
  if (speaks >= 0) reasons.push({ kind: "speaks", language: familyLanguages[speaks]! });
  else if ((flags & S_INTERPRETATION) !== 0) reasons.push({ kind: "interpretation" });
  if (service.free) reasons.push({ kind: "free" });
  if ((flags & S_EVENINGS) !== 0) reasons.push({ kind: "evenings" });
  if ((flags & (S_SATURDAY | S_SUNDAY)) !== 0) {
    const days: Array<"SA" | "SU"> = [];
    if ((flags & S_SATURDAY) !== 0) days.push("SA");
    if ((flags & S_SUNDAY) !== 0) days.push("SU");
    reasons.push({ kind: "weekends", days });
  }
  if ((flags & S_VERIFIED) !== 0) reasons.push({ kind: "verified", date: service.assuredDate!.slice(0, 10) });
  return reasons;
}

/**
 * Positions in `slots` of the results for one need, best first: at most `perNeed`, at most
 * `perOrganization` per organization, except that the cap is relaxed to reach
 * min(MIN_RESULTS_PER_NEED, perNeed, slots.length). Uses a binary heap (built in O(n)) and pops only
 * what it needs, so a long list of survivors is never fully sorted.
 */
function selectDiverse(
  services: readonly CandidateService[],
  candidateOf: readonly number[],
  slots: readonly number[],
  scores: Float64Array,
  perNeed: number,
  perOrganization: number,
): number[] {
  const count = slots.length;
  const floor = Math.min(MIN_RESULTS_PER_NEED, perNeed, count);
  if (count === 0 || perNeed === 0) return [];
  const serviceAt = (position: number) => services[candidateOf[slots[position]!]!]!;

  // `a` ranks before `b`: higher score, then smaller service id.
  const before = (a: number, b: number): boolean => {
    const difference = scores[a]! - scores[b]!;
    if (difference !== 0) return difference > 0;
    return serviceAt(a).id < serviceAt(b).id;
  };

  const heap = new Int32Array(count);
  for (let i = 0; i < count; i++) heap[i] = i;
  let size = count;
  const siftDown = (start: number) => {
    let parent = start;
    const item = heap[parent]!;
    for (;;) {
      let child = 2 * parent + 1;
      if (child >= size) break;
      if (child + 1 < size && before(heap[child + 1]!, heap[child]!)) child++;
      if (!before(heap[child]!, item)) break;
      heap[parent] = heap[child]!;
      parent = child;
    }
    heap[parent] = item;
  };
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i);

  const chosen: number[] = [];
  const skipped: number[] = [];
  const perOrganizationCount = new Map<string, number>();
  while (size > 0 && chosen.length < perNeed) {
    const top = heap[0]!;
    size--;
    if (size > 0) {
      heap[0] = heap[size]!;
      siftDown(0);
    }
    const organization = serviceAt(top).organizationId;
    const taken = perOrganizationCount.get(organization) ?? 0;
    if (taken < perOrganization) {
      perOrganizationCount.set(organization, taken + 1);
      chosen.push(top);
    } else if (skipped.length < floor) {
      skipped.push(top);
    }
  }
  if (chosen.length < floor) {
    for (const position of skipped) {
      if (chosen.length >= floor) break;
      chosen.push(position);
    }
    chosen.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }
  return chosen;
}
