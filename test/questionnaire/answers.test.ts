import { describe, expect, it } from "vitest";
import {
  EMPTY_ANSWERS,
  MAX_CHILDREN,
  STEPS,
  answerValues,
  childAgeInput,
  firstMissingStep,
  nextStep,
  parseChildAge,
  sanitizeAnswers,
  shareParams,
  unmetToRecord,
  withAnswered,
  type Answers,
  type Step,
} from "~/questionnaire/answers";
import { answersFromShareParams, applyStep, formValues, type StepResult } from "~/questionnaire/steps.server";

/** A form as the browser would send it: repeated names become repeated entries. */
function form(entries: Record<string, string | string[]>): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(entries)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  }
  return body;
}

function ok(result: StepResult): Answers {
  if (!result.ok) throw new Error(`expected the step to pass, got ${JSON.stringify(result.errors)}`);
  return result.answers;
}

function errors(result: StepResult) {
  if (result.ok) throw new Error("expected the step to fail");
  return result.errors;
}

const apply = (step: Step, entries: Record<string, string | string[]>, answers: Answers = EMPTY_ANSWERS) =>
  applyStep(step, form(entries), answers);

const brno = { lat: 49.195, lng: 16.608, region: "cz-jm", label: "Brno" } as const;

const complete: Answers = {
  answered: [...STEPS],
  unmetRecorded: [],
  role: "father",
  pregnant: true,
  childAgesMonths: [8, 30, 37, 100, 8],
  place: { ...brno },
  needs: ["fathers", "parenting", "legal-immigration"],
  languages: ["vi", "cs"],
  freeOnly: true,
  eveningsOrWeekends: true,
  noCar: true,
};

describe("safety step", () => {
  it("accepts yes as danger and no as no danger, and marks the step answered", () => {
    const yes = apply("safety", { danger: "yes" });
    expect(yes).toMatchObject({ ok: true, danger: true });
    expect(ok(yes).answered).toEqual(["safety"]);
    const no = apply("safety", { danger: "no" });
    expect(no).toMatchObject({ ok: true, danger: false });
    expect(ok(no).answered).toEqual(["safety"]);
  });

  it("asks again when the answer is missing or neither yes nor no", () => {
    expect(errors(apply("safety", {}))).toEqual({ danger: "required" });
    expect(errors(apply("safety", { danger: "" }))).toEqual({ danger: "required" });
    expect(errors(apply("safety", { danger: "maybe" }))).toEqual({ danger: "required" });
  });
});

describe("who step", () => {
  it("keeps a known caregiver role, fathers and grandparents included", () => {
    expect(ok(apply("who", { role: "father" })).role).toBe("father");
    expect(ok(apply("who", { role: "grandparent" })).role).toBe("grandparent");
    expect(ok(apply("who", { role: " mother " })).role).toBe("mother");
  });

  it("rejects an unknown role and a missing one", () => {
    expect(errors(apply("who", { role: "king" }))).toEqual({ role: "unknown-role" });
    expect(errors(apply("who", { role: "Father" }))).toEqual({ role: "unknown-role" });
    expect(errors(apply("who", {}))).toEqual({ role: "required" });
    expect(errors(apply("who", { role: "   " }))).toEqual({ role: "required" });
  });

  it("keeps earlier answers and does not list a step twice when it is answered again", () => {
    const first = ok(apply("safety", { danger: "no" }));
    const second = ok(apply("who", { role: "mother" }, first));
    const changed = ok(apply("who", { role: "father" }, second));
    expect(changed.answered).toEqual(["safety", "who"]);
    expect(changed.role).toBe("father");
  });
});

