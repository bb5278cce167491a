/**
 * Matching: from a family's answers and candidate services to ranked, explained results, one group
 * per need asked.
 *
 * The caller pre-filters the candidates for each request (from the database, by place and by need), so
 * there are a few hundred to a few thousand, and they are simply scanned one by one. The filters below
 * still apply in full, so a generous pre-filter is safe.
 *
 * Pure and deterministic: no I/O, no clock (the caller passes `now`), and the outcome does not depend
 * on the order of `candidates` (ties are broken by service id).
 *
 * Steps:
 * 1. Hard filters, cheapest first: active; free when the family asked for free only; serves at least
 *    one need asked; takes the person asking (see audienceNeeds); age fits; covers the family's place
 *    (a physical location within the radius, else a service area whose extent contains the place;
 *    a service that lists service areas covers no place outside them, whatever its locations).
 *    Without a place there is no distance filter and no distance reason.
 * 2. A base score per surviving service (distance, language, cost, hours, freshness, several needs),
 *    plus, per need group, the need fit (the need is the service's first need, or a secondary one).
 * 3. Per need: the best services for that need, at most `perNeed`, at most `perOrganization` per
 *    organization — relaxed only so that every need gets min(3, available) results. Groups rank
 *    independently; a service may appear in several.
 * 4. Reasons for every result, in the order a family reads them.
 */
