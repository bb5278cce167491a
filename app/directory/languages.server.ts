import type { Db } from "~/db.server";

const CACHE_MS = 5 * 60_000;
const cache = new WeakMap<Db, { at: number; codes: string[] }>();

/**
 * The languages some service in the directory speaks, for the search filter. Read at most every few
 * minutes: the list changes only when the directory does, and reading it scans an index.
 */
export function spokenLanguages(db: Db, now = Date.now()): string[] {
  const cached = cache.get(db);
  if (cached && now - cached.at < CACHE_MS) return cached.codes;
  const codes = db.$client.prepare("SELECT DISTINCT code FROM language ORDER BY code").pluck().all() as string[];
  cache.set(db, { at: now, codes });
  return codes;
}
