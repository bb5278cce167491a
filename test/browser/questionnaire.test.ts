import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath, expectNoAxeViolations, expectNoHorizontalScroll, startHarness, type Harness } from "./harness";
import csTaxonomy from "../../locales/cs/taxonomy.json";
import enTaxonomy from "../../locales/en/taxonomy.json";
import viTaxonomy from "../../locales/vi/taxonomy.json";

const NEED_WORDS = { vi: viTaxonomy.needs, en: enTaxonomy.needs, cs: csTaxonomy.needs } as Record<string, Record<string, { name: string; description: string }>>;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

interface Family {
  language: "vi" | "en" | "cs";
  role: string;
  pregnant?: boolean;
  children: Array<[string, "months" | "years"]>;
  place: string;
  needs: string[];
  languages: string[];
}

/** Answers every screen as a person would: click a choice, press the main button. */
async function answerQuestionnaire(page: Page, family: Family, options: { axe?: boolean } = {}) {
  const submit = () => page.locator(".step-actions button[type=submit]").click();
  const check = async (label: string) => options.axe && (await expectNoAxeViolations(page, `${family.language} ${label}`));
  await page.goto(`/${family.language}`);
  await page.locator(".questionnaire-teaser a.button").click();
  await page.waitForURL(/questionnaire\/safety/);
  expect(await page.locator(".progress-text").textContent()).toMatch(/1\D+6/);
  await check("safety");
  await page.locator('input[name="danger"][value="no"]').check();
  await submit();
  await page.waitForURL(/questionnaire\/who/);
  await check("who");
  await page.locator(`input[name="role"][value="${family.role}"]`).check();
  await submit();
  await page.waitForURL(/questionnaire\/children/);
  await check("children");
  if (family.pregnant) await page.locator('input[name="pregnant"]').check();
  for (const [index, [age, unit]] of family.children.entries()) {
    if (index > 0) {
      await page.locator('button[name="intent"][value="add-child"]').click();
      await page.locator(`#age-${index}`).waitFor();
      // The new row is where typing goes on, for a keyboard or screen reader too.
      expect(await page.locator(`#age-${index}`).evaluate((input) => input === document.activeElement)).toBe(true);
    }
    await page.locator(`#age-${index}`).fill(age);
    await page.locator(`select[name="unit"]`).nth(index).selectOption(unit);
  }
  await submit();
  await page.waitForURL(/questionnaire\/place/);
  await check("place");
  await page.locator("#place-input").fill(family.place);
  await submit();
  await page.waitForURL(/questionnaire\/needs/);
  await check("needs");
  for (const need of family.needs) {
    // Each box is named by its need and described by its line, each said once.
    const words = NEED_WORDS[family.language]![need]!;
    const box = page.getByRole("checkbox", { name: words.name, exact: true });
    expect(await box.getAttribute("value")).toBe(need);
    expect(await box.evaluate((input) => document.getElementById(input.getAttribute("aria-describedby")!)!.textContent!.trim())).toBe(words.description);
    await box.check();
  }
  await submit();
  await page.waitForURL(/questionnaire\/preferences/);
  await check("preferences");
  for (const box of await page.locator('input[name="language"]').all()) await box.uncheck();
  for (const code of family.languages) await page.locator(`input[name="language"][value="${code}"]`).check();
  await submit();
  await page.waitForURL(/questionnaire\/summary/);
  await check("summary");
  await page.locator("form button[type=submit]").click();
  await page.waitForURL(/\/results$/);
  // With JavaScript the URL can change a moment before the new page has rendered.
  await page.locator(".need-group").first().waitFor();
}

/**
 * `speaks`: the reason a card gives for the family's language, which it gives only for a language
 * beyond the region's own (`speaksSaid`): every service in Phú Tân speaks Vietnamese.
 */
