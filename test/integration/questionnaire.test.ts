/**
 * The questionnaire journey driven through the route modules exactly as the server runs them: form
 * posts to the actions, the signed answers cookie carried from each redirect to the next request,
 * then the summary and the results loaders against a real (temporary) database with the demo directory.
 */
import { eq } from "drizzle-orm";
import { createCookie } from "react-router";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "~/db.server";
import { distanceKm } from "~/geo/distance";
import type { Language } from "~/i18n/languages";
import { reindexServices } from "~/directory/search-index.server";
import { findCandidates } from "~/matching/candidates.server";
import { DEFAULT_RADIUS_KM } from "~/matching/match";
import type { FamilyAnswers, MatchReason, NeedResults } from "~/matching/types";
import { STEPS, type Answers } from "~/questionnaire/answers";
import { needTermId } from "~/taxonomy/needs";
import { loader as dangerLoader } from "~/routes/questionnaire-danger";
import { loader as startLoader } from "~/routes/questionnaire-start";
import { action as stepAction, loader as stepLoader } from "~/routes/questionnaire-step";
import { action as summaryAction, loader as summaryLoader } from "~/routes/questionnaire-summary";
import { loader as resultsLoader } from "~/routes/results";
import * as t from "../../db/schema";
import { stableUuid } from "../../db/seed/stable-id";
import { createTestDatabase } from "../helpers/database";
import { routeArgs } from "../helpers/route-args";
import { thrownStatus } from "../helpers/responses";

let db: Db;
let cleanup: () => void;
beforeAll(() => ({ db, cleanup } = createTestDatabase()));
afterAll(() => cleanup());

type Entries = Record<string, string | string[]>;

function formData(entries: Entries): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(entries)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  }
  return body;
}

const args = (request: Request, params: Record<string, string>) => routeArgs(request, params, db);

/** The part of a loader's or action's answer that is data, not a redirect. */
interface StepData {
  errors: Record<string, string>;
  suggestions: Array<{ name: string }>;
  values: { pregnant: boolean; age: string[]; unit: string[]; place: string; need: string[]; language: string[]; free: boolean; evenings: boolean; noCar: boolean };
  extraRow: boolean;
}
interface DataWithInit<T> {
  data: T;
  init: ResponseInit | null;
}

interface ResultsData {
  placeMissing: boolean;
  region: string | null;
  shared: boolean;
  setAside: string[];
  place: { lat: number; lng: number; region: string; label: string };
  radiusKm: number;
  groups: NeedResults[];
  unmetNeeds: string[];
  services: Record<string, { id: string; name: { text: string }; languages: string[]; audience: string | null }>;
  sharePath: string;
  widerRadiusKm: number | null;
  widerPath: string | null;
}

function location(response: unknown): string {
  expect(response).toBeInstanceOf(Response);
  const redirect = response as Response;
  expect(redirect.status).toBe(302);
  return redirect.headers.get("Location")!;
}

/** One browser: a page language and a cookie jar holding fn_answers. */
class Visitor {
  cookie: string | null = null;
  constructor(readonly language: Language) {}

  private request(path: string, init: RequestInit = {}): Request {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("Cookie", this.cookie);
    return new Request(`http://localhost/${this.language}${path}`, { ...init, headers });
  }

  private keepCookie(result: unknown) {
    if (!(result instanceof Response)) return;
    const set = result.headers.get("Set-Cookie");
    if (set) {
      const pair = set.split(";")[0]!;
      expect(pair.startsWith("fn_answers=")).toBe(true);
      this.cookie = pair;
    }
  }

  async post(step: string, entries: Entries): Promise<unknown> {
    const request = this.request(`/questionnaire/${step}`, { method: "POST", body: formData(entries) });
    const result = await stepAction(args(request, { lang: this.language, step }));
    this.keepCookie(result);
    return result;
  }

  /** Posts a body that is not a form (a script's, or a broken one). */
  async postRaw(step: string, body: string, contentType: string | null): Promise<unknown> {
    const request = this.request(`/questionnaire/${step}`, { method: "POST", body, headers: contentType ? { "Content-Type": contentType } : {} });
    return stepAction(args(request, { lang: this.language, step }));
  }

  /** Posts a step that must pass; returns where the redirect goes. */
  async answer(step: string, entries: Entries): Promise<string> {
    return location(await this.post(step, entries));
  }

  loadStep(step: string, query = ""): Promise<unknown> {
    return stepLoader(args(this.request(`/questionnaire/${step}${query}`), { lang: this.language, step }));
  }

  start(): Promise<unknown> {
    return startLoader(args(this.request("/questionnaire"), { lang: this.language }));
  }

  summary(): Promise<unknown> {
    return summaryLoader(args(this.request("/questionnaire/summary"), { lang: this.language }));
  }

  async submitSummary(): Promise<unknown> {
    const request = this.request("/questionnaire/summary", { method: "POST", body: formData({}) });
    const result = await summaryAction(args(request, { lang: this.language }));
    this.keepCookie(result);
    return result;
  }

  danger(): Promise<unknown> {
    return dangerLoader(args(this.request("/questionnaire/danger"), { lang: this.language }));
  }

  results(query = ""): Promise<unknown> {
    return resultsLoader(args(this.request(`/results${query}`), { lang: this.language }));
  }

  /** Walks the questionnaire from the first screen, following every redirect's Location. */
  async journey(steps: Record<Exclude<(typeof STEPS)[number], "safety">, Entries>): Promise<void> {
    expect(location(await this.start())).toBe(`/${this.language}/questionnaire/safety`);
    let next = await this.answer("safety", { danger: "no" });
    for (const step of STEPS.slice(1) as Array<keyof typeof steps>) {
      expect(next).toBe(`/${this.language}/questionnaire/${step}`);
      // The screen itself loads (no gap before it) with what is answered so far.
      const screen = (await this.loadStep(step)) as { step: string };
      expect(screen.step).toBe(step);
      next = await this.answer(step, steps[step]);
    }
    expect(next).toBe(`/${this.language}/questionnaire/summary`);
  }
}

