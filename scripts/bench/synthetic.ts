/**
 * A synthetic directory for benchmarks: N services spread over the three regions around real towns,
 * with text in three languages, needs, languages, ages, costs, hours, and phone-only services.
 * Deterministic (seeded PRNG), written with raw prepared statements for speed, then indexed through
 * the same reindexServices() the application uses.
 */
import type { Db } from "../../app/db.server";
import { reindexServices } from "../../app/directory/search-index.server";
import { REGIONS, type RegionCode } from "../../app/regions";
import { audienceTermId } from "../../app/taxonomy/audiences";
import { NEED_CODES, NEEDS_TAXONOMY_ID, needTermId } from "../../app/taxonomy/needs";

function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const TOWNS: Record<RegionCode, Array<[number, number]>> = {
  "us-la": [[34.05, -118.25], [33.77, -118.19], [34.06, -117.75], [34.69, -118.15], [34.58, -118.12], [34.19, -118.45], [33.92, -118.35], [34.07, -118.03], [34.15, -118.14], [33.94, -118.24]],
  "vn-an-giang": [[10.39, 105.43], [10.7, 105.12], [10.8, 105.24], [10.6, 105.32], [10.01, 105.08], [10.45, 105.2], [10.52, 105.5]],
  "cz-jm": [[49.195, 16.61], [48.855, 16.05], [48.76, 16.88], [48.85, 17.13], [49.28, 16.99], [49.37, 16.64], [49.01, 17.12], [48.81, 16.64]],
};

const WORDS: Record<"en" | "vi" | "cs", string[]> = {
  en: ["family", "support", "center", "parenting", "class", "health", "clinic", "food", "pantry", "housing", "help", "counseling", "childcare", "legal", "advice", "early", "learning", "father", "group", "home", "visit"],
  vi: ["gia đình", "hỗ trợ", "trung tâm", "tư vấn", "lớp học", "sức khỏe", "trạm y tế", "thực phẩm", "nhà ở", "giúp đỡ", "giữ trẻ", "pháp lý", "mầm non", "người cha", "nhóm", "thăm nhà", "đăng ký"],
  cs: ["rodina", "podpora", "centrum", "poradna", "kurz", "zdraví", "ambulance", "jídlo", "potravinová banka", "bydlení", "pomoc", "péče", "školka", "právní", "rada", "raná péče", "otcové", "skupina", "návštěva"],
};

const SPOKEN: Record<RegionCode, string[]> = { "us-la": ["en", "es", "vi", "ko", "zh", "hy"], "vn-an-giang": ["vi", "km", "en"], "cz-jm": ["cs", "vi", "uk", "en", "sk"] };

