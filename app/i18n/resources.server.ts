/**
 * The words on the server: every language, from the same bundles the browser loads
 * (app/i18n/words/). Pages render with them; the browser fetches its page's language itself
 * (resources.client.ts), so words never travel inside a page's HTML.
 */
import type { Resource, TFunction } from "i18next";
import { i18nFor, type i18n } from "./i18n";
import { translator } from "./use-t";
import type { Language } from "./languages";
import cs from "./words/cs";
import en from "./words/en";
import vi from "./words/vi";

const BY_LANGUAGE: Record<Language, Resource> = { vi: { vi }, en: { en }, cs: { cs } };

/** One language's words; the same object every time, so its i18next instance is built once (i18nFor). */
export function resourcesFor(language: Language): Resource {
  return BY_LANGUAGE[language];
}

/** The i18next instance pages render with on the server (entry.server.tsx). */
export function serverI18n(language: Language): i18n {
  return i18nFor(language, resourcesFor(language));
}

/**
 * A translation function for server code (page titles, meta, messages built in loaders): the same
 * fixed function components get (use-t.ts), so loaders too skip i18next's per-call work.
 */
export function serverT(language: Language): TFunction {
  return translator(serverI18n(language), "common");
}
