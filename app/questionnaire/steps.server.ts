/**
 * Reading the questionnaire's forms: each step's form on its own, so a step can be answered, changed
 * from the summary, or reached by a tampered request, and every problem comes back as an error code
 * for that field — never an exception — with what the family typed kept. Server-only because it
 * resolves places with the gazetteer, which is too big to send to phones.
 */
import { lookupPlace, nearestPlace, type Place } from "~/geo/gazetteer";
import { distanceKm, isValidLatLng } from "~/geo/distance";
import { isLanguageCode } from "~/i18n/languages";
import { CAREGIVER_ROLES, type CaregiverRole } from "~/matching/types";
import { regionAt } from "~/geo/region-at";
import type { RegionCode } from "~/regions";
import { NEED_CODES, isNeedCode } from "~/taxonomy/needs";
import {
  MAX_CHILDREN,
  MAX_CHILD_AGE_YEARS,
  MAX_LANGUAGES,
  STEPS,
  parseChildAge,
  roundCoordinate as round,
  shareCoordinate,
  sanitizeAnswers,
  withAnswered,
  type Answers,
  type FieldError,
  type Step,
  type StepValues,
} from "./answers";

export type StepResult =
  | { ok: true; answers: Answers; danger?: boolean; suggestions?: never }
  | { ok: false; errors: Record<string, FieldError>; suggestions?: Place[] };

const checked = (form: FormData, name: string) => ["1", "on", "yes", "true"].includes(String(form.get(name) ?? "").toLowerCase());
const text = (form: FormData, name: string, max = 200) => String(form.get(name) ?? "").trim().slice(0, max);
/** A repeated field as sent, cut to what its screen can show: a flooded form is not echoed back whole. */
const texts = (form: FormData, name: string, count: number) => form.getAll(name).slice(0, count).map((value) => String(value).slice(0, 20));

/** Any step's form as it was sent, for its screen to show again: nothing typed or ticked is lost. */
export function formValues(form: FormData): StepValues {
  return {
    danger: text(form, "danger", 20),
    role: text(form, "role", 20),
    pregnant: checked(form, "pregnant"),
    age: texts(form, "age", MAX_CHILDREN),
    unit: texts(form, "unit", MAX_CHILDREN),
    place: String(form.get("place") ?? "").slice(0, 200),
    need: texts(form, "need", NEED_CODES.length),
    language: texts(form, "language", MAX_LANGUAGES * 3),
    free: checked(form, "free"),
    evenings: checked(form, "evenings"),
    noCar: checked(form, "noCar"),
  };
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
      if (!typed) return { ok: false, errors: { place: "place-required" } };
      const lookup = lookupPlace(typed, pageRegion);
      if (lookup.status === "outside") return { ok: false, errors: { place: "place-outside" } };
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
      if (raw.some((value) => !isLanguageCode(value)) || raw.length > MAX_LANGUAGES * 3) {
        return { ok: false, errors: { languages: "language-invalid" } };
      }
      // The screen offers more languages than an answer keeps: the family chooses, not the order of the boxes.
      if (new Set(raw).size > MAX_LANGUAGES) return { ok: false, errors: { languages: "too-many-languages" } };
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

/** How far from a shared link's coordinates the place it names may lie (its point is rounded, and a town is wide). */
const LABEL_WITHIN_KM = 10;

/**
 * The place a shared link stands for. Its name is the one it carries when the gazetteer puts that
 * place at the link's coordinates, otherwise the nearest known place: anyone can write a link, and
 * the page says "Near …" with whatever it holds. Where the link's coordinates are exactly the named
 * place's, rounded as links round them (shareParams), it is that place, at its own point: the
 * family typed it, and their results come back to the metre. A spot tapped on a map keeps the
 * link's rounded point.
 */
function placeNear(named: string, lat: number, lng: number, region: RegionCode): NonNullable<Answers["place"]> {
  const lookup = named ? lookupPlace(named.slice(0, 200), region) : null;
  if (lookup?.status === "found" && distanceKm(lookup.place, { lat, lng }) <= LABEL_WITHIN_KM) {
    const label = lookup.place.postalCode ?? lookup.place.name;
    // The point as the family's answers keep it, which the link then rounds again.
    const kept = { lat: round(lookup.place.lat), lng: round(lookup.place.lng) };
    const typed = Number(shareCoordinate(kept.lat)) === lat && Number(shareCoordinate(kept.lng)) === lng;
    return typed ? { ...kept, region, label } : { lat, lng, region, label };
  }
  return { lat, lng, region, label: nearestPlace(lat, lng)?.name ?? `${lat}, ${lng}` };
}

/** A part of a shared link that could not be read and was left out of its answers. */
export type SetAsidePart = "need" | "age" | "language" | "role";

/**
 * What a shared link held that its answers (answersFromShareParams) do not: a topic, an age or a
 * language that was unknown, impossible or one too many. The page says so instead of quietly
 * showing results for less than the link asked.
 */
export function setAsideFromLink(params: URLSearchParams, answers: Answers): SetAsidePart[] {
  const distinct = (name: string) => new Set(params.getAll(name)).size;
  const parts: SetAsidePart[] = [];
  if (answers.needs.length < distinct("need")) parts.push("need");
  // Two children may be the same age: every age given counts.
  if (answers.childAgesMonths.length < params.getAll("age").length) parts.push("age");
  if (answers.languages.length < distinct("language")) parts.push("language");
  if (params.has("role") && answers.role === null) parts.push("role");
  return parts;
}

/** The shared link's coordinates, when they are a point on Earth at all (a link cut short after the comma is none: not 0). */
function linkPoint(params: URLSearchParams): { lat: number; lng: number } | null {
  const parts = (params.get("at") ?? "").split(",");
  if (parts.length !== 2 || parts.some((part) => part.trim() === "")) return null;
  const [lat, lng] = parts.map(Number) as [number, number];
  return isValidLatLng(lat, lng) ? { lat, lng } : null;
}

/**
 * A shared link whose place lies beyond every region served: a town it names there (Praha,
 * Anaheim), or, naming none we know, its coordinates (a spot in Paris).
 */
export function linkPlaceOutside(params: URLSearchParams): boolean {
  const lookup = lookupPlace(params.get("place") ?? "");
  if (lookup.status === "outside") return true;
  const point = linkPoint(params);
  return lookup.status !== "found" && point !== null && regionAt(point.lat, point.lng) === null;
}

/** The answers a shared link stands for, or null when the link has no needs (then it is not a share link). */
export function answersFromShareParams(params: URLSearchParams): Answers | null {
  const needs = [...new Set(params.getAll("need").filter(isNeedCode))];
  if (needs.length === 0) return null;
  const point = linkPoint(params);
  let place: Answers["place"] = null;
  if (point) {
    const region = regionAt(point.lat, point.lng);
    if (region) place = placeNear(params.get("place") ?? "", point.lat, point.lng, region);
  }
  if (!place) {
    const lookup = lookupPlace(params.get("place") ?? "");
    if (lookup.status === "found") {
      place = { lat: round(lookup.place.lat), lng: round(lookup.place.lng), region: lookup.place.region, label: lookup.place.name };
    }
  }
  const answers = sanitizeAnswers({
    answered: [...STEPS],
    role: params.get("role"),
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
  // A link carries whole years, never a baby's months: matching counts each as any month of its year.
  return { ...answers, agesInYears: true };
}