import { MS_PER_DAY, dayNumberOf } from "~/directory/freshness";
import { opensEvenings, weekendDaysOpen } from "~/directory/hours";
import { boundingBox, boxContains, distanceKm, type LatLng } from "~/geo/distance";
import { primarySubtag } from "~/i18n/languages";
import type { NeedCode } from "~/taxonomy/needs";
import type {
  CandidateLocation,
  CandidateService,
  CandidateServiceArea,
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

export const DEFAULT_MATCH_OPTIONS: MatchOptions = Object.freeze({
  radiusKm: DEFAULT_RADIUS_KM,
  perNeed: 5,
  perOrganization: 2,
});

/** The search radius for this family: smaller when the family has no car. */
export function radiusFor(answers: Pick<FamilyAnswers, "noCar">): number {
  return answers.noCar ? NO_CAR_RADIUS_KM : DEFAULT_RADIUS_KM;
}

const W = MATCH_WEIGHTS;

/**
 * What is known of a service not yet scored, for scoreCeiling. `km` is the distance to its nearest
 * location in range (or at least that far), or null when it covers the place only through a
 * service area. Everything else may be left out, and then counts at its best.
 */
export interface KnownOfService {
  km: number | null;
  speaks?: boolean;
  interpretation?: boolean;
  /** The need scored is the service's first need. */
  primaryNeed?: boolean;
  free?: boolean;
  /** When it was last assured; for a stream of services in that order, the first one's date. */
  assuredDate?: string | null;
  /** How many of the family's needs it serves. */
  needsServed?: number;
}

/**
 * For this family, the highest score, for any need, that a service could reach given what is known
 * of it: the score's own terms with every unknown at its best (hours are never known here).
 * Candidate retrieval uses it to skip services that cannot make the results and to stop looking
 * once nothing further away could (candidates.server.ts); the unit tests check that no service
 * ever scores above it.
 */
export function scoreCeiling(answers: FamilyAnswers, now: Date): ScoreCeiling {
  const family = familyOf(answers, now, radiusFor(answers));
  return {
    of: (known) => ceilingOf(family, known),
    reachKm(known, score) {
      const withoutDistance = ceilingOf(family, { ...known, km: Number.POSITIVE_INFINITY });
      if (score <= withoutDistance) return Number.POSITIVE_INFINITY;
      const gap = score - withoutDistance;
      return gap > W.distance ? -1 : family.halfLifeKm * Math.log2(W.distance / gap);
    },
  };
}

export interface ScoreCeiling {
  /** The ceiling itself. */
  of(known: KnownOfService): number;
  /** How far a service with a location in range can be and still reach `score`; -1 when no distance would do. */
  reachKm(known: Omit<KnownOfService, "km">, score: number): number;
}

function ceilingOf(family: Family, known: KnownOfService): number {
  const needsServed = known.needsServed ?? family.needs.length;
  let ceiling = known.primaryNeed === false ? W.needSecondary : W.needPrimary;
  ceiling += W.needExtra * Math.min(Math.max(needsServed - 1, 0), W.needExtraMax);
  if (known.km === null) ceiling += family.areaScore;
  else ceiling += W.distance * 0.5 ** (Math.max(0, known.km) / family.halfLifeKm);
  if (family.languages.size > 0) {
    if (known.speaks !== false) ceiling += W.speaks;
    else if (known.interpretation !== false) ceiling += W.interpretation;
  }
  if (known.free !== false) ceiling += W.free;
  if (family.hoursAsked) ceiling += W.hours;
  if (known.assuredDate === undefined) {
    ceiling += W.freshness;
  } else {
    // For a stream in date order, a date that cannot be read says nothing about those after it: fresh.
    const assuredDay = dayNumber(known.assuredDate);
    if (Number.isNaN(assuredDay)) ceiling += known.assuredDate === null ? 0 : W.freshness;
    else ceiling += freshnessScore(Math.max(0, family.today - assuredDay));
  }
  return ceiling;
}

/**
 * Match a family's answers against candidate services (pre-filtered by the caller). Ties are broken
 * by service id, so the order of `candidates` does not matter.
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

  // Steps 1 and 2: each service that passes the hard filters, listed under every need asked that it serves.
  const survivorsByNeed = new Map<NeedCode, Survivor[]>(family.needs.map((need) => [need, []]));
  for (const service of candidates) {
    const survivor = survivorOf(service, family);
    if (survivor) for (const need of survivor.needsServed) survivorsByNeed.get(need)!.push(survivor);
  }

  // Steps 3 and 4: per need, the best survivors, as results with their reasons.
  const groups: NeedResults[] = family.needs.map((need) => {
    const scored = survivorsByNeed.get(need)!.map((survivor) => ({
      survivor,
      score: survivor.baseScore + (survivor.service.needs[0] === need ? W.needPrimary : W.needSecondary),
    }));
    const results = selectDiverse(scored, perNeed, perOrganization).map(({ survivor, score }) => resultOf(need, survivor, score));
    return { need, results };
  });
  return { groups, unmetNeeds: groups.filter((group) => group.results.length === 0).map((group) => group.need) };
}

// ---------------------------------------------------------------------------------------------------
// The family, read once per call.
// ---------------------------------------------------------------------------------------------------

interface Family {
  /** The needs asked, without repeats, in the order asked. */
  needs: NeedCode[];
  role: FamilyAnswers["role"];
  /** The family's place, the radius around it and a box around that circle; null without a place. */
  place: { center: LatLng; radiusKm: number; box: [number, number, number, number] } | null;
  halfLifeKm: number;
  areaScore: number;
  /** Children's ages in months (valid ones only), each as the months it may be: [from, to). */
  childAges: Array<{ from: number; to: number }>;
  pregnant: boolean;
  ageFilterApplies: boolean;
  /** The family's languages, one per primary subtag ("vi-VN" → "vi"), in the order given: primary → as given. */
  languages: Map<string, string>;
  freeOnly: boolean;
  hoursAsked: boolean;
  /** Day numbers (days since 1970-01-01 UTC). */
  today: number;
  verifiedSince: number;
}

function familyOf(answers: FamilyAnswers, now: Date, radiusKm: number): Family {
  const languages = new Map<string, string>();
  for (const language of answers.languages) {
    const primary = primarySubtag(language);
    if (primary !== "" && !languages.has(primary)) languages.set(primary, language.trim());
  }
  const childAges = answers.childAgesMonths
    .filter((months) => Number.isFinite(months) && months >= 0)
    .map((months) => ({ from: months, to: months + (answers.agesInYears ? 12 : 1) }));
  const center = answers.place;
  return {
    needs: [...new Set(answers.needs)],
    role: answers.role,
    place: center ? { center, radiusKm, box: boundingBox(center, radiusKm) } : null,
    halfLifeKm: answers.noCar ? W.distanceHalfLifeNoCarKm : W.distanceHalfLifeKm,
    areaScore: answers.noCar ? W.serviceAreaNoCar : W.serviceArea,
    childAges,
    pregnant: answers.pregnant,
    ageFilterApplies: answers.pregnant || childAges.length > 0,
    languages,
    freeOnly: answers.freeOnly,
    hoursAsked: answers.eveningsOrWeekends,
    today: Math.floor(now.getTime() / MS_PER_DAY),
    verifiedSince: Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - VERIFIED_WITHIN_MONTHS, now.getUTCDate()) / MS_PER_DAY,
  };
}

