/**
 * Writes the demo directory (db/seed/demo/*.ts) into the database as HSDS rows plus translations,
 * then builds the search index. Idempotent through seedIfEmpty(); seedDemoDirectory() expects an
 * empty directory.
 */
import { count } from "drizzle-orm";
import type { Db } from "../../app/db.server";
import { reindexServices } from "../../app/directory/search-index.server";
import { WEEKDAYS } from "../../app/directory/hours";
import { LANGUAGES, type Language, type Localized } from "../../app/i18n/languages";
import { REGIONS } from "../../app/regions";
import { audienceTermId } from "../../app/taxonomy/audiences";
import { NEED_CODES, NEEDS_TAXONOMY_ID, OPEN_ELIGIBILITY, needTermId } from "../../app/taxonomy/needs";
import enTaxonomy from "../../locales/en/taxonomy.json";
import * as t from "../schema";
import { anGiang } from "./demo/an-giang";
import { losAngeles } from "./demo/los-angeles";
import { southMoravia } from "./demo/south-moravia";
import type { DemoRegion, WeeklyHours } from "./demo/types";
import { stableUuid } from "./stable-id";

export const DEMO_REGIONS: DemoRegion[] = [losAngeles, anGiang, southMoravia];

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

type TranslatedEntity = "organization" | "service" | "location" | "service_area";

function scheduleRows(hours: WeeklyHours): Array<{ byday: string; opens_at: string; closes_at: string }> {
  if (hours === "24/7") return WEEKDAYS.map((byday) => ({ byday, opens_at: "00:00", closes_at: "24:00" }));
  return WEEKDAYS.flatMap((byday) => (hours[byday] ?? []).map(([opens_at, closes_at]) => ({ byday, opens_at, closes_at })));
}

function boxPolygon([south, west, north, east]: readonly [number, number, number, number]): string {
  return JSON.stringify({
    type: "Polygon",
    coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
  });
}

