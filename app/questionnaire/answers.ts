/**
 * The needs questionnaire as data: its steps and the answers. Pure, and light enough for the browser;
 * reading a step's form (which needs the gazetteer) is in steps.server.ts.
 */
import { isValidLatLng } from "~/geo/distance";
import { isLanguageCode } from "~/i18n/languages";
import { CAREGIVER_ROLES, type CaregiverRole, type FamilyAnswers } from "~/matching/types";
import { regionAt } from "~/geo/region-at";
import { isRegionCode, type RegionCode } from "~/regions";
import { isNeedCode, type NeedCode } from "~/taxonomy/needs";

export const STEPS = ["safety", "who", "children", "place", "needs", "preferences"] as const;
export type Step = (typeof STEPS)[number];

export function isStep(value: unknown): value is Step {
  return typeof value === "string" && (STEPS as readonly string[]).includes(value);
}

export const MAX_CHILDREN = 8;
/** Ages under two are asked in months. */
export const MONTHS_UNTIL = 24;
export const MAX_CHILD_AGE_YEARS = 17;
export const MAX_LANGUAGES = 6;
/** Coordinates are kept to 3 decimals (≈ 100 m): enough to find services, not enough to find a home. */
const COORDINATE_DECIMALS = 3;

/** The family's answers as the questionnaire keeps them: the matching input plus what the steps need. */
export interface Answers extends FamilyAnswers {
  /** Steps the family has answered, so a skipped one can be found. */
  answered: Step[];
  /**
   * The gaps this family is counted in already, as "region:need": each is counted once, however
   * often the family saves its answers or asks for results (see unmetToRecord).
   */
  unmetRecorded: string[];
}

