import { describe, expect, it } from "vitest";
import { returnPathOf, serviceHref } from "~/http/return-path";

describe("the way back from a service page", () => {
  it("leads to the results or the search it was opened from, with the list's own query", () => {
    expect(returnPathOf("/vi/results", "vi")).toEqual({ page: "results", path: "/vi/results" });
    expect(returnPathOf("/vi/results?need=food&place=Brno&at=49.20%2C16.61&radius=50", "vi")).toEqual({
      page: "results",
      path: "/vi/results?need=food&place=Brno&at=49.20%2C16.61&radius=50",
    });
    expect(returnPathOf("/cs/search?q=poradna&need=housing", "cs")).toEqual({ page: "search", path: "/cs/search?q=poradna&need=housing" });
  });

  it("returns to the card the family opened, and drops any other fragment", () => {
    expect(returnPathOf("/vi/results?need=food#result-food-3f2a", "vi")?.path).toBe("/vi/results?need=food#result-food-3f2a");
    expect(returnPathOf("/en/search?q=x#result-3f2a", "en")?.path).toBe("/en/search?q=x#result-3f2a");
    expect(returnPathOf("/en/search?q=x#top", "en")?.path).toBe("/en/search?q=x");
    expect(returnPathOf("/en/search?q=x#result-<script>", "en")?.path).toBe("/en/search?q=x");
  });

  it("speaks the page's language when the family switched language on the service page", () => {
    expect(returnPathOf("/vi/search?q=s%E1%BB%AFa", "en")).toEqual({ page: "search", path: "/en/search?q=s%E1%BB%AFa" });
  });

  it("goes through serviceHref and back unchanged", () => {
    const from = "/en/search?q=food & milk&place=Long Beach";
    const href = serviceHref("en", "abc", from);
    expect(href.startsWith("/en/services/abc?from=")).toBe(true);
    const back = returnPathOf(new URL(href, "http://x").searchParams.get("from"), "en");
    expect(back?.path).toBe(new URL(from, "http://x").pathname + new URL(from, "http://x").search);
  });

  it.each([
    ["missing", null],
    ["empty", ""],
    ["another site", "https://evil.example/vi/results"],
    ["protocol-relative", "//evil.example/vi/results"],
    ["backslash trick", "/\\evil.example/vi/results"],
    ["script", "javascript:alert(1)"],
    ["another page of ours", "/vi/services/abc"],
    ["a page below the list", "/vi/results/extra"],
    ["an unknown language", "/de/results"],
    ["dot segments", "/vi/../admin"],
    ["huge", `/vi/results?q=${"a".repeat(3000)}`],
    ["hostile text", "<script>alert(1)</script>"],
  ])("is not offered for %s", (_label, from) => {
    expect(returnPathOf(from, "vi")).toBeNull();
  });
});
