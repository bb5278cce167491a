/**
 * One family's results: matched by the pure core against the directory's search index.
 */
import type { Db } from "~/db.server";
import { matchFromIndex } from "./candidates.server";
import { DEFAULT_MATCH_OPTIONS, radiusFor } from "./match";
import type { FamilyAnswers, MatchOutcome } from "./types";

/** Radii a family can widen the search to, in km, after the default. */
export const WIDER_RADII_KM = [50, 100] as const;

export function matchForFamily(db: Db, answers: FamilyAnswers, now: Date, radiusKm = radiusFor(answers)): MatchOutcome & { radiusKm: number } {
  return { ...matchFromIndex(db, answers, now, { ...DEFAULT_MATCH_OPTIONS, radiusKm }).outcome, radiusKm };
}
