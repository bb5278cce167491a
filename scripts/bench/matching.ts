/**
 * Matching figures: a family's results computed in-process (candidates from the in-memory index,
 * matched in rounds), and the pure matching alone on the candidates it needed, at several directory sizes.
 */
import type { Db } from "../../app/db.server";
import { findCandidates } from "../../app/matching/candidates.server";
import { DEFAULT_MATCH_OPTIONS, matchServices, radiusFor } from "../../app/matching/match";
import { matchForFamily } from "../../app/matching/results.server";
import { FAMILIES } from "./families";
import { ms, percentile } from "./stats";

const NOW = new Date("2026-11-23T16:30:00Z");

/**
 * Matching at each directory size, timed in turns — a round of every family at one size, then at the
 * next — so that the machine slowing down or speeding up (this one shares its cores) weighs on every
 * size alike, and the growth between sizes is not the machine's. Every size is matched a few times
 * before any is timed: the index loaded, its trees built, the code compiled. Returns the p50s.
 */
export function benchMatching(directories: Array<{ label: string; db: Db }>, rounds: number): number[] {
  for (const { db } of directories) for (let round = 0; round < 5; round++) for (const answers of FAMILIES) matchForFamily(db, answers, NOW);
  const prepared = directories.map(({ db }) => FAMILIES.map((answers) => ({ answers, candidates: findCandidates(db, answers, NOW, radiusFor(answers)) })));
  const full: number[][] = directories.map(() => []);
  const pure: number[][] = directories.map(() => []);
  for (let round = 0; round < rounds; round++) {
    directories.forEach(({ db }, n) => {
      for (const answers of FAMILIES) full[n]!.push(timed(() => matchForFamily(db, answers, NOW)));
      for (const { answers, candidates } of prepared[n]!) {
        pure[n]!.push(timed(() => matchServices(answers, candidates, NOW, { ...DEFAULT_MATCH_OPTIONS, radiusKm: radiusFor(answers) })));
      }
    });
  }
  return directories.map(({ label }, n) => {
    const [fullSorted, pureSorted] = [full[n]!.sort((a, b) => a - b), pure[n]!.sort((a, b) => a - b)];
    const candidates = prepared[n]!.map((entry) => entry.candidates.length).sort((a, b) => a - b);
    console.log(
      `  ${label.padEnd(18)} retrieval + matching p50 ${ms(percentile(fullSorted, 50)).padStart(9)}  p95 ${ms(percentile(fullSorted, 95)).padStart(9)}   ` +
        `matching alone p50 ${ms(percentile(pureSorted, 50)).padStart(8)}  p95 ${ms(percentile(pureSorted, 95)).padStart(8)}   ` +
        `candidates median ${candidates[candidates.length >> 1]}`,
    );
    return percentile(fullSorted, 50);
  });
}

function timed(task: () => unknown): number {
  const started = process.hrtime.bigint();
  task();
  return Number(process.hrtime.bigint() - started) / 1e6;
}
