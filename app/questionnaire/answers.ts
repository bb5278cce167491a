/**
 * The needs questionnaire as data: its steps, the answers, and reading each step's form. Pure: the
 * route modules read and write the answers (signed cookie) and render; everything that decides is here.
 *
 * Each step's form is read on its own, so a step can be answered, changed from the summary, or
 * reached by a tampered request, and every problem comes back as an error code for that field —
 * never an exception — with what the family typed kept.
 */
import { lookupPlace, nearestPlace, type Place } from "~/geo/gazetteer";
import { isValidLatLng } from "~/geo/distance";
import { CAREGIVER_ROLES, type CaregiverRole, type FamilyAnswers } from "~/matching/types";
import { regionAt, type RegionCode } from "~/regions";
import { isNeedCode, type NeedCode } from "~/taxonomy/needs";

export const STEPS = ["safety", "who", "children", "place", "needs", "preferences"] as const;
export type Step = (typeof STEPS)[number];

export function isStep(value: unknown): value is Step {
  return typeof value === "string" && (STEPS as readonly string[]).includes(value);
}

export const MAX_CHILDREN = 8;
/** Ages under two are asked in months. */
export const MONTHS_UNTIL = 24;
const MAX_CHILD_AGE_YEARS = 17;
const MAX_LANGUAGES = 6;
/** Coordinates are kept to 3 decimals (≈ 100 m): enough to find services, not enough to find a home. */
const COORDINATE_DECIMALS = 3;

/** The family's answers as the questionnaire keeps them: the matching input plus what the steps need. */
export interface Answers extends FamilyAnswers {
  /** Steps the family has answered, so a skipped one can be found. */
  answered: Step[];
  /** These answers' unmet needs are counted already: a second "show results" must not count them again. */
  unmetRecorded: boolean;
}

export const EMPTY_ANSWERS: Answers = {
  answered: [],
  unmetRecorded: false,
  role: null,
  pregnant: false,
  childAgesMonths: [],
  place: null,
  needs: [],
  languages: [],
  freeOnly: false,
  eveningsOrWeekends: false,
  noCar: false,
};

export type FieldError =
  | "required"
  | "unknown-role"
  | "age-invalid"
  | "age-too-high"
  | "too-many-children"
  | "place-not-found"
  | "place-outside"
  | "coordinates-invalid"
  | "need-required"
  | "need-unknown"
  | "language-invalid";

export type StepResult =
  | { ok: true; answers: Answers; danger?: boolean; suggestions?: never }
  | { ok: false; errors: Record<string, FieldError>; suggestions?: Place[] };

const round = (value: number) => Number(value.toFixed(COORDINATE_DECIMALS));
const checked = (form: FormData, name: string) => ["1", "on", "yes", "true"].includes(String(form.get(name) ?? "").toLowerCase());
const text = (form: FormData, name: string, max = 200) => String(form.get(name) ?? "").trim().slice(0, max);

function withAnswered(answers: Answers, step: Step, changes: Partial<Answers>): Answers {
  const answered = answers.answered.includes(step) ? answers.answered : [...answers.answered, step];
  return { ...answers, ...changes, answered, unmetRecorded: false };
}

/** A child's age row as typed: a number and its unit. */
export interface ChildAgeInput {
  value: string;
  unit: "months" | "years";
}

/** How a stored age in months is shown back: months under two, whole years from two. */
export function childAgeInput(months: number): ChildAgeInput {
  return months < MONTHS_UNTIL ? { value: String(months), unit: "months" } : { value: String(Math.floor(months / 12)), unit: "years" };
}

export function parseChildAge(input: ChildAgeInput): number | FieldError | null {
  const raw = input.value.trim();
  if (raw === "") return null;
  if (!/^\d{1,3}$/.test(raw)) return "age-invalid";
  const value = Number(raw);
  if (input.unit === "months") return value < 36 ? value : "age-too-high";
  return value <= MAX_CHILD_AGE_YEARS ? value * 12 : "age-too-high";
}

