/**
 * The inputs and outputs of matching: what a family told us, what the directory offers, and the
 * ranked, explained result. Pure data — no database, no language: reasons are codes with values,
 * and the page puts them into words in the family's language.
 */
import type { Audience } from "~/taxonomy/audiences";
import type { NeedCode } from "~/taxonomy/needs";
import type { RegionCode } from "~/regions";
import type { OpeningInterval } from "~/directory/hours";

export const CAREGIVER_ROLES = ["mother", "father", "grandparent", "foster-kinship", "other-caregiver", "professional"] as const;
export type CaregiverRole = (typeof CAREGIVER_ROLES)[number];

export interface FamilyPlace {
  lat: number;
  lng: number;
  region: RegionCode;
  /** What the family typed or picked, for display and for a shareable link. */
  label: string;
}

export interface FamilyAnswers {
  role: CaregiverRole | null;
  pregnant: boolean;
  /** Each child's age in whole months (0 = newborn). */
  childAgesMonths: number[];
  /**
   * The ages are whole years, as a shared link carries them (never exact months): each stands for
   * any month of its year, so "age=0" fits a service for babies from 6 months.
   */
  agesInYears?: boolean;
  place: FamilyPlace | null;
  needs: NeedCode[];
  /** BCP 47 language codes the family prefers, e.g. ["vi", "cs"]. */
  languages: string[];
  freeOnly: boolean;
  eveningsOrWeekends: boolean;
  noCar: boolean;
}

export interface CandidateLocation {
  id: string;
  lat: number;
  lng: number;
}

export interface CandidateServiceArea {
  /** Display name of the area in the family's language, e.g. "all of An Giang". */
  name: string;
  /** [south, west, north, east]. */
  extent: [number, number, number, number];
}

export interface CandidateService {
  id: string;
  organizationId: string;
  status: "active" | "inactive" | "defunct" | "temporarily closed";
  region: RegionCode;
  needs: NeedCode[];
  /** Ages in years, as in HSDS; null when the service has no limit on that side. */
  minimumAge: number | null;
  maximumAge: number | null;
  languages: string[];
  interpretation: boolean;
  free: boolean;
  /** Physical locations; empty for phone and online services. */
  locations: CandidateLocation[];
  /** Where phone and online services are offered. */
  serviceAreas: CandidateServiceArea[];
  /** Local-week opening intervals (see directory/hours.ts), union over the service's locations. */
  openingIntervals: OpeningInterval[];
  /** "YYYY-MM-DD" or null. */
  assuredDate: string | null;
  /** Only for women, or only for men; null for everyone. */
  audience: Audience | null;
}

export type MatchReason =
  | { kind: "need"; need: NeedCode }
  | { kind: "ages"; minimumAge: number | null; maximumAge: number | null }
  | { kind: "pregnancy" }
  | { kind: "distance"; km: number }
  | { kind: "service-area"; areaName: string }
  | { kind: "speaks"; language: string }
  | { kind: "interpretation" }
  | { kind: "free" }
  | { kind: "evenings" }
  | { kind: "weekends"; days: Array<"SA" | "SU"> }
  | { kind: "verified"; date: string };

export interface MatchedService {
  serviceId: string;
  score: number;
  /** Distance to the nearest location; null for phone and online services or without a place. */
  distanceKm: number | null;
  nearestLocationId: string | null;
  reasons: MatchReason[];
}

export interface NeedResults {
  need: NeedCode;
  results: MatchedService[];
}

export interface MatchOutcome {
  /** One group per need asked, in the order asked. */
  groups: NeedResults[];
  /** Needs asked for which nothing suitable was found. */
  unmetNeeds: NeedCode[];
}

export interface MatchOptions {
  /** Search radius around the family's place; smaller when the family has no car. */
  radiusKm: number;
  /** Results per need at most. */
  perNeed: number;
  /** Results from one organization per need at most. */
  perOrganization: number;
}