describe("children step", () => {
  it("reads ages under two in months and older ages in years, stored as months", () => {
    const answers = ok(apply("children", { age: ["8", "23", "3", "17"], unit: ["months", "months", "years", "years"] }));
    expect(answers.childAgesMonths).toEqual([8, 23, 36, 204]);
    expect(answers.pregnant).toBe(false);
    expect(answers.answered).toEqual(["children"]);
  });

  it("ignores empty rows and trims what was typed", () => {
    const answers = ok(apply("children", { age: ["", " 4 ", "  "], unit: ["years", "years", "months"] }));
    expect(answers.childAgesMonths).toEqual([48]);
  });

  it("accepts no children at all", () => {
    expect(ok(apply("children", {})).childAgesMonths).toEqual([]);
    expect(ok(apply("children", { age: "", unit: "years" })).childAgesMonths).toEqual([]);
  });

  it("reads a missing unit as months", () => {
    expect(ok(apply("children", { age: "5" })).childAgesMonths).toEqual([5]);
  });

  it("names the row of a non-number, a negative and a decimal", () => {
    expect(errors(apply("children", { age: "abc", unit: "years" }))).toEqual({ "age-0": "age-invalid" });
    expect(errors(apply("children", { age: ["3", "-1"], unit: ["years", "years"] }))).toEqual({ "age-1": "age-invalid" });
    expect(errors(apply("children", { age: ["", "", "1.5"], unit: ["years", "years", "years"] }))).toEqual({ "age-2": "age-invalid" });
    expect(errors(apply("children", { age: "1e2", unit: "years" }))).toEqual({ "age-0": "age-invalid" });
  });

  it("rejects ages that are too high for a child", () => {
    expect(errors(apply("children", { age: "200", unit: "years" }))).toEqual({ "age-0": "age-too-high" });
    expect(errors(apply("children", { age: "18", unit: "years" }))).toEqual({ "age-0": "age-too-high" });
    expect(errors(apply("children", { age: "200", unit: "months" }))).toEqual({ "age-0": "age-too-high" });
    expect(errors(apply("children", { age: "36", unit: "months" }))).toEqual({ "age-0": "age-too-high" });
    expect(ok(apply("children", { age: "35", unit: "months" })).childAgesMonths).toEqual([35]);
  });

  it("reports every bad row at once", () => {
    expect(errors(apply("children", { age: ["abc", "2", "99"], unit: ["years", "years", "years"] }))).toEqual({
      "age-0": "age-invalid",
      "age-2": "age-too-high",
    });
  });

  it("accepts eight children and refuses nine", () => {
    const eight = Array.from({ length: MAX_CHILDREN }, (_, index) => String(index + 1));
    expect(ok(apply("children", { age: eight, unit: eight.map(() => "years") })).childAgesMonths).toHaveLength(8);
    const nine = Array.from({ length: 9 }, (_, index) => String(index + 1));
    expect(errors(apply("children", { age: nine, unit: nine.map(() => "years") }))).toEqual({ children: "too-many-children" });
    const flood = Array.from({ length: 500 }, () => "1");
    expect(errors(apply("children", { age: flood }))).toEqual({ children: "too-many-children" });
  });

  it("records a pregnancy, with or without children", () => {
    const pregnant = ok(apply("children", { pregnant: "1", age: "", unit: "years" }));
    expect(pregnant.pregnant).toBe(true);
    expect(pregnant.childAgesMonths).toEqual([]);
    expect(ok(apply("children", { pregnant: "on", age: "2", unit: "years" }))).toMatchObject({ pregnant: true, childAgesMonths: [24] });
    expect(ok(apply("children", { pregnant: "0" })).pregnant).toBe(false);
  });

  it("parseChildAge: null for blank, codes for bad input", () => {
    expect(parseChildAge({ value: "  ", unit: "years" })).toBeNull();
    expect(parseChildAge({ value: "0", unit: "months" })).toBe(0);
    expect(parseChildAge({ value: "17", unit: "years" })).toBe(204);
    expect(parseChildAge({ value: "1000", unit: "months" })).toBe("age-invalid");
    expect(parseChildAge({ value: "x1", unit: "months" })).toBe("age-invalid");
  });

  it("childAgeInput shows months under two (but one year as a year) and whole years from two", () => {
    expect(childAgeInput(0)).toEqual({ value: "0", unit: "months" });
    expect(childAgeInput(8)).toEqual({ value: "8", unit: "months" });
    expect(childAgeInput(12)).toEqual({ value: "1", unit: "years" });
    expect(childAgeInput(13)).toEqual({ value: "13", unit: "months" });
    expect(childAgeInput(23)).toEqual({ value: "23", unit: "months" });
    expect(childAgeInput(24)).toEqual({ value: "2", unit: "years" });
    expect(childAgeInput(47)).toEqual({ value: "3", unit: "years" });
  });

  it("childAgeInput shows an age typed in months from two in months, so that saving the screen again keeps it", () => {
    for (const months of [25, 30, 35]) {
      const shown = childAgeInput(months);
      expect(shown).toEqual({ value: String(months), unit: "months" });
      expect(parseChildAge(shown)).toBe(months);
    }
    expect(childAgeInput(36)).toEqual({ value: "3", unit: "years" });
  });
});

