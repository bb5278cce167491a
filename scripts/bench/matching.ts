/**
 * Matching figures: a family's results computed in-process (candidates from the in-memory index,
 * matched in rounds), and the pure matching alone on the candidates it needed, at several directory sizes.
 */
import type { Db } from "../../app/db.server";
import { findCandidates } from "../../app/matching/candidates.server";
import { DEFAULT_MATCH_OPTIONS, matchServices, radiusFor } from "../../app/matching/match";
import { matchForFamily } from "../../app/matching/results.server";
import { FAMILIES } from "./families";
import { ms, time } from "./stats";

/** Every benchmark family matched a few times: the index loaded, its trees built, the code compiled. */
export function warmUpMatching(db: Db) {
  const now = new Date("2026-11-23T16:30:00Z");
  for (let round = 0; round < 5; round++) for (const answers of FAMILIES) matchForFamily(db, answers, now);
}

export function benchMatching(label: string, db: Db, rounds: number) {
  const now = new Date("2026-11-23T16:30:00Z");
  const full = time(FAMILIES, rounds, (answers) => matchForFamily(db, answers, now));
  const prepared = FAMILIES.map((answers) => ({ answers, candidates: findCandidates(db, answers, now, radiusFor(answers)) }));
  const pure = time(prepared, rounds, ({ answers, candidates }) => matchServices(answers, candidates, now, { ...DEFAULT_MATCH_OPTIONS, radiusKm: radiusFor(answers) }));
  const candidates = prepared.map((entry) => entry.candidates.length).sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(18)} retrieval + matching p50 ${ms(full.p50).padStart(9)}  p95 ${ms(full.p95).padStart(9)}   ` +
      `matching alone p50 ${ms(pure.p50).padStart(8)}  p95 ${ms(pure.p95).padStart(8)}   candidates median ${candidates[candidates.length >> 1]}`,
  );
  return full;
}