// ---------------------------------------------------------------------------------------------------
// Steps 1 and 2: hard filters and base score, one service at a time.
// ---------------------------------------------------------------------------------------------------

/** A service that passed the hard filters, with what its score and its reasons need. */
interface Survivor {
  service: CandidateService;
  /** The needs asked that the service serves, in the order asked. */
  needsServed: NeedCode[];
  /** The score without the need fit, which depends on the group. */
  baseScore: number;
  /** The family is pregnant and the service serves pregnancy: a reason in the pregnancy group. */
  servesThePregnancy: boolean;
  /** Only the pregnancy gets it past its ages (no child fits them; the baby on the way does, or it serves pregnancy): a reason in every group. */
  inForThePregnancy: boolean;
  /** The nearest physical location within the radius; null without a place or when none is in range. */
  nearest: { location: CandidateLocation; km: number } | null;
  /** The service area that covers the place when no location is in range; else null. */
  area: CandidateServiceArea | null;
  /** The first of the family's languages that the service speaks, as the family gave it; else null. */
  speaks: string | null;
  /** Speaks none of the family's languages (which the family gave) but offers interpretation. */
  interpretation: boolean;
  /** Evening and weekend opening: set only when the family asked for evenings or weekends. */
  evenings: boolean;
  weekendDays: Array<"SA" | "SU">;
  /** The assured date when within VERIFIED_WITHIN_MONTHS; else null. */
  verifiedOn: string | null;
}

/** The service as a survivor of the hard filters, or null when it does not pass them. */
function survivorOf(service: CandidateService, family: Family): Survivor | null {
  if (service.status !== "active") return null;
  if (family.freeOnly && !service.free) return null;
  const needsServed = audienceNeeds(
    service,
    family,
    family.needs.filter((need) => service.needs.includes(need)),
  );
  if (needsServed.length === 0) return null;

  // Ages: some child fits, or the family is pregnant and the service serves pregnancy or starts at 0.
  const servesPregnancy = service.needs.includes("pregnancy");
  let inForThePregnancy = false;
  const { minimumAge, maximumAge } = service;
  if (family.ageFilterApplies && (minimumAge !== null || maximumAge !== null)) {
    // maximumAge is inclusive of its whole last unit: a maximum of 5 (years) fits a child of 71
    // months, not 72; a maximum of 0.5 (6 months) fits one of 6 months, not 7.
    const fromMonths = minimumAge === null ? -Infinity : minimumAge * 12;
    const toMonths = maximumAge === null ? Infinity : Number.isInteger(maximumAge) ? (maximumAge + 1) * 12 : Math.round(maximumAge * 12) + 1;
    if (!family.childAges.some((age) => age.from < toMonths && age.to > fromMonths)) {
      const unbornFits = !minimumAge;
      if (!family.pregnant || (!unbornFits && !servesPregnancy)) return null;
      inForThePregnancy = true;
    }
  }

  let nearest: Survivor["nearest"] = null;
  let area: CandidateServiceArea | null = null;
  if (family.place) {
    // A service that lists the areas it serves serves no one outside them, however near its door:
    // the commune officer next door is for the commune's own children.
    area = mostSpecificArea(service.serviceAreas, family.place.center);
    if (!area && service.serviceAreas.length > 0) return null;
    nearest = nearestLocation(service.locations, family.place);
    if (nearest) area = null;
    else if (!area) return null;
  }

  const speaks = spokenLanguage(service.languages, family.languages);
  const interpretation = speaks === null && service.interpretation && family.languages.size > 0;
  const evenings = family.hoursAsked && opensEvenings(service.openingIntervals);
  const weekendDays = family.hoursAsked ? weekendDaysOpen(service.openingIntervals).filter((day) => day === "SA" || day === "SU") : [];
  const assuredDay = dayNumber(service.assuredDate);

  let baseScore = W.needExtra * Math.min(needsServed.length - 1, W.needExtraMax);
  if (nearest) baseScore += W.distance * 0.5 ** (nearest.km / family.halfLifeKm);
  else if (area) baseScore += family.areaScore;
  if (speaks !== null) baseScore += W.speaks;
  else if (interpretation) baseScore += W.interpretation;
  if (service.free) baseScore += W.free;
  if (evenings || weekendDays.length > 0) baseScore += W.hours;
  if (!Number.isNaN(assuredDay)) baseScore += freshnessScore(Math.max(0, family.today - assuredDay));

  return {
    service,
    needsServed,
    baseScore,
    servesThePregnancy: family.pregnant && servesPregnancy,
    inForThePregnancy,
    nearest,
    area,
    speaks,
    interpretation,
    evenings,
    weekendDays,
    verifiedOn: assuredDay >= family.verifiedSince ? service.assuredDate!.slice(0, 10) : null,
  };
}

