import type { Language } from "~/i18n/languages";

/** The three regions the portal serves. Codes are stable: they are stored in the database and in URLs. */
export const REGION_CODES = ["us-la", "vn-an-giang", "cz-jm"] as const;
export type RegionCode = (typeof REGION_CODES)[number];

export interface Region {
  code: RegionCode;
  /** ISO 3166-1 alpha-2, used for addresses and phone numbers. */
  country: "US" | "VN" | "CZ";
  /** IANA time zone: opening hours are kept in local time and read in this zone. */
  timeZone: string;
  /** The language most directory records of the region are written in. */
  sourceLanguage: Language;
  /** [south, west, north, east] in degrees: a generous box around the region (whether a point is in it: geo/region-at.ts). */
  bounds: [number, number, number, number];
  center: [number, number];
}

export const REGIONS: Record<RegionCode, Region> = {
  "us-la": {
    code: "us-la",
    country: "US",
    timeZone: "America/Los_Angeles",
    sourceLanguage: "en",
    bounds: [33.28, -118.95, 34.83, -117.64],
    center: [34.05, -118.25],
  },
  "vn-an-giang": {
    code: "vn-an-giang",
    country: "VN",
    timeZone: "Asia/Ho_Chi_Minh",
    sourceLanguage: "vi",
    // An Giang after the 2025 merger with Kiên Giang (Phú Quốc included).
    bounds: [9.55, 103.8, 10.98, 105.62],
    center: [10.39, 105.43],
  },
  "cz-jm": {
    code: "cz-jm",
    country: "CZ",
    timeZone: "Europe/Prague",
    sourceLanguage: "cs",
    bounds: [48.61, 15.54, 49.63, 17.65],
    center: [49.19, 16.61],
  },
};

export function isRegionCode(value: unknown): value is RegionCode {
  return typeof value === "string" && (REGION_CODES as readonly string[]).includes(value);
}

/** The region whose directory is written in the language: where a reader of it most likely is. */
export function regionOfLanguage(language: Language): RegionCode {
  return REGION_CODES.find((code) => REGIONS[code].sourceLanguage === language) ?? REGION_CODES[0];
}