const reasonsOf = (groups: Array<{ results: Array<{ reasons: MatchReason[] }> }>): MatchReason[] => groups.flatMap((group) => group.results.flatMap((result) => result.reasons));
const unmetRows = () => db.select().from(t.unmet_need).all();
const today = () => new Date().toISOString().slice(0, 10);

/** The Vietnamese-speaking father in Brno, as his answers end up after the questionnaire. */
const BRNO_FATHER: FamilyAnswers = {
  role: "father",
  pregnant: false,
  childAgesMonths: [48],
  place: { lat: 49.195, lng: 16.608, region: "cz-jm", label: "Brno" },
  needs: ["fathers", "parenting", "legal-immigration"],
  languages: ["vi"],
  freeOnly: false,
  eveningsOrWeekends: false,
  noCar: false,
};

describe("the whole journey", () => {
  it("a Vietnamese-speaking father in Brno gets results per need, with distances and 'speaks vi'", async () => {
    const father = new Visitor("vi");
    await father.journey({
      who: { role: "father" },
      children: { age: ["4", ""], unit: ["years", "years"] },
      place: { place: "Brno" },
      needs: { need: ["fathers", "parenting", "legal-immigration"] },
      preferences: { language: "vi" },
    });

    const summary = (await father.summary()) as { answers: Answers; region: string };
    expect(summary.region).toBe("cz-jm");
    expect(summary.answers).toEqual({ unmetRecorded: [], answered: [...STEPS], ...BRNO_FATHER });

    const before = unmetRows().length;
    expect(location(await father.submitSummary())).toBe("/vi/results");
    // Everything this father asked for exists in Brno: no unmet need is recorded.
    expect(unmetRows().length).toBe(before);

    const results = (await father.results()) as ResultsData;
    expect(results.placeMissing).toBe(false);
    expect(results.shared).toBe(false);
    expect(results.region).toBe("cz-jm");
    expect(results.radiusKm).toBe(DEFAULT_RADIUS_KM);
    expect(results.groups.map((group) => group.need)).toEqual(["fathers", "parenting", "legal-immigration"]);
    expect(results.unmetNeeds).toEqual([]);
    for (const group of results.groups) {
      expect(group.results.length, group.need).toBeGreaterThan(0);
      expect(group.results.length, group.need).toBeLessThanOrEqual(5);
      for (const result of group.results) {
        // Every result is explained, and the page has what it needs to show it.
        expect(result.reasons.length).toBeGreaterThan(0);
        expect(results.services[result.serviceId]?.id).toBe(result.serviceId);
      }
    }
    // Where a result speaks none of his languages, its card says which ones it does speak.
    const unspoken = results.groups
      .flatMap((group) => group.results)
      .filter((result) => !result.reasons.some((reason) => reason.kind === "speaks" || reason.kind === "interpretation"));
    expect(unspoken.length).toBeGreaterThan(0);
    for (const result of unspoken) {
      expect(results.services[result.serviceId]!.languages.length).toBeGreaterThan(0);
      expect(results.services[result.serviceId]!.languages).not.toContain("vi");
    }
    const reasons = reasonsOf(results.groups);
    const distances = reasons.filter((reason): reason is Extract<MatchReason, { kind: "distance" }> => reason.kind === "distance");
    expect(distances.length).toBeGreaterThan(0);
    for (const reason of distances) expect(reason.km).toBeLessThanOrEqual(DEFAULT_RADIUS_KM);
    expect(reasons).toContainEqual({ kind: "speaks", language: "vi" });

    // The share link carries who asks but not the exact age.
    const share = new URL(`http://localhost${results.sharePath}`);
    expect(share.pathname).toBe("/vi/results");
    expect(share.searchParams.getAll("need")).toEqual(["fathers", "parenting", "legal-immigration"]);
    expect(share.searchParams.get("place")).toBe("Brno");
    expect(share.searchParams.get("at")).toBe("49.20,16.61");
    expect(share.searchParams.getAll("age")).toEqual(["4"]);
    expect(share.searchParams.get("role")).toBe("father");
    // Opened by someone else, the link puts the family at the very place they typed: each service
    // both pages show is as far away on both.
    const opened = (await new Visitor("vi").results(share.search)) as ResultsData;
    expect(opened.place).toEqual(results.place);
    const kmOf = (data: ResultsData) =>
      new Map(data.groups.flatMap((group) => group.results.flatMap((result) => result.reasons.flatMap((reason) => (reason.kind === "distance" ? [[result.serviceId, reason.km] as const] : [])))));
    const [own, theirs] = [kmOf(results), kmOf(opened)];
    const shared = [...own.keys()].filter((id) => theirs.has(id));
    expect(shared.length).toBeGreaterThan(3);
    for (const id of shared) expect(theirs.get(id), id).toBe(own.get(id));
  });

  it("a Vietnamese parent in Brno: the mother is offered the mums' groups, marked as for women; the father none of them", async () => {
    const forWomen = new Set(db.$client.prepare("SELECT service_id FROM service_search WHERE audience = 'women'").pluck().all() as string[]);
    const resultsFor = async (role: string) => {
      const parent = new Visitor("vi");
      await parent.journey({
        who: { role },
        children: { age: ["1", ""], unit: ["years", "years"] },
        place: { place: "Brno" },
        needs: { need: ["parenting", "mental-health"] },
        preferences: { language: "vi" },
      });
      await parent.submitSummary();
      const results = (await parent.results()) as ResultsData;
      return results.groups.flatMap((group) => group.results.map((result) => results.services[result.serviceId]!));
    };
    const mothers = (await resultsFor("mother")).filter((card) => forWomen.has(card.id));
    expect(mothers.length).toBeGreaterThan(0);
    // Each card says who the service is for.
    for (const card of mothers) expect(card.audience).toBe("women");
    const fathers = (await resultsFor("father")).filter((card) => forWomen.has(card.id));
    expect(fathers).toEqual([]);
  });

  it("a pregnant mother in Phú Tân with an 8-month-old gets pregnancy and child-health results", async () => {
    const mother = new Visitor("vi");
    await mother.journey({
      who: { role: "mother" },
      children: { pregnant: "1", age: "8", unit: "months" },
      place: { place: "Phú Tân" },
      needs: { need: ["pregnancy", "child-health"] },
      preferences: { language: "vi" },
    });
    const summary = (await mother.summary()) as { answers: Answers };
    expect(summary.answers).toMatchObject({
      role: "mother",
      pregnant: true,
      childAgesMonths: [8],
      place: { lat: 10.62, lng: 105.3, region: "vn-an-giang", label: "Phú Tân" },
      needs: ["pregnancy", "child-health"],
    });
    expect(location(await mother.submitSummary())).toBe("/vi/results");
    const results = (await mother.results()) as ResultsData;
    expect(results.region).toBe("vn-an-giang");
    expect(results.groups.map((group) => group.need)).toEqual(["pregnancy", "child-health"]);
    for (const group of results.groups) expect(group.results.length, group.need).toBeGreaterThan(0);
    expect(results.unmetNeeds).toEqual([]);
    const reasons = reasonsOf(results.groups);
    expect(reasons.some((reason) => reason.kind === "distance" || reason.kind === "service-area")).toBe(true);
    // Every service in An Giang speaks Vietnamese: the cards do not say so.
    expect(reasons.filter((reason) => reason.kind === "speaks")).toEqual([]);
    expect(new URL(`http://localhost${results.sharePath}`).searchParams.getAll("age")).toEqual(["0"]);
  });

  it("a grandmother in Long Beach gets child-protection and food results", async () => {
    const grandmother = new Visitor("en");
    await grandmother.journey({
      who: { role: "grandparent" },
      children: { age: ["6", "10"], unit: ["years", "years"] },
      place: { place: "Long Beach" },
      needs: { need: ["child-protection", "food"] },
      preferences: { language: "en" },
    });
    const summary = (await grandmother.summary()) as { answers: Answers };
    expect(summary.answers).toMatchObject({
      role: "grandparent",
      childAgesMonths: [72, 120],
      place: { lat: 33.767, lng: -118.189, region: "us-la", label: "Long Beach" },
      needs: ["child-protection", "food"],
      languages: ["en"],
    });
    expect(location(await grandmother.submitSummary())).toBe("/en/results");
    const results = (await grandmother.results()) as ResultsData;
    expect(results.region).toBe("us-la");
    expect(results.groups.map((group) => group.need)).toEqual(["child-protection", "food"]);
    for (const group of results.groups) {
      expect(group.results.length, group.need).toBeGreaterThan(0);
      for (const result of group.results) {
        const explained = result.reasons.some((reason) => reason.kind === "distance" || reason.kind === "service-area");
        expect(explained, result.serviceId).toBe(true);
      }
    }
    // Nor English in Los Angeles County.
    expect(reasonsOf(results.groups).filter((reason) => reason.kind === "speaks")).toEqual([]);
  });

  it("the preferences screen offers the languages the directory speaks", async () => {
    const visitor = new Visitor("cs");
    await visitor.answer("safety", { danger: "no" });
    await visitor.answer("who", { role: "mother" });
    await visitor.answer("children", {});
    await visitor.answer("place", { place: "602 00" });
    await visitor.answer("needs", { need: "food" });
    const screen = (await visitor.loadStep("preferences")) as { spokenLanguages: { near: string[]; others: string[] }; region: string; missing: boolean };
    // Brno's services' languages first, the most spoken first; Los Angeles' own further down.
    expect(screen.spokenLanguages.near[0]).toBe("cs");
    expect(screen.spokenLanguages.near).toEqual(expect.arrayContaining(["en", "uk", "vi"]));
    expect(screen.spokenLanguages.near).not.toContain("hy");
    expect(screen.spokenLanguages.others).toEqual(expect.arrayContaining(["es", "hy", "tl"]));
    expect(screen.spokenLanguages.others.filter((code) => screen.spokenLanguages.near.includes(code))).toEqual([]);
    expect(screen.region).toBe("cz-jm");
    expect(screen.missing).toBe(false);
  });

  it("changing an answer from the summary returns to the summary", async () => {
    const visitor = new Visitor("en");
    await visitor.journey({
      who: { role: "mother" },
      children: {},
      place: { place: "Long Beach" },
      needs: { need: "food" },
      preferences: {},
    });
    expect(await visitor.answer("who", { role: "father", from: "summary" })).toBe("/en/questionnaire/summary");
    expect(await visitor.answer("needs", { need: ["food", "housing"], from: "summary" })).toBe("/en/questionnaire/summary");
    const summary = (await visitor.summary()) as { answers: Answers };
    expect(summary.answers.role).toBe("father");
    expect(summary.answers.needs).toEqual(["food", "housing"]);
    const screen = (await visitor.loadStep("who", "?from=summary")) as { fromSummary: boolean; answers: Answers };
    expect(screen.fromSummary).toBe(true);
    expect(screen.answers.role).toBe("father");
  });

  it("'add a child' without JavaScript returns the same screen with one row more and nothing lost", async () => {
    const visitor = new Visitor("en");
    await visitor.answer("safety", { danger: "no" });
    await visitor.answer("who", { role: "mother" });
    const result = (await visitor.post("children", { intent: "add-child", pregnant: "1", age: ["3", "abc"], unit: ["years", "months"] })) as DataWithInit<StepData>;
    expect(result).not.toBeInstanceOf(Response);
    expect(result.init?.status ?? 200).toBe(200);
    expect(result.data).toMatchObject({ extraRow: true, errors: {}, values: { pregnant: true, age: ["3", "abc"], unit: ["years", "months"] } });
  });
});