describe("what a step's screen shows", () => {
  it("shows the saved answers, with the page's language ticked before preferences are answered", () => {
    expect(answerValues(complete, "en")).toEqual({
      danger: "no",
      role: "father",
      pregnant: true,
      // 30 months was typed in months, and stays so; 37 and 100 months show as the years they are in.
      age: ["8", "30", "3", "8", "8"],
      unit: ["months", "months", "years", "years", "months"],
      place: "Brno",
      need: ["fathers", "parenting", "legal-immigration"],
      language: ["vi", "cs"],
      free: true,
      evenings: true,
      noCar: true,
    });
    expect(answerValues(EMPTY_ANSWERS, "cs")).toMatchObject({ danger: "", role: "", pregnant: false, age: [], place: "", language: ["cs"] });
  });

  it("after an error, shows the form exactly as sent, ticks and all", () => {
    expect(formValues(form({ pregnant: "1", age: ["99", ""], unit: ["years", "months"] }))).toMatchObject({
      pregnant: true,
      age: ["99", ""],
      unit: ["years", "months"],
    });
    expect(formValues(form({ age: "99", unit: "years" })).pregnant).toBe(false);
    expect(formValues(form({ language: ["vi", "xx-YY"], free: "on", noCar: "1" }))).toMatchObject({ language: ["vi", "xx-YY"], free: true, evenings: false, noCar: true });
  });

  it("does not echo a flooded form back whole", () => {
    const values = formValues(form({ age: Array.from({ length: 500 }, () => "1".repeat(50)), need: Array.from({ length: 500 }, () => "food") }));
    expect(values.age).toHaveLength(MAX_CHILDREN);
    expect(values.age[0]!.length).toBeLessThanOrEqual(20);
    expect(values.need.length).toBeLessThan(50);
  });
});

describe("place step", () => {
  it("finds a Vietnamese place typed without diacritics and keeps its proper spelling", () => {
    expect(ok(apply("place", { place: "phu tan" })).place).toEqual({ lat: 10.62, lng: 105.3, region: "vn-an-giang", label: "Phú Tân" });
  });

  it("finds a place typed with diacritics, coordinates rounded to 3 decimals", () => {
    expect(ok(apply("place", { place: "Châu Đốc" })).place).toEqual({ lat: 10.701, lng: 105.117, region: "vn-an-giang", label: "Châu Đốc" });
    expect(ok(apply("place", { place: "chau doc" })).place?.label).toBe("Châu Đốc");
  });

  it("labels a postal code as the family wrote it", () => {
    expect(ok(apply("place", { place: "602 00" })).place).toEqual({ lat: 49.199, lng: 16.603, region: "cz-jm", label: "602 00" });
  });

  it("finds Long Beach in Los Angeles", () => {
    expect(ok(apply("place", { place: "Long Beach" })).place).toEqual({ lat: 33.767, lng: -118.189, region: "us-la", label: "Long Beach" });
  });

  it("answers an unknown place with suggestions when something is close", () => {
    const typo = apply("place", { place: "Brnoo" });
    expect(typo.ok).toBe(false);
    expect(errors(typo)).toEqual({ place: "place-not-found" });
    expect(typo.suggestions?.map((place) => place.name)).toEqual(["Brno"]);
    const beach = apply("place", { place: "Long Bech" });
    expect(beach.suggestions?.map((place) => place.name)).toContain("Long Beach");
    const nothing = apply("place", { place: "Xyzzyqq" });
    expect(errors(nothing)).toEqual({ place: "place-not-found" });
    expect(nothing.suggestions).toEqual([]);
  });

  it("says a town beyond the regions is outside the areas served, not that it is unknown", () => {
    expect(errors(apply("place", { place: "Praha" }))).toEqual({ place: "place-outside" });
    expect(errors(apply("place", { place: "Thành phố Hồ Chí Minh" }))).toEqual({ place: "place-outside" });
  });

  it("asks for a place to be typed when none is", () => {
    expect(errors(apply("place", {}))).toEqual({ place: "place-required" });
    expect(errors(apply("place", { place: "   " }))).toEqual({ place: "place-required" });
  });

  it("takes coordinates inside a region, rounded to 3 decimals and labelled with the nearest place", () => {
    const answers = ok(apply("place", { lat: "49.19456", lng: "16.60789", place: "ignored" }));
    expect(answers.place).toEqual({ lat: 49.195, lng: 16.608, region: "cz-jm", label: "Brno-střed" });
    expect(ok(apply("place", { lat: "10.62", lng: "105.3" })).place).toEqual({ lat: 10.62, lng: 105.3, region: "vn-an-giang", label: "Phú Tân" });
    expect(ok(apply("place", { lat: "33.7671234", lng: "-118.1891999" })).place).toEqual({
      lat: 33.767,
      lng: -118.189,
      region: "us-la",
      label: "Long Beach",
    });
  });

  it("refuses coordinates outside every region", () => {
    // Prague: in Czechia, but outside South Moravia.
    expect(errors(apply("place", { lat: "50.08", lng: "14.42" }))).toEqual({ place: "place-outside" });
    expect(errors(apply("place", { lat: "0", lng: "0" }))).toEqual({ place: "place-outside" });
  });

  it("refuses garbage coordinates, and one coordinate without the other", () => {
    for (const [lat, lng] of [
      ["abc", "16.6"],
      ["49.2", "east"],
      ["91", "16.6"],
      ["49.2", "181"],
      ["Infinity", "16.6"],
      ["49.2", ""],
      ["", "16.6"],
    ] as const) {
      expect(errors(apply("place", { lat, lng, place: "Brno" })), `${lat},${lng}`).toEqual({ place: "coordinates-invalid" });
    }
  });
});

