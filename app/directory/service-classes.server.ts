/**
 * The services matching searches (app/matching/candidates.server.ts), over the in-memory search
 * index: per class of services, those with a location near a place, nearest first (a k-d tree per
 * class, kdbush + geokdbush), and those whose service area covers it, latest verified first. Trees
 * and lists are built on first use and kept as long as the snapshot they were built from.
 */
import KDBush from "kdbush";
import { around } from "geokdbush";
import { distanceKm } from "~/geo/distance";
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
  private readonly sites: NeedSites;
  private readonly seen = new Set<number>();
  /** Tree points found so far, nearest first, and how many of them have been gone through. */
  private found: number[] = [];
  private consumed = 0;
  private exhausted = false;
  /** Sites further than this are not wanted any more (see limitTo). */
  private reachKm: number;

  constructor(
    private readonly snapshot: SearchSnapshot,
    serviceClass: ServiceClass,
    private readonly place: { lat: number; lng: number },
    radiusKm: number,
    private readonly accept: ((i: number) => boolean) | null,
  ) {
    this.sites = sitesOfClass(snapshot, serviceClass);
    this.reachKm = radiusKm;
  }

  /** From now on, sites further than `km` are not wanted: the tree is searched no further. */
  limitTo(km: number) {
    this.reachKm = Math.min(this.reachKm, km);
  }

  /** The next service and the distance to its nearest site, or null when none is left. */
  next(): { index: number; km: number } | null {
    for (;;) {
      const site = this.peekSite();
      if (site === null) return null;
      this.consumed++;
      const index = this.snapshot.siteService[site]!;
      if (this.seen.has(index)) continue;
      this.seen.add(index);
      return { index, km: this.siteKm(site) };
    }
  }

  /** How far the next site is (no service still to come is nearer); Infinity when none is left. */
  nextKm(): number {
    const site = this.peekSite();
    return site === null ? Number.POSITIVE_INFINITY : this.siteKm(site);
  }

  private siteKm(site: number): number {
    return distanceKm(this.place, { lat: this.snapshot.siteLat[site]!, lng: this.snapshot.siteLng[site]! });
  }

  private peekSite(): number | null {
    if (this.consumed >= this.found.length && !this.exhausted && this.reachKm >= 0) {
      // The tree is searched from the nearest each time, for twice as many: the work at most doubles.
      const wanted = Math.max(8, this.found.length * 2);
      const { snapshot, accept } = this;
      const sites = this.sites.sites;
      // A hair beyond: the tree's Earth is 9 m smaller than distanceKm's; matching applies the radius exactly.
      this.found =
        sites.length === 0
          ? []
          : around(
              this.sites.tree,
              this.place.lng,
              this.place.lat,
              wanted,
              this.reachKm * 1.00001,
              // The tree tests every point of each leaf it opens: no test at all where none is needed.
              accept ? (point) => accept(snapshot.siteService[sites[point]!]!) : undefined,
            );
      this.exhausted = this.found.length < wanted;
    }
    const point = this.found[this.consumed];
    return point === undefined ? null : this.sites.sites[point]!;
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
  // Leaves of 16 points, not kdbush's 64: a nearest-first search scores every point of each leaf it
  // opens, and matching asks for few at a time (a fifth less time in the tree at 100 000 services).
  const tree = new KDBush(Math.max(1, chosen.length), 16);
  for (const n of chosen) tree.add(snapshot.siteLng[n]!, snapshot.siteLat[n]!);
  // An empty tree cannot be finished; with no sites it is never searched.
  if (chosen.length === 0) tree.add(0, 0);
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
