import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/db.server";
import { loader as redirectLoader } from "~/routes/language-redirect";
import { loader as layoutLoader } from "~/routes/language-layout";
import { loader as serviceLoader } from "~/routes/service";
import { loader as homeLoader } from "~/routes/home";
import { loader as resultsLoader } from "~/routes/results";
import { loader as rootLoader } from "~/root";
import * as t from "../../db/schema";
import { stableUuid } from "../../db/seed/stable-id";
import { createTestDatabase } from "../helpers/database";
import { thrownStatus } from "../helpers/responses";
import { routeArgs } from "../helpers/route-args";

let db: Db;
let cleanup: () => void;
beforeAll(() => ({ db, cleanup } = createTestDatabase()));
afterAll(() => cleanup());

const args = (url: string, params: Record<string, string>, headers: Record<string, string> = {}) =>
  routeArgs(new Request(`http://localhost${url}`, { headers }), params, db);

describe("language routing", () => {
  it("redirects / by Accept-Language, English when nothing fits", () => {
    const vi = redirectLoader(args("/", {}, { "Accept-Language": "vi-VN,vi;q=0.9" })) as Response;
    expect(vi.status).toBe(302);
    expect(vi.headers.get("Location")).toBe("/vi");
    const fallback = redirectLoader(args("/", {}, { "Accept-Language": "de" })) as Response;
    expect(fallback.headers.get("Location")).toBe("/en");
  });

  it("answers an unknown language with 404", async () => {
    expect(await thrownStatus(() => layoutLoader(args("/xx/search", { lang: "xx" })))).toBe(404);
    expect(layoutLoader(args("/cs", { lang: "cs" }))).toBeNull();
  });

  it("decides the page's language, and sends no words with the page's data", () => {
    const data = rootLoader(args("/cs/search", {}));
    expect(data.language).toBe("cs");
    expect(Object.keys(data).sort()).toEqual(["config", "language", "origin"]);
    expect(rootLoader(args("/nope", {}, { "Accept-Language": "vi" })).language).toBe("vi");
  });

  it("gives each page a title in its language", () => {
    expect(homeLoader(args("/vi", { lang: "vi" })).title).toMatch(/gia đình/);
    expect(homeLoader(args("/cs", { lang: "cs" })).title).toMatch(/rodiny/);
  });
});

