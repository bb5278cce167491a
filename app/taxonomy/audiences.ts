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

/** Open Eligibility v2.0 situation ids (../shared/reference/open-eligibility): Gender › Women, Men. */
export const AUDIENCE_OPEN_ELIGIBILITY: Record<Audience, { id: string; title: string }> = {
  women: { id: "20036", title: "Women" },
  men: { id: "20037", title: "Men" },
};

/** The taxonomy's identity in the database (HSDS taxonomy.id) and its term ids, stable across seeds. */
export const AUDIENCES_TAXONOMY_ID = "open-eligibility-gender";
export const audienceTermId = (audience: Audience) => `${AUDIENCES_TAXONOMY_ID}:${audience}`;
