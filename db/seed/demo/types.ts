/**
 * The shape of the demo directory as written by hand. scripts/seed.ts turns it into
 * HSDS-shaped rows (organization, service, location, address, phone, schedule, …).
 * Everything a family reads is written in all three languages.
 */
import type { Localized, Language } from "../../../app/i18n/languages";
import type { Audience } from "../../../app/taxonomy/audiences";
import type { NeedCode } from "../../../app/taxonomy/needs";
import type { RegionCode } from "../../../app/regions";

export type Weekday = "MO" | "TU" | "WE" | "TH" | "FR" | "SA" | "SU";

/**
 * Opening hours per weekday as ["HH:MM", "HH:MM"] pairs in the location's local time.
 * A closing time earlier than or equal to the opening time means "past midnight"
 * (["22:00", "02:00"] on FR is Friday 22:00 to Saturday 02:00); ["00:00", "24:00"] is the whole day.
 * "24/7" means always open. Days left out are closed.
 */
export type WeeklyHours = "24/7" | Partial<Record<Weekday, Array<[string, string]>>>;

export interface DemoOrganization {
  /** Stable key, unique across the whole demo directory, e.g. "la-harbor-family-center". */
  key: string;
  /** A fictional proper name, in the organization's own language, ending in " (Demo)". Never translated. */
  name: string;
  description: Localized;
  website?: string;
  email?: string;
  /** Language the organization writes its own records in; defaults to the region's. */
  sourceLanguage?: Language;
}

export interface DemoLocation {
  /** Proper name of the site, e.g. "Long Beach – Cambodia Town office". Kept as written. */
  name: string;
  address1: string;
  city: string;
  /** US: "CA"; VN: "An Giang"; CZ: "Jihomoravský kraj". */
  stateProvince: string;
  postalCode?: string;
  latitude: number;
  longitude: number;
  /** Hours of this site when they differ from the service's. */
  hours?: WeeklyHours;
}

export interface DemoPhone {
  /** As written locally, e.g. "(562) 555-0142", "0296 3 841 234", "+420 541 555 120". Fictional (555 / unassigned ranges). */
  number: string;
  type?: "voice" | "text" | "fax";
}

export interface DemoService {
  /** Stable key, unique across the whole demo directory, e.g. "la-017". */
  key: string;
  organization: string;
  needs: NeedCode[];
  name: Localized;
  description: Localized;
  eligibility?: Localized;
  fees?: Localized;
  applicationProcess: Localized;
  /** Only for women (a mothers' group, a women's shelter) or only for men; leave out when it takes anyone. */
  audience?: Audience;
  /** Ages in years (0.5 = six months); leave out when the service has no age limit. */
  minimumAge?: number;
  maximumAge?: number;
  free: boolean;
  /** BCP 47 codes of the languages staff speak: "en", "es", "vi", "cs", "km", "zh", "hy", "ko", "tl", "sk", "uk", "ru", "de"… */
  languages: string[];
  /** Interpretation arranged on request, described in the three languages. */
  interpretation?: Localized;
  url?: string;
  email?: string;
  phones: DemoPhone[];
  /** Empty for phone-only and online services. */
  locations: DemoLocation[];
  hours: WeeklyHours;
  /**
   * The areas the service covers. Phone and online services: without any, the whole region. A
   * service with locations that lists areas serves only families inside them (matching and the
   * search hold it to them).
   */
  serviceAreas?: Array<{
    name: Localized;
    /** [south, west, north, east] when the area is less than the region. */
    extent?: [number, number, number, number];
  }>;
  /** Date the record was last checked, "YYYY-MM-DD", between 2025-06-01 and 2026-11-15. */
  assuredDate: string;
  status?: "active" | "inactive";
}

export interface DemoRegion {
  region: RegionCode;
  organizations: DemoOrganization[];
  services: DemoService[];
}
