import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath, expectNoAxeViolations, expectNoHorizontalScroll, startHarness, type Harness } from "./harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

async function searchFromHome(page: Page, language: string, words: string) {
  await page.goto(`/${language}`);
  await page.locator("#home-q").fill(words);
  await page.locator("#home-q").press("Enter");
  await page.waitForURL(/\/search\?/);
}

describe.each([
  { javaScript: false, label: "JavaScript off" },
  { javaScript: true, label: "JavaScript on" },
])("search in Vietnamese, $label", ({ javaScript }) => {
  it("finds 'Tư vấn' for 'tu van' and narrows to a place, sorted by distance", async () => {
    const context = await harness.context({ javaScript, width: 360 });
    const page = await context.newPage();
    await searchFromHome(page, "vi", "tu van");
    expect(new URL(page.url()).searchParams.get("q")).toBe("tu van");
    await expect.poll(() => page.locator("#results-title").textContent()).toMatch(/^\d+ dịch vụ$/);
    expect(await page.locator(".result-card").count()).toBeGreaterThan(0);
    expect((await page.locator(".result-list").textContent())!.toLowerCase()).toContain("tư vấn");

    await page.locator("#place").fill("Brno");
    await page.getByLabel("Chỉ dịch vụ miễn phí").check();
    await page.getByRole("button", { name: "Xem dịch vụ" }).click();
    await page.waitForURL(/place=Brno/);
    await expect.poll(() => page.locator("#results-title").textContent()).toMatch(/quanh Brno/);
    const distances = await page.locator(".fact-distance").allTextContents();
    expect(distances.length).toBeGreaterThan(0);
    const km = distances.map((text) => Number(text.replace(/[^\d,.]/g, "").replace(",", ".")));
    expect(km).toEqual([...km].sort((a, b) => a - b));
    expect(await page.locator(".fact-free").count()).toBe(await page.locator(".result-card").count());
    await expectNoHorizontalScroll(page, "search at 360 px");
    await context.close();
  });
});

describe("language switch", () => {
  it("keeps the page and its query", async () => {
    const context = await harness.context();
    const page = await context.newPage();
    await page.goto("/vi/search?q=poradna&need=parenting");
    await page.getByRole("link", { name: "Čeština" }).click();
    await page.waitForURL(/\/cs\/search/);
    const url = new URL(page.url());
    expect(url.searchParams.get("q")).toBe("poradna");
    expect(url.searchParams.get("need")).toBe("parenting");
    expect(await page.locator("html").getAttribute("lang")).toBe("cs");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Hledat služby");
    await expect.poll(() => page.locator("#results-title").textContent()).toMatch(/služ(ba|by|eb)$/);
    expect(await page.locator('link[rel="alternate"][hreflang="vi"]').getAttribute("href")).toContain("/vi/search?q=poradna");
    await context.close();
  });
});

describe("map on search results", () => {
  it("shows one marker per location of the listed services, and the list works without it", async () => {
    const context = await harness.context({ width: 1280 });
    const page = await context.newPage();
    await page.goto("/en/search?place=Long+Beach");
    await page.locator(".service-map .leaflet-interactive").first().waitFor();
    const expected = await page.locator(".service-map").getAttribute("data-markers");
    expect(Number(expected)).toBeGreaterThan(3);
    expect(await page.locator(".service-map .leaflet-interactive").count()).toBe(Number(expected));
    await page.screenshot({ path: artifactPath("search-long-beach-en.png"), fullPage: false });
    await context.close();

    const noScript = await harness.context({ javaScript: false });
    const plain = await noScript.newPage();
    await plain.goto("/en/search?place=Long+Beach");
    expect(await plain.locator(".result-card").count()).toBe(20);
    expect(await plain.locator(".service-map").count()).toBe(0);
    await noScript.close();
  });
});

describe("bad input in the browser", () => {
  it("explains an unknown place and offers suggestions", async () => {
    const context = await harness.context({ javaScript: false });
    const page = await context.newPage();
    const response = await page.goto("/cs/search?place=Brnoo");
    expect(response?.status()).toBe(200);
    expect(await page.locator(".notice-warning").textContent()).toContain("Místo „Brnoo“ jsme nenašli");
    await page.locator(".notice-warning a", { hasText: "Brno" }).first().click();
    await page.waitForURL(/place=Brno(&|$)/);
    await context.close();
  });

  it("explains an age it cannot use in the page's language, not with the browser's own bubble", async () => {
    for (const javaScript of [false, true]) {
      const context = await harness.context({ javaScript });
      const page = await context.newPage();
      await page.goto("/vi/search");
      // The age field sits in the folded filters.
      await page.locator("#age").evaluate((input: HTMLInputElement) => input.closest("details")?.setAttribute("open", ""));
      await page.locator("#age").fill("2.5");
      await page.locator(".search-form button[type=submit]").first().click();
      await page.waitForURL(/age=2\.5/);
      await expect.poll(() => page.locator(".notice li").allTextContents()).toContain("Tuổi của trẻ phải là số năm tròn từ 0 đến 18. Chúng tôi đã tìm mà không tính tuổi.");
      await context.close();
    }
  });

  it("shows results or an explained empty state for hostile queries", async () => {
    const context = await harness.context({ javaScript: false });
    const page = await context.newPage();
    for (const q of ['"', "*", "AND(", "NEAR", "<script>alert(1)</script>", "x".repeat(10_000)]) {
      const response = await page.goto(`/en/search?q=${encodeURIComponent(q)}&age=-1&need=bogus`);
      expect(response?.status(), q.slice(0, 20)).toBe(200);
      expect(await page.locator("#results-title").count()).toBe(1);
      expect(await page.locator(".notice").first().textContent()).toContain("age");
    }
    expect(await page.evaluate(() => (window as unknown as { alerted?: boolean }).alerted)).toBeUndefined();
    await context.close();
  });

  it("answers unknown pages and languages with a localized 404", async () => {
    const context = await harness.context({ javaScript: false });
    const page = await context.newPage();
    let response = await page.goto("/cs/nothing-here");
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Stránka nenalezena");
    // A page in a language we do not have: the site's own 404 page, with a way on, not bare data.
    for (const path of ["/xx/search", "/xx/questionnaire", "/VI/questionnaire"]) {
      response = await page.goto(path, { waitUntil: "load" });
      expect(response?.status(), path).toBe(404);
      expect(response?.headers()["content-type"], path).toMatch(/^text\/html/);
      expect(await page.locator("a.brand").count(), path).toBe(1);
    }
    await context.close();
  });
});
