/**
 * Configuration from the environment, read and checked once. Only `publicConfig` reaches browsers.
 */
import os from "node:os";

function integer(name: string, fallback: number, minimum: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) throw new Error(`${name} must be a whole number of at least ${minimum}, got "${raw}"`);
  return value;
}

export const config = {
  /** 0 picks any free port (the browser tests use it). */
  port: integer("PORT", 3000, 0),
  databasePath: process.env.DATABASE_PATH || "data/family-navigator.sqlite",
  /** Server processes sharing the port (`npm start`): by default one per CPU core. */
  workers: integer("WEB_CONCURRENCY", os.availableParallelism(), 1),
  /** Where the quick-exit control sends a visitor: a neutral, everyday site. */
  quickExitUrl: process.env.QUICK_EXIT_URL || "https://www.google.com/search?q=weather",
  tileUrl: process.env.MAP_TILE_URL || "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
  /** HTML; without it, OpenStreetMap's attribution in the page's language (common:map.osmAttribution). */
  tileAttribution: process.env.MAP_TILE_ATTRIBUTION || null,
};

export interface PublicConfig {
  quickExitUrl: string;
  map: { tileUrl: string; attribution: string | null };
}

export const publicConfig: PublicConfig = {
  quickExitUrl: config.quickExitUrl,
  map: { tileUrl: config.tileUrl, attribution: config.tileAttribution },
};

/**
 * Signs the cookie that holds questionnaire answers. Set SESSION_SECRET in production; without it a
 * random secret is made at start, so answers in progress are lost when the server restarts.
 */
export const cookieSecret = process.env.SESSION_SECRET || crypto.randomUUID();
export const secureCookies = process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1";