describe("needs step", () => {
  it("keeps the needs asked, once each, in the order asked", () => {
    expect(ok(apply("needs", { need: ["fathers", "parenting", "fathers", "legal-immigration"] })).needs).toEqual([
      "fathers",
      "parenting",
      "legal-immigration",
    ]);
  });

  it("requires at least one need", () => {
    expect(errors(apply("needs", {}))).toEqual({ needs: "need-required" });
  });

  it("refuses an unknown need code, even next to known ones", () => {
    expect(errors(apply("needs", { need: "astrology" }))).toEqual({ needs: "need-unknown" });
    expect(errors(apply("needs", { need: ["food", "FOOD"] }))).toEqual({ needs: "need-unknown" });
    expect(errors(apply("needs", { need: "" }))).toEqual({ needs: "need-unknown" });
  });
});

describe("preferences step", () => {
  it("keeps languages lower-cased and once each, and the practical limits", () => {
    const answers = ok(apply("preferences", { language: ["vi", "CS", "vi"], free: "1", evenings: "on", noCar: "true" }));
    expect(answers.languages).toEqual(["vi", "cs"]);
    expect(answers).toMatchObject({ freeOnly: true, eveningsOrWeekends: true, noCar: true });
  });

  it("treats unchecked and other values as no limit, and allows no language", () => {
    const answers = ok(apply("preferences", { free: "0", evenings: "no" }));
    expect(answers).toMatchObject({ languages: [], freeOnly: false, eveningsOrWeekends: false, noCar: false });
    expect(answers.answered).toEqual(["preferences"]);
  });

  it("refuses language codes that are not 2–3 letters", () => {
    for (const code of ["vi-VN", "v", "vietnamese", "", "v1"]) {
      expect(errors(apply("preferences", { language: ["vi", code] })), code).toEqual({ languages: "language-invalid" });
    }
  });

  it("takes up to six languages, asks to choose among more, and refuses a flood", () => {
    const six = ["vi", "cs", "en", "de", "fr", "es"];
    expect(ok(apply("preferences", { language: six })).languages).toEqual(six);
    // Ticked twice is one language.
    expect(ok(apply("preferences", { language: [...six, "vi"] })).languages).toEqual(six);
    // A seventh is not dropped without a word: the family chooses which matter.
    expect(errors(apply("preferences", { language: [...six, "ru"] }))).toEqual({ languages: "too-many-languages" });
    expect(errors(apply("preferences", { language: Array.from({ length: 19 }, () => "vi") }))).toEqual({ languages: "language-invalid" });
  });
});

