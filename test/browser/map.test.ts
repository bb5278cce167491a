/**
 * The Leaflet maps as a family uses them: a tapped marker's popup stays and leads to the service,
 * services at one address can all be reached, the controls speak the page's language and are big
 * enough for a finger, and the list and the map highlight each other.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stableUuid } from "../../db/seed/stable-id";
import { artifactPath, expectNoAxeViolations, startHarness, type Harness } from "./harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** A father in Brno-Židenice: his results have one service on its own, and pairs of services that share an address. */
const FATHER_IN_BRNO = (language: string) => `/${language}/results?need=fathers&need=parenting&place=Brno-%C5%BDidenice&at=49.20%2C16.64&language=vi&age=3`;
const SERVICE_WITH_SITES = stableUuid("service:ag-001");
const MAP = ".results-map-canvas";

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

async function openResultsMap(page: Page, url: string) {
  await page.goto(url);
  await page.locator(`${MAP} path.leaflet-interactive, ${MAP} .cluster-marker`).first().waitFor();
  await page.locator(MAP).scrollIntoViewIfNeeded();
}

/** Opening a popup pans the map to fit it (a quarter-second animation): the map has settled well after. */
const settle = (page: Page) => page.waitForTimeout(1000);

const zoomButtons = (page: Page) =>
  page.locator(".leaflet-control-zoom a").evaluateAll((links) =>
    links.map((link) => {
      const box = link.getBoundingClientRect();
      return { title: link.getAttribute("title"), label: link.getAttribute("aria-label"), width: box.width, height: box.height };
    }),
  );