export function generateSyntheticDirectory(db: Db, count: number, seed = 42): void {
  const random = prng(seed);
  // Who a service is only for, from a generator of its own: the rest of the directory stays as it was.
  const audienceRandom = prng(seed + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const phrase = (language: "en" | "vi" | "cs", words: number) => Array.from({ length: words }, () => pick(WORDS[language])).join(" ");
  const sqlite = db.$client;
  const insert = {
    organization: sqlite.prepare("INSERT INTO organization (id, name, description, source_language) VALUES (?, ?, ?, ?)"),
    service: sqlite.prepare(
      `INSERT INTO service (id, organization_id, name, description, status, minimum_age, maximum_age, assured_date, source_language, region)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    translation: sqlite.prepare("INSERT INTO translation (entity, entity_id, field, language, value) VALUES ('service', ?, ?, ?, ?)"),
    attribute: sqlite.prepare("INSERT INTO attribute (id, link_id, taxonomy_term_id, link_entity) VALUES (?, ?, ?, 'service')"),
    language: sqlite.prepare("INSERT INTO language (id, service_id, code) VALUES (?, ?, ?)"),
    cost: sqlite.prepare("INSERT INTO cost_option (id, service_id, amount) VALUES (?, ?, ?)"),
    phone: sqlite.prepare("INSERT INTO phone (id, service_id, number) VALUES (?, ?, ?)"),
    location: sqlite.prepare(
      "INSERT INTO location (id, organization_id, location_type, name, latitude, longitude, time_zone, source_language) VALUES (?, ?, 'physical', ?, ?, ?, ?, ?)",
    ),
    address: sqlite.prepare("INSERT INTO address (id, location_id, address_1, city, state_province, postal_code, country) VALUES (?, ?, ?, ?, ?, '', ?)"),
    serviceAtLocation: sqlite.prepare("INSERT INTO service_at_location (id, service_id, location_id) VALUES (?, ?, ?)"),
    schedule: sqlite.prepare("INSERT INTO schedule (id, service_id, byday, opens_at, closes_at) VALUES (?, ?, ?, ?, ?)"),
    area: sqlite.prepare(
      "INSERT INTO service_area (id, service_id, name, extent_type, south, west, north, east) VALUES (?, ?, ?, 'bbox', ?, ?, ?, ?)",
    ),
  };
  const hoursTemplates: Array<Array<[string, string, string]>> = [
    ["MO", "TU", "WE", "TH", "FR"].map((day) => [day, "08:00", "17:00"]),
    ["MO", "TU", "WE", "TH", "FR"].map((day) => [day, "09:00", "20:00"]),
    [["SA", "09:00", "13:00"], ["SU", "10:00", "14:00"], ["WE", "12:00", "18:00"]],
    [["FR", "20:00", "02:00"], ["SA", "20:00", "02:00"]],
    ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].map((day) => [day, "00:00", "24:00"]),
  ];

  const exists = sqlite.prepare("SELECT count(*) FROM taxonomy WHERE id = ?").pluck().get(NEEDS_TAXONOMY_ID) as number;
  const ids: string[] = [];
  sqlite.transaction(() => {
    if (!exists) {
      sqlite.prepare("INSERT INTO taxonomy (id, name) VALUES (?, 'needs')").run(NEEDS_TAXONOMY_ID);
      for (const code of NEED_CODES) {
        sqlite.prepare("INSERT INTO taxonomy_term (id, code, name, taxonomy_id) VALUES (?, ?, ?, ?)").run(needTermId(code), code, code, NEEDS_TAXONOMY_ID);
      }
    }
    const regions = Object.keys(REGIONS) as RegionCode[];
    let organizationId = "";
    for (let i = 0; i < count; i++) {
      const region = regions[i % 3]!;
      const { sourceLanguage, timeZone, country } = REGIONS[region];
      if (i % 5 === 0) {
        organizationId = `syn-org-${i}`;
        insert.organization.run(organizationId, `${phrase(sourceLanguage, 2)} ${i} (Demo)`, phrase(sourceLanguage, 8), sourceLanguage);
      }
      const id = `syn-${i}`;
      ids.push(id);
      const minimum = random() < 0.5 ? null : pick([0, 0, 1, 3]);
      const maximum = random() < 0.4 ? null : pick([3, 5, 6, 8, 17]);
      const month = String(1 + Math.floor(random() * 12)).padStart(2, "0");
      insert.service.run(id, organizationId, phrase(sourceLanguage, 3), phrase(sourceLanguage, 14), random() < 0.97 ? "active" : "inactive", minimum, maximum, `${random() < 0.5 ? 2025 : 2026}-${month}-15`, sourceLanguage, region);
      for (const language of ["en", "vi", "cs"] as const) {
        if (language === sourceLanguage) continue;
        insert.translation.run(id, "name", language, phrase(language, 3));
        insert.translation.run(id, "description", language, phrase(language, 14));
      }
      const needs = new Set([pick(NEED_CODES), pick(NEED_CODES), pick(NEED_CODES)].slice(0, 1 + Math.floor(random() * 3)));
      for (const need of needs) insert.attribute.run(`${id}-${need}`, id, needTermId(need));
      // About 3 % for women only (mothers' groups, shelters), 1.5 % for men only (fathers' groups).
      const audienceDraw = audienceRandom();
      const audience = audienceDraw < 0.03 ? "women" : audienceDraw < 0.045 ? "men" : null;
      if (audience) insert.attribute.run(`${id}-${audience}`, id, audienceTermId(audience));
      const spoken = new Set([SPOKEN[region][0]!, pick(SPOKEN[region])]);
      for (const code of spoken) insert.language.run(`${id}-${code}`, id, code);
      insert.cost.run(`${id}-cost`, id, random() < 0.7 ? 0 : null);
      insert.phone.run(`${id}-phone`, id, `555-${String(i).padStart(6, "0")}`);
      for (const [day, opens, closes] of pick(hoursTemplates)) insert.schedule.run(`${id}-${day}-${opens}`, id, day, opens, closes);
      if (random() < 0.1) {
        const [south, west, north, east] = REGIONS[region].bounds;
        insert.area.run(`${id}-area`, id, region, south, west, north, east);
      } else {
        const sites = random() < 0.2 ? 2 : 1;
        for (let s = 0; s < sites; s++) {
          const [lat, lng] = pick(TOWNS[region]);
          const locationId = `${id}-loc-${s}`;
          // About ±15 km around the town.
          insert.location.run(locationId, organizationId, `Site ${s}`, lat + (random() - 0.5) * 0.27, lng + (random() - 0.5) * 0.35, timeZone, sourceLanguage);
          insert.address.run(`${locationId}-addr`, locationId, `${1 + Math.floor(random() * 999)} Main`, "Town", region, country);
          insert.serviceAtLocation.run(`${locationId}-sal`, id, locationId);
        }
      }
    }
    reindexServices(db, ids);
  })();
}
