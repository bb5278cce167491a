import { useContext } from "react";
import { I18nContext } from "react-i18next";
import type { TFunction, i18n } from "i18next";
import type { Namespace } from "./i18n";

/**
 * The translation function for a namespace: the one way components get words.
 *
 * Why not react-i18next's useTranslation: it copies the whole i18next instance for every component
 * that calls it during a server render (it cannot keep the copy between renders there), and its
 * fixed t copies every i18next option on each call: together the largest cost of rendering a
 * results page. Our instances never change language (a language is a URL), so one fixed function
 * per instance and namespace serves every component.
 */
export function useT(namespace: Namespace = "common"): TFunction {
  const instance = useContext(I18nContext)?.i18n;
  if (!instance) throw new Error("useT needs the I18nextProvider from root.tsx");
  return translator(instance, namespace);
}

const translators = new WeakMap<i18n, Map<string, TFunction>>();

/** The instance's translation function for a namespace, built once. */
export function translator(instance: i18n, namespace: Namespace): TFunction {
  let byNamespace = translators.get(instance);
  if (!byNamespace) translators.set(instance, (byNamespace = new Map()));
  let t = byNamespace.get(namespace);
  if (!t) byNamespace.set(namespace, (t = withNamespace(instance, namespace)));
  return t;
}

/** Options that change which words i18next picks (or how): calls with them take i18next's whole way. */
const CHOOSING_OPTIONS = new Set(["context", "ordinal", "defaultValue", "returnObjects", "lng", "lngs", "ns", "replace", "interpolation", "postProcess", "nest", "fallbackLng", "keySeparator", "nsSeparator"]);

/**
 * Words with values to fill in, looked up once: the words, and the same cut at their placeholders
 * ("{{distance}} away" → ["", "distance", " away"]: words at even places, names at odd ones), or
 * null when a placeholder does more than name a value (a format, "{{- raw}}", a path).
 */
interface Template {
  words: string;
  parts: string[] | null;
}

function partsOf(words: string): string[] | null {
  const parts = words.split(/\{\{(.*?)\}\}/);
  for (let n = 0; n < parts.length; n++) {
    if (n % 2 === 0) {
      if (parts[n]!.includes("{{")) return null;
    } else {
      const name = parts[n]!.trim();
      if (!/^\w+$/.test(name)) return null;
      parts[n] = name;
    }
  }
  return parts;
}

/**
 * Like getFixedT(null, namespace), with the work i18next repeats on every call done once. A key
 * asked without options always gives the same words (the instance never changes), so those are
 * looked up once: a page asks for the same labels many times. A key asked with values to fill in
 * ("{{distance}} away") is looked up and cut at its placeholders once, and then only the values are
 * joined in. Placeholders that do more than name a value, and values that hold a placeholder
 * themselves, go through i18next's own interpolator. A count picks the plural form as i18next does
 * (its "_zero" form for 0 first, then the form its plural rules name, then the key itself), in the
 * instance's language; contexts, nesting ($t(…)), words only in the fallback language and missing
 * words go through i18next's t. (A test holds this to i18next's own t for every key.)
 */
function withNamespace(instance: i18n, namespace: Namespace): TFunction {
  const plain = new Map<string, string>();
  /** Per key, its template; null for those left to i18next. */
  const templates = new Map<string, Template | null>();
  const wordsOf = (key: string): unknown => {
    const colon = key.indexOf(":");
    return instance.getResource(instance.language, colon < 0 ? namespace : key.slice(0, colon), colon < 0 ? key : key.slice(colon + 1));
  };
  const templateOf = (key: string): Template | null => {
    let template = templates.get(key);
    if (template === undefined) {
      const words = wordsOf(key);
      // Words that nest others (i18next's default "$t(…)") are left to i18next.
      templates.set(key, (template = typeof words === "string" && !/\$t\(/.test(words) ? { words, parts: partsOf(words) } : null));
    }
    return template;
  };
  /** Per key and plural form, the key whose words that count takes; null when the language has none. */
  const pluralKeys = new Map<string, string | null>();
  /** Per count, its plural suffix ("_one", "_few", …): Intl.PluralRules is asked once per count. */
  const suffixes = new Map<number, string>();
  const suffixOf = (count: number): string => {
    let suffix = suffixes.get(count);
    if (suffix === undefined) {
      suffix = instance.services.pluralResolver.getSuffix(instance.language, count) as string;
      // Counts on pages are small numbers; an unusual one is asked of the rules each time.
      if (suffixes.size < 1000) suffixes.set(count, suffix);
    }
    return suffix;
  };
  const pluralKeyOf = (key: string, count: number): string | null => {
    const suffix = suffixOf(count);
    const form = count === 0 ? `${suffix}|zero` : suffix;
    let found = pluralKeys.get(key + form);
    if (found === undefined) {
      const candidates = count === 0 ? [`${key}_zero`, key + suffix, key] : [key + suffix, key];
      found = candidates.find((candidate) => typeof wordsOf(candidate) === "string") ?? null;
      pluralKeys.set(key + form, found);
    }
    return found;
  };
  const slow = (key: string | string[], options?: Record<string, unknown>) => instance.t(key, { ...options, ns: namespace });
  const interpolated = (words: string, options: Record<string, unknown>) => instance.services.interpolator.interpolate(words, options, instance.language, options);
  const t = (key: string | string[], options?: Record<string, unknown>) => {
    if (typeof key !== "string") return slow(key, options);
    if (options === undefined) {
      let words = plain.get(key);
      if (words === undefined) plain.set(key, (words = slow(key)));
      return words;
    }
    for (const name in options) if (CHOOSING_OPTIONS.has(name)) return slow(key, options);
    let wordsKey: string | null = key;
    if (options.count !== undefined) {
      if (typeof options.count !== "number") return slow(key, options);
      wordsKey = pluralKeyOf(key, options.count);
      if (wordsKey === null) return slow(key, options);
    }
    const template = templateOf(wordsKey);
    if (template === null) return slow(key, options);
    const { words, parts } = template;
    if (parts === null) return interpolated(words, options);
    let filled = parts[0]!;
    for (let n = 1; n < parts.length; n += 2) {
      const value = options[parts[n]!];
      if (typeof value === "number") filled += String(value);
      else if (typeof value === "string" && !value.includes("{{")) filled += value;
      else return interpolated(words, options);
      filled += parts[n + 1]!;
    }
    return filled;
  };
  return t as unknown as TFunction;
}