/**
 * The needs asked that a service for one sex only may be listed under, given who is asking. A
 * father is not sent to a mothers' group or a women's shelter, nor a mother to a fathers' group:
 * except where what they ask is for the other parent. A father asking about pregnancy asks for the
 * mother-to-be, and so does one whose family is expecting, for a service that serves pregnancy (a
 * group for depression in pregnancy and after the birth); a mother asking what there is for
 * fathers asks for the children's father. Everyone else asking (a grandparent, a carer, a
 * professional) may be either; the service's card says who it is for.
 */
function audienceNeeds(service: CandidateService, family: Family, needs: NeedCode[]): NeedCode[] {
  if (service.audience === "women" && family.role === "father") {
    return family.pregnant && service.needs.includes("pregnancy") ? needs : needs.filter((need) => need === "pregnancy");
  }
  if (service.audience === "men" && family.role === "mother") return needs.filter((need) => need === "fathers");
  return needs;
}

/** The nearest location within the radius, or null. */
function nearestLocation(locations: readonly CandidateLocation[], place: NonNullable<Family["place"]>): Survivor["nearest"] {
  let nearest: Survivor["nearest"] = null;
  for (const location of locations) {
    // The box first, as the directory's spatial search does, so that both agree on what is in range.
    if (!boxContains(place.box, location)) continue;
    const km = distanceKm(place.center, location);
    if (km <= place.radiusKm && (nearest === null || km < nearest.km)) nearest = { location, km };
  }
  return nearest;
}

/** The smallest service area whose extent contains the place (the first on a tie), or null. */
function mostSpecificArea(areas: readonly CandidateServiceArea[], place: LatLng): CandidateServiceArea | null {
  let best: CandidateServiceArea | null = null;
  let smallest = Infinity;
  for (const area of areas) {
    if (!boxContains(area.extent, place)) continue;
    const [south, west, north, east] = area.extent;
    const size = (north - south) * (east - west);
    if (size < smallest) {
      smallest = size;
      best = area;
    }
  }
  return best;
}

/** The first of the family's languages that one of the service's languages shares a primary subtag with. */
function spokenLanguage(serviceLanguages: readonly string[], familyLanguages: ReadonlyMap<string, string>): string | null {
  if (familyLanguages.size === 0) return null;
  const spoken = serviceLanguages.map(primarySubtag);
  for (const [primary, asGiven] of familyLanguages) if (spoken.includes(primary)) return asGiven;
  return null;
}

function freshnessScore(ageDays: number): number {
  if (ageDays <= W.freshFullDays) return W.freshness;
  if (ageDays >= W.freshZeroDays) return 0;
  return (W.freshness * (W.freshZeroDays - ageDays)) / (W.freshZeroDays - W.freshFullDays);
}

const dayNumbers = new Map<string, number>();

/** dayNumberOf, remembered: matching reads the same few dates for many services. */
function dayNumber(date: string | null): number {
  if (date === null) return NaN;
  let day = dayNumbers.get(date);
  if (day === undefined) {
    day = dayNumberOf(date);
    // Directories hold a few thousand distinct dates at most; parsed once each.
    if (dayNumbers.size < 100_000) dayNumbers.set(date, day);
  }
  return day;
}

// ---------------------------------------------------------------------------------------------------
// Step 3: the results of one need.
// ---------------------------------------------------------------------------------------------------

interface Scored {
  survivor: Survivor;
  score: number;
}

/** `a` ranks before `b`: higher score, then smaller service id. */
function ranksBefore(a: Scored, b: Scored): boolean {
  if (a.score !== b.score) return a.score > b.score;
  return a.survivor.service.id < b.survivor.service.id;
}

