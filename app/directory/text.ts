/**
 * Directory text in the reader's language. A record is written in its source language; other
 * languages come from the translation table. When a field has no translation, the source text is
 * shown and marked, so the page can say so (and set lang= on it for screen readers).
 */
import type { Language } from "~/i18n/languages";

export interface LocalizedText {
  text: string;
  /** The language the text is actually in. */
  language: string;
  /** True when the reader's language was missing and the source text stands in. */
  fallback: boolean;
}

/** Translations of one record: language → field → value. */
export type TranslationMap = Map<string, Map<string, string>>;

export function localizedField(
  sourceText: string | null | undefined,
  sourceLanguage: string,
  field: string,
  translations: TranslationMap | undefined,
  reader: Language,
): LocalizedText | null {
  if (reader === sourceLanguage) return sourceText ? { text: sourceText, language: sourceLanguage, fallback: false } : null;
  const translated = translations?.get(reader)?.get(field);
  if (translated) return { text: translated, language: reader, fallback: false };
  return sourceText ? { text: sourceText, language: sourceLanguage, fallback: true } : null;
}