/** Reads one step's form into the answers, or says what to fix. */
export function applyStep(step: Step, form: FormData, answers: Answers, pageRegion?: RegionCode): StepResult {
  switch (step) {
    case "safety": {
      const danger = text(form, "danger");
      if (danger !== "yes" && danger !== "no") return { ok: false, errors: { danger: "required" } };
      return { ok: true, answers: withAnswered(answers, step, {}), danger: danger === "yes" };
    }
    case "who": {
      const role = text(form, "role");
      if (!role) return { ok: false, errors: { role: "required" } };
      if (!(CAREGIVER_ROLES as readonly string[]).includes(role)) return { ok: false, errors: { role: "unknown-role" } };
      return { ok: true, answers: withAnswered(answers, step, { role: role as CaregiverRole }) };
    }
    case "children": {
      const values = form.getAll("age").map(String);
      const units = form.getAll("unit").map(String);
      const errors: Record<string, FieldError> = {};
      const ages: number[] = [];
      if (values.length > MAX_CHILDREN * 2) return { ok: false, errors: { children: "too-many-children" } };
      values.forEach((value, index) => {
        const unit = units[index] === "years" ? "years" : "months";
        const age = parseChildAge({ value, unit });
        if (typeof age === "number") ages.push(age);
        else if (age !== null) errors[`age-${index}`] = age;
      });
      if (ages.length > MAX_CHILDREN) errors.children = "too-many-children";
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      return { ok: true, answers: withAnswered(answers, step, { pregnant: checked(form, "pregnant"), childAgesMonths: ages }) };
    }
    case "place": {
      const lat = text(form, "lat", 20);
      const lng = text(form, "lng", 20);
      if (lat || lng) {
        const latitude = Number(lat);
        const longitude = Number(lng);
        if (!lat || !lng || !isValidLatLng(latitude, longitude)) return { ok: false, errors: { place: "coordinates-invalid" } };
        const region = regionAt(latitude, longitude);
        if (!region) return { ok: false, errors: { place: "place-outside" } };
        const near = nearestPlace(latitude, longitude);
        const place = { lat: round(latitude), lng: round(longitude), region, label: near?.name ?? `${round(latitude)}, ${round(longitude)}` };
        return { ok: true, answers: withAnswered(answers, step, { place }) };
      }
      // A suggestion button ("pick") wins over what stays typed in the box.
      const typed = text(form, "pick") || text(form, "place");
      if (!typed) return { ok: false, errors: { place: "required" } };
      const lookup = lookupPlace(typed, pageRegion);
      if (lookup.status !== "found") {
        return { ok: false, errors: { place: "place-not-found" }, suggestions: lookup.status === "not-found" ? lookup.suggestions : [] };
      }
      const found = lookup.place;
      return {
        ok: true,
        answers: withAnswered(answers, step, {
          place: { lat: round(found.lat), lng: round(found.lng), region: found.region, label: found.postalCode ?? found.name },
        }),
      };
    }
    case "needs": {
      const raw = form.getAll("need").map(String);
      const needs = [...new Set(raw.filter(isNeedCode))];
      if (raw.some((value) => !isNeedCode(value))) return { ok: false, errors: { needs: "need-unknown" } };
      if (needs.length === 0) return { ok: false, errors: { needs: "need-required" } };
      return { ok: true, answers: withAnswered(answers, step, { needs }) };
    }
    case "preferences": {
      const raw = form.getAll("language").map((value) => String(value).toLowerCase());
      if (raw.some((value) => !/^[a-z]{2,3}$/.test(value)) || raw.length > MAX_LANGUAGES * 3) {
        return { ok: false, errors: { languages: "language-invalid" } };
      }
      return {
        ok: true,
        answers: withAnswered(answers, step, {
          languages: [...new Set(raw)].slice(0, MAX_LANGUAGES),
          freeOnly: checked(form, "free"),
          eveningsOrWeekends: checked(form, "evenings"),
          noCar: checked(form, "noCar"),
        }),
      };
    }
  }
}

/** The first step the answers still lack: where a skipped or tampered journey is sent back to. */
export function firstMissingStep(answers: Answers): Step | null {
  for (const step of STEPS) {
    if (!answers.answered.includes(step)) return step;
    if (step === "who" && !answers.role) return step;
    if (step === "place" && !answers.place) return step;
    if (step === "needs" && answers.needs.length === 0) return step;
  }
  return null;
}

export function nextStep(step: Step): Step | null {
  return STEPS[STEPS.indexOf(step) + 1] ?? null;
}

/**
 * Answers read back from storage (cookie or share link): anything malformed is dropped field by
 * field, so a garbled cookie costs at most the garbled answers, never an error.
 */
