import { describe, it, expect } from "vitest";
import { DEFAULT_MATCH_OPTIONS, MATCH_WEIGHTS, matchServices, radiusFor, scoreCeiling } from "~/matching/match";
import type { CandidateService, FamilyAnswers, FamilyPlace, MatchOutcome } from "~/matching/types";
import type { NeedCode } from "~/taxonomy/needs";
import { MINUTES_PER_DAY } from "~/directory/hours";

// ---------- Factories ----------

const NOW = new Date("2025-06-15T12:00:00Z");
const BRNO: FamilyPlace = { lat: 49.1951, lng: 16.6068, region: "cz-jm", label: "Brno" };
/** Kilometres per degree of latitude on the sphere distance.ts uses: moving north by km/KM_PER_DEGREE is exactly km away. */
const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;

function north(km: number, id = "loc") {
  return { id, lat: BRNO.lat + km / KM_PER_DEGREE, lng: BRNO.lng };
}

function family(overrides: Partial<FamilyAnswers> = {}): FamilyAnswers {
  return {
    role: "mother",
    pregnant: false,
    childAgesMonths: [],
    place: BRNO,
    needs: ["parenting"],
    languages: [],
    freeOnly: false,
    eveningsOrWeekends: false,
    noCar: false,
    ...overrides,
  };
}

function service(id: string, overrides: Partial<CandidateService> = {}): CandidateService {
  return {
    id,
    organizationId: `org-${id}`,
    status: "active",
    region: "cz-jm",
    needs: ["parenting"],
    minimumAge: null,
    maximumAge: null,
    languages: ["cs"],
    interpretation: false,
    free: false,
    locations: [north(1, `${id}-loc`)],
    serviceAreas: [],
    openingIntervals: [],
    assuredDate: null,
    audience: null,
    ...overrides,
  };
}

/** A phone service: no locations, one service area. */
function phone(id: string, extent: [number, number, number, number], name = "Jihomoravský kraj", overrides: Partial<CandidateService> = {}) {
  return service(id, { locations: [], serviceAreas: [{ name, extent }], ...overrides });
}
const SOUTH_MORAVIA: [number, number, number, number] = [48.61, 15.54, 49.63, 17.65];
const AN_GIANG: [number, number, number, number] = [9.55, 103.8, 10.98, 105.62];

const at = (day: number, hour: number) => day * MINUTES_PER_DAY + hour * 60;
const WEEKDAY_OFFICE = [0, 1, 2, 3, 4].map((day) => ({ start: at(day, 9), end: at(day, 17) }));
const WEEKDAY_EVENINGS = [0, 1, 2, 3, 4].map((day) => ({ start: at(day, 14), end: at(day, 20) }));
const SATURDAY = [{ start: at(5, 9), end: at(5, 13) }];

const match = (answers: FamilyAnswers, candidates: CandidateService[], options?: Parameters<typeof matchServices>[3]) =>
  matchServices(answers, candidates, NOW, options);
const ids = (outcome: MatchOutcome, group = 0) => outcome.groups[group]!.results.map((result) => result.serviceId);
const find = (outcome: MatchOutcome, id: string, group = 0) => outcome.groups[group]!.results.find((r) => r.serviceId === id);

