/**
 * Matching against the whole directory without scoring the whole directory. Matching itself is pure
 * (match.ts); this decides which services it needs to see, reading them from the search index held
 * in memory (search-snapshot.server.ts), never from the directory's tables.
 *
 * The outcome is exactly what matching every active service would give. Per need, services come
 * from streams: those with a location in range, nearest first (k-d trees), and those whose service
 * area covers the place, latest verified first. Each is split by what weighs most in the score:
 * whether the need is the service's first, whether it offers interpretation, and whether it speaks
 * one of the family's languages (where they are few in the region; they then come from trees of their
 * language's speakers, not from a filter over everyone in range) — so that fitting services further
 * away are not missed while the classes that score lower stop early, or are never searched.
 * In rounds, each open need takes more from its classes, best first, and the candidates so far are
 * matched. A service is only turned into a candidate when what is known of it (distance, language,
 * cost, verification, needs) could still beat the need's lowest result; a need is settled when its
 * results are full and no service left in its streams could (scoreCeiling in match.ts). Nearby
 * services that fit well settle a need quickly, so the work follows how many services must be
 * compared, not how many the directory holds: about 24 candidates at 10 000 services and at 100 000.
 */
import type { Db } from "~/db.server";
import { needMask, searchSnapshot, speaksAny, type SearchSnapshot } from "~/directory/search-snapshot.server";
import { paddedCodes, parseHours } from "~/directory/search-index.server";
import { CoveringServices, FEW_SITES, NearestServices, speakersShare, type ServiceClass } from "~/directory/service-classes.server";
import type { OpeningInterval } from "~/directory/hours";
import { primarySubtag } from "~/i18n/languages";
import { isRegionCode } from "~/regions";
import { isNeedCode, type NeedCode } from "~/taxonomy/needs";
import { DEFAULT_MATCH_OPTIONS, matchServices, scoreCeiling, type KnownOfService } from "./match";
import type { CandidateService, FamilyAnswers, MatchOptions, MatchOutcome } from "./types";

/** New candidates an open need may add in the first round; every round doubles it. */
const FIRST_ROUND = 8;
/** Scores are rounded to 0.001 in results: compare with that much to spare. */
const SCORE_ROUNDING = 0.001;

interface Stream {
  /** The next service and what is known of it without reading it whole; null when none is left that could score `lowest`. */
  next(lowest: number): { index: number; known: KnownOfService } | null;
  /** The highest score a service still to come could reach; -Infinity when none is left. */
  ceiling(): number;
  /** Services that cannot score `lowest` are not wanted any more (a nearest-first stream then searches no further). */
  raiseBar(lowest: number): void;
}

