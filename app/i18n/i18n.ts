/**
 * i18next instances, built from the same word bundles on both sides (app/i18n/words/): the server
 * renders with them and the browser hydrates with the very same, so the two never disagree.
 */
import i18next, { type Resource, type i18n } from "i18next";

export type { i18n };
import type { Language } from "./languages";

export const NAMESPACES = ["common", "home", "search", "service", "taxonomy", "questionnaire", "results"] as const;
export type Namespace = (typeof NAMESPACES)[number];

const instances = new WeakMap<Resource, i18n>();

/**
 * The instance for these resources. The server hands out one resources object per language
 * (resources.server.ts), so it builds each language's instance once, not once per request; an
 * instance never changes language (a language is a URL), so requests can share it.
 */
export function i18nFor(language: Language, resources: Resource): i18n {
  let instance = instances.get(resources);
  if (!instance) instances.set(resources, (instance = createI18n(language, resources)));
  return instance;
}

function createI18n(language: Language, resources: Resource): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: false,
    resources,
    ns: [...NAMESPACES],
    defaultNS: "common",
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}
