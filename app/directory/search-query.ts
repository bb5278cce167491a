/**
 * Reading a search from its URL, and turning the words a family typed into a safe FTS5 query.
 * Pure: no database. Anything malformed is dropped with a notice, never an error.
 */
import { isLanguageCode } from "~/i18n/languages";
import { isNeedCode, type NeedCode } from "~/taxonomy/needs";
import { fold } from "~/text/fold";

export const MAX_QUERY_LENGTH = 200;
const MAX_TOKENS = 8;
const MAX_TOKEN_LENGTH = 40;
export const MAX_AGE_YEARS = 18;
export const PAGE_SIZE = 20;
export const MAX_PAGE = 500;

export interface SearchQuery {
  text: string;
  needs: NeedCode[];
  /** A BCP 47 primary language code the service must speak. */
  spokenLanguage: string | null;
  /** The child's age in whole years. */
  age: number | null;
  freeOnly: boolean;
  openNow: boolean;
  /** A postal code or place name, resolved by the gazetteer. */
  place: string;
  page: number;
}

export type SearchNotice = "text-shortened" | "need-unknown" | "age-invalid" | "language-invalid" | "page-invalid";

export const EMPTY_SEARCH: SearchQuery = {
  text: "",
  needs: [],
  spokenLanguage: null,
  age: null,
  freeOnly: false,
  openNow: false,
  place: "",
  page: 1,
};

const isChecked = (value: string | null) => value !== null && ["1", "on", "true", "yes"].includes(value.toLowerCase());

export function parseSearchParams(params: URLSearchParams): { query: SearchQuery; notices: SearchNotice[] } {
  const notices = new Set<SearchNotice>();

  let text = (params.get("q") ?? "").replace(/\s+/g, " ").trim();
  if (text.length > MAX_QUERY_LENGTH) {
    text = text.slice(0, MAX_QUERY_LENGTH);
    notices.add("text-shortened");
  }

  const needs: NeedCode[] = [];
  for (const value of params.getAll("need")) {
    if (value === "") continue;
    if (isNeedCode(value)) {
      if (!needs.includes(value)) needs.push(value);
    } else notices.add("need-unknown");
  }

  let spokenLanguage: string | null = null;
  const rawLanguage = (params.get("language") ?? "").trim().toLowerCase();
  if (rawLanguage) {
    if (isLanguageCode(rawLanguage)) spokenLanguage = rawLanguage;
    else notices.add("language-invalid");
  }

  let age: number | null = null;
  const rawAge = (params.get("age") ?? "").trim();
  if (rawAge) {
    const value = Number(rawAge);
    if (Number.isInteger(value) && value >= 0 && value <= MAX_AGE_YEARS) age = value;
    else notices.add("age-invalid");
  }

  let page = 1;
  const rawPage = (params.get("page") ?? "").trim();
  if (rawPage) {
    const value = Number(rawPage);
    if (Number.isInteger(value) && value >= 1 && value <= MAX_PAGE) page = value;
    else notices.add("page-invalid");
  }

  const place = (params.get("place") ?? "").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH);

  return {
    query: {
      text,
      needs,
      spokenLanguage,
      age,
      freeOnly: isChecked(params.get("free")),
      openNow: isChecked(params.get("open")),
      place,
      page,
    },
    notices: [...notices],
  };
}

/** The URL query of a search, for links (pagination, suggestions, language switch). */
export function searchParamsOf(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.text) params.set("q", query.text);
  for (const need of query.needs) params.append("need", need);
  if (query.spokenLanguage) params.set("language", query.spokenLanguage);
  if (query.age !== null) params.set("age", String(query.age));
  if (query.freeOnly) params.set("free", "1");
  if (query.openNow) params.set("open", "1");
  if (query.place) params.set("place", query.place);
  if (query.page > 1) params.set("page", String(query.page));
  return params;
}

/**
 * An FTS5 MATCH expression for what was typed, or null when nothing searchable is left.
 * Words are folded (diacritics, đ) like the index, and each is quoted, so FTS syntax typed by a
 * user (`"`, `*`, `AND(`, `NEAR`, `-`, `:`) is searched as plain words, never interpreted.
 * Words of three letters or more also match as prefixes ("porad" finds "poradna").
 */
export function buildFtsQuery(text: string): string | null {
  const tokens = fold(text.slice(0, MAX_QUERY_LENGTH))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0)
    .slice(0, MAX_TOKENS)
    .map((token) => token.slice(0, MAX_TOKEN_LENGTH));
  if (tokens.length === 0) return null;
  return tokens.map((token) => (token.length >= 3 ? `"${token}"*` : `"${token}"`)).join(" ");
}
