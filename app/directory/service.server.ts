/**
 * Everything a family needs to act on one service, read in the reader's language.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { prepared, type Db } from "~/db.server";
import type { Language } from "~/i18n/languages";
import { REGIONS, isRegionCode, type RegionCode } from "~/regions";
import { AUDIENCES_TAXONOMY_ID, onlyAudience, type Audience } from "~/taxonomy/audiences";
import { NEEDS_TAXONOMY_ID, isNeedCode, type NeedCode } from "~/taxonomy/needs";
import * as t from "../../db/schema";
import {
  effectiveSchedule,
  isWeekday,
  openingStatus,
  weeklyIntervals,
  type OpeningStatus,
  type ScheduleRow,
} from "./hours";
import type { PostalAddress } from "./address";
import { localizedField, type LocalizedText, type TranslationMap } from "./text";

export interface ServiceSite {
  id: string;
  name: string | null;
  address: PostalAddress | null;
  lat: number | null;
  lng: number | null;
  timeZone: string;
  hours: ScheduleRow[];
  opening: OpeningStatus;
}

export interface ServiceDetail {
  id: string;
  status: string;
  region: RegionCode;
  name: LocalizedText;
  /** The directory's own name, when the reader is shown a translation: what the sign and the phone answer say. */
  sourceName: { text: string; language: string } | null;
  description: LocalizedText | null;
  eligibility: LocalizedText | null;
  fees: LocalizedText | null;
  applicationProcess: LocalizedText | null;
  interpretation: LocalizedText | null;
  organization: { name: string; description: LocalizedText | null; website: string | null };
  minimumAge: number | null;
  maximumAge: number | null;
  free: boolean;
  needs: NeedCode[];
  /** Only for women or only for men; null for everyone. */
  audience: Audience | null;
  languages: string[];
  phones: Array<{ number: string; type: string | null; extension: string | null }>;
  url: string | null;
  email: string | null;
  assuredDate: string | null;
  serviceAreas: string[];
  /** Hours of a phone or online service (no sites), with its status. */
  hours: ScheduleRow[];
  opening: OpeningStatus;
  timeZone: string;
  sites: ServiceSite[];
}

function translationsOf(db: Db, entity: "organization" | "service", id: string, language: Language): TranslationMap {
  const rows = db
    .select({ field: t.translation.field, value: t.translation.value })
    .from(t.translation)
    .where(and(eq(t.translation.entity, entity), eq(t.translation.entity_id, id), eq(t.translation.language, language)))
    .all();
  return new Map([[language, new Map(rows.map((row) => [row.field, row.value]))]]);
}

function toRows(rows: Array<{ byday: string; opens_at: string; closes_at: string }>): ScheduleRow[] {
  return rows.flatMap((row) =>
    row.byday
      .split(",")
      .map((day) => day.trim().toUpperCase())
      .filter(isWeekday)
      .map((byday) => ({ byday, opensAt: row.opens_at, closesAt: row.closes_at })),
  );
}