describe("service page loader", () => {
  const id = stableUuid("service:jm-001");

  it("returns what a family needs to act, in the page's language", () => {
    const { service, region, title } = serviceLoader(args(`/vi/services/${id}`, { lang: "vi", serviceId: id }));
    expect(region).toBe("cz-jm");
    expect(title).not.toContain(service.name.text);
    expect(service.name.fallback).toBe(false);
    expect(service.phones.length).toBeGreaterThan(0);
    expect(service.assuredDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(service.needs.length).toBeGreaterThan(0);
    const cs = serviceLoader(args(`/cs/services/${id}`, { lang: "cs", serviceId: id })).service;
    expect(cs.name.text).not.toBe(service.name.text);
    // A reader of a translation also gets the name the sign and the phone answer say; a reader of the original does not need it.
    expect(service.sourceName).toEqual({ text: cs.name.text, language: "cs" });
    expect(cs.sourceName).toBeNull();
  });

  it("falls back visibly to the source text when a translation is missing", () => {
    db.delete(t.translation).where(eq(t.translation.entity_id, id)).run();
    const { service } = serviceLoader(args(`/en/services/${id}`, { lang: "en", serviceId: id }));
    expect(service.name).toMatchObject({ fallback: true, language: "cs" });
  });

  it("gives sites with address, coordinates and hours, or a service area for phone services", () => {
    const services = db.select({ id: t.service.id }).from(t.service).all();
    let withSites = 0;
    let phoneOnly = 0;
    for (const { id: serviceId } of services) {
      const { service } = serviceLoader(args(`/en/services/${serviceId}`, { lang: "en", serviceId }));
      if (service.sites.length > 0) {
        withSites++;
        for (const site of service.sites) {
          expect(site.address?.city).toBeTruthy();
          expect(site.lat).not.toBeNull();
        }
      } else {
        phoneOnly++;
        expect(service.serviceAreas.length).toBeGreaterThan(0);
      }
    }
    expect(withSites).toBeGreaterThan(150);
    expect(phoneOnly).toBeGreaterThanOrEqual(18);
  });

  it("leads back to the list it was opened from, and to the search when that is not one of ours", () => {
    const back = (from: string | null) => {
      const target = from === null ? `/cs/services/${id}` : `/cs/services/${id}?${new URLSearchParams({ from })}`;
      return serviceLoader(args(target, { lang: "cs", serviceId: id })).back;
    };
    expect(back("/cs/results?need=food&place=Brno&at=49.20%2C16.61")).toEqual({ page: "results", path: "/cs/results?need=food&place=Brno&at=49.20%2C16.61" });
    expect(back("/vi/search?q=poradna")).toEqual({ page: "search", path: "/cs/search?q=poradna" });
    expect(back(null)).toBeNull();
    expect(back("https://evil.example/cs/results")).toBeNull();
  });

  it("names the area a phone or online service covers in the reader's language, on its page and in results", async () => {
    const online = stableUuid("service:jm-046");
    const areaIn = (lang: "vi" | "en" | "cs") => serviceLoader(args(`/${lang}/services/${online}`, { lang, serviceId: online })).service.serviceAreas;
    expect(areaIn("cs")).toEqual(["Celý Jihomoravský kraj"]);
    expect(areaIn("vi")).toEqual(["Toàn vùng Nam Morava"]);
    expect(areaIn("en")).toEqual(["All of South Moravia"]);

    const params = "need=pregnancy&need=child-health&need=parenting&need=family-safety&place=Brno&at=49.20%2C16.61&language=vi";
    const results = (await resultsLoader(args(`/vi/results?${params}`, { lang: "vi" }))) as {
      groups: Array<{ results: Array<{ reasons: Array<{ kind: string; areaName?: string }> }> }>;
    };
    const areas = results.groups.flatMap((group) => group.results.flatMap((result) => result.reasons.flatMap((reason) => (reason.kind === "service-area" ? [reason.areaName] : []))));
    expect(areas).toContain("Toàn vùng Nam Morava");
    expect(areas).not.toContain("Celý Jihomoravský kraj");
  });

  it("a shared link's 'age=0' (under one) keeps services from 6 months, which a baby of 8 months fits", async () => {
    type Shown = { groups: Array<{ results: Array<{ serviceId: string }> }> };
    const shown = async (ages: string) =>
      ((await resultsLoader(args(`/en/results?need=childcare&place=Long+Beach&at=33.77%2C-118.19${ages}`, { lang: "en" }))) as Shown).groups.flatMap((group) =>
        group.results.map((entry) => entry.serviceId),
      );
    const eveningChildcare = stableUuid("service:la-003"); // from 6 months to 8 years
    expect(await shown("&age=0")).toContain(eveningChildcare);
    expect(await shown("&age=9")).not.toContain(eveningChildcare);
  });

  it("says when the record was last checked over a year ago, so the family calls before going", () => {
    const id = stableUuid("service:la-001");
    const checkedOn = (date: string) => {
      db.update(t.service).set({ assured_date: date }).where(eq(t.service.id, id)).run();
      return serviceLoader(args(`/en/services/${id}`, { lang: "en", serviceId: id })).checkedLongAgo;
    };
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    const [before] = db.select({ date: t.service.assured_date }).from(t.service).where(eq(t.service.id, id)).all();
    try {
      expect(checkedOn(daysAgo(30))).toBe(false);
      expect(checkedOn(daysAgo(400))).toBe(true);
    } finally {
      db.update(t.service).set({ assured_date: before!.date }).where(eq(t.service.id, id)).run();
    }
  });

  it("answers an unknown or malformed id with 404", async () => {
    expect(await thrownStatus(() => serviceLoader(args("/en/services/x", { lang: "en", serviceId: stableUuid("nothing") })))).toBe(404);
    expect(await thrownStatus(() => serviceLoader(args("/en/services/x", { lang: "en", serviceId: "'; DROP TABLE service; --" })))).toBe(404);
  });
});
