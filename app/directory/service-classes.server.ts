/**
 * The services matching searches (app/matching/candidates.server.ts), over the in-memory search
 * index: per class of services, those with a location near a place, nearest first (a k-d tree per
 * class: kdbush, searched by app/geo/nearest.ts), and those whose service area covers it, latest
 * verified first. Trees and lists are built on first use and kept as long as the snapshot they were
 * built from.
 */
import KDBush from "kdbush";
import { NearestPoints } from "~/geo/nearest";
import type { NeedCode } from "~/taxonomy/needs";
import { areaCovers, needMask, speaksAny, type SearchSnapshot } from "./search-snapshot.server";

/**
 * Services with a need, split by what weighs most in a match score and does not depend on the
 * family: whether the need is the service's first, and whether it offers interpretation. Matching
 * looks through each class separately, so it can stop early in the classes that score lower.
 */
export interface ServiceClass {
  need: NeedCode;
  primaryNeed: boolean;
  interpretation: boolean;
  /**
   * Only the services that speak this language (a primary subtag). Where a family's language is
   * rare, its speakers get trees of their own: a filter over the whole class would go through
   * every site in range to find the few.
   */
  speaks?: string;
}

/** A test of whether service i is of the class. */
function inClass(snapshot: SearchSnapshot, { need, primaryNeed, interpretation, speaks }: ServiceClass): (i: number) => boolean {
  const bit = needMask([need]);
  const first = ` ${need} `;
  const spoken = ` ${speaks} `;
  return (i) =>
    (snapshot.needs[i]! & bit) !== 0 &&
    snapshot.needList[i]!.startsWith(first) === primaryNeed &&
    (snapshot.interpretation[i] === 1) === interpretation &&
    (speaks === undefined || snapshot.primaryLanguages[i]!.includes(spoken));
}

const classKey = ({ need, primaryNeed, interpretation, speaks }: ServiceClass) =>
  `${need} ${Number(primaryNeed)}${Number(interpretation)} ${speaks ?? ""}`;

interface NeedSites {
  tree: KDBush;
  /** The site behind each point of the tree. */
  sites: Int32Array;
}

/** Below this many sites a class is quick to go through whatever the share of speakers (speakersShare). */
export const FEW_SITES = 256;

/**
 * The share of the class's sites in the region whose services speak one of these languages
 * (primary subtags); null for a class of fewer than `fewSites` sites. Counted once per class,
 * region and languages, and kept with the class's tree.
 */
export function speakersShare(
  snapshot: SearchSnapshot,
  serviceClass: ServiceClass,
  region: string,
  languages: readonly string[],
  fewSites = FEW_SITES,
): number | null {
  const { sites } = sitesOfClass(snapshot, serviceClass);
  if (sites.length < fewSites) return null;
  const shares = builtFor(snapshot).shares;
  const key = `${classKey(serviceClass)} ${region} ${[...languages].sort().join(",")}`;
  let share = shares.get(key);
  if (share === undefined) {
    const speaks = speaksAny(snapshot, languages);
    let inRegion = 0;
    let speaking = 0;
    for (const site of sites) {
      const i = snapshot.siteService[site]!;
      if (snapshot.regions[i] !== region) continue;
      inRegion++;
      if (speaks(i)) speaking++;
    }
    // The languages families give are few, but what they may type is not: the map cannot grow without end.
    if (shares.size >= 10_000) shares.clear();
    shares.set(key, (share = speaking / Math.max(1, inRegion)));
  }
  return share;
}

/** Per snapshot, what was built for each class (by classKey). */
const built = new WeakMap<SearchSnapshot, { sites: Map<string, NeedSites>; areas: Map<string, Int32Array>; shares: Map<string, number> }>();

function builtFor(snapshot: SearchSnapshot) {
  let entry = built.get(snapshot);
  if (!entry) built.set(snapshot, (entry = { sites: new Map(), areas: new Map(), shares: new Map() }));
  return entry;
}

/**
 * The services of a class that have a site within `radiusKm` of the place, nearest first (by
 * their nearest site), among those `accept` lets through (all without it); one at a time.
 */
export class NearestServices {
  private readonly sites: Int32Array;
  private readonly points: NearestPoints;
  private readonly seen = new Set<number>();

