/** The portal's languages, in the order the switcher shows them. */
export const LANGUAGES = ["vi", "en", "cs"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** Text written once per portal language. */
export type Localized = Record<Language, string>;

/** The primary subtag of a BCP 47 code, lower-cased: "vi-VN" → "vi". Languages match on it. */
export function primarySubtag(code: string): string {
  return code.trim().toLowerCase().split(/[-_]/, 1)[0]!;
}
