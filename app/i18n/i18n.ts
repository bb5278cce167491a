/**
 * One i18next instance per render, built from the resources the root loader sent: the server
 * renders with them and the browser hydrates with the very same, so the two never disagree.
 */
import i18next, { type Resource, type i18n } from "i18next";
import type { Language } from "./languages";

export const NAMESPACES = ["common", "home", "search", "service", "taxonomy", "questionnaire", "results"] as const;
export type Namespace = (typeof NAMESPACES)[number];

export function createI18n(language: Language, resources: Resource): i18n {
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