/** A deterministic shuffle (mulberry32). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

// ---------- Tests ----------

describe("options", () => {
  it("defaults to 25 km, 5 per need, 2 per organization; 10 km without a car", () => {
    expect(DEFAULT_MATCH_OPTIONS).toEqual({ radiusKm: 25, perNeed: 5, perOrganization: 2 });
    expect(radiusFor(family({ noCar: false }))).toBe(25);
    expect(radiusFor(family({ noCar: true }))).toBe(10);
  });
});

describe("hard filters", () => {
  it("excludes services that are not active", () => {
    const outcome = match(family(), [
      service("active"),
      service("inactive", { status: "inactive" }),
      service("defunct", { status: "defunct" }),
      service("closed", { status: "temporarily closed" }),
    ]);
    expect(ids(outcome)).toEqual(["active"]);
  });

  it("excludes services with no location within the radius", () => {
    const outcome = match(family(), [
      service("inside", { locations: [north(24.9)] }),
      service("outside", { locations: [north(25.1)] }),
    ]);
    expect(ids(outcome)).toEqual(["inside"]);
    expect(find(outcome, "inside")!.distanceKm).toBeCloseTo(24.9, 6);
  });

  it("uses the nearest location in range", () => {
    const outcome = match(family(), [service("multi", { locations: [north(40, "far"), north(8, "mid"), north(3, "near")] })]);
    const result = find(outcome, "multi")!;
    expect(result.nearestLocationId).toBe("near");
    expect(result.distanceKm).toBeCloseTo(3, 6);
    expect(result.reasons).toContainEqual({ kind: "distance", km: 3 });
  });

  it("shrinks the radius to 10 km without a car, and an explicit radius wins", () => {
    const candidates = [service("at-8", { locations: [north(8)] }), service("at-12", { locations: [north(12)] })];
    expect(ids(match(family({ noCar: false }), candidates))).toEqual(["at-8", "at-12"]);
    expect(ids(match(family({ noCar: true }), candidates))).toEqual(["at-8"]);
    expect(ids(match(family({ noCar: true }), candidates, { radiusKm: 15 }))).toEqual(["at-8", "at-12"]);
    expect(ids(match(family(), candidates, { radiusKm: 5 }))).toEqual([]);
  });

  it("includes a phone service whose area contains the place, with a service-area reason", () => {
    const outcome = match(family(), [phone("hotline", SOUTH_MORAVIA, "celý Jihomoravský kraj")]);
    const result = find(outcome, "hotline")!;
    expect(result.distanceKm).toBeNull();
    expect(result.nearestLocationId).toBeNull();
    expect(result.reasons).toContainEqual({ kind: "service-area", areaName: "celý Jihomoravský kraj" });
    expect(result.reasons.some((reason) => reason.kind === "distance")).toBe(false);
  });

  it("excludes a phone service whose area does not contain the place", () => {
    expect(ids(match(family(), [phone("elsewhere", AN_GIANG)]))).toEqual([]);
  });

  it("covers the place through a service area when the physical locations are out of range", () => {
    const outcome = match(family(), [
      service("mixed", { locations: [north(60)], serviceAreas: [{ name: "kraj", extent: SOUTH_MORAVIA }] }),
      service("far-only", { locations: [north(60)] }),
    ]);
    expect(ids(outcome)).toEqual(["mixed"]);
    expect(find(outcome, "mixed")!.reasons).toContainEqual({ kind: "service-area", areaName: "kraj" });
  });

  it("keeps an in-person service that lists its areas to the families inside them, however near its door", () => {
    // Brno's own district and its neighbour to the north-east; the family lives in the first.
    const brnoCity: [number, number, number, number] = [49.1, 16.5, 49.3, 16.7];
    const blansko: [number, number, number, number] = [49.31, 16.5, 49.6, 16.9];
    const outcome = match(family(), [
      service("for-brno", { locations: [north(2)], serviceAreas: [{ name: "Brno-město", extent: brnoCity }] }),
      service("for-blansko", { locations: [north(2)], serviceAreas: [{ name: "Blansko", extent: blansko }] }),
      service("for-anyone", { locations: [north(2)] }),
    ]);
    expect(ids(outcome).sort()).toEqual(["for-anyone", "for-brno"]);
    // Inside its area and near: the distance is what the family needs to know, as for any service nearby.
    expect(find(outcome, "for-brno")!.reasons).toContainEqual({ kind: "distance", km: 2 });
    expect(find(outcome, "for-brno")!.reasons.some((reason) => reason.kind === "service-area")).toBe(false);
    // The place at the edge of its area still counts as inside.
    const edge = { ...BRNO, lat: 49.3 };
    expect(ids(match(family({ place: edge }), [service("for-brno", { locations: [north(2)], serviceAreas: [{ name: "Brno-město", extent: brnoCity }] })]))).toEqual(["for-brno"]);
    // Without a place there is nothing to hold it to.
    expect(ids(match(family({ place: null }), [service("for-blansko", { serviceAreas: [{ name: "Blansko", extent: blansko }] })]))).toEqual(["for-blansko"]);
  });

  it("names the most specific service area that contains the place", () => {
    const outcome = match(family(), [
      phone("two-areas", SOUTH_MORAVIA, "kraj", {
        serviceAreas: [
          { name: "kraj", extent: SOUTH_MORAVIA },
          { name: "Brno-město", extent: [49.1, 16.5, 49.3, 16.7] },
        ],
      }),
    ]);
    expect(find(outcome, "two-areas")!.reasons).toContainEqual({ kind: "service-area", areaName: "Brno-město" });
    const tie = match(family(), [
      phone("same-size", SOUTH_MORAVIA, "kraj", {
        serviceAreas: [
          // Exactly the same size in floating point (0.5° × 0.5°), so this is a real tie.
          { name: "first", extent: [49.0, 16.5, 49.5, 17.0] },
          { name: "second", extent: [48.75, 16.5, 49.25, 17.0] },
        ],
      }),
    ]);
    expect(find(tie, "same-size")!.reasons).toContainEqual({ kind: "service-area", areaName: "first" });
  });

  it("without a place, does not filter by distance and gives no distance reason", () => {
    const outcome = match(family({ place: null }), [
      service("near", { locations: [north(1)] }),
      service("far", { locations: [north(300)] }),
      service("vietnam", { region: "vn-an-giang", locations: [{ id: "ag", lat: 10.39, lng: 105.43 }] }),
      phone("hotline", AN_GIANG),
    ]);
    expect(ids(outcome)).toEqual(["far", "hotline", "near", "vietnam"]); // all equal: by id
    for (const result of outcome.groups[0]!.results) {
      expect(result.distanceKm).toBeNull();
      expect(result.nearestLocationId).toBeNull();
      expect(result.reasons.some((r) => r.kind === "distance" || r.kind === "service-area")).toBe(false);
    }
  });

  it("requires at least one of the needs asked", () => {
    const outcome = match(family({ needs: ["food", "housing"] }), [
      service("food", { needs: ["food"] }),
      service("parenting", { needs: ["parenting", "childcare"] }),
    ]);
    expect(outcome.groups.map((group) => group.results.map((r) => r.serviceId))).toEqual([["food"], []]);
  });

  it("makes free a hard filter when the family asks for free only", () => {
    const candidates = [service("free", { free: true }), service("paid", { free: false })];
    expect(ids(match(family({ freeOnly: true }), candidates))).toEqual(["free"]);
    expect(ids(match(family({ freeOnly: false }), candidates))).toEqual(["free", "paid"]);
  });
});

describe("ages", () => {
  const upToFive = service("up-to-5", { minimumAge: null, maximumAge: 5 });
  const fromThree = service("from-3", { minimumAge: 3, maximumAge: null });

  it("treats maximumAge as inclusive of the whole year: 71 months fits max 5, 72 does not", () => {
    expect(ids(match(family({ childAgesMonths: [71] }), [upToFive]))).toEqual(["up-to-5"]);
    expect(ids(match(family({ childAgesMonths: [72] }), [upToFive]))).toEqual([]);
  });

  it("treats a maximum in months as inclusive of its last month: up to 6 months fits 6 months, not 7 or 10", () => {
    const upToSixMonths = service("up-to-6-months", { maximumAge: 0.5 });
    expect(ids(match(family({ childAgesMonths: [6] }), [upToSixMonths]))).toEqual(["up-to-6-months"]);
    expect(ids(match(family({ childAgesMonths: [7] }), [upToSixMonths]))).toEqual([]);
    expect(ids(match(family({ childAgesMonths: [10] }), [upToSixMonths]))).toEqual([]);
    const upToEighteenMonths = service("up-to-18-months", { maximumAge: 1.5 });
    expect(ids(match(family({ childAgesMonths: [18] }), [upToEighteenMonths]))).toEqual(["up-to-18-months"]);
    expect(ids(match(family({ childAgesMonths: [19] }), [upToEighteenMonths]))).toEqual([]);
  });

  it("counts an age in whole years (a shared link's) as any month of its year", () => {
    const fromSixMonths = service("from-6-months", { minimumAge: 0.5, maximumAge: 8 });
    const upToSixMonths = service("up-to-6-months", { maximumAge: 0.5 });
    // A baby of 0 months does not fit "from 6 months"; "under one" in a shared link may.
    expect(ids(match(family({ childAgesMonths: [0] }), [fromSixMonths]))).toEqual([]);
    expect(ids(match(family({ childAgesMonths: [0], agesInYears: true }), [fromSixMonths]))).toEqual(["from-6-months"]);
    expect(ids(match(family({ childAgesMonths: [0], agesInYears: true }), [upToSixMonths]))).toEqual(["up-to-6-months"]);
    // One year old is 12–23 months: past "up to 6 months", and not yet 3.
    expect(ids(match(family({ childAgesMonths: [12], agesInYears: true }), [upToSixMonths]))).toEqual([]);
    expect(ids(match(family({ childAgesMonths: [24], agesInYears: true }), [fromThree]))).toEqual([]);
    expect(ids(match(family({ childAgesMonths: [36], agesInYears: true }), [fromThree]))).toEqual(["from-3"]);
  });

  it("minimumAge 3: 35 months does not fit, 36 does", () => {
    expect(ids(match(family({ childAgesMonths: [35] }), [fromThree]))).toEqual([]);
    expect(ids(match(family({ childAgesMonths: [36] }), [fromThree]))).toEqual(["from-3"]);
  });

  it("fits when at least one child fits", () => {
    const range = service("3-to-5", { minimumAge: 3, maximumAge: 5 });
    expect(ids(match(family({ childAgesMonths: [12, 100] }), [range]))).toEqual([]);
    expect(ids(match(family({ childAgesMonths: [12, 48, 100] }), [range]))).toEqual(["3-to-5"]);
  });

  it("always fits a service with no age range, and gives no ages reason", () => {
    const outcome = match(family({ childAgesMonths: [100] }), [service("any-age")]);
    expect(ids(outcome)).toEqual(["any-age"]);
    expect(find(outcome, "any-age")!.reasons.some((r) => r.kind === "ages")).toBe(false);
  });

  it("gives no ages reason for a service from birth with no upper limit: that is no limit", () => {
    const outcome = match(family({ childAgesMonths: [40] }), [service("from-birth", { minimumAge: 0, maximumAge: null })]);
    expect(find(outcome, "from-birth")!.reasons.some((r) => r.kind === "ages")).toBe(false);
  });

  it("gives an ages reason when the service has a range", () => {
    const outcome = match(family({ childAgesMonths: [40] }), [service("3-to-5", { minimumAge: 3, maximumAge: 5 })]);
    expect(find(outcome, "3-to-5")!.reasons).toContainEqual({ kind: "ages", minimumAge: 3, maximumAge: 5 });
  });

  it("counts the unborn child as age 0 and lets pregnancy services in", () => {
    const answers = family({ pregnant: true, childAgesMonths: [], needs: ["pregnancy", "parenting"] });
    const outcome = match(answers, [
      service("0-to-3", { minimumAge: 0, maximumAge: 3 }),
      service("no-min", { minimumAge: null, maximumAge: 2 }),
      service("3-to-5", { minimumAge: 3, maximumAge: 5 }),
      service("prenatal", { needs: ["pregnancy"], minimumAge: 16, maximumAge: 45 }),
    ]);
    expect(ids(outcome, 0)).toEqual(["prenatal"]);
    expect(ids(outcome, 1)).toEqual(["0-to-3", "no-min"]);
    expect(find(outcome, "prenatal", 0)!.reasons).toContainEqual({ kind: "pregnancy" });
    expect(find(outcome, "0-to-3", 1)!.reasons).toContainEqual({ kind: "pregnancy" });
    expect(find(outcome, "0-to-3", 1)!.reasons).toContainEqual({ kind: "ages", minimumAge: 0, maximumAge: 3 });
  });

  it("gives the pregnancy reason to a clinic for pregnancy and children in the pregnancy group only, where a child fits it", () => {
    const clinic = service("clinic", { needs: ["pregnancy", "child-health"], minimumAge: 0, maximumAge: 5 });
    const outcome = match(family({ pregnant: true, childAgesMonths: [8], needs: ["pregnancy", "child-health"] }), [clinic]);
    expect(find(outcome, "clinic", 0)!.reasons).toContainEqual({ kind: "pregnancy" });
    expect(find(outcome, "clinic", 1)!.reasons.some((r) => r.kind === "pregnancy")).toBe(false);
    // Where only the baby on the way fits its ages, that is the reason in every group.
    const newborns = service("newborns", { needs: ["pregnancy", "child-health"], minimumAge: 0, maximumAge: 0 });
    const later = match(family({ pregnant: true, childAgesMonths: [30], needs: ["pregnancy", "child-health"] }), [newborns]);
    expect(find(later, "newborns", 1)!.reasons).toContainEqual({ kind: "pregnancy" });
    // And where no child fits a pregnancy service's ages (a mothers' age range), the pregnancy lets it in everywhere.
    const mothers = service("mothers", { needs: ["pregnancy", "parenting"], minimumAge: 16, maximumAge: 45 });
    const withToddler = match(family({ pregnant: true, childAgesMonths: [30], needs: ["pregnancy", "parenting"] }), [mothers]);
    expect(find(withToddler, "mothers", 1)!.reasons).toContainEqual({ kind: "pregnancy" });
  });

  it("gives no pregnancy reason when a child already fits a non-pregnancy service", () => {
    const outcome = match(family({ pregnant: true, childAgesMonths: [24] }), [service("0-to-3", { minimumAge: 0, maximumAge: 3 })]);
    expect(find(outcome, "0-to-3")!.reasons.some((r) => r.kind === "pregnancy")).toBe(false);
  });

  it("lets everything through when the family has no children and is not pregnant", () => {
    const outcome = match(family({ pregnant: false, childAgesMonths: [] }), [
      service("3-to-5", { minimumAge: 3, maximumAge: 5 }),
      service("teens", { minimumAge: 12, maximumAge: 17 }),
    ]);
    expect(ids(outcome)).toEqual(["3-to-5", "teens"]);
  });
});

describe("who a service is for", () => {
  const mothersGroup = service("mothers-group", { needs: ["parenting", "pregnancy", "mental-health"], audience: "women" });
  const dadsGroup = service("dads-group", { needs: ["fathers", "parenting"], audience: "men" });
  const openGroup = service("open-group", { needs: ["parenting", "fathers", "pregnancy"] });
  const groupIds = (outcome: MatchOutcome) => Object.fromEntries(outcome.groups.map((group) => [group.need, group.results.map((result) => result.serviceId)]));

  it("sends no father to a service for women, except for the pregnancy he asks about for the mother-to-be", () => {
    const outcome = match(family({ role: "father", needs: ["parenting", "mental-health", "pregnancy"] }), [mothersGroup, openGroup]);
    expect(groupIds(outcome)).toEqual({ parenting: ["open-group"], "mental-health": [], pregnancy: ["open-group", "mothers-group"] });
  });

  it("sends a father whose family is expecting to a service for women that serves pregnancy, for the mother-to-be", () => {
    const pregnancyGroup = service("pregnancy-group", { needs: ["mental-health", "pregnancy"], audience: "women" });
    const expecting = match(family({ role: "father", needs: ["mental-health"], pregnant: true }), [pregnancyGroup, mothersGroup]);
    expect(ids(expecting).sort()).toEqual(["mothers-group", "pregnancy-group"]);
    const notExpecting = match(family({ role: "father", needs: ["mental-health"], pregnant: false }), [pregnancyGroup, mothersGroup]);
    expect(ids(notExpecting)).toEqual([]);
  });

  it("sends no mother to a service for men, except for what she asks about for fathers", () => {
    const outcome = match(family({ role: "mother", needs: ["parenting", "fathers"] }), [dadsGroup, openGroup]);
    expect(groupIds(outcome)).toEqual({ parenting: ["open-group"], fathers: ["dads-group", "open-group"] });
  });

  it("shows both to everyone else asking, and to a family that did not say who asks", () => {
    for (const role of ["grandparent", "foster-kinship", "other-caregiver", "professional", null] as const) {
      const outcome = match(family({ role, needs: ["parenting"] }), [mothersGroup, dadsGroup, openGroup]);
      expect(ids(outcome).sort(), String(role)).toEqual(["dads-group", "mothers-group", "open-group"]);
    }
  });

  it("keeps a mother's services for women and a father's for men", () => {
    expect(ids(match(family({ role: "mother", needs: ["parenting"] }), [mothersGroup]))).toEqual(["mothers-group"]);
    expect(ids(match(family({ role: "father", needs: ["parenting"] }), [dadsGroup]))).toEqual(["dads-group"]);
  });
});

describe("score", () => {
  it("ranks a service whose first need is the one asked above one where it is secondary", () => {
    const outcome = match(family(), [
      service("a-secondary", { needs: ["food", "parenting"] }),
      service("b-primary", { needs: ["parenting", "food"] }),
    ]);
    expect(ids(outcome)).toEqual(["b-primary", "a-secondary"]);
    expect(find(outcome, "b-primary")!.score - find(outcome, "a-secondary")!.score).toBeCloseTo(
      MATCH_WEIGHTS.needPrimary - MATCH_WEIGHTS.needSecondary,
      6,
    );
  });

  it("adds a little for serving several needs asked", () => {
    const outcome = match(family({ needs: ["parenting", "food"] }), [
      service("a-one", { needs: ["parenting"] }),
      service("b-two", { needs: ["parenting", "food"] }),
    ]);
    expect(ids(outcome, 0)).toEqual(["b-two", "a-one"]);
    expect(find(outcome, "b-two")!.score - find(outcome, "a-one")!.score).toBeCloseTo(MATCH_WEIGHTS.needExtra, 6);
  });

  it("ranks nearer services first, and a service-area-only service between near and far", () => {
    const outcome = match(family(), [
      service("a-far", { locations: [north(20)] }),
      service("b-near", { locations: [north(1)] }),
      phone("c-phone", SOUTH_MORAVIA),
    ]);
    expect(ids(outcome)).toEqual(["b-near", "c-phone", "a-far"]);
  });

  it("values a phone service higher when the family has no car", () => {
    const candidates = [service("a-walk", { locations: [north(6)] }), phone("b-phone", SOUTH_MORAVIA)];
    expect(ids(match(family({ noCar: false }), candidates))).toEqual(["a-walk", "b-phone"]);
    expect(ids(match(family({ noCar: true }), candidates))).toEqual(["b-phone", "a-walk"]);
  });

  it("ranks a speaker above interpretation above neither, all else equal", () => {
    const candidates = [
      service("a-neither", { languages: ["cs"] }),
      service("b-interpretation", { languages: ["cs"], interpretation: true }),
      service("c-speaks", { languages: ["cs", "vi"] }),
    ];
    const outcome = match(family({ languages: ["vi"] }), candidates);
    expect(ids(outcome)).toEqual(["c-speaks", "b-interpretation", "a-neither"]);
    expect(find(outcome, "c-speaks")!.reasons).toContainEqual({ kind: "speaks", language: "vi" });
    expect(find(outcome, "b-interpretation")!.reasons).toContainEqual({ kind: "interpretation" });
    expect(find(outcome, "a-neither")!.reasons.some((r) => r.kind === "speaks" || r.kind === "interpretation")).toBe(false);
  });

  it("outweighs distance with language: a Vietnamese speaker 5 km away beats a Czech-only service next door", () => {
    const outcome = match(family({ languages: ["vi"] }), [
      service("a-next-door", { locations: [north(0.2)], languages: ["cs"] }),
      service("b-speaks-vi", { locations: [north(5)], languages: ["vi"] }),
    ]);
    expect(ids(outcome)).toEqual(["b-speaks-vi", "a-next-door"]);
  });

  it("names the first family language the service speaks, matching regional variants", () => {
    const outcome = match(family({ languages: ["vi", "cs"] }), [service("both", { languages: ["cs-CZ", "VI"] })]);
    expect(find(outcome, "both")!.reasons).toContainEqual({ kind: "speaks", language: "vi" });
    const second = match(family({ languages: ["en", "cs"] }), [service("czech", { languages: ["cs-CZ"] })]);
    expect(find(second, "czech")!.reasons).toContainEqual({ kind: "speaks", language: "cs" });
  });

  it("is neutral on language when the family gave none", () => {
    const outcome = match(family({ languages: [] }), [
      service("a-neither", { languages: ["cs"] }),
      service("b-speaks", { languages: ["vi"], interpretation: true }),
    ]);
    expect(ids(outcome)).toEqual(["a-neither", "b-speaks"]);
    expect(find(outcome, "a-neither")!.score).toBe(find(outcome, "b-speaks")!.score);
    expect(find(outcome, "b-speaks")!.reasons.some((r) => r.kind === "speaks" || r.kind === "interpretation")).toBe(false);
  });

  it("gives free services a small bonus and a free reason", () => {
    const outcome = match(family(), [service("a-paid"), service("b-free", { free: true })]);
    expect(ids(outcome)).toEqual(["b-free", "a-paid"]);
    expect(find(outcome, "b-free")!.score - find(outcome, "a-paid")!.score).toBeCloseTo(MATCH_WEIGHTS.free, 6);
    expect(find(outcome, "b-free")!.reasons).toContainEqual({ kind: "free" });
    expect(find(outcome, "a-paid")!.reasons).not.toContainEqual({ kind: "free" });
  });

  it("rewards evening and weekend hours only when asked", () => {
    const candidates = [
      service("a-office", { openingIntervals: WEEKDAY_OFFICE }),
      service("b-evenings", { openingIntervals: WEEKDAY_EVENINGS }),
      service("c-saturday", { openingIntervals: [...WEEKDAY_OFFICE, ...SATURDAY] }),
    ];
    const asked = match(family({ eveningsOrWeekends: true }), candidates);
    expect(ids(asked)).toEqual(["b-evenings", "c-saturday", "a-office"]);
    expect(find(asked, "b-evenings")!.reasons).toContainEqual({ kind: "evenings" });
    expect(find(asked, "c-saturday")!.reasons).toContainEqual({ kind: "weekends", days: ["SA"] });
    expect(find(asked, "a-office")!.reasons.some((r) => r.kind === "evenings" || r.kind === "weekends")).toBe(false);

    const notAsked = match(family({ eveningsOrWeekends: false }), candidates);
    expect(ids(notAsked)).toEqual(["a-office", "b-evenings", "c-saturday"]);
    for (const result of notAsked.groups[0]!.results) {
      expect(result.reasons.some((r) => r.kind === "evenings" || r.kind === "weekends")).toBe(false);
    }
  });

  it("prefers recently verified services; a verified reason within 12 months only", () => {
    const outcome = match(family(), [
      service("a-never", { assuredDate: null }),
      service("b-30-months", { assuredDate: "2022-12-15" }),
      service("c-13-months", { assuredDate: "2024-05-15" }),
      service("d-11-months", { assuredDate: "2024-07-15" }),
      service("e-1-month", { assuredDate: "2025-05-15" }),
    ]);
    expect(ids(outcome)).toEqual(["e-1-month", "d-11-months", "c-13-months", "a-never", "b-30-months"]);
    const score = (id: string) => find(outcome, id)!.score;
    expect(score("b-30-months")).toBe(score("a-never")); // decayed to nothing
    expect(score("e-1-month") - score("a-never")).toBeCloseTo(MATCH_WEIGHTS.freshness, 6);
    expect(find(outcome, "e-1-month")!.reasons).toContainEqual({ kind: "verified", date: "2025-05-15" });
    expect(find(outcome, "d-11-months")!.reasons).toContainEqual({ kind: "verified", date: "2024-07-15" });
    expect(find(outcome, "c-13-months")!.reasons.some((r) => r.kind === "verified")).toBe(false);
    expect(find(outcome, "a-never")!.reasons.some((r) => r.kind === "verified")).toBe(false);
  });
});

describe("diversity", () => {
  it("caps results per need and per organization within a group", () => {
    const candidates = [
      ...[1, 2, 3, 4].map((n) => service(`big-${n}`, { organizationId: "big", locations: [north(n * 0.1)] })),
      ...[1, 2, 3, 4, 5].map((n) => service(`small-${n}`, { locations: [north(5 + n)] })),
    ];
    const outcome = match(family(), candidates);
    expect(ids(outcome)).toEqual(["big-1", "big-2", "small-1", "small-2", "small-3"]);
    expect(ids(match(family(), candidates, { perNeed: 3, perOrganization: 1 }))).toEqual(["big-1", "small-1", "small-2"]);
  });

  it("gives every need at least three results when available, even from one organization", () => {
    const candidates = [1, 2, 3, 4, 5].map((n) => service(`only-${n}`, { organizationId: "only", locations: [north(n)] }));
    expect(ids(match(family(), candidates))).toEqual(["only-1", "only-2", "only-3"]);
  });

  it("gives a need with a single candidate that candidate", () => {
    const outcome = match(family({ needs: ["parenting", "housing"] }), [
      ...[1, 2, 3, 4, 5, 6].map((n) => service(`parenting-${n}`, { locations: [north(n)] })),
      service("housing-1", { needs: ["housing"], locations: [north(20)] }),
    ]);
    expect(outcome.groups.map((group) => group.need)).toEqual(["parenting", "housing"]);
    expect(ids(outcome, 0)).toEqual(["parenting-1", "parenting-2", "parenting-3", "parenting-4", "parenting-5"]);
    expect(ids(outcome, 1)).toEqual(["housing-1"]);
    expect(outcome.unmetNeeds).toEqual([]);
  });

  it("ranks each group independently, and a service may appear in several groups", () => {
    const outcome = match(family({ needs: ["food", "parenting"] }), [
      service("a-both", { needs: ["parenting", "food"], locations: [north(1)] }),
      service("b-food", { needs: ["food"], locations: [north(1)] }),
      service("c-parenting", { needs: ["parenting"], locations: [north(1)] }),
    ]);
    // In "food", a-both's food is secondary (20 + 3) while b-food's is primary (30): b-food first.
    expect(ids(outcome, 0)).toEqual(["b-food", "a-both"]);
    expect(ids(outcome, 1)).toEqual(["a-both", "c-parenting"]);
    expect(find(outcome, "a-both", 0)!.reasons[0]).toEqual({ kind: "need", need: "food" });
    expect(find(outcome, "a-both", 1)!.reasons[0]).toEqual({ kind: "need", need: "parenting" });
  });

  it("keeps one empty group per unmet need and lists them in the order asked", () => {
    const needs: NeedCode[] = ["housing", "food", "legal-immigration"];
    const outcome = match(family({ needs }), [service("parenting-only"), service("inactive-food", { needs: ["food"], status: "inactive" })]);
    expect(outcome).toEqual({
      groups: needs.map((need) => ({ need, results: [] })),
      unmetNeeds: needs,
    });
  });

  it("reports only the needs without results as unmet", () => {
    const outcome = match(family({ needs: ["housing", "parenting", "food"] }), [service("p")]);
    expect(outcome.unmetNeeds).toEqual(["housing", "food"]);
    expect(outcome.groups.map((group) => group.results.length)).toEqual([0, 1, 0]);
  });

  it("makes one group per need even when a need is asked twice", () => {
    const outcome = match(family({ needs: ["parenting", "food", "parenting"] }), [service("p")]);
    expect(outcome.groups.map((group) => group.need)).toEqual(["parenting", "food"]);
  });

  it("returns nothing when no needs are asked", () => {
    expect(match(family({ needs: [] }), [service("p")])).toEqual({ groups: [], unmetNeeds: [] });
  });
});

describe("determinism", () => {
  const candidates: CandidateService[] = [];
  for (let n = 0; n < 60; n++) {
    candidates.push(
      service(`s-${String(n).padStart(2, "0")}`, {
        organizationId: `org-${n % 7}`,
        needs: n % 3 === 0 ? ["parenting", "food"] : n % 3 === 1 ? ["food"] : ["parenting"],
        locations: [north((n % 10) * 2)], // many exact ties
        languages: n % 4 === 0 ? ["vi"] : ["cs"],
        interpretation: n % 5 === 0,
        free: n % 2 === 0,
        assuredDate: n % 6 === 0 ? "2025-01-01" : null,
      }),
    );
  }
  const answers = family({ needs: ["parenting", "food"], languages: ["vi"] });

  it("gives the same output for the same input", () => {
    expect(match(answers, candidates)).toEqual(match(answers, candidates));
  });

  it("gives the same output whatever the order of the candidates", () => {
    const expected = match(answers, candidates);
    for (const seed of [1, 2, 3, 42]) expect(match(answers, shuffled(candidates, seed))).toEqual(expected);
  });

  it("breaks ties by service id", () => {
    const outcome = match(family(), [service("c"), service("a"), service("b")]);
    expect(ids(outcome)).toEqual(["a", "b", "c"]);
  });

  // A pseudo-random directory around Brno, with every feature the filters and the score look at.
  function directory(size: number, seed: number): CandidateService[] {
    const pool = shuffled(Array.from({ length: 1000 }, (_, i) => i), seed);
    const pick = <T,>(items: readonly T[], n: number) => items[pool[n % pool.length]! % items.length]!;
    const needSets: NeedCode[][] = [["parenting"], ["food", "parenting"], ["pregnancy", "child-health"], ["housing"], ["child-health", "food", "pregnancy"]];
    const statuses = ["active", "active", "active", "inactive"] as const;
    const list: CandidateService[] = [];
    for (let n = 0; n < size; n++) {
      const isPhone = n % 9 === 0;
      list.push(
        service(`svc-${String(n).padStart(5, "0")}`, {
          organizationId: `org-${pick([0, 1, 2, 3, 4, 5, 6, 7], n)}`,
          status: pick(statuses, n + 1),
          needs: pick(needSets, n + 2),
          minimumAge: pick([null, 0, 1, 3], n + 3),
          maximumAge: pick([null, 2, 5, 17], n + 4),
          languages: pick([["cs"], ["cs", "vi"], ["vi-VN"], ["en", "cs"]], n + 5),
          interpretation: pick([true, false, false], n + 6),
          free: pick([true, false], n + 7),
          locations: isPhone ? [] : [north(pick([0.5, 3, 7, 12, 30], n + 8), `l-${n}-a`), north(pick([2, 9, 40], n + 9), `l-${n}-b`)],
          serviceAreas: isPhone ? [{ name: `area-${n}`, extent: pick([SOUTH_MORAVIA, AN_GIANG], n + 10) }] : [],
          openingIntervals: pick([[], WEEKDAY_OFFICE, WEEKDAY_EVENINGS, [...WEEKDAY_OFFICE, ...SATURDAY]], n + 11),
          assuredDate: pick([null, "2025-05-01", "2024-09-30", "2023-01-01", "not a date"], n + 12),
        }),
      );
    }
    return list;
  }
  const askings: FamilyAnswers[] = [
    family({ needs: ["parenting", "food"], languages: ["vi"], childAgesMonths: [30] }),
    family({ needs: ["pregnancy", "housing"], pregnant: true, noCar: true, eveningsOrWeekends: true }),
    family({ needs: ["child-health"], place: null, freeOnly: true, languages: ["cs", "vi"], childAgesMonths: [71, 10] }),
    family({ needs: ["food", "housing", "parenting"], eveningsOrWeekends: true, childAgesMonths: [72] }),
  ];

  it("gives the same output whatever the order, on a varied directory", () => {
    const varied = directory(600, 7);
    for (const asking of askings) {
      const expected = match(asking, varied);
      expect(expected.groups.some((group) => group.results.length > 0)).toBe(true);
      expect(match(asking, varied)).toEqual(expected);
      for (const seed of [5, 9]) expect(match(asking, shuffled(varied, seed))).toEqual(expected);
    }
  });
});

describe("reasons", () => {
  it("explains a typical result, in reading order", () => {
    const answers = family({
      childAgesMonths: [30],
      needs: ["development"],
      languages: ["vi", "cs"],
      eveningsOrWeekends: true,
    });
    const outcome = match(answers, [
      service("rana-pece", {
        needs: ["development", "disability"],
        minimumAge: 0,
        maximumAge: 7,
        languages: ["cs", "en"],
        interpretation: true,
        free: true,
        locations: [north(30, "far"), north(2.34, "brno-stred")],
        openingIntervals: [...WEEKDAY_EVENINGS, ...SATURDAY, { start: at(6, 10), end: at(6, 12) }],
        assuredDate: "2025-03-01",
      }),
    ]);
    const result = find(outcome, "rana-pece")!;
    expect(result.nearestLocationId).toBe("brno-stred");
    expect(result.distanceKm).toBeCloseTo(2.34, 6);
    expect(result.reasons).toEqual([
      { kind: "need", need: "development" },
      { kind: "ages", minimumAge: 0, maximumAge: 7 },
      { kind: "distance", km: 2.3 },
      { kind: "speaks", language: "cs" },
      { kind: "free" },
      { kind: "evenings" },
      { kind: "weekends", days: ["SA", "SU"] },
      { kind: "verified", date: "2025-03-01" },
    ]);
    const w = MATCH_WEIGHTS;
    const expectedScore =
      w.needPrimary + w.distance * 0.5 ** (2.34 / w.distanceHalfLifeKm) + w.speaks + w.free + w.hours + w.freshness;
    expect(result.score).toBeCloseTo(expectedScore, 2);
  });
});

// ---------- The score ceiling candidate retrieval relies on ----------

describe("scoreCeiling", () => {
  /** A small deterministic generator, so the cases are the same on every run. */
  function random(seed: number) {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
  }
  const NEEDS: NeedCode[] = ["parenting", "food", "fathers", "housing"];
  const DATES = [null, "2025-06-01", "2025-01-10", "2024-09-30", "2023-12-01", "not a date"];

  function cases() {
    const next = random(7);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const out: Array<{ answers: FamilyAnswers; services: CandidateService[] }> = [];
    for (let n = 0; n < 40; n++) {
      const answers = family({
        needs: NEEDS.filter(() => next() < 0.5).concat(pick(NEEDS)),
        languages: pick([[], ["vi"], ["cs", "en"], ["vi-VN"]]),
        freeOnly: next() < 0.2,
        eveningsOrWeekends: next() < 0.4,
        noCar: next() < 0.3,
      });
      const services = Array.from({ length: 30 }, (_, k) => {
        const needs = [...new Set([pick(NEEDS), pick(NEEDS)])];
        const onPhone = next() < 0.25;
        return service(`s${n}-${k}`, {
          needs,
          languages: pick([["cs"], ["vi"], ["en", "vi"], []]),
          interpretation: next() < 0.3,
          free: next() < 0.5,
          assuredDate: pick(DATES),
          openingIntervals: next() < 0.5 ? [{ start: at(0, 17), end: at(0, 20) }] : [],
          ...(onPhone ? { locations: [], serviceAreas: [{ name: "kraj", extent: SOUTH_MORAVIA }] } : { locations: [north(next() * 24, `l${n}-${k}`)] }),
        });
      });
      out.push({ answers, services });
    }
    return out;
  }

  it("is never below the score a service gets, from its distance alone or from everything known of it", () => {
    let checked = 0;
    for (const { answers, services } of cases()) {
      const ceiling = scoreCeiling(answers, NOW);
      const outcome = matchServices(answers, services, NOW, { perNeed: 100 });
      const familyPrimaries = answers.languages.map((code) => code.split("-")[0]!.toLowerCase());
      for (const group of outcome.groups) {
        for (const result of group.results) {
          const candidate = services.find((entry) => entry.id === result.serviceId)!;
          const km = result.distanceKm;
          expect(ceiling.of({ km })).toBeGreaterThanOrEqual(result.score - 0.001);
          const known = {
            km,
            speaks: candidate.languages.some((code) => familyPrimaries.includes(code)),
            interpretation: candidate.interpretation,
            primaryNeed: candidate.needs[0] === group.need,
            free: candidate.free,
            assuredDate: candidate.assuredDate,
            needsServed: candidate.needs.filter((need) => answers.needs.includes(need)).length,
          };
          const bound = ceiling.of(known);
          // No further than reachKm can a service with this much known still score as high.
          if (km !== null) expect(ceiling.reachKm(known, result.score - 0.001)).toBeGreaterThanOrEqual(km);
          expect(bound).toBeGreaterThanOrEqual(result.score - 0.001);
          // Hours are the only term it does not know, and a date it cannot read counts as fresh.
          if (!answers.eveningsOrWeekends && candidate.assuredDate !== "not a date") expect(bound).toBeCloseTo(result.score, 2);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it("falls with distance, and for a stream in date order with the next service's date", () => {
    const ceiling = scoreCeiling(family({ languages: ["vi"] }), NOW);
    expect(ceiling.of({ km: 1 })).toBeGreaterThan(ceiling.of({ km: 5 }));
    expect(ceiling.of({ km: 5, speaks: true })).toBeCloseTo(ceiling.of({ km: 5, speaks: false }) + MATCH_WEIGHTS.speaks - MATCH_WEIGHTS.interpretation);
    expect(ceiling.of({ km: 5, speaks: false, interpretation: false })).toBeCloseTo(ceiling.of({ km: 5, speaks: false }) - MATCH_WEIGHTS.interpretation);
    expect(ceiling.of({ km: null, assuredDate: "2025-06-01" })).toBeGreaterThan(ceiling.of({ km: null, assuredDate: "2023-01-01" }));
    expect(ceiling.of({ km: null, assuredDate: null })).toBeCloseTo(ceiling.of({ km: null, assuredDate: "2020-01-01" }));
    expect(ceiling.of({ km: null, assuredDate: "garbled" })).toBeCloseTo(ceiling.of({ km: null }));
    const score = ceiling.of({ km: 4, speaks: false });
    expect(ceiling.reachKm({ speaks: false }, score)).toBeCloseTo(4);
    expect(ceiling.reachKm({ speaks: false }, ceiling.of({ km: Number.POSITIVE_INFINITY, speaks: false }) - 1)).toBe(Number.POSITIVE_INFINITY);
    expect(ceiling.reachKm({ speaks: false }, ceiling.of({ km: 0, speaks: false }) + 1)).toBe(-1);
  });
});