/** The family's results, matched against every active service (see the module comment). */
export function matchFromIndex(
  db: Db,
  answers: FamilyAnswers,
  now: Date,
  options: MatchOptions,
  /** Classes with fewer sites are never split by language (tests lower it to split small directories). */
  fewSites = FEW_SITES,
): { outcome: MatchOutcome; candidates: CandidateService[] } {
  const place = answers.place;
  if (!place) return { outcome: matchServices(answers, [], now, options), candidates: [] };
  const snapshot = searchSnapshot(db);
  const ceiling = scoreCeiling(answers, now);
  const needs = [...new Set(answers.needs)];
  const familyNeeds = needMask(needs);
  /** The family's own filter on services (null when it has none): free ones only, when asked. */
  const free = answers.freeOnly ? (i: number) => snapshot.free[i] === 1 : null;
  const primaries = [...new Set(answers.languages.map(primarySubtag).filter(Boolean))];
  const speaks = speaksAny(snapshot, primaries);

  const known = (i: number, need: NeedCode, km: number | null): KnownOfService => ({
    km,
    speaks: primaries.length > 0 && speaks(i),
    interpretation: snapshot.interpretation[i] === 1,
    primaryNeed: snapshot.needList[i]!.startsWith(` ${need} `),
    free: snapshot.free[i] === 1,
    assuredDate: snapshot.assuredDates[i]!,
    needsServed: bitCount(snapshot.needs[i]! & familyNeeds),
  });
  /** The services of one class for one need: its nearest-first and service-area streams (split by language where that helps), best first. */
  const classStream = (need: NeedCode, primaryNeed: boolean, interpretation: boolean): Stream => {
    const serviceClass: ServiceClass = { need, primaryNeed, interpretation };
    const parts: Stream[] = [];
    // Speakers of the family's languages apart only where they are few: the others then stop
    // early. Where most speak them, one stream serves better (a sparse one searches far).
    const share = primaries.length > 0 ? speakersShare(snapshot, serviceClass, place.region, primaries, fewSites) : null;
    const split = share !== null && share < 0.5;
    // Each speaker of a family language from that language's own trees; the others from the class's, filtered.
    const sources: Array<{ serviceClass: ServiceClass; accept: ((i: number) => boolean) | null; speaks: boolean | undefined }> = split
      ? [
          ...primaries.map((language) => ({ serviceClass: { ...serviceClass, speaks: language }, accept: free, speaks: true })),
          { serviceClass, accept: free ? (i: number) => free(i) && !speaks(i) : (i: number) => !speaks(i), speaks: false },
        ]
      : [{ serviceClass, accept: free, speaks: undefined }];
    for (const source of sources) {
      const classFacts = { speaks: source.speaks, primaryNeed, interpretation };
      const nearest = new NearestServices(snapshot, source.serviceClass, place, options.radiusKm, source.accept);
      parts.push(remembered({
        raiseBar: (lowest) => nearest.limitTo(ceiling.reachKm(classFacts, lowest - SCORE_ROUNDING)),
        next: () => {
          const found = nearest.next();
          return found && { index: found.index, known: known(found.index, need, found.km) };
        },
        ceiling: () => {
          const km = nearest.nextKm();
          return Number.isFinite(km) ? ceiling.of({ km, ...classFacts }) : Number.NEGATIVE_INFINITY;
        },
      }));
      const covering = new CoveringServices(snapshot, source.serviceClass, place, source.accept);
      parts.push(remembered({
        raiseBar: () => {},
        next: () => {
          const index = covering.next();
          return index === null ? null : { index, known: known(index, need, null) };
        },
        ceiling: () => {
          const assuredDate = covering.nextAssuredDate();
          return assuredDate === undefined ? Number.NEGATIVE_INFINITY : ceiling.of({ km: null, assuredDate, ...classFacts });
        },
      }));
    }
    /** The part whose next service could score highest, and that ceiling. */
    const best = (): [Stream, number] => {
      let top = parts[0]!;
      let topCeiling = top.ceiling();
      for (let n = 1; n < parts.length; n++) {
        const partCeiling = parts[n]!.ceiling();
        if (partCeiling > topCeiling) [top, topCeiling] = [parts[n]!, partCeiling];
      }
      return [top, topCeiling];
    };
    return {
      next: (lowest) => {
        const [part, partCeiling] = best();
        return partCeiling === Number.NEGATIVE_INFINITY || partCeiling < lowest - SCORE_ROUNDING ? null : part.next(lowest);
      },
      ceiling: () => best()[1],
      raiseBar: (lowest) => parts.forEach((part) => part.raiseBar(lowest)),
    };
  };
  /**
   * Per need, its four classes. A class is only looked into once it could matter: until then its
   * ceiling is the best its class could do anywhere (at no distance, the freshest), with no search.
   */
  const streams = new Map<NeedCode, Stream[]>();
  for (const need of needs) {
    const classes: Stream[] = [];
    for (const primaryNeed of [true, false]) {
      for (const interpretation of [true, false]) {
        const untouched = Math.max(ceiling.of({ km: 0, primaryNeed, interpretation }), ceiling.of({ km: null, primaryNeed, interpretation }));
        let stream: Stream | null = null;
        let bar = Number.NEGATIVE_INFINITY;
        classes.push({
          next: (lowest) => {
            if (!stream) {
              if (untouched < lowest - SCORE_ROUNDING) return null;
              stream = classStream(need, primaryNeed, interpretation);
              stream.raiseBar(bar);
            }
            return stream.next(lowest);
          },
          ceiling: () => (stream ? stream.ceiling() : untouched),
          raiseBar: (lowest) => {
            bar = lowest;
            stream?.raiseBar(lowest);
          },
        });
      }
    }
    streams.set(need, classes);
  }

  const candidates = new Map<number, CandidateService>();
  /** Per need, the lowest score among its results once they are full: what a newcomer must beat. */
  const toBeat = new Map<NeedCode, number>(needs.map((need) => [need, Number.NEGATIVE_INFINITY]));
  let open = needs;
  for (let quota = FIRST_ROUND; ; quota *= 2) {
    for (const need of open) {
      const lowest = toBeat.get(need)!;
      // Best class first; a round ends for the need once it has `quota` new candidates.
      const classes = streams
        .get(need)!
        .map((stream) => ({ stream, ceiling: stream.ceiling() }))
        .sort((a, b) => (a.ceiling === b.ceiling ? 0 : a.ceiling > b.ceiling ? -1 : 1))
        .map(({ stream }) => stream);
      let added = 0;
      for (const stream of classes) {
        while (added < quota) {
          const found = stream.next(lowest);
          if (!found) break;
          if (candidates.has(found.index) || ceiling.of(found.known) < lowest - SCORE_ROUNDING) continue;
          const candidate = candidateAt(snapshot, found.index);
          if (!candidate) continue;
          candidates.set(found.index, candidate);
          added++;
        }
        if (added >= quota) break;
      }
    }
    const list = [...candidates.values()];
    const outcome = matchServices(answers, list, now, options);
    for (const group of outcome.groups) {
      const full = group.results.length >= options.perNeed;
      const lowest = full ? Math.min(...group.results.map((result) => result.score)) : Number.NEGATIVE_INFINITY;
      toBeat.set(group.need, lowest);
      if (full) for (const stream of streams.get(group.need)!) stream.raiseBar(lowest);
    }
    open = open.filter((need) => streams.get(need)!.some((stream) => mayBeat(stream, toBeat.get(need)!)));
    if (open.length === 0) return { outcome, candidates: list };
  }
}