describe("safety first", () => {
  it("a 'yes' to danger goes straight to crisis help", async () => {
    const visitor = new Visitor("vi");
    expect(await visitor.answer("safety", { danger: "yes" })).toBe("/vi/questionnaire/danger");
    expect(visitor.cookie).not.toBeNull();
    expect(await visitor.danger()).toMatchObject({ region: null });
  });

  it("crisis help shows the family's region once the place is known", async () => {
    const visitor = new Visitor("cs");
    await visitor.journey({ who: { role: "mother" }, children: {}, place: { place: "Brno" }, needs: { need: "food" }, preferences: {} });
    expect(await visitor.answer("safety", { danger: "yes", from: "summary" })).toBe("/cs/questionnaire/danger");
    expect(await visitor.danger()).toMatchObject({ region: "cz-jm" });
  });
});

describe("a tampered or broken journey", () => {
  it("jumping ahead redirects to the first missing step with ?missing=1", async () => {
    const visitor = new Visitor("vi");
    expect(location(await visitor.loadStep("needs"))).toBe("/vi/questionnaire/safety?missing=1");
    await visitor.answer("safety", { danger: "no" });
    await visitor.answer("who", { role: "father" });
    expect(location(await visitor.loadStep("needs"))).toBe("/vi/questionnaire/children?missing=1");
    expect(location(await visitor.start())).toBe("/vi/questionnaire/children");
    // The first gap itself and the steps before it load.
    expect(((await visitor.loadStep("children", "?missing=1")) as { missing: boolean }).missing).toBe(true);
    expect(((await visitor.loadStep("who")) as { answers: Answers }).answers.role).toBe("father");
  });

  it("a step posted out of order is kept, but the summary and results still send back to the gap", async () => {
    const visitor = new Visitor("en");
    expect(await visitor.answer("needs", { need: "food" })).toBe("/en/questionnaire/preferences");
    expect(location(await visitor.loadStep("preferences"))).toBe("/en/questionnaire/safety?missing=1");
    expect(location(await visitor.summary())).toBe("/en/questionnaire/safety?missing=1");
    const before = unmetRows().length;
    expect(location(await visitor.submitSummary())).toBe("/en/questionnaire/safety?missing=1");
    expect(unmetRows().length).toBe(before);
    expect(location(await visitor.results())).toBe("/en/questionnaire/safety?missing=1");
  });

  it("results without any answers redirect to the questionnaire", async () => {
    const visitor = new Visitor("cs");
    expect(location(await visitor.results())).toBe("/cs/questionnaire/safety?missing=1");
    expect(location(await visitor.summary())).toBe("/cs/questionnaire/safety?missing=1");
  });

  it("a post that is no form reads as an empty form: 400 with what is missing, the answers kept", async () => {
    const visitor = new Visitor("cs");
    await visitor.answer("safety", { danger: "no" });
    await visitor.answer("who", { role: "mother" });
    const cookie = visitor.cookie;
    for (const [body, contentType] of [
      ['{"need":"food"}', "application/json"],
      ["need=food", "text/plain"],
      ["garbage", "multipart/form-data; boundary=xx"],
      ["need=food", null],
    ] as const) {
      const result = (await visitor.postRaw("needs", body, contentType)) as DataWithInit<StepData>;
      expect(result, String(contentType)).not.toBeInstanceOf(Response);
      expect(result.init?.status).toBe(400);
      expect(Object.keys(result.data.errors)).not.toHaveLength(0);
    }
    expect(visitor.cookie).toBe(cookie);
    expect(((await visitor.loadStep("who")) as { answers: Answers }).answers.role).toBe("mother");
  });

  it("a bad age answers 400 with the error and keeps what was typed", async () => {
    const visitor = new Visitor("en");
    await visitor.answer("safety", { danger: "no" });
    await visitor.answer("who", { role: "father" });
    const cookie = visitor.cookie;
    const result = (await visitor.post("children", { pregnant: "1", age: ["abc", "2"], unit: ["years", "years"] })) as DataWithInit<StepData>;
    expect(result).not.toBeInstanceOf(Response);
    expect(result.init?.status).toBe(400);
    expect(result.data.errors).toEqual({ "age-0": "age-invalid" });
    expect(result.data.values.age).toEqual(["abc", "2"]);
    expect(result.data.values.unit).toEqual(["years", "years"]);
    // Nothing was saved: the earlier answers stand, the bad step is still missing.
    expect(visitor.cookie).toBe(cookie);
    expect(location(await visitor.loadStep("place"))).toBe("/en/questionnaire/children?missing=1");
  });

  it("a bad age shows the pregnancy box as it was sent, not as it was saved, and saves nothing", async () => {
    const visitor = new Visitor("cs");
    await visitor.answer("safety", { danger: "no" });
    await visitor.answer("who", { role: "mother" });
    const ticked = (await visitor.post("children", { pregnant: "1", age: "99", unit: "years" })) as DataWithInit<StepData>;
    expect(ticked.init?.status).toBe(400);
    expect(ticked.data.errors).toEqual({ "age-0": "age-too-high" });
    expect(ticked.data.values).toMatchObject({ pregnant: true, age: ["99"], unit: ["years"] });

    // A tick saved earlier and taken away stays away on the error screen; the saved answers stand.
    await visitor.answer("children", { pregnant: "1", age: "3", unit: "years" });
    const cookie = visitor.cookie;
    const unticked = (await visitor.post("children", { age: "99", unit: "years" })) as DataWithInit<StepData>;
    expect(unticked.init?.status).toBe(400);
    expect(unticked.data.values).toMatchObject({ pregnant: false, age: ["99"], unit: ["years"] });
    expect(visitor.cookie).toBe(cookie);
    expect(((await visitor.loadStep("children")) as { answers: Answers }).answers).toMatchObject({ pregnant: true, childAgesMonths: [36] });
  });

  it("a refused needs or preferences form comes back as it was sent", async () => {
    const visitor = new Visitor("en");
    const needs = (await visitor.post("needs", { need: ["food", "astrology"] })) as DataWithInit<StepData>;
    expect(needs.init?.status).toBe(400);
    expect(needs.data.values.need).toEqual(["food", "astrology"]);
    const preferences = (await visitor.post("preferences", { language: ["vi", "vi-VN"], free: "1", noCar: "1" })) as DataWithInit<StepData>;
    expect(preferences.init?.status).toBe(400);
    expect(preferences.data.values).toMatchObject({ language: ["vi", "vi-VN"], free: true, evenings: false, noCar: true });
  });

  it("an unknown place answers 400 with suggestions and keeps what was typed", async () => {
    const visitor = new Visitor("cs");
    const result = (await visitor.post("place", { place: "Brnoo" })) as DataWithInit<StepData>;
    expect(result.init?.status).toBe(400);
    expect(result.data.errors).toEqual({ place: "place-not-found" });
    expect(result.data.suggestions.map((place) => place.name)).toEqual(["Brno"]);
    expect(result.data.values.place).toBe("Brnoo");
    const outside = (await visitor.post("place", { place: "", lat: "50.08", lng: "14.42" })) as DataWithInit<StepData>;
    expect(outside.init?.status).toBe(400);
    expect(outside.data.errors).toEqual({ place: "place-outside" });
    // Next door to a region, inside a box around it: Olomouc by name, Anaheim by a tap on the map.
    for (const entries of [{ place: "Olomouc" }, { place: "", lat: "33.836", lng: "-117.914" }] as Entries[]) {
      const nextDoor = (await visitor.post("place", entries)) as DataWithInit<StepData>;
      expect(nextDoor.init?.status, JSON.stringify(entries)).toBe(400);
      expect(nextDoor.data.errors).toEqual({ place: "place-outside" });
    }
  });

  it("a bad answer on every step answers 400, never throws", async () => {
    const visitor = new Visitor("vi");
    const bad: Array<[string, Entries, Record<string, string>]> = [
      ["safety", {}, { danger: "required" }],
      ["who", { role: "king" }, { role: "unknown-role" }],
      ["children", { age: "200", unit: "years" }, { "age-0": "age-too-high" }],
      ["place", { place: " " }, { place: "place-required" }],
      ["place", { lat: "abc", lng: "16.6" }, { place: "coordinates-invalid" }],
      ["needs", {}, { needs: "need-required" }],
      ["needs", { need: "astrology" }, { needs: "need-unknown" }],
      ["preferences", { language: "vi-VN" }, { languages: "language-invalid" }],
      ["preferences", { language: ["vi", "zz", "qqq"] }, { languages: "language-invalid" }],
      ["preferences", { language: ["vi", "cs", "en", "de", "fr", "es", "ru"] }, { languages: "too-many-languages" }],
    ];
    for (const [step, entries, expected] of bad) {
      const result = (await visitor.post(step, entries)) as DataWithInit<StepData>;
      expect(result.init?.status, step).toBe(400);
      expect(result.data.errors, step).toEqual(expected);
    }
    expect(visitor.cookie).toBeNull();
  });

  it("a forged or garbled cookie counts as no answers, without an error", async () => {
    const complete: Answers = {
      answered: [...STEPS],
      unmetRecorded: [],
      role: "father",
      pregnant: false,
      childAgesMonths: [48],
      place: { lat: 49.195, lng: 16.608, region: "cz-jm", label: "Brno" },
      needs: ["fathers"],
      languages: ["vi"],
      freeOnly: false,
      eveningsOrWeekends: false,
      noCar: false,
    };
    const forger = createCookie("fn_answers", { secrets: ["not-the-server-secret"] });
    const forged = (await forger.serialize(complete)).split(";")[0]!;
    const unsigned = `fn_answers=${Buffer.from(JSON.stringify(complete)).toString("base64")}`;
    for (const cookie of [forged, unsigned, "fn_answers=%E0%A4%A", "fn_answers=", "fn_answers=.", "fn_answers=e30%3D.abc"]) {
      const visitor = new Visitor("en");
      visitor.cookie = cookie;
      expect(location(await visitor.summary()), cookie).toBe("/en/questionnaire/safety?missing=1");
      expect(location(await visitor.results()), cookie).toBe("/en/questionnaire/safety?missing=1");
      expect(location(await visitor.loadStep("needs")), cookie).toBe("/en/questionnaire/safety?missing=1");
      // The family can start over: the next answer replaces the bad cookie.
      expect(await visitor.answer("safety", { danger: "no" })).toBe("/en/questionnaire/who");
      expect(visitor.cookie).not.toBe(cookie);
      expect(location(await visitor.loadStep("needs"))).toBe("/en/questionnaire/who?missing=1");
    }
  });

  it("an unknown step answers 404", async () => {
    const visitor = new Visitor("en");
    expect(await thrownStatus(() => visitor.loadStep("payment"))).toBe(404);
    expect(await thrownStatus(() => visitor.post("payment", { danger: "no" }))).toBe(404);
    expect(await thrownStatus(() => visitor.loadStep("constructor"))).toBe(404);
  });
});

