import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LANGUAGES } from "~/i18n/languages";
import { stableUuid } from "../../db/seed/stable-id";
import { NEUTRAL_URL, artifactPath, expectNoAxeViolations, expectNoHorizontalScroll, startHarness, type Harness } from "./harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const SERVICE_WITH_SITES = stableUuid("service:ag-001");

describe("service page", () => {
  it("opens from a result and shows how to act: phone, hours, address, directions, map", async () => {
    const context = await harness.context();
    const page = await context.newPage();
    await page.goto("/vi/search?place=Long+Xuy%C3%AAn");
    await page.locator(".result-card h3 a").first().click();
    await page.waitForURL(/\/vi\/services\//);
    expect(await page.locator("h1").textContent()).toBeTruthy();
    expect(await page.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    expect(await page.locator(".verified").textContent()).toMatch(/kiểm tra lần cuối/);
    expect(await page.title()).toBe("Thông tin dịch vụ – Family Navigator");
    const sites = await page.locator(".site").count();
    if (sites > 0) {
      expect(await page.locator(".site address").count()).toBe(sites);
      expect(await page.locator(".site a", { hasText: "Chỉ đường" }).count()).toBe(sites);
      await page.locator(".service-map .leaflet-interactive").first().waitFor();
      expect(await page.locator(".service-map .leaflet-interactive").count()).toBe(sites);
    }
    await expectNoHorizontalScroll(page, "service page");
    await page.screenshot({ path: artifactPath("service-vi.png"), fullPage: true });
    await context.close();
  });
});

describe("the way back from a service page", () => {
  for (const javaScript of [false, true]) {
    it(`returns to the same results and the same search (JavaScript ${javaScript ? "on" : "off"})`, async () => {
      const context = await harness.context({ javaScript });
      const page = await context.newPage();
      const results = "/cs/results?need=food&place=Brno&at=49.20%2C16.61&language=cs&age=3";
      await page.goto(results);
      const firstResult = await page.locator(".result-card h3 a").first().textContent();
      await page.locator(".result-card h3 a").first().click();
      await page.waitForURL(/\/cs\/services\//);
      await page.getByRole("link", { name: "Zpět na vaše výsledky" }).click();
      await page.waitForURL((url) => url.pathname === "/cs/results");
      expect(new URL(page.url()).search).toBe(new URL(results, "http://x").search);
      expect(await page.locator(".result-card h3 a").first().textContent()).toBe(firstResult);
      // At the card the family opened, not at the top of the list.
      expect(new URL(page.url()).hash).toMatch(/^#result-food-/);
      await expect.poll(() => page.locator(new URL(page.url()).hash).evaluate((card) => card.getBoundingClientRect().top)).toBeLessThan(200);

      await page.goto("/en/search?q=food&place=Long+Beach");
      await page.locator(".result-card h3 a").first().click();
      await page.waitForURL(/\/en\/services\//);
      await page.getByRole("link", { name: "Back to the search results" }).click();
      await page.waitForURL((url) => url.pathname === "/en/search");
      expect(await page.locator('input[name="q"]').inputValue()).toBe("food");
      await context.close();
    });
  }
});

describe("the results page as its script arrives", () => {
  it("moves nothing under the family's finger, and offers printing only where scripts run", async () => {
    const target = "/cs/results?need=food&place=Brno&at=49.20%2C16.61&language=cs&age=3";
    const firstResultAt = async (options: { javaScript: boolean; serverHtmlOnly?: boolean }) => {
      const context = await harness.context(options);
      const page = await context.newPage();
      await page.goto(target, { waitUntil: "networkidle" });
      const box = await page.locator(".result-card h3 a").first().boundingBox();
      const printable = await page.getByRole("button", { name: "Vytisknout seznam" }).isVisible();
      await context.close();
      return { y: box?.y, printable };
    };
    // The page as it first shows (its script not yet there), and once the script has run.
    const before = await firstResultAt({ javaScript: true, serverHtmlOnly: true });
    const after = await firstResultAt({ javaScript: true });
    expect(before.y).toBeDefined();
    expect(after.y).toBe(before.y);
    expect(after.printable).toBe(true);
    expect((await firstResultAt({ javaScript: false })).printable).toBe(false);
  });
});

describe("the share link", () => {
  for (const javaScript of [false, true]) {
    it(`is a whole address, ready to paste into a message (JavaScript ${javaScript ? "on" : "off"})`, async () => {
      const context = await harness.context({ javaScript });
      const page = await context.newPage();
      await page.goto("/vi/results?need=food&place=Brno&at=49.20%2C16.61&language=vi", { waitUntil: "networkidle" });
      const link = await page.locator("#share-link").inputValue();
      expect(link).toBe(`${harness.server.url}/vi/results?need=food&place=Brno&at=49.20%2C16.61&language=vi`);
      await context.close();
    });
  }
});

describe("pages on the wire", () => {
  it("go compressed whole, with their length, and vary by what the browser accepts", async () => {
    const context = await harness.context();
    const page = await context.newPage();
    const response = await page.goto("/cs/questionnaire/safety");
    const headers = response!.headers();
    expect(headers["content-encoding"]).toBe("br");
    expect(headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(headers["content-length"])).toBeGreaterThan(0);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await context.close();
  });
});

describe("quick exit", () => {
  it("replaces the page with a neutral site so Back does not return (button)", async () => {
    const context = await harness.context();
    const page = await context.newPage();
    await page.goto(`/en`);
    // Clicked as soon as the page shows: the head's script works before React's has loaded.
    await page.goto(`/en/search?need=family-safety`, { waitUntil: "commit" });
    await page.getByRole("link", { name: /Quick exit/ }).click();
    await page.waitForURL(NEUTRAL_URL);
    await page.goBack();
    expect(page.url()).not.toContain("family-safety");
    await context.close();
  });

  it("replaces a questionnaire screen too, which loads no React", async () => {
    const context = await harness.context();
    const page = await context.newPage();
    await page.goto(`/vi`);
    await page.goto(`/vi/questionnaire/safety`);
    await page.getByRole("link", { name: /Thoát nhanh/ }).click();
    await page.waitForURL(NEUTRAL_URL);
    await page.goBack();
    expect(page.url()).not.toContain("questionnaire");
    await context.close();
  });

  for (const target of ["/cs/search?need=family-safety", "/cs/questionnaire/safety"]) {
    it(`leaves on Shift pressed three times (${target})`, async () => {
      const context = await harness.context();
      const page = await context.newPage();
      await page.goto(target);
      // Where scripts run, the hint read to screen readers offers the shortcut.
      expect(await page.locator("#quick-exit-hint").innerText()).toContain("třikrát stisknout klávesu Shift");
      await page.locator("h1").click();
      for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
      await page.waitForURL(NEUTRAL_URL);
      await context.close();
    });
  }

  it("stays on the screen at the end of a long list, on a phone", async () => {
    const context = await harness.context({ width: 360 });
    const page = await context.newPage();
    await page.goto("/vi/results?need=food&need=childcare&place=Brno&at=49.20%2C16.61&language=vi");
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const box = await page.getByRole("link", { name: /Thoát nhanh/ }).boundingBox();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(740);
    await expectNoHorizontalScroll(page, "results with quick exit in the corner");
    await context.close();
  });

  it("does not leave while someone types capitals (Shift with letters in between)", async () => {
    const context = await harness.context();
    const page = await context.newPage();
    await page.goto("/vi/search");
    await page.locator("#q").click();
    for (const [capital, rest] of [["KeyT", "hành "], ["KeyP", "hố "], ["KeyH", "ồ"]] as const) {
      await page.keyboard.press(`Shift+${capital}`);
      await page.keyboard.type(rest);
    }
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe("/vi/search");
    expect(await page.locator("#q").inputValue()).toBe("Thành Phố Hồ");
    await context.close();
  });

  it("is a plain link to the neutral site without JavaScript", async () => {
    const context = await harness.context({ javaScript: false });
    const page = await context.newPage();
    await page.goto(`/vi`);
    expect(await page.getByRole("link", { name: /Thoát nhanh/ }).getAttribute("href")).toBe(NEUTRAL_URL);
    // No script, no shortcut: the hint does not offer it.
    expect(await page.locator("#quick-exit-hint").innerText()).toBe("Rời trang này ngay và mở một trang bình thường.");
    await context.close();
  });
});

describe("emergency numbers", () => {
  it.each(LANGUAGES)("are one tap away in the header of a 360 px phone, not under Quick exit (%s)", async (language) => {
    const context = await harness.context({ width: 360 });
    const page = await context.newPage();
    await page.goto(`/${language}`);
    const link = page.locator(".help-now-link");
    const box = (await link.boundingBox())!;
    const tapped = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.closest(".help-now-link") !== null,
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(tapped, "a tap on the link lands on something else").toBe(true);
    await context.close();
  });

  it("are on every page, the page's region first, or else the region of the page's language", async () => {
    const context = await harness.context({ javaScript: false });
    const page = await context.newPage();
    await page.goto(`/vi/services/${SERVICE_WITH_SITES}`);
    expect(await page.locator(".crisis-region").first().locator("h3").textContent()).toBe("An Giang");
    expect(await page.locator('.crisis a[href="tel:111"]').count()).toBe(1);
    await page.goto(`/en/services/${SERVICE_WITH_SITES}`);
    expect(await page.locator(".crisis-region").first().locator("h3").textContent()).toBe("An Giang");
    await page.goto(`/en`);
    for (const number of ["911", "113", "112"]) expect(await page.locator(`.crisis a[href="tel:${number}"]`).count()).toBeGreaterThan(0);
    // No region yet: the page's language decides which region's numbers come first.
    const firstRegion = () => page.locator(".crisis-region").first().locator("h3").textContent();
    expect(await firstRegion()).toBe("Los Angeles County");
    await page.goto(`/cs`);
    expect(await firstRegion()).toBe("Jihomoravský kraj");
    await page.goto(`/vi/questionnaire/danger`);
    expect(await firstRegion()).toBe("An Giang");
    await context.close();
  });
});

describe("a service page in translation", () => {
  it("also gives the name the sign and the phone answer say, marked with its language", async () => {
    const context = await harness.context({ javaScript: false });
    const page = await context.newPage();
    const brno = stableUuid("service:jm-001");
    await page.goto(`/cs/services/${brno}`);
    const czechName = (await page.locator("h1").textContent())!.trim();
    expect(await page.locator(".service-source-name").count()).toBe(0);
    await page.goto(`/vi/services/${brno}`);
    expect((await page.locator("h1").textContent())!.trim()).not.toBe(czechName);
    expect((await page.locator(".service-source-name").textContent())!.trim()).toBe(`Tên tiếng Séc: ${czechName}`);
    expect(await page.locator(".service-source-name span").getAttribute("lang")).toBe("cs");
    await context.close();
  });
});

describe("referral sheet", () => {
  it("prints the results with every line of the family's region and none of the other regions'", async () => {
    const context = await harness.context({ javaScript: false });
    const page = await context.newPage();
    await page.goto("/en/results?need=child-protection&need=food&place=Long+Beach&at=33.77%2C-118.19&language=en&age=2&age=6");
    const lines = page.locator(".site-footer .crisis");
    // On screen the other helplines fold away under a summary that still shows it opens.
    const summary = lines.locator("summary").first();
    expect(await summary.evaluate((element) => getComputedStyle(element).display)).toBe("list-item");
    expect((await summary.boundingBox())!.height).toBeGreaterThanOrEqual(44);

    expect(await page.locator(".result-card .print-only").first().isVisible()).toBe(false);
    expect(await page.locator(".print-source").isVisible()).toBe(false);

    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".result-card").first().isVisible()).toBe(true);
    // On paper a card says where to go and when it opens in the week, not whether it is open right now.
    const printed = (await page.locator(".result-card .facts").allInnerTexts()).join("\n");
    expect(printed).toMatch(/\d+ [^,\n]+, [A-Za-z ]+, CA \d{5}/);
    expect(printed).toMatch(/(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(–\w{3})? \d{1,2}:\d{2} [AP]M–\d{1,2}:\d{2} [AP]M/);
    expect(printed).not.toMatch(/Open now|Closed now/);
    for (const hidden of [".site-header", ".share", ".results-tools", ".need-jump"]) expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    // The LA child-protection hotline is one of the lines folded away on screen: on paper it is there.
    expect(await lines.getByRole("link", { name: "1-800-540-4000" }).isVisible()).toBe(true);
    expect(await lines.getByRole("link", { name: "911" }).isVisible()).toBe(true);
    expect(await lines.getByRole("link", { name: "112", exact: true }).isVisible()).toBe(false);
    expect(await summary.isVisible()).toBe(false);
    // The sheet says where it comes from, when, and the link that shows the same results again.
    const source = (await page.locator(".print-source").innerText()).trim();
    expect(source).toMatch(/^Family Navigator · results of \w+ \d{1,2}, \d{4} · http:\/\/localhost:\d+\/en\/results\?need=child-protection&need=food&/);
    await page.pdf({ path: artifactPath("results-print-en.pdf") });
    await context.close();
  });
});

describe("a need with nothing near", () => {
  it("offers a search of that topic from the family's place, not from everywhere", async () => {
    const context = await harness.context({ javaScript: false });
    const page = await context.newPage();
    await page.goto("/cs/results?need=jobs-education&place=Znojmo&at=48.86%2C16.05");
    const link = page.locator(".unmet a", { hasText: "Hledat toto téma v okolí místa Znojmo" });
    // On paper a link to follow is no use: only the region's help line stays.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".unmet li:visible").allInnerTexts()).toHaveLength(1);
    await page.emulateMedia({ media: "screen" });
    await link.click();
    await page.waitForURL(/\/cs\/search\?/);
    const params = new URL(page.url()).searchParams;
    expect([params.getAll("need"), params.get("place")]).toEqual([["jobs-education"], "Znojmo"]);
    expect(await page.locator('input[name="place"]').inputValue()).toBe("Znojmo");
    expect(await page.locator("#results-title").textContent()).toMatch(/do 25 km od místa Znojmo/);
    // No jobs or education help there: the tips are those that apply, not "remove a filter" (none was set).
    expect(await page.locator(".empty-state li").allTextContents()).toEqual([
      "Zkuste příbuzné téma, nebo nechte místo prázdné a uvidíte i vzdálenější služby.",
      "Můžete také zavolat na obecnou linku pomoci ve vašem kraji, najdete ji níže v části „Pomoc hned“.",
    ]);
    await context.close();
  });
});

describe("services for one sex only", () => {
  it("are marked on the card and on the service page, in the page's language", async () => {
    const context = await harness.context({ javaScript: true });
    const page = await context.newPage();
    // A shared link does not say who asks: the mums' group is there, marked.
    await page.goto("/vi/results?need=parenting&place=Brno&at=49.20%2C16.61&language=vi&age=1");
    const card = page.locator(".result-card", { has: page.locator(".fact-audience") }).first();
    expect(await card.locator(".fact-audience").textContent()).toBe("Chỉ dành cho phụ nữ");
    await card.locator("h3 a").click();
    await page.waitForURL(/\/vi\/services\//);
    expect(await page.locator("#who-title + .facts .fact-audience").textContent()).toBe("Chỉ dành cho phụ nữ");
    await context.close();
  });
});

describe("a shared link that was cut short or altered", () => {
  it("says so and offers the questionnaire, instead of dropping a stranger into its middle", async () => {
    const context = await harness.context({ javaScript: false });
    const page = await context.newPage();
    const response = await page.goto("/vi/results?need=bogus&age=-4");
    expect(response!.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/vi/results");
    expect(await page.locator(".notice-warning").textContent()).toMatch(/^Đường dẫn đến kết quả này không đầy đủ hoặc đã bị thay đổi/);
    await page.getByRole("link", { name: "Trả lời câu hỏi cho gia đình của bạn" }).click();
    await page.waitForURL(/\/vi\/questionnaire/);
    await context.close();
  });
});

describe("the home page's search box", () => {
  it.each(LANGUAGES)("shows its whole example on a 360 px phone (%s)", async (language) => {
    const context = await harness.context({ width: 360 });
    const page = await context.newPage();
    await page.goto(`/${language}`);
    // The example typed into the box takes the width it would take as a placeholder, the search
    // box's clear button's room included: it must not run past the box.
    const { example, overflow } = await page.locator("#home-q").evaluate((input: HTMLInputElement) => {
      input.value = input.placeholder;
      const overflow = input.scrollWidth - input.clientWidth;
      input.value = "";
      return { example: input.placeholder, overflow };
    });
    expect(example).not.toBe("");
    expect(overflow, "the placeholder is cut off").toBe(0);
    await context.close();
  });
});

describe("tap targets on a 360 px phone", () => {
  it("are at least 44 px high and wide, but for links within a sentence", async () => {
    const context = await harness.context({ width: 360 });
    const page = await context.newPage();
    for (const url of [
      "/cs",
      "/cs/questionnaire/danger",
      "/cs/no-such-page",
      "/cs/search?q=poradna",
      "/cs/results?need=fathers&need=food&place=Brno&at=49.20%2C16.61&age=3",
      `/cs/services/${SERVICE_WITH_SITES}`,
    ]) {
      await page.goto(url);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll("a, button, summary, select, input:not([type=hidden])")]
          .filter((element) => {
            const box = element.getBoundingClientRect();
            if (box.width === 0 || box.height === 0 || (box.height >= 44 && box.width >= 44)) return false;
            // A box or radio button inside its label: the label is what a finger taps.
            if (element.tagName === "INPUT" && element.closest("label")) return false;
            // The map's own attribution line, which is Leaflet's to lay out.
            if (element.closest(".leaflet-control-attribution")) return false;
            // A phone number is tapped on its own, though it stands in a line of text.
            if (element.classList.contains("crisis-number")) return true;
            // A link within a sentence keeps the sentence's line height.
            const line = element.parentElement!;
            return !(line.tagName === "P" || line.tagName === "LI") || line.textContent!.trim() === element.textContent!.trim();
          })
          .map((element) => {
            const box = element.getBoundingClientRect();
            return `${element.tagName} "${element.textContent!.trim()}" ${Math.round(box.width)}×${Math.round(box.height)} px`;
          }),
      );
      expect(small, url).toEqual([]);
    }
    await context.close();
  });
});

describe("accessibility", () => {
  const pages = (language: string) => [
    `/${language}`,
    `/${language}/search`,
    `/${language}/search?q=tu+van&place=Brno`,
    `/${language}/search?q=zzzzqqq`,
    `/${language}/search?place=Brnoo&age=-1`,
    `/${language}/search?place=Praha`,
    `/${language}/services/${SERVICE_WITH_SITES}`,
    `/${language}/services/${stableUuid("service:la-001")}`,
    `/${language}/no-such-page`,
    `/${language}/results?need=bogus&age=-4`,
  ];

  it.each(LANGUAGES)("finds no axe violations on any public page in %s, with JavaScript on", async (language) => {
    const context = await harness.context({ width: 360 });
    const page = await context.newPage();
    for (const url of pages(language)) {
      await page.goto(url);
      if (url.includes("/services/") || url.includes("place=Brno&")) await page.locator(".service-map .leaflet-interactive").first().waitFor();
      await expectNoAxeViolations(page, url);
    }
    await context.close();
  });

  it("finds no axe violations without JavaScript, on a wide screen", async () => {
    const context = await harness.context({ serverHtmlOnly: true, width: 1280 });
    const page = await context.newPage();
    for (const url of pages("cs")) {
      await page.goto(url);
      await expectNoAxeViolations(page, url);
    }
    await context.close();
  });
});
