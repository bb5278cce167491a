/**
 * How old a record's last check is, as a family should hear it. Services move, change their hours
 * and close; a record nobody has checked for over a year is worth a phone call before the trip.
 */
export const CHECK_GOES_STALE_AFTER_DAYS = 365;

const MS_PER_DAY = 86_400_000;

/** The record was last checked ("YYYY-MM-DD") more than a year before `now`; false without a readable date. */
export function checkedLongAgo(assuredDate: string | null, now: Date): boolean {
  const checked = assuredDate === null ? NaN : Date.parse(`${assuredDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(checked)) return false;
  return (now.getTime() - checked) / MS_PER_DAY > CHECK_GOES_STALE_AFTER_DAYS;
}
