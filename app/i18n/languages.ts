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

/** Codes that name no language a family speaks: several, none, undetermined, uncoded. */
const NOT_A_LANGUAGE = new Set(["mul", "zxx", "und", "mis"]);
let languageNames: Intl.DisplayNames | undefined;
/** Answers so far: asking the language data costs more than the rest of a cookie's check (at most 26² + 26³ codes). */
const knownCodes = new Map<string, boolean>();

/**
 * A two- or three-letter code of a real language, one the browser's and server's language data can
 * name ("vi", "km", "hmn"), not a made-up one ("zz", "qqq"): what a family may say it speaks.
 */
export function isLanguageCode(value: unknown): value is string {
  if (typeof value !== "string" || !/^[a-z]{2,3}$/.test(value) || NOT_A_LANGUAGE.has(value)) return false;
  let known = knownCodes.get(value);
  if (known === undefined) {
    languageNames ??= new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
    knownCodes.set(value, (known = languageNames.of(value) !== undefined));
  }
  return known;
}
