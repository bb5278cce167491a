import type { ResourceLanguage } from "i18next";

/** Files of one language (locales/<language>/<namespace>.json, as import.meta.glob gives them) by namespace. */
export function byNamespace(files: Record<string, unknown>): ResourceLanguage {
  const bundle: ResourceLanguage = {};
  for (const [file, content] of Object.entries(files)) {
    const namespace = /([a-z-]+)\.json$/.exec(file)?.[1];
    if (namespace) bundle[namespace] = content as ResourceLanguage[string];
  }
  return bundle;
}