describe("a marker on the results map", () => {
  it("keeps its popup open once the map settles, and the popup's link opens the service", async () => {
    const context = await harness.context({ width: 390 });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await openResultsMap(page, FATHER_IN_BRNO("vi"));
    await page.locator(`${MAP} path.leaflet-interactive`).first().click();
    const popup = page.locator(`${MAP} .leaflet-popup`);
    await popup.waitFor();
    await settle(page);
    expect(await popup.count()).toBe(1);
    expect(await popup.isVisible()).toBe(true);
    expect(await popup.locator(".leaflet-popup-close-button").getAttribute("aria-label")).toBe("Đóng");
    const link = popup.locator("a[href*='/vi/services/']");
    const name = (await link.textContent())!.trim();
    expect(name).not.toBe("");
    await link.click();
    await page.waitForURL(/\/vi\/services\//);
    expect((await page.locator("h1").textContent())!.trim()).toBe(name);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("that stands for services at one address lists them all, each a link a finger can tap", async () => {
    const context = await harness.context({ width: 390 });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await openResultsMap(page, FATHER_IN_BRNO("cs"));
    const cluster = page.locator(`${MAP} .cluster-marker`).first();
    // It says what a tap does: no zoom would split it.
    expect(await cluster.getAttribute("title")).toBe("2 služby na této adrese: zobrazit seznam");
    await cluster.click();
    const popup = page.locator(`${MAP} .leaflet-popup`);
    await popup.waitFor();
    await settle(page);
    const links = popup.locator(".map-popup-list a[href*='/cs/services/']");
    expect(await links.count()).toBe(2);
    const names = (await links.allTextContents()).map((text) => text.trim());
    expect(new Set(names).size).toBe(2);
    for (const height of await links.evaluateAll((all) => all.map((link) => link.getBoundingClientRect().height))) expect(height).toBeGreaterThanOrEqual(44);
    await expectNoAxeViolations(page, "results map with a popup open");
    await page.screenshot({ path: artifactPath("map-same-address-cs.png") });
    await links.nth(1).click();
    await page.waitForURL(/\/cs\/services\//);
    expect((await page.locator("h1").textContent())!.trim()).toBe(names[1]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("a marker reached with the keyboard", () => {
  it("opens its popup with Enter, and Escape closes it, from the marker or from inside the popup, back to the marker", async () => {
    const context = await harness.context({ width: 1280 });
    const page = await context.newPage();
    await openResultsMap(page, FATHER_IN_BRNO("en"));
    const cluster = page.locator(`${MAP} .cluster-marker`).first();
    const popup = page.locator(`${MAP} .leaflet-popup`);
    const focusedIsCluster = () => cluster.evaluate((marker) => marker === document.activeElement);
    await cluster.focus();
    await page.keyboard.press("Enter");
    await popup.waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => popup.count()).toBe(0);
    expect(await focusedIsCluster()).toBe(true);
    // Into the popup's list, then out again with Escape.
    await page.keyboard.press("Enter");
    await popup.waitFor();
    await popup.locator("a").first().focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => popup.count()).toBe(0);
    expect(await focusedIsCluster()).toBe(true);
    await context.close();
  });

  it("that stands for one service says which, and Enter opens its popup", async () => {
    const context = await harness.context({ width: 1280 });
    const page = await context.newPage();
    await openResultsMap(page, FATHER_IN_BRNO("vi"));
    const circles = page.locator(`${MAP} path.leaflet-interactive`);
    // Chromium's Tab reaches them (Leaflet listens for their focus, to show the tooltip).
    const named = await circles.evaluateAll((paths) => paths.map((path) => [path.getAttribute("role"), path.getAttribute("aria-label")]));
    expect(named.length).toBeGreaterThan(0);
    for (const [role, label] of named) {
      expect(role).toBe("button");
      expect(label).toBeTruthy();
    }
    await circles.first().focus();
    expect(await circles.first().evaluate((path) => path === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    const popup = page.locator(`${MAP} .leaflet-popup`);
    await popup.waitFor();
    expect((await popup.locator("a").first().textContent())!.trim()).toBe(named[0]![1]);
    await context.close();
  });
});

describe("services at one address on the search map", () => {
  it("are all named in the popup of the marker a tap finds", async () => {
    const context = await harness.context({ width: 390 });
    const page = await context.newPage();
    await page.goto("/cs/search?q=poradna&place=Brno");
    const markers = page.locator(".service-map path.leaflet-interactive");
    await markers.first().waitFor();
    // Two counselling services of one Vietnamese association share an office.
    const listed: string[][] = [];
    for (let n = 0; n < (await markers.count()); n++) {
      await markers.nth(n).click({ force: true });
      // The popup before fades out: one is left.
      await expect.poll(() => page.locator(".service-map .leaflet-popup").count()).toBe(1);
      const items = page.locator(".service-map .leaflet-popup .map-popup-list a");
      if ((await items.count()) > 0) listed.push(await items.allTextContents());
    }
    expect(listed.length).toBeGreaterThan(0);
    for (const names of listed) expect(names.length).toBeGreaterThan(1);
    await context.close();
  });
});

describe("the map's controls", () => {
  for (const { language, zoomIn, zoomOut, attributed } of [
    { language: "vi", zoomIn: "Phóng to", zoomOut: "Thu nhỏ", attributed: "© những người đóng góp cho OpenStreetMap" },
    { language: "cs", zoomIn: "Přiblížit", zoomOut: "Oddálit", attributed: "© přispěvatelé OpenStreetMap" },
  ]) {
    it(`speak ${language}, are at least 44 px, and credit the map's makers in ${language}`, async () => {
      const context = await harness.context({ width: 360 });
      const page = await context.newPage();
      for (const url of [FATHER_IN_BRNO(language), `/${language}/services/${SERVICE_WITH_SITES}`]) {
        await page.goto(url);
        await page.locator(".leaflet-control-zoom a").first().waitFor();
        const buttons = await zoomButtons(page);
        expect(buttons.map(({ title, label }) => [title, label]), url).toEqual([
          [zoomIn, zoomIn],
          [zoomOut, zoomOut],
        ]);
        for (const { width, height } of buttons) {
          expect(width, url).toBeGreaterThanOrEqual(44);
          expect(height, url).toBeGreaterThanOrEqual(44);
        }
        // The tiles' attribution stays; Leaflet's optional prefix (an English link) does not.
        const attribution = page.locator(".leaflet-control-attribution");
        expect((await attribution.textContent())!.trim(), url).toBe(attributed);
        expect(await attribution.locator("a[href*='leafletjs.com']").count(), url).toBe(0);
      }
      await context.close();
    });
  }
});

describe("the results list and map", () => {
  it("highlight each other, and a marker's open popup keeps its service highlighted", async () => {
    const context = await harness.context({ width: 1280 });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await openResultsMap(page, "/en/results?need=food&place=Brno&at=49.19,16.61");
    const yellow = page.locator(`${MAP} path[fill="#ffbf47"]`);
    const highlighted = page.locator(".result-card.highlighted");
    expect(await yellow.count()).toBe(0);

    // List → map: a hovered card lights its marker, and leaving it puts the marker out.
    const card = page.locator(".result-card").first();
    await card.hover();
    await expect.poll(() => yellow.count()).toBe(1);
    await page.mouse.move(1, 1);
    await expect.poll(() => yellow.count()).toBe(0);

    // Map → list: a hovered marker lights its card.
    // The element itself: a highlighted marker is brought to the front, which reorders them.
    const marker = (await page.locator(`${MAP} path.leaflet-interactive`).first().elementHandle())!;
    await marker.hover({ force: true });
    await expect.poll(() => highlighted.count()).toBe(1);
    const serviceId = await highlighted.getAttribute("data-service-id");

    // A tapped marker: its popup opens and stays, and its card stays highlighted.
    await marker.click({ force: true });
    await page.locator(`${MAP} .leaflet-popup`).waitFor();
    await settle(page);
    expect(await page.locator(`${MAP} .leaflet-popup`).count()).toBe(1);
    expect(await highlighted.getAttribute("data-service-id")).toBe(serviceId);
    expect(await yellow.count()).toBe(1);

    // With the popup open, the list still lights the markers.
    const other = page.locator(`.result-card:not([data-service-id="${serviceId}"])`).first();
    await other.hover();
    await expect.poll(() => highlighted.getAttribute("data-service-id")).not.toBe(serviceId);
    await expect.poll(() => yellow.count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