const FAMILIES: Array<Family & { javaScript: boolean; speaks: RegExp; speaksSaid: boolean }> = [
  { language: "vi", javaScript: false, role: "father", children: [["3", "years"]], place: "Brno", needs: ["fathers", "parenting", "legal-immigration"], languages: ["vi"], speaks: /Nói tiếng Việt/, speaksSaid: true },
  { language: "vi", javaScript: true, role: "mother", pregnant: true, children: [["8", "months"]], place: "phu tan", needs: ["pregnancy", "child-health"], languages: ["vi"], speaks: /Nói tiếng Việt/, speaksSaid: false },
  { language: "en", javaScript: true, role: "grandparent", children: [["2", "years"], ["6", "years"]], place: "Long Beach", needs: ["child-protection", "food"], languages: ["en"], speaks: /Speaks English/, speaksSaid: false },
  { language: "cs", javaScript: false, role: "foster-kinship", children: [["5", "years"]], place: "602 00", needs: ["child-protection", "housing"], languages: ["cs"], speaks: /Mluví vaším jazykem: čeština/, speaksSaid: false },
];

describe.each(FAMILIES)("questionnaire: $role in $place ($language, JavaScript $javaScript)", (family) => {
  it("ends with results grouped by need, each with reasons", async () => {
    const context = await harness.context({ javaScript: family.javaScript, width: 360 });
    const page = await context.newPage();
    // A page the server rendered differently from the browser (a hydration mismatch) reports an error here.
    const errors: string[] = [];
    page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
    page.on("pageerror", (error) => errors.push(error.message));
    await answerQuestionnaire(page, family);
    expect(new URL(page.url()).search).toBe("");
    const groups = await page.locator(".need-group").count();
    expect(groups).toBe(family.needs.length);
    expect(await page.locator(".need-group .result-card").count()).toBeGreaterThanOrEqual(family.needs.length);
    expect(await page.locator(".reasons").first().textContent()).toBeTruthy();
    // Every reason says something: no empty line where a reason had nothing to tell.
    for (const reason of await page.locator(".reasons li").allTextContents()) expect(reason.trim()).not.toBe("");
    const reasons = await page.locator(".reasons").allTextContents().then((all) => all.join(" "));
    if (family.speaksSaid) expect(reasons).toMatch(family.speaks);
    else expect(reasons).not.toMatch(family.speaks);
    expect(await page.locator(".fact-distance").count()).toBeGreaterThan(0);
    // The Brno father's nearest fathers' groups speak Czech only: the card says so.
    if (family.place === "Brno") expect(await page.locator(".fact-languages").first().textContent()).toMatch(/^Nói tiếng Séc/);
    // Distances in the unit of the family's region: miles in Los Angeles County.
    expect(await page.locator(".fact-distance").first().textContent()).toMatch(family.place === "Long Beach" ? /\d mi away$/ : /\d km\b/);
    await expectNoHorizontalScroll(page, "results at 360 px");
    if (family.javaScript) {
      await page.locator(".results-map-canvas .leaflet-interactive, .results-map-canvas .cluster-marker").first().waitFor();
      const expected = Number(await page.locator(".results-map-canvas").getAttribute("data-markers"));
      const singles = await page.locator(".results-map-canvas path.leaflet-interactive").count();
      const clustered = (await page.locator(".results-map-canvas .cluster-marker").allTextContents()).reduce((sum, text) => sum + Number(text), 0);
      expect(singles + clustered).toBe(expected);
      await page.screenshot({ path: artifactPath(`results-${family.language}-${family.role}.png`), fullPage: true });
      // Changing an answer from the results: the place screen arrives whole, with its own script
      // ("use my location", the map), not drawn by the results page's JavaScript without it.
      await page.locator(".results-tools a").first().click();
      await page.waitForURL(/questionnaire\/summary$/);
      await page.locator('a.change-link[href*="/place?"]').click();
      await page.waitForURL(/questionnaire\/place\?from=summary$/);
      await page.locator("#place-picker button").first().waitFor({ timeout: 5_000 });
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("the safety question", () => {
  it("goes straight to emergency and crisis help when someone is in danger", async () => {
    const context = await harness.context({ serverHtmlOnly: true });
    const page = await context.newPage();
    await page.goto("/en/questionnaire/safety");
    await page.locator('input[name="danger"][value="yes"]').check();
    await page.locator(".step-actions button[type=submit]").click();
    await page.waitForURL(/questionnaire\/danger/);
    expect(await page.locator("h1").textContent()).toBe("Get help now");
    for (const number of ["911", "988", "113", "115", "111", "112", "155"]) {
      expect(await page.locator(`#danger-help a[href="tel:${number}"]`).count(), number).toBeGreaterThan(0);
    }
    await expectNoAxeViolations(page, "danger page");
    await context.close();
  });

  it("lets a family reach their own country's numbers in one tap, wherever the page's language is spoken", async () => {
    // The page's own scripts blocked (these screens have none), but axe needs JavaScript to run.
    const context = await harness.context({ serverHtmlOnly: true, width: 360 });
    const page = await context.newPage();
    await page.goto("/vi/questionnaire/safety");
    await page.locator('input[name="danger"][value="yes"]').check();
    await page.locator(".step-actions button[type=submit]").click();
    await page.waitForURL(/questionnaire\/danger/);
    const where = page.getByRole("navigation", { name: "Bạn đang ở đâu?" });
    expect(await where.getByRole("link").allTextContents()).toEqual(["An Giang", "Quận Los Angeles", "Vùng Nam Moravia"]);
    await where.getByRole("link", { name: "Vùng Nam Moravia" }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe("#danger-help-cz-jm");
    const emergency = page.locator('#danger-help .crisis-region:has(#danger-help-cz-jm) a[href="tel:112"]');
    const box = await emergency.boundingBox();
    expect(box!.y).toBeGreaterThan(0);
    expect(box!.y).toBeLessThan(740);
    await expectNoAxeViolations(page, "danger page, Vietnamese");
    await context.close();
  });
});

describe("bad answers", () => {
  it("come back with a localized message and the other answers kept", async () => {
    const context = await harness.context({ javaScript: false });
    const page = await context.newPage();
    const response = await page.goto("/cs/questionnaire/needs");
    await page.waitForURL(/questionnaire\/safety\?missing=1/);
    expect(response?.headers()["cache-control"]).toBe("no-store");
    expect(await page.locator(".notice").first().textContent()).toContain("Nejdřív prosím odpovězte");
    await page.locator('input[name="danger"][value="no"]').check();
    await page.locator(".step-actions button[type=submit]").click();
    await page.locator('input[name="role"][value="mother"]').check();
    await page.locator(".step-actions button[type=submit]").click();
    await page.waitForURL(/children/);
    await page.locator("#age-0").fill("abc");
    await page.locator('input[name="pregnant"]').check();
    await page.locator(".step-actions button[type=submit]").click();
    expect(await page.locator(".field-error").textContent()).toContain("celým číslem");
    // Focus starts at what to fix (the browser applies autofocus at its next rendering step, not at once).
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("alert");
    expect(await page.locator("#age-0").inputValue()).toBe("abc");
    expect(await page.locator('input[name="pregnant"]').isChecked()).toBe(true);
    await page.locator("#age-0").fill("4");
    await page.locator('select[name="unit"]').first().selectOption("years");
    await page.locator(".step-actions button[type=submit]").click();
    await page.waitForURL(/place/);
    await page.locator(".step-actions button[type=submit]").click();
    expect(await page.locator(".field-error").textContent()).toBe("Zadejte prosím PSČ nebo název místa.");
    await page.locator("#place-input").fill("Brnoo");
    await page.locator(".step-actions button[type=submit]").click();
    expect(await page.locator(".field-error").textContent()).toContain("nenašli");
    expect(await page.locator("#place-input").inputValue()).toBe("Brnoo");
    await page.locator(".suggestions button", { hasText: /^Brno$/ }).click();
    await page.waitForURL(/needs/);
    await page.locator(".step-actions button[type=submit]").click();
    expect(await page.locator(".field-error").textContent()).toContain("alespoň jedno téma");
    await page.locator('a:text("Zpět")').click();
    await page.waitForURL(/place/);
    expect(await page.locator("#place-input").inputValue()).toBe("Brno");
    await page.locator(".step-actions button[type=submit]").click();
    await page.waitForURL(/needs/);
    await page.locator('input[name="need"][value="housing"]').check();
    await page.locator(".step-actions button[type=submit]").click();
    await page.waitForURL(/preferences/);
    // Brno's languages first; one only Los Angeles services speak is under "More languages".
    const offered = await page.locator('.language-choices input[name="language"]').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value));
    expect(offered.slice(0, 2)).toEqual(["cs", "en"]);
    // Ukrainian and Slovak are spoken by as many services in the demo region: either may come first.
    expect(offered.slice(2, 4).sort()).toEqual(["sk", "uk"]);
    const armenian = page.locator('input[name="language"][value="hy"]');
    expect(await armenian.isVisible()).toBe(false);
    await page.getByText("Další jazyky").click();
    await armenian.check();
    await page.locator(".step-actions button[type=submit]").click();
    await page.waitForURL(/summary/);
    expect(await page.locator(".summary-row dd").nth(1).textContent()).toMatch(/^Těhotenství; dítě: 4 roky\s/);
    await page.goto("/cs/questionnaire/preferences");
    expect(await armenian.isVisible()).toBe(true);
    expect(await armenian.isChecked()).toBe(true);
    await context.close();
  });
});

describe("results", () => {
  it("say honestly when a need has nothing nearby and what to do next", async () => {
    const context = await harness.context();
    const page = await context.newPage();
    await answerQuestionnaire(page, {
      language: "en",
      role: "professional",
      children: [["10", "years"]],
      place: "Mikulov",
      needs: ["transportation", "parenting"],
      languages: ["en"],
    });
    const unmet = page.locator(".unmet");
    expect(await unmet.count()).toBeGreaterThan(0);
    expect(await unmet.first().textContent()).toMatch(/We found nothing for .* within 25 km/);
    expect(await unmet.first().locator("a", { hasText: "Look further away" }).count()).toBe(1);
    // The search from there asks about the family's one child, as the results did.
    const search = new URL(await unmet.first().locator('a[href*="/search?"]').getAttribute("href") ?? "", "http://localhost").searchParams;
    expect([search.get("place"), search.get("age")]).toEqual(["Mikulov", "10"]);
    await expectNoAxeViolations(page, "results with an unmet need");
    await context.close();
  });

  it("reproduce from a shared link without the questionnaire, and have no axe violations in any language", async () => {
    const context = await harness.context();
    const page = await context.newPage();
    for (const language of ["vi", "en", "cs"]) {
      await page.goto(`/${language}/results?need=food&need=parenting&place=Long+Beach&at=33.77,-118.19&language=vi`);
      expect(await page.locator(".need-group").count()).toBe(2);
      await page.locator(".results-map-canvas .leaflet-interactive, .results-map-canvas .cluster-marker").first().waitFor();
      await expectNoAxeViolations(page, `shared results ${language}`);
    }
    await context.close();
  });

  it("from a link with a part that cannot be read show the rest and say what was left out", async () => {
    const link = "/vi/results?need=food&need=%3Cscript%3E&place=Long+Beach&at=33.77,-118.19&age=99";
    for (const javaScript of [false, true]) {
      const context = await harness.context({ javaScript });
      const page = await context.newPage();
      await page.goto(link);
      expect(await page.locator(".need-group").count()).toBe(1);
      expect(await page.locator(".results-page .notice-warning").allTextContents()).toEqual([
        "Đường dẫn này có một chủ đề mà chúng tôi không nhận ra nên đã được bỏ qua. Các kết quả dưới đây dành cho những chủ đề còn lại.",
        "Đường dẫn này có tuổi của một bé mà chúng tôi không đọc được nên đã được bỏ qua. Các kết quả dưới đây không tính đến tuổi đó.",
      ]);
      if (javaScript) await expectNoAxeViolations(page, "shared results with parts left out");
      await context.close();
    }
  });

  it.each([1280, 360])("highlight a result's marker, or the cluster it is in, when the result is hovered or focused (%i px)", async (width) => {
    const context = await harness.context({ width });
    const page = await context.newPage();
    await page.goto(`/en/results?need=food&need=parenting&place=Brno&at=49.19,16.61`);
    await page.locator(".results-map-canvas .leaflet-interactive, .results-map-canvas .cluster-marker").first().waitFor();
    const lit = () => page.locator('.results-map-canvas path[fill="#ffbf47"], .results-map-canvas .cluster-marker.highlighted');
    expect(await lit().count()).toBe(0);
    const cards = await page.locator(".result-card[data-service-id]").all();
    expect(cards.length).toBeGreaterThan(3);
    for (const [n, card] of cards.entries()) {
      // Hovering on a wide screen, the keyboard's focus on a phone.
      if (width > 360) await card.hover();
      else await card.locator("h3 a").focus();
      expect(await card.getAttribute("class")).toContain("highlighted");
      expect(await lit().count(), `card ${n}`).toBeGreaterThan(0);
    }
    await context.close();
  });
});

describe("the results map on a phone", () => {
  it("is one tap from the top of the list, and not offered where it cannot show", async () => {
    const target = "/vi/results?need=food&need=childcare&place=Brno&at=49.20%2C16.61&language=vi";
    const context = await harness.context({ width: 360 });
    const page = await context.newPage();
    await page.goto(target);
    await page.getByRole("link", { name: "Xem trên bản đồ" }).click();
    await page.locator("#results-map .leaflet-container").waitFor();
    const top = await page.locator("#results-map").evaluate((map) => map.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    await context.close();

    const plain = await harness.context({ javaScript: false, width: 360 });
    const noScript = await plain.newPage();
    await noScript.goto(target);
    expect(await noScript.getByRole("link", { name: "Xem trên bản đồ" }).isVisible()).toBe(false);
    await plain.close();
  });
});

describe("the place screen with JavaScript", () => {
  it("lets a family tap a spot on a map instead of typing", async () => {
    const context = await harness.context();
    const page = await context.newPage();
    await page.goto("/en/questionnaire/safety");
    await page.locator('input[name="danger"][value="no"]').check();
    await page.locator(".step-actions button[type=submit]").click();
    await page.locator('input[name="role"][value="mother"]').check();
    await page.locator(".step-actions button[type=submit]").click();
    await page.waitForURL(/children/);
    await page.locator(".step-actions button[type=submit]").click();
    await page.waitForURL(/place/);
    await page.getByRole("button", { name: "Choose on a map" }).click();
    const map = page.locator(".picker-map");
    await map.waitFor();
    await map.click();
    expect(await page.locator('input[name="lat"]').inputValue()).not.toBe("");
    expect(await page.locator("#place-picker [role=status]").textContent()).toContain("Spot chosen");
    await expectNoAxeViolations(page, "place screen with map");
    await page.locator(".step-actions button[type=submit]").click();
    await page.waitForURL(/needs/);
    // Changing the place from the summary, the screen's button says "Save": so does the status.
    await page.goto("/en/questionnaire/place?from=summary");
    await page.getByRole("button", { name: "Choose on a map" }).click();
    await page.locator(".picker-map").click();
    expect(await page.locator("#place-picker [role=status]").textContent()).toBe("Spot chosen. Press Save to keep it.");
    expect(await page.locator(".step-actions button[type=submit]").textContent()).toBe("Save");
    await context.close();
  });
});

/** Opens a fresh questionnaire and answers the screens before the place: no danger, a mother, no children given. */
async function reachPlaceScreen(page: Page, language: string) {
  await page.goto(`/${language}/questionnaire/safety`);
  await page.locator('input[name="danger"][value="no"]').check();
  await page.locator(".step-actions button[type=submit]").click();
  await page.waitForURL(/who$/);
  await page.locator('input[name="role"][value="mother"]').check();
  await page.locator(".step-actions button[type=submit]").click();
  await page.waitForURL(/children$/);
  await page.locator(".step-actions button[type=submit]").click();
  await page.waitForURL(/place$/);
}

describe("Enter in a field, as a phone's Go key sends it", () => {
  for (const javaScript of [false, true]) {
    it(`goes on with what is typed, not with the first suggestion (JavaScript ${javaScript ? "on" : "off"})`, async () => {
      const context = await harness.context({ javaScript, width: 360 });
      const page = await context.newPage();
      await reachPlaceScreen(page, "vi");
      await page.locator("#place-input").fill("Long");
      await page.locator("#place-input").press("Enter");
      await page.locator(".suggestions button").first().waitFor();
      // Places in different regions say which region they are in.
      const suggested = await page.locator(".suggestions button").allTextContents();
      expect(suggested).toContain("Long Beach – Quận Los Angeles");
      expect(suggested.some((text) => /^Long Xuyên.* – An Giang$/.test(text)), suggested.join(", ")).toBe(true);
      // The mother corrects the box and presses Enter: her place is saved, not Long Beach.
      await page.locator("#place-input").fill("Phú Tân");
      await page.locator("#place-input").press("Enter");
      await page.waitForURL(/needs$/);
      await page.goto("/vi/questionnaire/place");
      expect(await page.locator("#place-input").inputValue()).toBe("Phú Tân");
      await context.close();
    });
  }

  it("goes on from the children screen, rather than adding an empty row", async () => {
    const context = await harness.context({ javaScript: false, width: 360 });
    const page = await context.newPage();
    await reachPlaceScreen(page, "cs");
    await page.goto("/cs/questionnaire/children");
    await page.locator("#age-0").fill("3");
    await page.locator("#age-0").press("Enter");
    await page.waitForURL(/place$/);
    await page.goto("/cs/questionnaire/children");
    expect(await page.locator('input[name="age"]').count()).toBe(1);
    expect(await page.locator("#age-0").inputValue()).toBe("3");
    await context.close();
  });
});

describe("a spot tapped on the map", () => {
  it("gives way to a place typed after it", async () => {
    const context = await harness.context({ width: 360 });
    const page = await context.newPage();
    await reachPlaceScreen(page, "en");
    await page.getByRole("button", { name: "Choose on a map" }).click();
    await page.locator(".picker-map").click();
    expect(await page.locator('input[name="lat"]').inputValue()).not.toBe("");
    await page.locator("#place-input").fill("Phu Tan");
    expect(await page.locator('input[name="lat"]').inputValue()).toBe("");
    expect(await page.locator("#place-picker [role=status]").textContent()).not.toContain("Spot chosen");
    await page.locator(".step-actions button[type=submit]").click();
    await page.waitForURL(/needs$/);
    await page.goto("/en/questionnaire/place");
    expect(await page.locator("#place-input").inputValue()).toBe("Phú Tân");
    await context.close();
  });
});

describe("the place screen's map", () => {
  it("has zoom buttons in the page's language, big enough for a finger", async () => {
    const context = await harness.context({ width: 360 });
    const page = await context.newPage();
    await reachPlaceScreen(page, "vi");
    await page.getByRole("button", { name: "Chọn trên bản đồ" }).click();
    const zoomIn = page.locator(".picker-map .leaflet-control-zoom-in");
    await zoomIn.waitFor();
    expect(await zoomIn.getAttribute("title")).toBe("Phóng to");
    expect(await page.locator(".picker-map .leaflet-control-zoom-out").getAttribute("title")).toBe("Thu nhỏ");
    const box = (await zoomIn.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    expect(await page.locator(".picker-map .leaflet-control-attribution").textContent()).not.toContain("Leaflet");
    // The credit's link is told apart from its words by more than colour.
    const credit = page.locator(".picker-map .leaflet-control-attribution a");
    expect(await credit.evaluate((link) => getComputedStyle(link).textDecorationLine)).toBe("underline");
    await context.close();
  });
});

describe("the place screen's map, for a family far from the region its language suggests", () => {
  it("moves to the family's own region in one tap: a Vietnamese-speaking father in Brno", async () => {
    const context = await harness.context({ width: 360 });
    const page = await context.newPage();
    await reachPlaceScreen(page, "vi");
    await page.getByRole("button", { name: "Chọn trên bản đồ" }).click();
    const regions = page.getByRole("group", { name: "Chuyển bản đồ đến" });
    await regions.waitFor();
    // The map opens on An Giang, whose button comes first; the others follow.
    expect(await regions.getByRole("button").allTextContents()).toEqual(["An Giang", "Quận Los Angeles", "Vùng Nam Moravia"]);
    await regions.getByRole("button", { name: "Vùng Nam Moravia" }).click();
    await page.locator(".picker-map").click();
    // The middle of the map is Brno now, not Long Xuyên.
    expect(Number(await page.locator('input[name="lat"]').inputValue())).toBeCloseTo(49.19, 1);
    expect(Number(await page.locator('input[name="lng"]').inputValue())).toBeCloseTo(16.61, 1);
    for (const button of await regions.getByRole("button").all()) {
      const box = (await button.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    }
    await expectNoAxeViolations(page, "place screen, map moved to another region");
    await context.close();
  });
});

describe("every questionnaire screen", () => {
  it("has no axe violations (Vietnamese, JavaScript on)", async () => {
    const context = await harness.context({ width: 360 });
    const page = await context.newPage();
    await answerQuestionnaire(
      page,
      { language: "vi", role: "mother", children: [["1", "years"]], place: "Châu Đốc", needs: ["food"], languages: ["vi"] },
      { axe: true },
    );
    await expectNoAxeViolations(page, "vi results");
    await context.close();
  });
});
