/**
 * Who a service is only for, where it takes one sex only: a mothers' group, a shelter for women and
 * children, a course for fathers. Most services have no such limit. The terms are Open Eligibility
 * v2.0's "Gender" situations; services carry them as HSDS attributes, as they carry needs.
 */
export const AUDIENCES = ["women", "men"] as const;
export type Audience = (typeof AUDIENCES)[number];

export function isAudience(value: unknown): value is Audience {
  return typeof value === "string" && (AUDIENCES as readonly string[]).includes(value);
}

/**
 * The taxonomy's identity in the database (HSDS taxonomy.id) and its term ids. The rows come with
 * the schema (db/migrations/0007_audiences.sql: Open Eligibility v2.0 situations 20036 Women and
 * 20037 Men, ../shared/reference/open-eligibility).
 */
export const AUDIENCES_TAXONOMY_ID = "open-eligibility-gender";
export const audienceTermId = (audience: Audience) => `${AUDIENCES_TAXONOMY_ID}:${audience}`;

/** Who a service is only for, from the audience codes it carries: one sex named alone; null when it names none or both. */
export function onlyAudience(codes: readonly string[]): Audience | null {
  const named = new Set(codes.filter(isAudience));
  return named.size === 1 ? [...named][0]! : null;
}