  constructor(
    private readonly snapshot: SearchSnapshot,
    serviceClass: ServiceClass,
    place: { lat: number; lng: number },
    radiusKm: number,
    accept: ((i: number) => boolean) | null,
  ) {
    const { tree, sites } = sitesOfClass(snapshot, serviceClass);
    this.sites = sites;
    // The tree tests no point at all where no test is needed.
    this.points = new NearestPoints(tree, place.lat, place.lng, radiusKm, accept ? (point) => accept(snapshot.siteService[sites[point]!]!) : undefined);
  }

  /** From now on, sites further than `km` are not wanted: the tree is searched no further. */
  limitTo(km: number) {
    this.points.limitTo(km);
  }

  /** The next service and the distance to its nearest site, or null when none is left. */
  next(): { index: number; km: number } | null {
    for (;;) {
      const km = this.points.peekKm();
      const point = this.points.next();
      if (point < 0) return null;
      const index = this.snapshot.siteService[this.sites[point]!]!;
      if (this.seen.has(index)) continue;
      this.seen.add(index);
      return { index, km };
    }
  }

  /** How far the next site is (no service still to come is nearer); Infinity when none is left. */
  nextKm(): number {
    return this.points.peekKm();
  }
}

/**
 * The services of a class whose service area covers the place, most recently verified first
 * (then by id), among those `accept` lets through (all without it); one at a time.
 */
export class CoveringServices {
  private readonly services: Int32Array;
  private position = 0;

  constructor(
    private readonly snapshot: SearchSnapshot,
    serviceClass: ServiceClass,
    private readonly place: { lat: number; lng: number },
    private readonly accept: ((i: number) => boolean) | null,
  ) {
    this.services = areaServicesOfClass(snapshot, serviceClass);
  }

  /** The next service, or null when none is left. */
  next(): number | null {
    return this.skipToNext() ? this.services[this.position++]! : null;
  }

  /** The assured date of the next service (no service still to come was assured later); undefined when none is left. */
  nextAssuredDate(): string | null | undefined {
    return this.skipToNext() ? this.snapshot.assuredDates[this.services[this.position]!] : undefined;
  }

  private skipToNext(): boolean {
    const { snapshot, place } = this;
    while (this.position < this.services.length) {
      const i = this.services[this.position]!;
      if ((this.accept === null || this.accept(i)) && areaCovers(snapshot, i, place.lat, place.lng)) return true;
      this.position++;
    }
    return false;
  }
}

function sitesOfClass(snapshot: SearchSnapshot, serviceClass: ServiceClass): NeedSites {
  const key = classKey(serviceClass);
  const cached = builtFor(snapshot).sites.get(key);
  if (cached) return cached;
  const ofClass = inClass(snapshot, serviceClass);
  const chosen: number[] = [];
  for (let n = 0; n < snapshot.siteStart[snapshot.size]!; n++) if (ofClass(snapshot.siteService[n]!)) chosen.push(n);
  // Leaves of 16 points, not kdbush's 64: a nearest-first search measures every point of each leaf
  // it opens, and matching asks for few at a time (with 64, matching at 100 000 services is a sixth
  // slower; 8 to 32 are alike).
  const tree = new KDBush(chosen.length, 16);
  for (const n of chosen) tree.add(snapshot.siteLng[n]!, snapshot.siteLat[n]!);
  tree.finish();
  const sites = { tree, sites: Int32Array.from(chosen) };
  builtFor(snapshot).sites.set(key, sites);
  return sites;
}

function areaServicesOfClass(snapshot: SearchSnapshot, serviceClass: ServiceClass): Int32Array {
  const key = classKey(serviceClass);
  const cached = builtFor(snapshot).areas.get(key);
  if (cached) return cached;
  const dates = snapshot.assuredDates;
  const services = snapshot.withArea
    .filter(inClass(snapshot, serviceClass))
    .sort((a, b) => {
      const [first, second] = [dates[a] ?? "", dates[b] ?? ""];
      if (first !== second) return first > second ? -1 : 1;
      return snapshot.ids[a]! < snapshot.ids[b]! ? -1 : 1;
    });
  builtFor(snapshot).areas.set(key, services);
  return services;
}
