/**
 * How old a record's last check is. Matching scores recently checked services higher; a family is
 * told when a record nobody has checked for over a year is worth a phone call before the trip
 * (services move, change their hours and close).
 */
export const MS_PER_DAY = 86_400_000;

export const CHECK_GOES_STALE_AFTER_DAYS = 365;

/** Day number (days since 1970-01-01 UTC) of "YYYY-MM-DD…", or NaN when missing or malformed. */
export function dayNumberOf(date: string | null): number {
  const parts = date === null ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!parts) return NaN;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return NaN;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The record was last checked ("YYYY-MM-DD") more than a year before `now`; false without a readable date. */
export function checkedLongAgo(assuredDate: string | null, now: Date): boolean {
  const checked = dayNumberOf(assuredDate);
  if (Number.isNaN(checked)) return false;
  return now.getTime() / MS_PER_DAY - checked > CHECK_GOES_STALE_AFTER_DAYS;
}
