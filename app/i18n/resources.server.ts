/**
 * The words, read from locales/<language>/<namespace>.json at build time. Only the server holds all
 * languages; a page ships only its own (root loader).
 */
import type { Resource, TFunction } from "i18next";
import { createI18n, NAMESPACES } from "./i18n";
import { LANGUAGES, type Language } from "./languages";

const files = import.meta.glob<Record<string, unknown>>("../../locales/*/*.json", { eager: true, import: "default" });

const RESOURCES: Resource = {};
for (const [file, content] of Object.entries(files)) {
  const match = /locales\/([a-z]+)\/([a-z-]+)\.json$/.exec(file);
  if (!match) continue;
  const [, language, namespace] = match as unknown as [string, string, string];
  (RESOURCES[language] ??= {})[namespace] = content;
}

export function resourcesFor(language: Language): Resource {
  return { [language]: RESOURCES[language] ?? {} };
}

const instances = new Map(LANGUAGES.map((language) => [language, createI18n(language, resourcesFor(language))]));

/** A translation function for server code (page titles, meta, messages built in loaders). */
export function serverT(language: Language): TFunction {
  return instances.get(language)!.t;
}

export { NAMESPACES };
