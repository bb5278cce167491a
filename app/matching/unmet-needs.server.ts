import type { Db } from "~/db.server";
import type { Language } from "~/i18n/languages";
import type { RegionCode } from "~/regions";
import type { NeedCode } from "~/taxonomy/needs";
import { unmet_need } from "../../db/schema";
import type { CaregiverRole } from "./types";

/** Records needs nothing suitable was found for: anonymous, for reports on gaps (no personal data). */
export function recordUnmetNeeds(
  db: Db,
  entry: { needs: NeedCode[]; region: RegionCode; language: Language; role: CaregiverRole | null },
  now: Date,
): void {
  if (entry.needs.length === 0) return;
  const recordedOn = now.toISOString().slice(0, 10);
  db.insert(unmet_need)
    .values(entry.needs.map((need) => ({ need, region: entry.region, language: entry.language, caregiver_role: entry.role, recorded_on: recordedOn })))
    .run();
}
