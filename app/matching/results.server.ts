/**
 * One family's results: candidates from the database, matched by the pure core.
 */
import type { Db } from "~/db.server";
import { findCandidates } from "./candidates.server";
import { DEFAULT_MATCH_OPTIONS, matchServices, radiusFor } from "./match";
import type { FamilyAnswers, MatchOutcome } from "./types";

/** Radii a family can widen the search to, in km, after the default. */
export const WIDER_RADII_KM = [50, 100] as const;

export function matchForFamily(db: Db, answers: FamilyAnswers, now: Date, radiusKm = radiusFor(answers)): MatchOutcome & { radiusKm: number } {
  const candidates = findCandidates(db, answers, radiusKm);
  return { ...matchServices(answers, candidates, now, { ...DEFAULT_MATCH_OPTIONS, radiusKm }), radiusKm };
}
