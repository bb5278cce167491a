import { describe, expect, it } from "vitest";
import { checkedLongAgo } from "~/directory/freshness";

describe("checkedLongAgo", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  it.each([
    ["2026-11-01", false],
    ["2025-11-24", false],
    // A year and a day.
    ["2025-11-22", true],
    ["2025-10-07", true],
    ["2019-01-01", true],
    // Unknown or unreadable: nothing is claimed.
    [null, false],
    ["", false],
    ["soon", false],
  ])("%j → %s", (date, expected) => {
    expect(checkedLongAgo(date, now)).toBe(expected);
  });
});