describe("firstMissingStep", () => {
  it("walks the steps in order", () => {
    expect(STEPS).toEqual(["safety", "who", "children", "place", "needs", "preferences"]);
    expect(nextStep("safety")).toBe("who");
    expect(nextStep("preferences")).toBeNull();
    expect(firstMissingStep(EMPTY_ANSWERS)).toBe("safety");
    expect(firstMissingStep(complete)).toBeNull();
  });

  it("finds a skipped step even when later ones are answered", () => {
    expect(firstMissingStep({ ...complete, answered: ["safety", "who", "place", "needs", "preferences"] })).toBe("children");
    expect(firstMissingStep({ ...complete, answered: ["who", "children", "place", "needs", "preferences"] })).toBe("safety");
    expect(firstMissingStep({ ...complete, answered: ["safety", "who", "children", "place", "needs"] })).toBe("preferences");
  });

  it("treats a step marked answered but without its answer as missing", () => {
    expect(firstMissingStep({ ...complete, role: null })).toBe("who");
    expect(firstMissingStep({ ...complete, place: null })).toBe("place");
    expect(firstMissingStep({ ...complete, needs: [] })).toBe("needs");
  });

  it("is reached step by step through applyStep", () => {
    let answers = EMPTY_ANSWERS;
    const journey: Array<[Step, Record<string, string | string[]>]> = [
      ["safety", { danger: "no" }],
      ["who", { role: "father" }],
      ["children", { age: "4", unit: "years" }],
      ["place", { place: "Brno" }],
      ["needs", { need: ["fathers", "parenting"] }],
      ["preferences", { language: "vi" }],
    ];
    for (const [step, entries] of journey) {
      expect(firstMissingStep(answers)).toBe(step);
      answers = ok(apply(step, entries, answers));
    }
    expect(firstMissingStep(answers)).toBeNull();
    expect(answers).toMatchObject({
      role: "father",
      childAgesMonths: [48],
      place: { lat: 49.195, lng: 16.608, region: "cz-jm", label: "Brno" },
      needs: ["fathers", "parenting"],
      languages: ["vi"],
    });
  });
});

describe("unmetToRecord: each family counted once per gap", () => {
  it("counts the needs not counted yet for this family in this region, and remembers them", () => {
    const first = unmetToRecord(EMPTY_ANSWERS, "cz-jm", ["childcare", "jobs-education"]);
    expect(first.needs).toEqual(["childcare", "jobs-education"]);
    const again = unmetToRecord(first.answers, "cz-jm", ["childcare", "family-safety"]);
    expect(again.needs).toEqual(["family-safety"]);
    // The same need missing in another region is another gap.
    expect(unmetToRecord(again.answers, "us-la", ["childcare"]).needs).toEqual(["childcare"]);
  });

  it("is not forgotten when an answer is saved again", () => {
    const counted = unmetToRecord(EMPTY_ANSWERS, "cz-jm", ["childcare"]).answers;
    const saved = withAnswered(counted, "needs", { needs: ["childcare"] });
    expect(unmetToRecord(saved, "cz-jm", ["childcare"]).needs).toEqual([]);
    // And it survives the cookie, where anything else written there is dropped.
    expect(sanitizeAnswers({ ...saved, unmetRecorded: [...saved.unmetRecorded, "mars:childcare", "cz-jm:nope", "cz-jm:childcare:x", 7, true] }).unmetRecorded).toEqual(["cz-jm:childcare"]);
  });

  it("reads a cookie from before, which said only that its needs were counted", () => {
    const before = { ...EMPTY_ANSWERS, needs: ["childcare", "food"], place: { lat: 48.856, lng: 16.049, region: "cz-jm", label: "Znojmo" }, unmetRecorded: true };
    expect(sanitizeAnswers(before).unmetRecorded).toEqual(["cz-jm:childcare", "cz-jm:food"]);
    expect(sanitizeAnswers({ ...before, unmetRecorded: false }).unmetRecorded).toEqual([]);
  });
});

