import { useRouteLoaderData } from "react-router";
import type { loader as rootLoader } from "~/root";
import { DEFAULT_LANGUAGE, type Language } from "./languages";

/** The page's language, as the root loader decided it. The one way components read the locale. */
export function useLanguage(): Language {
  return useRouteLoaderData<typeof rootLoader>("root")?.language ?? DEFAULT_LANGUAGE;
}

/** Links inside the current language: localePath("vi", "/search") → "/vi/search". */
export function localePath(language: Language, path = ""): string {
  return `/${language}${path}`;
}
