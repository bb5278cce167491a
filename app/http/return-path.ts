/**
 * Where a service page leads back to: the results or the search the family opened it from.
 *
 * The list page puts its own path in the service link (`?from=`), so the way back works without
 * JavaScript and keeps what the list showed — a shared link's answers, a search's words and
 * filters. Those are already in the list's own address and carry nothing personal (a family's own
 * results live in a cookie: their path is just `/vi/results`). Only our two list pages are accepted,
 * so the parameter cannot send anyone elsewhere.
 */
import { LANGUAGES, type Language } from "~/i18n/languages";

export type ReturnPage = "results" | "search";

export interface ReturnPath {
  page: ReturnPage;
  path: string;
}

/** Longer than any address our forms make; anything longer was not made by them. */
const MAX_LENGTH = 2000;

const LIST_PAGE = new RegExp(`^/(?:${LANGUAGES.join("|")})/(results|search)$`);

/**
 * The list page to go back to, in the page's language (the family may have switched since), or
 * null when `from` is missing or not one of our list pages.
 */
export function returnPathOf(from: string | null, language: Language): ReturnPath | null {
  if (!from || from.length > MAX_LENGTH || !from.startsWith("/") || from.startsWith("//") || from.includes("\\")) return null;
  let url: URL;
  try {
    url = new URL(from, "http://return.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "http://return.invalid") return null;
  const page = LIST_PAGE.exec(url.pathname)?.[1] as ReturnPage | undefined;
  if (!page) return null;
  // Back to the very card the family opened, not to the top of a long list.
  const anchor = RESULT_ANCHOR.test(url.hash) ? url.hash : "";
  return { page, path: `/${language}/${page}${url.search}${anchor}` };
}

const RESULT_ANCHOR = /^#result-[a-z0-9-]{1,120}$/i;

/** The id of a result's card on a list page, which the way back from its service page returns to. */
export function resultAnchor(...parts: string[]): string {
  return `result-${parts.join("-")}`;
}

/**
 * A service page's address that leads back to the list page at `from` (its path and query), at the
 * card `anchor` (resultAnchor) when given.
 */
export function serviceHref(language: Language, serviceId: string, from: string, anchor?: string): string {
  return `/${language}/services/${serviceId}?${new URLSearchParams({ from: anchor ? `${from}#${anchor}` : from })}`;
}
