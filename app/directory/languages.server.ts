import type { Db } from "~/db.server";
import type { RegionCode } from "~/regions";

const CACHE_MS = 5 * 60_000;

interface Spoken {
  at: number;
  codes: string[];
  byRegion: Map<string, string[]>;
}

const cache = new WeakMap<Db, Spoken>();

/**
 * The languages the directory's services speak: all of them, and each region's, most spoken first.
 * Read at most every few minutes: the lists change only when the directory does, and reading them
 * scans an index.
 */
function spoken(db: Db, now: number): Spoken {
  const cached = cache.get(db);
  if (cached && now - cached.at < CACHE_MS) return cached;
  const codes = db.$client.prepare("SELECT DISTINCT code FROM language ORDER BY code").pluck().all() as string[];
  const rows = db.$client
    .prepare(
      `SELECT service.region, language.code, COUNT(DISTINCT service.id) AS services
       FROM language JOIN service ON service.id = language.service_id
       WHERE service.status = 'active'
       GROUP BY service.region, language.code
       ORDER BY service.region, services DESC, language.code`,
    )
    .all() as Array<{ region: string; code: string }>;
  const byRegion = new Map<string, string[]>();
  for (const row of rows) {
    const regionCodes = byRegion.get(row.region) ?? [];
    regionCodes.push(row.code);
    byRegion.set(row.region, regionCodes);
  }
  const fresh = { at: now, codes, byRegion };
  cache.set(db, fresh);
  return fresh;
}

/** The languages some service in the directory speaks, for the search filter. */
export function spokenLanguages(db: Db, now = Date.now()): string[] {
  return spoken(db, now).codes;
}

/**
 * The languages the questionnaire offers a family in `region`: those the region's active services
 * speak, the most spoken first, then the rest of the directory's. A family in Brno sees Czech,
 * Ukrainian and Vietnamese first, not Armenian and Khmer, which only Los Angeles services speak; those
 * stay within reach, as a family may still prefer them.
 */
export function languagesForRegion(db: Db, region: RegionCode | null, now = Date.now()): { near: string[]; others: string[] } {
  const { codes, byRegion } = spoken(db, now);
  const near = region ? (byRegion.get(region) ?? []) : codes;
  return { near, others: codes.filter((code) => !near.includes(code)) };
}