export function seedDemoDirectory(db: Db): { organizations: number; services: number } {
  let organizations = 0;
  let services = 0;
  db.transaction((tx) => {
    const translations: Array<typeof t.translation.$inferInsert> = [];
    const translate = (entity: TranslatedEntity, entityId: string, field: string, text: Localized | undefined, source: Language) => {
      if (!text) return null;
      for (const language of LANGUAGES) {
        if (language !== source && text[language]) translations.push({ entity, entity_id: entityId, field, language, value: text[language] });
      }
      return text[source];
    };

    tx.insert(t.taxonomy)
      .values({
        id: NEEDS_TAXONOMY_ID,
        name: "Family Navigator needs",
        description: "The needs families can ask for help with. Mapped to Open Eligibility v2.0 where a term fits.",
        version: "1",
      })
      .run();
    for (const code of NEED_CODES) {
      const openEligibility = OPEN_ELIGIBILITY[code];
      tx.insert(t.taxonomy_term)
        .values({
          id: needTermId(code),
          code,
          name: enTaxonomy.needs[code].name,
          description: enTaxonomy.needs[code].description,
          taxonomy_id: NEEDS_TAXONOMY_ID,
          language: "en",
          term_uri: openEligibility ? `open-eligibility:${openEligibility.id}` : null,
        })
        .run();
    }

    const serviceIds: string[] = [];
    for (const demo of DEMO_REGIONS) {
      const region = REGIONS[demo.region];
      const orgLanguage = new Map<string, Language>();
      for (const org of demo.organizations) {
        const id = stableUuid(`organization:${org.key}`);
        const source = org.sourceLanguage ?? region.sourceLanguage;
        orgLanguage.set(org.key, source);
        tx.insert(t.organization)
          .values({
            id,
            name: org.name,
            description: translate("organization", id, "description", org.description, source) ?? "",
            website: org.website ?? null,
            email: org.email ?? null,
            source_language: source,
          })
          .run();
        organizations++;
      }

      for (const s of demo.services) {
        const id = stableUuid(`service:${s.key}`);
        const organizationId = stableUuid(`organization:${s.organization}`);
        const source = orgLanguage.get(s.organization);
        if (!source) throw new Error(`Demo service ${s.key} names unknown organization ${s.organization}`);
        tx.insert(t.service)
          .values({
            id,
            organization_id: organizationId,
            name: translate("service", id, "name", s.name, source)!,
            description: translate("service", id, "description", s.description, source) ?? "",
            url: s.url ?? null,
            email: s.email ?? null,
            status: s.status ?? "active",
            interpretation_services: translate("service", id, "interpretation_services", s.interpretation, source),
            application_process: translate("service", id, "application_process", s.applicationProcess, source),
            fees_description: translate("service", id, "fees_description", s.fees, source),
            eligibility_description: translate("service", id, "eligibility_description", s.eligibility, source),
            minimum_age: s.minimumAge ?? null,
            maximum_age: s.maximumAge ?? null,
            assured_date: s.assuredDate,
            last_modified: s.assuredDate,
            source_language: source,
            region: demo.region,
          })
          .run();
        serviceIds.push(id);
        services++;

        for (const need of s.needs) {
          tx.insert(t.attribute)
            .values({ id: stableUuid(`attribute:${s.key}:${need}`), link_id: id, link_entity: "service", link_type: "need", taxonomy_term_id: needTermId(need) })
            .run();
        }
        if (s.audience) {
          tx.insert(t.attribute)
            .values({ id: stableUuid(`attribute:${s.key}:${s.audience}`), link_id: id, link_entity: "service", link_type: "audience", taxonomy_term_id: audienceTermId(s.audience) })
            .run();
        }
        for (const code of s.languages) {
          tx.insert(t.language)
            .values({ id: stableUuid(`language:${s.key}:${code}`), service_id: id, code, name: languageNames.of(code) ?? code })
            .run();
        }
        s.phones.forEach((p, index) => {
          tx.insert(t.phone)
            .values({ id: stableUuid(`phone:${s.key}:${index}`), service_id: id, number: p.number, type: p.type ?? "voice" })
            .run();
        });
        tx.insert(t.cost_option)
          .values({
            id: stableUuid(`cost:${s.key}`),
            service_id: id,
            option: s.free ? "Free" : "Fee",
            amount: s.free ? 0 : null,
            currency: s.free ? null : { US: "USD", VN: "VND", CZ: "CZK" }[region.country],
            amount_description: s.free ? null : (s.fees?.[source] ?? null),
          })
          .run();
        for (const row of scheduleRows(s.hours)) {
          tx.insert(t.schedule).values({ id: stableUuid(`schedule:${s.key}:${row.byday}:${row.opens_at}`), service_id: id, ...row }).run();
        }
        // A phone or online service that lists no area covers the whole region.
        const areas: Array<{ name?: Localized; extent?: [number, number, number, number] }> = s.serviceAreas ?? (s.locations.length === 0 ? [{}] : []);
        areas.forEach((area, index) => {
          const extent = area.extent ?? region.bounds;
          const [south, west, north, east] = extent;
          // The first area keeps the id it had when a service could have only one.
          const areaId = stableUuid(index === 0 ? `area:${s.key}` : `area:${s.key}:${index}`);
          tx.insert(t.service_area)
            .values({
              id: areaId,
              service_id: id,
              name: translate("service_area", areaId, "name", area.name, source) ?? region.code,
              extent: boxPolygon(extent),
              extent_type: "geojson",
              south,
              west,
              north,
              east,
            })
            .run();
        });

        s.locations.forEach((place, index) => {
          const locationId = stableUuid(`location:${s.key}:${index}`);
          tx.insert(t.location)
            .values({
              id: locationId,
              organization_id: organizationId,
              location_type: "physical",
              name: place.name,
              latitude: place.latitude,
              longitude: place.longitude,
              time_zone: region.timeZone,
              source_language: source,
            })
            .run();
          tx.insert(t.address)
            .values({
              id: stableUuid(`address:${s.key}:${index}`),
              location_id: locationId,
              address_1: place.address1,
              city: place.city,
              state_province: place.stateProvince,
              postal_code: place.postalCode ?? "",
              country: region.country,
            })
            .run();
          const salId = stableUuid(`service_at_location:${s.key}:${index}`);
          tx.insert(t.service_at_location).values({ id: salId, service_id: id, location_id: locationId }).run();
          if (place.hours) {
            for (const row of scheduleRows(place.hours)) {
              tx.insert(t.schedule)
                .values({ id: stableUuid(`schedule:${s.key}:${index}:${row.byday}:${row.opens_at}`), service_at_location_id: salId, ...row })
                .run();
            }
          }
        });
      }
    }
    for (const row of translations) tx.insert(t.translation).values(row).run();
    reindexServices(db, serviceIds);
  });
  return { organizations, services };
}

export function seedIfEmpty(db: Db): { organizations: number; services: number } | null {
  const [row] = db.select({ n: count() }).from(t.organization).all();
  if ((row?.n ?? 0) > 0) return null;
  return seedDemoDirectory(db);
}