/**
 * The results for one need, best first: at most `perNeed`, at most `perOrganization` per organization,
 * except that the cap is relaxed to reach min(MIN_RESULTS_PER_NEED, perNeed, available). The survivors
 * are made a binary heap (in linear time) and only as many as needed are taken from it, best first.
 */
function selectDiverse(scored: Scored[], perNeed: number, perOrganization: number): Scored[] {
  const floor = Math.min(MIN_RESULTS_PER_NEED, perNeed, scored.length);
  const heap = [...scored];
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i);

  const chosen: Scored[] = [];
  const overCap: Scored[] = [];
  const takenPerOrganization = new Map<string, number>();
  while (heap.length > 0 && chosen.length < perNeed) {
    const best = takeBest(heap);
    const organization = best.survivor.service.organizationId;
    const taken = takenPerOrganization.get(organization) ?? 0;
    if (taken < perOrganization) {
      takenPerOrganization.set(organization, taken + 1);
      chosen.push(best);
    } else if (overCap.length < floor) {
      overCap.push(best);
    }
  }
  if (chosen.length < floor) {
    chosen.push(...overCap.slice(0, floor - chosen.length));
    chosen.sort((a, b) => (ranksBefore(a, b) ? -1 : ranksBefore(b, a) ? 1 : 0));
  }
  return chosen;
}

/** Removes and returns the top of the heap. */
function takeBest(heap: Scored[]): Scored {
  const best = heap[0]!;
  const last = heap.pop()!;
  if (heap.length > 0) {
    heap[0] = last;
    siftDown(heap, 0);
  }
  return best;
}

/** Moves heap[start] down until it ranks before both its children. */
function siftDown(heap: Scored[], start: number): void {
  const item = heap[start]!;
  let parent = start;
  for (;;) {
    let child = 2 * parent + 1;
    if (child >= heap.length) break;
    if (child + 1 < heap.length && ranksBefore(heap[child + 1]!, heap[child]!)) child++;
    if (!ranksBefore(heap[child]!, item)) break;
    heap[parent] = heap[child]!;
    parent = child;
  }
  heap[parent] = item;
}

// ---------------------------------------------------------------------------------------------------
// Step 4: a result and its reasons.
// ---------------------------------------------------------------------------------------------------

function resultOf(need: NeedCode, survivor: Survivor, score: number): MatchedService {
  return {
    serviceId: survivor.service.id,
    score: Math.round(score * 1000) / 1000,
    distanceKm: survivor.nearest?.km ?? null,
    nearestLocationId: survivor.nearest?.location.id ?? null,
    reasons: [{ kind: "need", need }, ...reasonsOf(need, survivor)],
  };
}

/** Every reason but the need, in reading order: who it is for, where, language, cost, hours, verified. */
function reasonsOf(need: NeedCode, survivor: Survivor): MatchReason[] {
  const { service, nearest, area, speaks, weekendDays, verifiedOn } = survivor;
  const reasons: MatchReason[] = [];
  // A minimum of 0 with no maximum is no limit at all: "from birth, any age" says nothing about the fit.
  if ((service.minimumAge !== null && service.minimumAge > 0) || service.maximumAge !== null) {
    reasons.push({ kind: "ages", minimumAge: service.minimumAge, maximumAge: service.maximumAge });
  }
  // In another need's group a clinic that also serves pregnancy is there for the child who fits it.
  if (survivor.inForThePregnancy || (need === "pregnancy" && survivor.servesThePregnancy)) reasons.push({ kind: "pregnancy" });
  if (nearest) reasons.push({ kind: "distance", km: Math.round(nearest.km * 10) / 10 });
  else if (area) reasons.push({ kind: "service-area", areaName: area.name });
  if (speaks !== null) reasons.push({ kind: "speaks", language: speaks });
  else if (survivor.interpretation) reasons.push({ kind: "interpretation" });
  if (service.free) reasons.push({ kind: "free" });
  if (survivor.evenings) reasons.push({ kind: "evenings" });
  if (weekendDays.length > 0) reasons.push({ kind: "weekends", days: weekendDays });
  if (verifiedOn !== null) reasons.push({ kind: "verified", date: verifiedOn });
  return reasons;
}

function wholeCount(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : fallback;
}