export function getServiceDetail(db: Db, id: string, language: Language, now: Date): ServiceDetail | null {
  const row = db
    .select({ service: t.service, organization: t.organization })
    .from(t.service)
    .innerJoin(t.organization, eq(t.organization.id, t.service.organization_id))
    .where(eq(t.service.id, id))
    .get();
  if (!row || !isRegionCode(row.service.region)) return null;
  const { service, organization } = row;
  const region = row.service.region;
  const serviceTranslations = translationsOf(db, "service", id, language);
  const field = (name: keyof typeof service & string) =>
    localizedField(service[name] as string | null, service.source_language, name, serviceTranslations, language);

  const termsOf = (taxonomyId: string) =>
    db
      .select({ code: t.taxonomy_term.code })
      .from(t.attribute)
      .innerJoin(t.taxonomy_term, eq(t.taxonomy_term.id, t.attribute.taxonomy_term_id))
      .where(and(eq(t.attribute.link_id, id), eq(t.taxonomy_term.taxonomy_id, taxonomyId)))
      .all()
      .map((term) => term.code ?? "");
  const needs = termsOf(NEEDS_TAXONOMY_ID).filter(isNeedCode);
  const languages = db.select({ code: t.language.code }).from(t.language).where(eq(t.language.service_id, id)).all();
  const phones = db
    .select({ number: t.phone.number, type: t.phone.type, extension: t.phone.extension })
    .from(t.phone)
    .where(eq(t.phone.service_id, id))
    .all();
  const free = db
    .select({ id: t.cost_option.id })
    .from(t.cost_option)
    .where(and(eq(t.cost_option.service_id, id), eq(t.cost_option.amount, 0)))
    .get();

  const scheduleColumns = { byday: t.schedule.byday, opens_at: t.schedule.opens_at, closes_at: t.schedule.closes_at };
  const serviceHours = toRows(
    db
      .select(scheduleColumns)
      .from(t.schedule)
      .where(and(eq(t.schedule.service_id, id), isNull(t.schedule.location_id), isNull(t.schedule.service_at_location_id)))
      .all(),
  );

  const siteRows = db
    .select({ sal: t.service_at_location, location: t.location, address: t.address })
    .from(t.service_at_location)
    .innerJoin(t.location, eq(t.location.id, t.service_at_location.location_id))
    .leftJoin(t.address, eq(t.address.location_id, t.location.id))
    .where(eq(t.service_at_location.service_id, id))
    .orderBy(asc(t.service_at_location.id))
    .all();
  const salIds = siteRows.map((site) => site.sal.id);
  const locationIds = siteRows.map((site) => site.location.id);
  const salHours = salIds.length
    ? db.select({ ...scheduleColumns, key: t.schedule.service_at_location_id }).from(t.schedule).where(inArray(t.schedule.service_at_location_id, salIds)).all()
    : [];
  const locationHours = locationIds.length
    ? db
        .select({ ...scheduleColumns, key: t.schedule.location_id })
        .from(t.schedule)
        .where(and(inArray(t.schedule.location_id, locationIds), isNull(t.schedule.service_id)))
        .all()
    : [];

  const sites: ServiceSite[] = siteRows.map(({ sal, location, address }) => {
    const hours = [
      ...effectiveSchedule(
        toRows(salHours.filter((hour) => hour.key === sal.id)),
        serviceHours,
        toRows(locationHours.filter((hour) => hour.key === location.id)),
      ),
    ];
    return {
      id: location.id,
      name: location.name,
      address: address
        ? {
            line: [address.address_1, address.address_2].filter(Boolean).join(", "),
            city: address.city,
            postalCode: address.postal_code,
            stateProvince: address.state_province,
            country: address.country,
          }
        : null,
      lat: location.latitude,
      lng: location.longitude,
      timeZone: location.time_zone,
      hours,
      opening: openingStatus(weeklyIntervals(hours), now, location.time_zone),
    };
  });

  const timeZone = REGIONS[region].timeZone;
  const name = field("name")!;
  return {
    id,
    status: service.status,
    region,
    name,
    // A name shown in the directory's own language (the reader's, or no translation) is that name already.
    sourceName: name.language !== service.source_language ? { text: service.name, language: service.source_language } : null,
    description: field("description"),
    eligibility: field("eligibility_description"),
    fees: field("fees_description"),
    applicationProcess: field("application_process"),
    interpretation: field("interpretation_services"),
    organization: {
      name: organization.name,
      description: localizedField(
        organization.description,
        organization.source_language,
        "description",
        translationsOf(db, "organization", organization.id, language),
        language,
      ),
      website: organization.website,
    },
    minimumAge: service.minimum_age,
    maximumAge: service.maximum_age,
    audience: onlyAudience(termsOf(AUDIENCES_TAXONOMY_ID)),
    free: Boolean(free),
    needs,
    languages: languages.map((entry) => entry.code),
    phones,
    url: service.url,
    email: service.email,
    assuredDate: service.assured_date,
    serviceAreas: (areaNamesIn(db, [id], language).get(id) ?? []).map((area) => area.name),
    hours: serviceHours,
    opening: openingStatus(weeklyIntervals(serviceHours), now, timeZone),
    timeZone,
    sites,
  };
}

/**
 * The names of the services' areas in `language`, by service: the translation where there is one,
 * else the directory's own words (area names are mostly place names). `source` is the name as
 * stored, which matching reasons carry.
 */
export function areaNamesIn(db: Db, serviceIds: string[], language: Language): Map<string, Array<{ source: string; name: string }>> {
  const byService = new Map<string, Array<{ source: string; name: string }>>();
  if (serviceIds.length === 0) return byService;
  // A results page asks on every request: a statement prepared once (db.server.ts), not built anew.
  const rows = prepared(
    db,
    `SELECT sa.service_id, sa.name, tr.value FROM service_area sa
       LEFT JOIN translation tr ON tr.entity = 'service_area' AND tr.entity_id = sa.id AND tr.field = 'name' AND tr.language = ?
      WHERE sa.service_id IN (${serviceIds.map(() => "?").join(",")}) ORDER BY sa.id`,
  )
    .raw()
    .all(language, ...serviceIds) as Array<[string | null, string | null, string | null]>;
  for (const [serviceId, source, translated] of rows) {
    if (!serviceId || !source) continue;
    const areas = byService.get(serviceId) ?? [];
    areas.push({ source, name: translated ?? source });
    byService.set(serviceId, areas);
  }
  return byService;
}