describe("sanitizeAnswers", () => {
  it("turns anything that is not an object into empty answers", () => {
    for (const garbage of [null, undefined, "answers", 42, true, ""]) {
      expect(sanitizeAnswers(garbage)).toEqual(EMPTY_ANSWERS);
    }
    expect(sanitizeAnswers([])).toEqual(EMPTY_ANSWERS);
    expect(sanitizeAnswers({})).toEqual(EMPTY_ANSWERS);
  });

  it("keeps sound answers unchanged", () => {
    expect(sanitizeAnswers(JSON.parse(JSON.stringify(complete)))).toEqual({ ...complete, childAgesMonths: [8, 30, 37, 100, 8] });
  });

  it("drops fields of the wrong type one by one", () => {
    const clean = sanitizeAnswers({
      answered: "safety",
      role: "queen",
      pregnant: "true",
      childAgesMonths: "8",
      place: "Brno",
      needs: { food: true },
      languages: "vi",
      freeOnly: 1,
      eveningsOrWeekends: "yes",
      noCar: null,
    });
    expect(clean).toEqual(EMPTY_ANSWERS);
  });

  it("filters bad items inside lists", () => {
    const clean = sanitizeAnswers({
      answered: ["safety", "hacking", 3, "safety", "who"],
      role: "grandparent",
      childAgesMonths: [5, -1, 1.5, "7", 216, 215, 0, null, Number.NaN],
      needs: ["food", "food", "astrology", 1, "housing"],
      languages: ["vi", "VI", "vi-VN", 7, "cs", "vi"],
    });
    expect(clean.answered).toEqual(["safety", "who"]);
    expect(clean.role).toBe("grandparent");
    expect(clean.childAgesMonths).toEqual([5, 215, 0]);
    expect(clean.needs).toEqual(["food", "housing"]);
    expect(clean.languages).toEqual(["vi", "cs"]);
  });

  it("caps huge arrays", () => {
    const clean = sanitizeAnswers({
      answered: Array.from({ length: 100_000 }, () => "safety"),
      childAgesMonths: Array.from({ length: 10_000 }, (_, index) => index % 200),
      needs: Array.from({ length: 10_000 }, () => "food"),
      languages: Array.from({ length: 10_000 }, (_, index) => `${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26) % 26)}`),
    });
    expect(clean.answered).toEqual(["safety"]);
    expect(clean.childAgesMonths).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(clean.needs).toEqual(["food"]);
    // Two-letter codes in turn, the made-up ones ("ea") left out.
    expect(clean.languages).toEqual(["aa", "ba", "ca", "da", "fa", "ga"]);
  });

  it("keep only languages that exist", () => {
    expect(sanitizeAnswers({ languages: ["vi", "zz", "qqq", "hmn", "mul", "<script>", 7] }).languages).toEqual(["vi", "hmn"]);
  });

  it("drops a place with bad or out-of-region coordinates and re-derives the region", () => {
    const place = (value: unknown) => sanitizeAnswers({ place: value }).place;
    expect(place({ lat: 91, lng: 16.6, region: "cz-jm", label: "x" })).toBeNull();
    expect(place({ lat: "abc", lng: 16.6, region: "cz-jm", label: "x" })).toBeNull();
    expect(place({ lat: 50.08, lng: 14.42, region: "cz-jm", label: "Praha" })).toBeNull();
    expect(place({ lat: null, lng: null, region: "cz-jm", label: "x" })).toBeNull();
    // A tampered region does not stick: it comes from the coordinates.
    expect(place({ lat: "49.19512", lng: 16.60789, region: "us-la", label: "Brno" })).toEqual({ lat: 49.195, lng: 16.608, region: "cz-jm", label: "Brno" });
    expect(place({ lat: 10.62, lng: 105.3 })).toEqual({ lat: 10.62, lng: 105.3, region: "vn-an-giang", label: "" });
    expect(place({ lat: 49.2, lng: 16.6, label: "x".repeat(5000) })?.label).toHaveLength(200);
  });
});

