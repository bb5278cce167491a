/**
 * The words in the browser: one script per language (app/i18n/words/), with a hashed name so the
 * browser keeps it, loaded before hydration. They used to ride in every page's loader data, where
 * they were two thirds of the HTML and a good share of each page's rendering time on the server.
 */
import type { Resource, ResourceLanguage } from "i18next";
import type { Language } from "./languages";

const WORDS: Record<Language, () => Promise<{ default: ResourceLanguage }>> = {
  vi: () => import("./words/vi"),
  en: () => import("./words/en"),
  cs: () => import("./words/cs"),
};

export async function loadResources(language: Language): Promise<Resource> {
  return { [language]: (await WORDS[language]()).default };
}
