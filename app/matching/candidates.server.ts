/**
 * The candidates matching looks at, for one family. Matching itself is pure (match.ts); this decides
 * which services are worth scoring, so that the work grows far slower than the directory:
 * - per need, the nearest services around the place within the radius (a k-d tree per need, so a
 *   dense city costs no more than a village); the score's distance decay makes services beyond the
 *   nearest fifty per need very unlikely winners;
 * - per need, the phone and online services whose service area covers the place (most recently
 *   verified first, capped);
 * all active (only active services are indexed), serving the need and free when asked. Age,
 * language and hours are scored by matching, which sees everything it needs about each candidate.
 *
 * Everything is read from the search index held in memory (search-snapshot.server.ts), not from
 * the directory's tables: at 100 000 services joining a few hundred candidates' rows took longer
 * than everything else a results page does.
 */
import type { Db } from "~/db.server";
import {
  coveringServicesWithNeed,
  nearestServicesWithNeed,
  searchSnapshot,
  type SearchSnapshot,
} from "~/directory/search-snapshot.server";
import type { OpeningInterval } from "~/directory/hours";
import { isRegionCode } from "~/regions";
import { isNeedCode } from "~/taxonomy/needs";
import type { CandidateService, FamilyAnswers } from "./types";

/** Nearest services kept per need: far more than a page shows, so the score still has room to choose. */
export const NEAREST_PER_NEED = 50;
/** Phone and online services kept per need. */
export const AREA_SERVICES_PER_NEED = 40;

/** The services worth scoring for this family (see the module comment). Needs a place. */
export function findCandidates(db: Db, answers: FamilyAnswers, radiusKm: number): CandidateService[] {
  const place = answers.place;
  if (!place) return [];
  const snapshot = searchSnapshot(db);
  const accept = answers.freeOnly ? (i: number) => snapshot.free[i] === 1 : () => true;
  const chosen = new Set<number>();
  for (const need of answers.needs) {
    for (const i of nearestServicesWithNeed(snapshot, need, place, radiusKm, NEAREST_PER_NEED, accept)) chosen.add(i);
    for (const i of coveringServicesWithNeed(snapshot, need, place, AREA_SERVICES_PER_NEED, accept)) chosen.add(i);
  }
  const candidates: CandidateService[] = [];
  for (const i of chosen) {
    const candidate = candidateAt(snapshot, i);
    if (candidate) candidates.push(candidate);
  }
  return candidates;
}

/** Service i of the snapshot as matching sees it; null for a service outside every region. */
export function candidateAt(snapshot: SearchSnapshot, i: number): CandidateService | null {
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
    needs: codes(snapshot.needList[i]!).filter(isNeedCode),
    minimumAge: Number.isNaN(minimumAge) ? null : minimumAge,
    maximumAge: Number.isNaN(maximumAge) ? null : maximumAge,
    languages: codes(snapshot.languages[i]!),
    interpretation: snapshot.interpretation[i] === 1,
    free: snapshot.free[i] === 1,
    locations,
    serviceAreas,
    openingIntervals: openingIntervals(snapshot.hours[i]!),
    assuredDate: snapshot.assuredDates[i]!,
  };
}

/** " cs vi " → ["cs", "vi"]. */
const codes = (padded: string): string[] => padded.split(" ").filter(Boolean);

/** service_search.hours ("zone start end;…") as intervals, in order; matching reads them in each site's local time. */
function openingIntervals(hours: string): OpeningInterval[] {
  if (!hours) return [];
  return hours
    .split(";")
    .map((interval) => {
      const [, start, end] = interval.split(" ");
      return { start: Number(start), end: Number(end) };
    })
    .sort((a, b) => a.start - b.start);
}