describe("share links", () => {
  it("carry needs, place label, coordinates to 2 decimals, languages, age in whole years and the limits", () => {
    const params = shareParams(complete);
    expect(params.getAll("need")).toEqual(["fathers", "parenting", "legal-immigration"]);
    expect(params.get("place")).toBe("Brno");
    expect(params.get("at")).toBe("49.20,16.61");
    expect(params.getAll("language")).toEqual(["vi", "cs"]);
    expect(params.getAll("age")).toEqual(["0", "2", "3", "8"]);
    expect(params.get("pregnant")).toBe("1");
    expect(params.get("free")).toBe("1");
    expect(params.get("evenings")).toBe("1");
    expect(params.get("nocar")).toBe("1");
  });

  it("carry who asks, and never exact months", () => {
    const params = shareParams(complete);
    const text = params.toString();
    expect([...params.keys()].sort()).toEqual(["age", "age", "age", "age", "at", "evenings", "free", "language", "language", "need", "need", "need", "nocar", "place", "pregnant", "role"]);
    expect(params.get("role")).toBe("father");
    // 30, 37 and 100 months appear only as whole years (2, 3, 8); 8 months as 0.
    for (const months of ["30", "37", "100"]) expect(text).not.toContain(`=${months}`);
    expect(params.getAll("age").every((age) => Number(age) <= 17)).toBe(true);
    expect(shareParams({ ...complete, childAgesMonths: [23] }).getAll("age")).toEqual(["1"]);
  });

  it("leave out what was not asked", () => {
    const params = shareParams({ ...EMPTY_ANSWERS, needs: ["food"] });
    expect(params.toString()).toBe("need=food");
  });

  it("round-trip to the same results: who asks, ages as whole years, the typed place back at its own point", () => {
    const back = answersFromShareParams(shareParams(complete));
    expect(back).toEqual({
      unmetRecorded: [],
      answered: [...STEPS],
      role: "father",
      pregnant: true,
      childAgesMonths: [0, 24, 36, 96],
      agesInYears: true,
      // The link carries 49.20,16.61: Brno's own point, rounded, so it is Brno's own point again.
      place: { lat: 49.195, lng: 16.608, region: "cz-jm", label: "Brno" },
      needs: ["fathers", "parenting", "legal-immigration"],
      languages: ["vi", "cs"],
      freeOnly: true,
      eveningsOrWeekends: true,
      noCar: true,
    });
    expect(firstMissingStep(back!)).toBeNull();
  });

  it("round-trip a Vietnamese place name with diacritics", () => {
    const answers: Answers = { ...EMPTY_ANSWERS, answered: [...STEPS], needs: ["pregnancy"], place: { lat: 10.62, lng: 105.3, region: "vn-an-giang", label: "Phú Tân" } };
    const url = new URL(`http://localhost/vi/results?${shareParams(answers).toString()}`);
    expect(answersFromShareParams(url.searchParams)?.place).toEqual({ lat: 10.62, lng: 105.3, region: "vn-an-giang", label: "Phú Tân" });
  });

  it("show a place name only where the gazetteer puts it at the link's coordinates, else the nearest place", () => {
    const label = (query: string) => answersFromShareParams(new URLSearchParams(query))?.place?.label;
    expect(label("need=food&at=49.2,16.61&place=brno")).toBe("Brno");
    expect(label("need=food&at=49.2,16.61&place=Hello+my+name+is+Eve")).toBe("Brno");
    expect(label("need=food&at=49.2,16.61&place=Long+Beach")).toBe("Brno");
    expect(label("need=food&at=49.2,16.61")).toBe("Brno");
    expect(label("need=food&at=49.2,16.61&place=602+00")).toBe("602 00");
  });

  it("are not share links without a known need", () => {
    expect(answersFromShareParams(new URLSearchParams(""))).toBeNull();
    expect(answersFromShareParams(new URLSearchParams("place=Brno&at=49.19,16.61"))).toBeNull();
    expect(answersFromShareParams(new URLSearchParams("need=astrology&place=Brno"))).toBeNull();
  });

  it("find the place by name when the coordinates are missing, garbled or outside", () => {
    for (const at of ["", "abc,def", "50.08,14.42", "49.19", "999,999"]) {
      const params = new URLSearchParams({ need: "food", place: "phu tan", at });
      expect(answersFromShareParams(params)?.place, at).toEqual({ lat: 10.62, lng: 105.3, region: "vn-an-giang", label: "Phú Tân" });
    }
  });

  it("have no place when neither coordinates nor name can be read", () => {
    const shared = answersFromShareParams(new URLSearchParams("need=food&place=Xyzzyqq&at=nowhere"));
    expect(shared?.place).toBeNull();
    expect(shared?.needs).toEqual(["food"]);
  });

  it("drop bad ages, languages and unknown needs from a hand-made link", () => {
    const shared = answersFromShareParams(
      new URLSearchParams("need=food&need=astrology&need=food&age=3&age=-1&age=18&age=2.5&age=x&language=vi&language=<script>&role=king&free=yes"),
    );
    expect(shared).toMatchObject({ needs: ["food"], childAgesMonths: [36], languages: ["vi"], role: null, freeOnly: false });
  });
});