export function sanitizeAnswers(value: unknown): Answers {
  if (!value || typeof value !== "object") return EMPTY_ANSWERS;
  const raw = value as Record<string, unknown>;
  const list = (input: unknown) => (Array.isArray(input) ? input : []);
  const place = raw.place as Record<string, unknown> | null | undefined;
  let cleanPlace: Answers["place"] = null;
  if (place && typeof place === "object") {
    const lat = Number(place.lat);
    const lng = Number(place.lng);
    const region = isValidLatLng(lat, lng) ? regionAt(lat, lng) : null;
    if (region) cleanPlace = { lat: round(lat), lng: round(lng), region, label: String(place.label ?? "").slice(0, 200) };
  }
  const answered = list(raw.answered).filter(isStep);
  return {
    answered: [...new Set(answered)],
    unmetRecorded: raw.unmetRecorded === true,
    role: (CAREGIVER_ROLES as readonly unknown[]).includes(raw.role) ? (raw.role as CaregiverRole) : null,
    pregnant: raw.pregnant === true,
    childAgesMonths: list(raw.childAgesMonths)
      .filter((age): age is number => Number.isInteger(age) && (age as number) >= 0 && (age as number) <= MAX_CHILD_AGE_YEARS * 12 + 11)
      .slice(0, MAX_CHILDREN),
    place: cleanPlace,
    needs: [...new Set(list(raw.needs).filter(isNeedCode))] as NeedCode[],
    languages: [...new Set(list(raw.languages).filter((code): code is string => typeof code === "string" && /^[a-z]{2,3}$/.test(code)))].slice(0, MAX_LANGUAGES),
    freeOnly: raw.freeOnly === true,
    eveningsOrWeekends: raw.eveningsOrWeekends === true,
    noCar: raw.noCar === true,
  };
}

/**
 * A link that reproduces the results and carries no personal data: needs, the place as a place name
 * or rounded coordinates, languages, practical limits, and age bands (not birthdays, not exact months).
 */
export function shareParams(answers: Answers): URLSearchParams {
  const params = new URLSearchParams();
  for (const need of answers.needs) params.append("need", need);
  if (answers.place) {
    params.set("place", answers.place.label);
    params.set("at", `${answers.place.lat.toFixed(2)},${answers.place.lng.toFixed(2)}`);
  }
  for (const language of answers.languages) params.append("language", language);
  for (const years of [...new Set(answers.childAgesMonths.map((months) => Math.floor(months / 12)))].sort((a, b) => a - b)) {
    params.append("age", String(years));
  }
  if (answers.pregnant) params.set("pregnant", "1");
  if (answers.freeOnly) params.set("free", "1");
  if (answers.eveningsOrWeekends) params.set("evenings", "1");
  if (answers.noCar) params.set("nocar", "1");
  return params;
}

/** The answers a shared link stands for, or null when the link has no needs (then it is not a share link). */
export function answersFromShareParams(params: URLSearchParams): Answers | null {
  const needs = [...new Set(params.getAll("need").filter(isNeedCode))];
  if (needs.length === 0) return null;
  const [lat, lng] = (params.get("at") ?? "").split(",").map(Number);
  let place: Answers["place"] = null;
  if (lat !== undefined && lng !== undefined && isValidLatLng(lat, lng)) {
    const region = regionAt(lat, lng);
    if (region) place = { lat, lng, region, label: (params.get("place") ?? "").slice(0, 200) };
  }
  if (!place) {
    const lookup = lookupPlace(params.get("place") ?? "");
    if (lookup.status === "found") {
      place = { lat: round(lookup.place.lat), lng: round(lookup.place.lng), region: lookup.place.region, label: lookup.place.name };
    }
  }
  return sanitizeAnswers({
    answered: [...STEPS],
    role: null,
    pregnant: params.get("pregnant") === "1",
    childAgesMonths: params
      .getAll("age")
      .map(Number)
      .filter((years) => Number.isInteger(years) && years >= 0 && years <= MAX_CHILD_AGE_YEARS)
      .map((years) => years * 12),
    place,
    needs,
    languages: params.getAll("language"),
    freeOnly: params.get("free") === "1",
    eveningsOrWeekends: params.get("evenings") === "1",
    noCar: params.get("nocar") === "1",
  });
}