describe("who a service is for", () => {
  const MIDWIFE = stableUuid("service:jm-041"); // a Vietnamese-speaking midwife in Brno, for mothers of babies under 1
  const childHealthFor = async (role: string, age: Entries) => {
    const visitor = new Visitor("vi");
    await visitor.journey({ who: { role }, children: age, place: { place: "Brno" }, needs: { need: ["child-health"] }, preferences: { language: "vi" } });
    const results = (await visitor.results()) as ResultsData;
    return results.groups[0]!.results.map((result) => result.serviceId);
  };

  it("keeps a mothers' and babies' service from a father of a three-year-old, and offers it to a mother of a baby", async () => {
    expect(await childHealthFor("father", { age: "3", unit: "years" })).not.toContain(MIDWIFE);
    expect(await childHealthFor("mother", { age: "3", unit: "years" })).not.toContain(MIDWIFE);
    expect(await childHealthFor("mother", { age: "6", unit: "months" })).toContain(MIDWIFE);
  });
});

describe("where a service is for", () => {
  // Child-protection officers of Phú Tân's communes, each for the children living in its communes (their listed service areas).
  const PHU_THANH_OFFICERS = stableUuid("service:ag-003"); // Phú Thạnh and Tân Trung
  const CHO_VAM_OFFICERS = stableUuid("service:ag-004"); // Chợ Vàm, Phú Long and Hòa Lạc
  const childProtectionIn = async (place: string) => {
    const visitor = new Visitor("vi");
    await visitor.journey({ who: { role: "mother" }, children: { age: "5", unit: "years" }, place: { place }, needs: { need: ["child-protection"] }, preferences: { language: "vi" } });
    const results = (await visitor.results()) as ResultsData;
    return results.groups[0]!.results.map((result) => result.serviceId);
  };

  it("offers a commune's own officers to a family in the commune, and neither to one in Châu Đốc next door", async () => {
    for (const [place, own, other] of [
      ["Phú Thạnh", PHU_THANH_OFFICERS, CHO_VAM_OFFICERS],
      ["Tân Trung", PHU_THANH_OFFICERS, CHO_VAM_OFFICERS],
      ["Phú Long", CHO_VAM_OFFICERS, PHU_THANH_OFFICERS],
      ["Hòa Lạc", CHO_VAM_OFFICERS, PHU_THANH_OFFICERS],
    ]) {
      const results = await childProtectionIn(place!);
      expect(results, place).toContain(own);
      expect(results, place).not.toContain(other);
    }
    const chauDoc = await childProtectionIn("Châu Đốc");
    expect(chauDoc.length).toBeGreaterThan(0);
    expect(chauDoc).not.toContain(PHU_THANH_OFFICERS);
    expect(chauDoc).not.toContain(CHO_VAM_OFFICERS);
  });

  it("offers a service for two Brno districts to families there, not to one in Bohunice", async () => {
    const SAS = stableUuid("service:jm-012"); // social activation service for Brno-Židenice and Brno-sever
    const parentingIn = async (place: string) => {
      const visitor = new Visitor("cs");
      await visitor.journey({ who: { role: "father" }, children: { age: "3", unit: "years" }, place: { place }, needs: { need: ["parenting"] }, preferences: { language: "cs" } });
      return ((await visitor.results()) as ResultsData).groups[0]!.results.map((result) => result.serviceId);
    };
    expect(await parentingIn("Židenice")).toContain(SAS);
    expect(await parentingIn("Lesná")).toContain(SAS);
    expect(await parentingIn("625 00")).not.toContain(SAS);
  });
});