/** The services matching had to see for this family (see the module comment). */
export function findCandidates(db: Db, answers: FamilyAnswers, now: Date, radiusKm: number): CandidateService[] {
  return matchFromIndex(db, answers, now, { ...DEFAULT_MATCH_OPTIONS, radiusKm }).candidates;
}

/**
 * The stream, with its ceiling kept until it moves on or its bar is raised: a class asks every
 * part for its ceiling before each service it takes, and most parts have not moved since.
 */
function remembered(stream: Stream): Stream {
  let known: number | undefined;
  return {
    next(lowest) {
      known = undefined;
      return stream.next(lowest);
    },
    ceiling: () => (known ??= stream.ceiling()),
    raiseBar(lowest) {
      known = undefined;
      stream.raiseBar(lowest);
    },
  };
}

/** Whether a service still to come in the stream could score `lowest` or more (there is one, and its ceiling allows it). */
function mayBeat(stream: Stream, lowest: number): boolean {
  const ceiling = stream.ceiling();
  return ceiling !== Number.NEGATIVE_INFINITY && ceiling >= lowest - SCORE_ROUNDING;
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/**
 * Per snapshot, the services already read as candidates: the same nearby services are candidates
 * for family after family, and a snapshot never changes (a new one starts afresh). Matching only
 * reads them. Bounded, as the result cards are: past the bound, services are read anew.
 */
const readCandidates = new WeakMap<SearchSnapshot, Map<number, CandidateService | null>>();
const MAX_READ_CANDIDATES = 20_000;

/** Service i of the snapshot as matching sees it; null for a service outside every region. */
export function candidateAt(snapshot: SearchSnapshot, i: number): CandidateService | null {
  let read = readCandidates.get(snapshot);
  if (!read) readCandidates.set(snapshot, (read = new Map()));
  let candidate = read.get(i);
  if (candidate === undefined) {
    candidate = readCandidate(snapshot, i);
    if (read.size < MAX_READ_CANDIDATES) read.set(i, candidate);
  }
  return candidate;
}

function readCandidate(snapshot: SearchSnapshot, i: number): CandidateService | null {
  const region = snapshot.regions[i]!;
  if (!isRegionCode(region)) return null;
  const locations: CandidateService["locations"] = [];
  for (let n = snapshot.siteStart[i]!; n < snapshot.siteStart[i + 1]!; n++) {
    locations.push({ id: snapshot.siteLocationIds[n]!, lat: snapshot.siteLat[n]!, lng: snapshot.siteLng[n]! });
  }
  const serviceAreas: CandidateService["serviceAreas"] = [];
  for (let n = snapshot.areaStart[i]!; n < snapshot.areaStart[i + 1]!; n++) {
    serviceAreas.push({ name: snapshot.areaNames[n]!, extent: [snapshot.areaSouth[n]!, snapshot.areaWest[n]!, snapshot.areaNorth[n]!, snapshot.areaEast[n]!] });
  }
  const minimumAge = snapshot.minimumAge[i]!;
  const maximumAge = snapshot.maximumAge[i]!;
  return {
    id: snapshot.ids[i]!,
    organizationId: snapshot.organizationIds[i]!,
    status: "active",
    region,
    needs: paddedCodes(snapshot.needList[i]!).filter(isNeedCode),
    minimumAge: Number.isNaN(minimumAge) ? null : minimumAge,
    maximumAge: Number.isNaN(maximumAge) ? null : maximumAge,
    languages: paddedCodes(snapshot.languages[i]!),
    interpretation: snapshot.interpretation[i] === 1,
    free: snapshot.free[i] === 1,
    locations,
    serviceAreas,
    openingIntervals: openingIntervals(snapshot.hours[i]!),
    assuredDate: snapshot.assuredDates[i]!,
    audience: snapshot.audiences[i]!,
  };
}


/** service_search.hours as intervals, in order; matching reads them in each site's local time. */
function openingIntervals(hours: string): OpeningInterval[] {
  return parseHours(hours)
    .map(({ start, end }) => ({ start, end }))
    .sort((a, b) => a.start - b.start);
}
