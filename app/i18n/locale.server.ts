import { data } from "react-router";
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from "./languages";

/** The language a request's path names ("/vi/search" → "vi"), or null. */
export function languageFromPath(pathname: string): Language | null {
  const first = pathname.split("/")[1];
  return isLanguage(first) ? first : null;
}

/** The best portal language for an Accept-Language header; English when nothing fits. */
export function languageFromAcceptLanguage(header: string | null): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const ranked = header
    .split(",")
    .map((part, position) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { base: tag.trim().toLowerCase().split("-")[0] ?? "", quality: Number.isFinite(quality) ? quality : 0, position };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.position - b.position);
  for (const entry of ranked) {
    if ((LANGUAGES as readonly string[]).includes(entry.base)) return entry.base as Language;
  }
  return DEFAULT_LANGUAGE;
}

/** The language of a page: the path's, else the browser's preference (for pages outside a language). */
export function requestLanguage({ request, url }: { request: Request; url: URL }): Language {
  return languageFromPath(url.pathname) ?? languageFromAcceptLanguage(request.headers.get("Accept-Language"));
}

/** For loaders under /:lang — a guard: an unknown language is a 404. */
export function requireLanguage(params: { lang?: string }): Language {
  if (!isLanguage(params.lang)) throw data(null, { status: 404 });
  return params.lang;
}
