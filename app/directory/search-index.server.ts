/**
 * Derived data kept beside the directory: the full-text row of each service (service_fts) and its
 * opening intervals (opening_interval). Whatever writes services — seed, import, editors — calls
 * reindexServices() afterwards, inside the same transaction.
 */
import type { Db } from "~/db.server";
import { REGIONS, isRegionCode } from "~/regions";
import { fold } from "~/text/fold";
import { effectiveSchedule, isWeekday, weeklyIntervals, type ScheduleRow } from "./hours";

interface ScheduleDbRow {
  byday: string;
  opens_at: string;
  closes_at: string;
}

function toScheduleRows(rows: ScheduleDbRow[]): ScheduleRow[] {
  const out: ScheduleRow[] = [];
  for (const row of rows) {
    // HSDS allows "MO,TU,WE" in byday; each day becomes its own row.
    for (const day of row.byday.split(",")) {
      const byday = day.trim().toUpperCase();
      if (isWeekday(byday)) out.push({ byday, opensAt: row.opens_at, closesAt: row.closes_at });
    }
  }
  return out;
}

export function reindexServices(db: Db, serviceIds: readonly string[]): void {
  const sqlite = db.$client;
  const getService = sqlite.prepare<[string], { id: string; name: string; description: string; region: string; organization: string }>(
    `SELECT s.id, s.name, s.description, s.region, o.name AS organization
       FROM service s JOIN organization o ON o.id = s.organization_id WHERE s.id = ?`,
  );
  const getTranslations = sqlite.prepare<[string, string], { field: string; value: string }>(
    `SELECT field, value FROM translation WHERE entity = ? AND entity_id = ? AND field IN ('name', 'description')`,
  );
  const deleteFts = sqlite.prepare<[string]>(`DELETE FROM service_fts_map WHERE service_id = ?`);
  const insertFts = sqlite.prepare<[string, string, string, string]>(
    `INSERT INTO service_fts (service_id, name, description, organization) VALUES (?, ?, ?, ?)`,
  );
  const insertFtsMap = sqlite.prepare<[string, number | bigint]>(`INSERT INTO service_fts_map (service_id, fts_rowid) VALUES (?, ?)`);
  const serviceSchedule = sqlite.prepare<[string], ScheduleDbRow>(
    `SELECT byday, opens_at, closes_at FROM schedule WHERE service_id = ? AND location_id IS NULL AND service_at_location_id IS NULL`,
  );
  const sites = sqlite.prepare<[string], { sal_id: string; location_id: string; time_zone: string }>(
    `SELECT sal.id AS sal_id, l.id AS location_id, l.time_zone FROM service_at_location sal
       JOIN location l ON l.id = sal.location_id WHERE sal.service_id = ?`,
  );
  const salSchedule = sqlite.prepare<[string], ScheduleDbRow>(
    `SELECT byday, opens_at, closes_at FROM schedule WHERE service_at_location_id = ?`,
  );
  const locationSchedule = sqlite.prepare<[string], ScheduleDbRow>(
    `SELECT byday, opens_at, closes_at FROM schedule WHERE location_id = ? AND service_id IS NULL AND service_at_location_id IS NULL`,
  );
  const deleteIntervals = sqlite.prepare<[string]>(`DELETE FROM opening_interval WHERE service_id = ?`);
  const insertInterval = sqlite.prepare<[string, string, number, number]>(
    `INSERT INTO opening_interval (service_id, time_zone, start_minute, end_minute) VALUES (?, ?, ?, ?)`,
  );

  for (const id of serviceIds) {
    deleteFts.run(id);
    deleteIntervals.run(id);
    const row = getService.get(id);
    if (!row) continue;

    const names = [row.name];
    const descriptions = [row.description];
    for (const translation of getTranslations.all("service", id)) {
      (translation.field === "name" ? names : descriptions).push(translation.value);
    }
    const inserted = insertFts.run(id, fold(names.join(" \n ")), fold(descriptions.join(" \n ")), fold(row.organization));
    insertFtsMap.run(id, inserted.lastInsertRowid);

    const serviceRows = toScheduleRows(serviceSchedule.all(id));
    const rowsByZone = new Map<string, ScheduleRow[]>();
    const siteList = sites.all(id);
    for (const site of siteList) {
      const rows = effectiveSchedule(
        toScheduleRows(salSchedule.all(site.sal_id)),
        serviceRows,
        toScheduleRows(locationSchedule.all(site.location_id)),
      );
      rowsByZone.set(site.time_zone, [...(rowsByZone.get(site.time_zone) ?? []), ...rows]);
    }
    if (siteList.length === 0 && serviceRows.length > 0) {
      const zone = isRegionCode(row.region) ? REGIONS[row.region].timeZone : "UTC";
      rowsByZone.set(zone, serviceRows);
    }
    for (const [zone, rows] of rowsByZone) {
      for (const interval of weeklyIntervals(rows)) insertInterval.run(id, zone, interval.start, interval.end);
    }
  }
}
