/**
 * The project's own needs taxonomy. Codes are stable (stored, and used in URLs);
 * names and descriptions live in locales/<lang>/taxonomy.json under the code.
 * `openEligibility` names the closest Open Eligibility v2 term, where one fits.
 */
export const NEED_CODES = [
  "pregnancy",
  "child-health",
  "development",
  "parenting",
  "fathers",
  "childcare",
  "food",
  "housing",
  "income",
  "jobs-education",
  "mental-health",
  "family-safety",
  "child-protection",
  "legal-immigration",
  "disability",
  "transportation",
] as const;
export type NeedCode = (typeof NEED_CODES)[number];

export function isNeedCode(value: unknown): value is NeedCode {
  return typeof value === "string" && (NEED_CODES as readonly string[]).includes(value);
}

/** Closest Open Eligibility v2.0 term (id and title, ../shared/reference/open-eligibility), or null where none fits. */
export const OPEN_ELIGIBILITY: Record<NeedCode, { id: string; title: string } | null> = {
  pregnancy: { id: "1217", title: "Maternity Care" },
  "child-health": { id: "1206", title: "Medical Care" },
  development: { id: "1211", title: "Disability Screening" },
  parenting: { id: "1195", title: "Parenting Education" },
  // Open Eligibility has no term for fathers; "Parenting Education" would hide what the term is for.
  fathers: null,
  childcare: { id: "1280", title: "Childcare" },
  food: { id: "1102", title: "Food" },
  housing: { id: "1103", title: "Housing" },
  income: { id: "1256", title: "Government Benefits" },
  "jobs-education": { id: "1110", title: "Work" },
  "mental-health": { id: "1220", title: "Counseling" },
  "family-safety": { id: "1123", title: "Immediate Safety" },
  "child-protection": { id: "1271", title: "Adoption & Foster Care" },
  "legal-immigration": { id: "1111", title: "Legal" },
  disability: { id: "1197", title: "Understand Disability" },
  transportation: { id: "1175", title: "Transportation" },
};

/** The taxonomy's identity in the database (HSDS taxonomy.id) and its term ids, stable across seeds. */
export const NEEDS_TAXONOMY_ID = "family-navigator-needs";
export const needTermId = (code: NeedCode) => `${NEEDS_TAXONOMY_ID}:${code}`;