describe("unmet needs", () => {
  beforeEach(() => {
    db.delete(t.unmet_need).run();
  });

  // Znojmo, on the demo directory: parenting help exists within 25 km, childcare and jobs or education help do not.
  async function fatherInZnojmo(): Promise<Visitor> {
    const father = new Visitor("cs");
    await father.journey({
      who: { role: "father" },
      children: { age: "3", unit: "years" },
      place: { place: "Znojmo" },
      needs: { need: ["parenting", "childcare", "jobs-education"] },
      preferences: { language: "vi" },
    });
    return father;
  }

  it("the summary's 'show results' records each unmet need anonymously", async () => {
    const father = await fatherInZnojmo();
    const day = today();
    expect(location(await father.submitSummary())).toBe("/cs/results");
    const rows = unmetRows();
    expect(rows.map(({ id: _id, ...row }) => row)).toEqual([
      { need: "childcare", region: "cz-jm", language: "cs", caregiver_role: "father", recorded_on: day },
      { need: "jobs-education", region: "cz-jm", language: "cs", caregiver_role: "father", recorded_on: day },
    ]);
    for (const row of rows) expect(row.recorded_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The table itself has no room for personal data: no place, age, language preference, time or session.
    const columns = db.$client.prepare("SELECT name FROM pragma_table_info('unmet_need') ORDER BY cid").pluck().all();
    expect(columns).toEqual(["id", "need", "region", "language", "caregiver_role", "recorded_on"]);
  });

  it("counts a family once per unmet need, however often 'show results' is pressed or an answer saved again", async () => {
    const father = await fatherInZnojmo();
    const counted = () => unmetRows().map((row) => row.need).sort();
    await father.submitSummary();
    await father.submitSummary();
    expect(counted()).toEqual(["childcare", "jobs-education"]);
    // The same answers saved again from the summary, then fewer needs: nothing new is missing.
    expect(await father.answer("needs", { need: ["parenting", "childcare", "jobs-education"], from: "summary" })).toBe("/cs/questionnaire/summary");
    await father.submitSummary();
    expect(await father.answer("needs", { need: ["childcare"], from: "summary" })).toBe("/cs/questionnaire/summary");
    await father.submitSummary();
    expect(counted()).toEqual(["childcare", "jobs-education"]);
    // A need that goes unmet later is counted then, once.
    expect(await father.answer("needs", { need: ["childcare", "family-safety"], from: "summary" })).toBe("/cs/questionnaire/summary");
    await father.submitSummary();
    await father.submitSummary();
    expect(counted()).toEqual(["childcare", "family-safety", "jobs-education"]);
  });

  it("viewing, reloading and widening the results records nothing", async () => {
    const father = await fatherInZnojmo();
    const results = (await father.results()) as ResultsData;
    expect(results.place).toMatchObject({ region: "cz-jm", label: "Znojmo" });
    expect(results.unmetNeeds).toEqual(["childcare", "jobs-education"]);
    const byNeed = Object.fromEntries(results.groups.map((group) => [group.need, group.results.length]));
    expect(byNeed["parenting"]).toBeGreaterThan(0);
    expect(byNeed["childcare"]).toBe(0);
    expect(byNeed["jobs-education"]).toBe(0);
    expect(results.widerRadiusKm).toBe(50);
    // Searching further keeps his own answers (who asks, exact ages and place), not a shared link's.
    expect(results.widerPath).toBe("/cs/results?radius=50");
    await father.results();
    const wider = (await father.results("?radius=50")) as ResultsData;
    expect(wider.radiusKm).toBe(50);
    // Shared from there, the link shows the same wider results.
    expect(new URL(`http://localhost${wider.sharePath}`).searchParams.get("radius")).toBe("50");
    expect(new URL(`http://localhost${results.sharePath}`).searchParams.has("radius")).toBe(false);
    expect(wider.widerRadiusKm).toBe(100);
    // A radius that is not offered is ignored.
    const unoffered = (await father.results("?radius=5000")) as ResultsData;
    expect(unoffered.radiusKm).toBe(DEFAULT_RADIUS_KM);
    expect(unoffered.sharePath).not.toContain("radius");
    expect(unmetRows()).toEqual([]);
  });

  it("a need whose services all closed becomes unmet and is recorded with the page language and role", async () => {
    const visitor = new Visitor("en");
    await visitor.journey({
      who: { role: "other-caregiver" },
      children: {},
      place: { place: "Brno" },
      needs: { need: ["parenting", "transportation"] },
      preferences: {},
    });
    const before = (await visitor.results()) as ResultsData;
    expect(before.groups.find((group) => group.need === "transportation")!.results.length).toBeGreaterThan(0);
    expect(before.unmetNeeds).toEqual([]);
    const transport = db.$client
      .prepare("SELECT link_id FROM attribute WHERE taxonomy_term_id = ?")
      .pluck()
      .all(needTermId("transportation")) as string[];
    const setStatus = (status: "active" | "inactive") =>
      db.transaction((tx) => {
        for (const id of transport) tx.update(t.service).set({ status }).where(eq(t.service.id, id)).run();
        reindexServices(db, transport);
      });
    setStatus("inactive");
    try {
      const after = (await visitor.results()) as ResultsData;
      expect(after.groups.find((group) => group.need === "transportation")!.results).toEqual([]);
      expect(after.groups.find((group) => group.need === "parenting")!.results.length).toBeGreaterThan(0);
      expect(after.unmetNeeds).toEqual(["transportation"]);
      expect(unmetRows()).toEqual([]);
      expect(location(await visitor.submitSummary())).toBe("/en/results");
      expect(unmetRows().map(({ id: _id, ...row }) => row)).toEqual([
        { need: "transportation", region: "cz-jm", language: "en", caregiver_role: "other-caregiver", recorded_on: today() },
      ]);
    } finally {
      setStatus("active");
    }
  });
});

describe("share links", () => {
  it("show results without a cookie", async () => {
    const stranger = new Visitor("vi");
    const before = unmetRows().length;
    const results = (await stranger.results("?need=fathers&need=legal-immigration&place=Brno&at=49.19,16.61&language=vi")) as ResultsData;
    expect(results.shared).toBe(true);
    expect(results.placeMissing).toBe(false);
    expect(results.place).toEqual({ lat: 49.19, lng: 16.61, region: "cz-jm", label: "Brno" });
    expect(results.groups.map((group) => group.need)).toEqual(["fathers", "legal-immigration"]);
    for (const group of results.groups) expect(group.results.length, group.need).toBeGreaterThan(0);
    expect(reasonsOf(results.groups)).toContainEqual({ kind: "speaks", language: "vi" });
    expect(reasonsOf(results.groups).some((reason) => reason.kind === "distance")).toBe(true);
    const again = new URL(`http://localhost${results.sharePath}`).searchParams;
    expect(again.getAll("need")).toEqual(["fathers", "legal-immigration"]);
    expect(again.getAll("language")).toEqual(["vi"]);
    expect(again.get("at")).toBe("49.19,16.61");
    expect(again.get("place")).toBe("Brno");
    // Searching further from a shared link keeps the link's answers.
    expect(results.widerPath).toBe(`/vi/results?${again.toString()}&radius=50`);
    // Opening a shared link is not a completed questionnaire: nothing is counted.
    expect(unmetRows().length).toBe(before);
    expect(results.setAside).toEqual([]);
  });

  it("with a part that cannot be read show the rest, and say what was left out", async () => {
    const stranger = new Visitor("cs");
    const link = "?need=food&need=astrology&place=Brno&at=49.19,16.61&age=3&age=-5&age=3&language=vi&language=%3Cscript%3E&role=%27%3B+DROP";
    const results = (await stranger.results(link)) as ResultsData;
    expect(results.setAside).toEqual(["need", "age", "language", "role"]);
    expect(results.groups.map((group) => group.need)).toEqual(["food"]);
    expect(results.groups[0]!.results.length).toBeGreaterThan(0);
    const again = new URL(`http://localhost${results.sharePath}`).searchParams;
    expect([again.getAll("age"), again.getAll("language")]).toEqual([["3"], ["vi"]]);
    // Two children of the same age, and a need named twice, are nothing left out.
    expect(((await stranger.results("?need=food&need=food&place=Brno&age=3&age=3")) as ResultsData).setAside).toEqual([]);
    // The questionnaire's own results have no link to read.
    const father = new Visitor("cs");
    await father.journey({ who: { role: "father" }, children: {}, place: { place: "Brno" }, needs: { need: ["food"] }, preferences: {} });
    expect(((await father.results()) as ResultsData).setAside).toEqual([]);
  });

  it("give the same results as the questionnaire they came from", async () => {
    const father = new Visitor("vi");
    await father.journey({
      who: { role: "father" },
      children: {},
      place: { place: "Brno" },
      needs: { need: ["fathers", "legal-immigration"] },
      preferences: { language: "vi" },
    });
    const own = (await father.results()) as ResultsData;
    const stranger = new Visitor("vi");
    const shared = (await stranger.results(own.sharePath.slice("/vi/results".length))) as ResultsData;
    expect(shared.shared).toBe(true);
    expect(shared.groups.map((group) => [group.need, group.results.length])).toEqual(own.groups.map((group) => [group.need, group.results.length]));
  });

  it("reproduce a family's own page: the same services in the same order, as far away", async () => {
    const families = [
      // A father: without who asks in the link, the mothers' groups his page leaves out came back.
      // (Ages in whole years: a link says "0" for a baby of 8 months, and then counts any month of that year.)
      { language: "vi", role: "father", place: "Brno", needs: ["parenting", "fathers", "child-health"], age: ["1", "2"], unit: ["years", "years"] },
      // Places whose point the answers round to 3 decimals before the link rounds it to 2.
      { language: "cs", role: "mother", place: "Znojmo", needs: ["parenting", "food"], age: ["4"], unit: ["years"] },
      { language: "en", role: "grandparent", place: "Boyle Heights", needs: ["housing", "mental-health"], age: ["10"], unit: ["years"] },
    ] as const;
    const seen = (data: ResultsData) =>
      data.groups.map((group) => ({
        need: group.need,
        results: group.results.map((result) => [result.serviceId, result.reasons.find((reason) => reason.kind === "distance")] as const),
      }));
    for (const family of families) {
      const visitor = new Visitor(family.language);
      await visitor.journey({
        who: { role: family.role },
        children: { age: [...family.age], unit: [...family.unit] },
        place: { place: family.place },
        needs: { need: [...family.needs] },
        preferences: { language: family.language },
      });
      const own = (await visitor.results()) as ResultsData;
      const shared = (await new Visitor(family.language).results(own.sharePath.slice(`/${family.language}/results`.length))) as ResultsData;
      expect(shared.place, family.place).toEqual(own.place);
      expect(seen(shared), family.place).toEqual(seen(own));
    }
  });

  it("find the place by name alone, and say so when there is none", async () => {
    const stranger = new Visitor("vi");
    const byName = (await stranger.results("?need=pregnancy&place=phu%20tan")) as ResultsData;
    expect(byName.place).toEqual({ lat: 10.62, lng: 105.3, region: "vn-an-giang", label: "Phú Tân" });
    expect(byName.groups[0]!.results.length).toBeGreaterThan(0);
    expect(await stranger.results("?need=pregnancy&place=Xyzzyqq")).toMatchObject({ placeMissing: true, notice: "placeMissing", region: null });
    expect(await stranger.results("?need=pregnancy&place=Praha")).toMatchObject({ placeMissing: true, notice: "placeOutside", region: null });
    expect(await stranger.results("?need=food&place=Anaheim&at=33.84,-117.91")).toMatchObject({ placeMissing: true, notice: "placeOutside", region: null });
    expect(await stranger.results("?need=food&place=Olomouc")).toMatchObject({ placeMissing: true, notice: "placeOutside", region: null });
    // A spot beyond the regions, named or not: outside, not a link that forgot where to look.
    expect(await stranger.results("?need=food&at=48.85,2.35")).toMatchObject({ placeMissing: true, notice: "placeOutside", region: null });
    expect(await stranger.results("?need=food&place=Hello&at=48.85,2.35")).toMatchObject({ placeMissing: true, notice: "placeOutside", region: null });
    // Coordinates that are no point say nothing of where: the link lacks a place.
    expect(await stranger.results("?need=food&at=999,2.35")).toMatchObject({ placeMissing: true, notice: "placeMissing", region: null });
    // Nor do coordinates cut short, which are not 0.
    for (const at of [",", "49.2,", ",16.6", "49.2,16.6,7"]) {
      expect(await stranger.results(`?need=food&at=${at}`), at).toMatchObject({ placeMissing: true, notice: "placeMissing", region: null });
    }
  });

  it("naming only unknown needs were cut short or altered: the page says so, rather than sending a stranger into the questionnaire", async () => {
    const stranger = new Visitor("en");
    expect(await stranger.results("?need=astrology&place=Brno&at=49.19,16.61")).toMatchObject({ placeMissing: true, notice: "brokenLink", region: null });
    // Without any need it is no share link at all: the questionnaire's own answers decide.
    expect(location(await stranger.results("?place=Brno"))).toBe("/en/questionnaire/safety?missing=1");
  });
});

describe("findCandidates", () => {

  function coversPlace(candidate: ReturnType<typeof findCandidates>[number], answers: FamilyAnswers, radiusKm: number): boolean {
    const place = answers.place!;
    const near = candidate.locations.some((site) => distanceKm(place, site) <= radiusKm);
    const area = candidate.serviceAreas.some(({ extent: [south, west, north, east] }) => place.lat >= south && place.lat <= north && place.lng >= west && place.lng <= east);
    return near || area;
  }

  it("returns only active services that serve a need asked and are near or cover the place", () => {
    for (const [answers, radius] of [
      [BRNO_FATHER, DEFAULT_RADIUS_KM],
      [BRNO_FATHER, 5],
      [{ ...BRNO_FATHER, place: { lat: 10.62, lng: 105.3, region: "vn-an-giang", label: "Phú Tân" }, needs: ["pregnancy", "child-health"] }, DEFAULT_RADIUS_KM],
      [{ ...BRNO_FATHER, place: { lat: 33.767, lng: -118.189, region: "us-la", label: "Long Beach" }, needs: ["child-protection", "food"] }, DEFAULT_RADIUS_KM],
    ] as Array<[FamilyAnswers, number]>) {
      const candidates = findCandidates(db, answers, new Date(), radius);
      expect(candidates.length, answers.place!.label).toBeGreaterThan(0);
      expect(new Set(candidates.map((candidate) => candidate.id)).size).toBe(candidates.length);
      for (const candidate of candidates) {
        expect(candidate.status).toBe("active");
        expect(candidate.needs.some((need) => answers.needs.includes(need)), candidate.id).toBe(true);
        expect(coversPlace(candidate, answers, radius), `${candidate.id} near ${answers.place!.label}`).toBe(true);
      }
    }
  });

  it("finds fewer services in a smaller radius, and none without a place or needs", () => {
    const wide = findCandidates(db, BRNO_FATHER, new Date(), DEFAULT_RADIUS_KM).length;
    const narrow = findCandidates(db, BRNO_FATHER, new Date(), 1).length;
    expect(narrow).toBeLessThan(wide);
    expect(findCandidates(db, { ...BRNO_FATHER, place: null }, new Date(), DEFAULT_RADIUS_KM)).toEqual([]);
    expect(findCandidates(db, { ...BRNO_FATHER, needs: [] }, new Date(), DEFAULT_RADIUS_KM)).toEqual([]);
  });

  it("freeOnly excludes paid services", () => {
    const answers: FamilyAnswers = { ...BRNO_FATHER, needs: ["parenting", "child-health", "childcare", "legal-immigration", "fathers"] };
    const all = findCandidates(db, answers, new Date(), DEFAULT_RADIUS_KM);
    const paid = all.filter((candidate) => !candidate.free).map((candidate) => candidate.id);
    expect(paid.length).toBeGreaterThan(0);
    const free = findCandidates(db, { ...answers, freeOnly: true }, new Date(), DEFAULT_RADIUS_KM);
    expect(free.length).toBeGreaterThan(0);
    for (const candidate of free) expect(candidate.free, candidate.id).toBe(true);
    for (const id of paid) expect(free.map((candidate) => candidate.id)).not.toContain(id);
  });
});