export const EMPTY_ANSWERS: Answers = {
  answered: [],
  unmetRecorded: [],
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
  | "place-required"
  | "place-not-found"
  | "place-outside"
  | "coordinates-invalid"
  | "need-required"
  | "need-unknown"
  | "language-invalid"
  | "too-many-languages";


export const roundCoordinate = (value: number) => Number(value.toFixed(COORDINATE_DECIMALS));
/** A shared link's coordinates, to 2 decimals (≈ 1 km): it travels further than the family's own page. */
export const shareCoordinate = (value: number) => value.toFixed(2);

export function withAnswered(answers: Answers, step: Step, changes: Partial<Answers>): Answers {
  const answered = answers.answered.includes(step) ? answers.answered : [...answers.answered, step];
  return { ...answers, ...changes, answered };
}

/** How a gap a family is counted in is kept in its answers. */
const unmetKey = (region: RegionCode, need: NeedCode) => `${region}:${need}`;

function isUnmetKey(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const [region, need, ...rest] = value.split(":");
  return rest.length === 0 && isRegionCode(region) && isNeedCode(need);
}

/**
 * Of the needs the family's results leave unmet in its region, those not counted for this family
 * yet: a gap report counts families, so saving the same answers again, or pressing "show results"
 * twice, counts nobody twice. A need that becomes unmet later (other needs, another place) is new.
 */
export function unmetToRecord(answers: Answers, region: RegionCode, unmetNeeds: readonly NeedCode[]): { needs: NeedCode[]; answers: Answers } {
  const needs = unmetNeeds.filter((need) => !answers.unmetRecorded.includes(unmetKey(region, need)));
  return { needs, answers: { ...answers, unmetRecorded: [...answers.unmetRecorded, ...needs.map((need) => unmetKey(region, need))] } };
}

/** A child's age row as typed: a number and its unit. */
export interface ChildAgeInput {
  value: string;
  unit: "months" | "years";
}

/** An age may be typed in months below this (a toddler of 30 months); from it on, in years. */
const MAX_MONTHS_TYPED = 36;

/**
 * How a stored age in months is shown back: months under two, whole years from two. Exactly one
 * year reads "1 year", as a parent who answered "1 year" said it, not "12 months". An age from two
 * that is not a whole number of years was typed in months ("30 months"), and is shown so: as
 * "2 years" it would become 24 months the next time the screen is saved.
 */
export function childAgeInput(months: number): ChildAgeInput {
  const inMonths = (months < MONTHS_UNTIL && months !== 12) || (months < MAX_MONTHS_TYPED && months % 12 !== 0);
  return inMonths ? { value: String(months), unit: "months" } : { value: String(Math.floor(months / 12)), unit: "years" };
}

/**
 * A step's form as its screen fills it in. From the saved answers (answerValues) or, after an error
 * or "add another child", exactly as it was sent (steps.server.ts), so the screen never shows a saved
 * answer in place of one the family just changed.
 */
export interface StepValues {
  danger: string;
  role: string;
  pregnant: boolean;
  age: string[];
  unit: string[];
  place: string;
  need: string[];
  language: string[];
  free: boolean;
  evenings: boolean;
  noCar: boolean;
}

/** The saved answers as the steps' forms show them; before preferences are answered, the page's language is ticked. */
export function answerValues(answers: Answers, pageLanguage: string): StepValues {
  const ages = answers.childAgesMonths.map(childAgeInput);
  return {
    danger: answers.answered.includes("safety") ? "no" : "",
    role: answers.role ?? "",
    pregnant: answers.pregnant,
    age: ages.map((age) => age.value),
    unit: ages.map((age) => age.unit),
    place: answers.place?.label ?? "",
    need: answers.needs,
    language: answers.answered.includes("preferences") ? answers.languages : [pageLanguage],
    free: answers.freeOnly,
    evenings: answers.eveningsOrWeekends,
    noCar: answers.noCar,
  };
}

export function parseChildAge(input: ChildAgeInput): number | FieldError | null {
  const raw = input.value.trim();
  if (raw === "") return null;
  if (!/^\d{1,3}$/.test(raw)) return "age-invalid";
  const value = Number(raw);
  if (input.unit === "months") return value < MAX_MONTHS_TYPED ? value : "age-too-high";
  return value <= MAX_CHILD_AGE_YEARS ? value * 12 : "age-too-high";
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
    if (region) cleanPlace = { lat: roundCoordinate(lat), lng: roundCoordinate(lng), region, label: String(place.label ?? "").slice(0, 200) };
  }
  const answered = list(raw.answered).filter(isStep);
  const needs = [...new Set(list(raw.needs).filter(isNeedCode))] as NeedCode[];
  // A cookie written before gaps were kept one by one says `true`: its answers' needs, in its region, were counted.
  const unmetRecorded =
    raw.unmetRecorded === true
      ? cleanPlace
        ? needs.map((need) => unmetKey(cleanPlace.region, need))
        : []
      : [...new Set(list(raw.unmetRecorded).filter(isUnmetKey))];
  return {
    answered: [...new Set(answered)],
    unmetRecorded,
    role: (CAREGIVER_ROLES as readonly unknown[]).includes(raw.role) ? (raw.role as CaregiverRole) : null,
    pregnant: raw.pregnant === true,
    childAgesMonths: list(raw.childAgesMonths)
      .filter((age): age is number => Number.isInteger(age) && (age as number) >= 0 && (age as number) <= MAX_CHILD_AGE_YEARS * 12 + 11)
      .slice(0, MAX_CHILDREN),
    place: cleanPlace,
    needs,
    languages: [...new Set(list(raw.languages).filter(isLanguageCode))].slice(0, MAX_LANGUAGES),
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
  // Who asks decides which services for one sex only come back: without it a father's link shows
  // whoever opens it the mothers' groups his own page left out.
  if (answers.role) params.set("role", answers.role);
  if (answers.place) {
    params.set("place", answers.place.label);
    params.set("at", `${shareCoordinate(answers.place.lat)},${shareCoordinate(answers.place.lng)}`);
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
