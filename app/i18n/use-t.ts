import { useContext } from "react";
import { I18nContext } from "react-i18next";
import type { TFunction, i18n } from "i18next";
import type { Namespace } from "./i18n";

const translators = new WeakMap<i18n, Map<string, TFunction>>();

/**
 * The translation function for a namespace: the one way components get words.
 *
 * Why not react-i18next's useTranslation: it copies the whole i18next instance for every component
 * that calls it during a server render (it cannot keep the copy between renders there), and its
 * fixed t copies every i18next option on each call: together the largest cost of rendering a
 * results page. Our instances never change language (a
 * language is a URL), so one fixed function per instance and namespace serves every component.
 */
export function useT(namespace: Namespace = "common"): TFunction {
  const instance = useContext(I18nContext)?.i18n;
  if (!instance) throw new Error("useT needs the I18nextProvider from root.tsx");
  let byNamespace = translators.get(instance);
  if (!byNamespace) translators.set(instance, (byNamespace = new Map()));
  let t = byNamespace.get(namespace);
  if (!t) byNamespace.set(namespace, (t = withNamespace(instance, namespace)));
  return t;
}

/**
 * Like getFixedT(null, namespace), without the copy of every i18next option getFixedT makes on each
 * call. A key asked without options always gives the same words (the instance never changes), so
 * those are looked up once: a page asks for the same labels many times.
 */
function withNamespace(instance: i18n, namespace: Namespace): TFunction {
  const plain = new Map<string, string>();
  const t = (key: string | string[], options?: Record<string, unknown>) => {
    if (options !== undefined || typeof key !== "string") return instance.t(key, { ...options, ns: namespace });
    let words = plain.get(key);
    if (words === undefined) plain.set(key, (words = instance.t(key, { ns: namespace })));
    return words;
  };
  return t as unknown as TFunction;
}
