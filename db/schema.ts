/**
 * The directory, shaped after Open Referral HSDS 3.0 (../shared/reference/hsds-3.0): tables and
 * columns carry the standard's names so anyone who knows HSDS knows this schema. Ids are UUID strings.
 *
 * Extensions, each marked "ext": `source_language` on records with human-readable text, the
 * `translation` table (HSDS has no model for translated text), `region` on services, `time_zone` on
 * locations (HSDS's `schedule.timezone` is a fixed UTC offset, which breaks at daylight-saving time),
 * and `opening_interval`, derived from `schedule` so that "open now" is one indexed query.
 * The full-text index (service_fts, FTS5) and the spatial index (location_rtree, R*Tree) are created
 * in a hand-written migration: drizzle-kit does not model virtual tables. So is the search index
 * derived from the directory (service_search and its kin, 0003_search_keys.sql), which only
 * app/directory/search-index.server.ts writes.
 */
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const organization = sqliteTable("organization", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  alternate_name: text("alternate_name"),
  description: text("description").notNull().default(""),
  email: text("email"),
  website: text("website"),
  source_language: text("source_language").notNull(), // ext
});

export const service = sqliteTable(
  "service",
  {
    id: text("id").primaryKey(),
    organization_id: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    alternate_name: text("alternate_name"),
    description: text("description").notNull().default(""),
    url: text("url"),
    email: text("email"),
    status: text("status", { enum: ["active", "inactive", "defunct", "temporarily closed"] })
      .notNull()
      .default("active"),
    interpretation_services: text("interpretation_services"),
    application_process: text("application_process"),
    fees_description: text("fees_description"),
    eligibility_description: text("eligibility_description"),
    minimum_age: real("minimum_age"),
    maximum_age: real("maximum_age"),
    assured_date: text("assured_date"),
    last_modified: text("last_modified"),
    source_language: text("source_language").notNull(), // ext
    region: text("region").notNull(), // ext: a RegionCode
  },
  (table) => [
    index("service_organization_idx").on(table.organization_id),
    index("service_region_name_idx").on(table.region, table.name),
    index("service_name_idx").on(table.name),
  ],
);

export const location = sqliteTable(
  "location",
  {
    id: text("id").primaryKey(),
    organization_id: text("organization_id").references(() => organization.id, { onDelete: "cascade" }),
    location_type: text("location_type", { enum: ["physical", "postal", "virtual"] }).notNull(),
    url: text("url"),
    name: text("name"),
    alternate_name: text("alternate_name"),
    description: text("description"),
    transportation: text("transportation"),
    latitude: real("latitude"),
    longitude: real("longitude"),
    time_zone: text("time_zone").notNull(), // ext: IANA zone
    source_language: text("source_language").notNull(), // ext
  },
  (table) => [index("location_organization_idx").on(table.organization_id)],
);

export const address = sqliteTable(
  "address",
  {
    id: text("id").primaryKey(),
    location_id: text("location_id")
      .notNull()
      .references(() => location.id, { onDelete: "cascade" }),
    attention: text("attention"),
    address_1: text("address_1").notNull(),
    address_2: text("address_2"),
    city: text("city").notNull(),
    region: text("region"),
    state_province: text("state_province").notNull(),
    postal_code: text("postal_code").notNull().default(""),
    country: text("country").notNull(),
    address_type: text("address_type", { enum: ["physical", "postal", "virtual"] }).notNull().default("physical"),
  },
  (table) => [index("address_location_idx").on(table.location_id)],
);

export const phone = sqliteTable(
  "phone",
  {
    id: text("id").primaryKey(),
    location_id: text("location_id").references(() => location.id, { onDelete: "cascade" }),
    service_id: text("service_id").references(() => service.id, { onDelete: "cascade" }),
    organization_id: text("organization_id").references(() => organization.id, { onDelete: "cascade" }),
    number: text("number").notNull(),
    extension: text("extension"),
    type: text("type"),
    description: text("description"),
  },
  (table) => [index("phone_service_idx").on(table.service_id), index("phone_location_idx").on(table.location_id)],
);

export const service_at_location = sqliteTable(
  "service_at_location",
  {
    id: text("id").primaryKey(),
    service_id: text("service_id")
      .notNull()
      .references(() => service.id, { onDelete: "cascade" }),
    location_id: text("location_id")
      .notNull()
      .references(() => location.id, { onDelete: "cascade" }),
    description: text("description"),
  },
  (table) => [
    uniqueIndex("service_at_location_pair_idx").on(table.service_id, table.location_id),
    index("service_at_location_location_idx").on(table.location_id),
  ],
);

export const schedule = sqliteTable(
  "schedule",
  {
    id: text("id").primaryKey(),
    service_id: text("service_id").references(() => service.id, { onDelete: "cascade" }),
    location_id: text("location_id").references(() => location.id, { onDelete: "cascade" }),
    service_at_location_id: text("service_at_location_id").references(() => service_at_location.id, {
      onDelete: "cascade",
    }),
    freq: text("freq").notNull().default("WEEKLY"),
    byday: text("byday").notNull(),
    opens_at: text("opens_at").notNull(),
    closes_at: text("closes_at").notNull(),
    description: text("description"),
  },
  (table) => [
    index("schedule_service_idx").on(table.service_id),
    index("schedule_location_idx").on(table.location_id),
    index("schedule_service_at_location_idx").on(table.service_at_location_id),
  ],
);

/** ext: derived from schedule (directory/hours.ts); one row per opening interval of a service. */
export const opening_interval = sqliteTable(
  "opening_interval",
  {
    service_id: text("service_id")
      .notNull()
      .references(() => service.id, { onDelete: "cascade" }),
    time_zone: text("time_zone").notNull(),
    start_minute: integer("start_minute").notNull(),
    end_minute: integer("end_minute").notNull(),
  },
  (table) => [index("opening_interval_service_idx").on(table.service_id, table.time_zone, table.start_minute)],
);

export const language = sqliteTable(
  "language",
  {
    id: text("id").primaryKey(),
    service_id: text("service_id").references(() => service.id, { onDelete: "cascade" }),
    location_id: text("location_id").references(() => location.id, { onDelete: "cascade" }),
    name: text("name"),
    code: text("code").notNull(),
    note: text("note"),
  },
  (table) => [index("language_service_code_idx").on(table.service_id, table.code), index("language_code_idx").on(table.code)],
);

export const service_area = sqliteTable(
  "service_area",
  {
    id: text("id").primaryKey(),
    service_id: text("service_id")
      .notNull()
      .references(() => service.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    /** GeoJSON Polygon, as HSDS's extent_type "geojson". */
    extent: text("extent"),
    extent_type: text("extent_type"),
    uri: text("uri"),
    // ext: the extent's bounding box, so "which phone services cover this point" is a range query.
    south: real("south").notNull(),
    west: real("west").notNull(),
    north: real("north").notNull(),
    east: real("east").notNull(),
  },
  (table) => [index("service_area_service_idx").on(table.service_id), index("service_area_box_idx").on(table.south, table.north)],
);

export const cost_option = sqliteTable(
  "cost_option",
  {
    id: text("id").primaryKey(),
    service_id: text("service_id")
      .notNull()
      .references(() => service.id, { onDelete: "cascade" }),
    option: text("option"),
    currency: text("currency"),
    amount: real("amount"),
    amount_description: text("amount_description"),
  },
  (table) => [index("cost_option_service_amount_idx").on(table.service_id, table.amount)],
);

export const taxonomy = sqliteTable("taxonomy", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  uri: text("uri"),
  version: text("version"),
});

export const taxonomy_term = sqliteTable(
  "taxonomy_term",
  {
    id: text("id").primaryKey(),
    code: text("code"),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    parent_id: text("parent_id"),
    taxonomy_id: text("taxonomy_id").references(() => taxonomy.id, { onDelete: "cascade" }),
    language: text("language"),
    term_uri: text("term_uri"),
  },
  (table) => [uniqueIndex("taxonomy_term_code_idx").on(table.taxonomy_id, table.code)],
);

/** HSDS links services to taxonomy terms through `attribute` (link_entity "service"). */
export const attribute = sqliteTable(
  "attribute",
  {
    id: text("id").primaryKey(),
    link_id: text("link_id").notNull(),
    taxonomy_term_id: text("taxonomy_term_id")
      .notNull()
      .references(() => taxonomy_term.id, { onDelete: "cascade" }),
    link_type: text("link_type"),
    link_entity: text("link_entity").notNull(),
    value: text("value"),
    label: text("label"),
  },
  (table) => [
    index("attribute_link_idx").on(table.link_id),
    index("attribute_term_link_idx").on(table.taxonomy_term_id, table.link_id),
  ],
);

/** ext: a human-readable field of an organization, service, location or service area in one more language. */
export const translation = sqliteTable(
  "translation",
  {
    entity: text("entity", { enum: ["organization", "service", "location", "service_area"] }).notNull(),
    entity_id: text("entity_id").notNull(),
    field: text("field").notNull(),
    language: text("language").notNull(),
    value: text("value").notNull(),
  },
  (table) => [primaryKey({ columns: [table.entity, table.entity_id, table.language, table.field] })],
);


/**
 * A need a family asked about and the directory could not meet, for gap reports. Anonymous by design:
 * the need, where, in which language, who asked, and the day — nothing that identifies a family.
 */
export const unmet_need = sqliteTable(
  "unmet_need",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    need: text("need").notNull(),
    region: text("region").notNull(),
    language: text("language").notNull(),
    caregiver_role: text("caregiver_role"),
    /** "YYYY-MM-DD": the day only. */
    recorded_on: text("recorded_on").notNull(),
  },
  (table) => [index("unmet_need_report_idx").on(table.region, table.need, table.recorded_on)],
);
