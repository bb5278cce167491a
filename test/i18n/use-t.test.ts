/**
 * useT's translation function looks words up once and fills them in with i18next's own
 * interpolator: it must give exactly what i18next's t gives, for every key of every language.
 */
import i18next from "i18next";
import { describe, expect, it, vi } from "vitest";
import { NAMESPACES } from "~/i18n/i18n";
import { LANGUAGES } from "~/i18n/languages";
import { serverI18n } from "~/i18n/resources.server";
import { translator } from "~/i18n/use-t";

type Tree = { [key: string]: unknown };

function leaves(tree: Tree, prefix = ""): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, string]> => {
    const full = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [[full, value]] : leaves(value as Tree, full);
  });
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** Values that would go wrong if filled in twice or nested: they must come out as they went in. */
const TRICKY: unknown[] = ["<b>&amp;</b>", "{{count}}", "$t(common:appName)", "0", 12, "$& $1 $$", "{{- raw}}", undefined];
const COUNTS = [0, 1, 2, 3, 4, 5, 11, 21, 22, 25, 100, 1.5, 0.5, -1];
/** Each value the next one's placeholder, the last a word (i18next then fills in the first such placeholder it finds). */
const NEXT_PLACEHOLDER = Symbol("next placeholder");

describe("useT's translation function", () => {
  for (const language of LANGUAGES) {
    it(`gives what i18next's t gives, for every ${language} key, with and without values`, () => {
      const instance = serverI18n(language);
      let compared = 0;
      for (const namespace of NAMESPACES) {
        const t = translator(instance, namespace);
        const bundle = instance.getResourceBundle(language, namespace) as Tree;
        for (const [path, words] of leaves(bundle)) {
          const key = path.replace(PLURAL_SUFFIX, "");
          const variables = [...words.matchAll(/\{\{\s*([\w.]+)/g)].map((match) => match[1]!);
          // Plural words with every kind of count: each plural form, zero, decimals, large numbers.
          const counts = PLURAL_SUFFIX.test(path) ? COUNTS : [undefined];
          for (const [n, tricky] of [...TRICKY, NEXT_PLACEHOLDER].entries()) for (const count of counts) {
            const values: Record<string, unknown> = Object.fromEntries(
              variables.map((name, v) => [name, tricky === NEXT_PLACEHOLDER ? (v + 1 < variables.length ? `{{${variables[v + 1]}}}` : "last") : v === 0 ? tricky : `value ${v}`]),
            );
            if (count !== undefined) values.count = count;
            const expected = instance.t(key, { ...values, ns: namespace });
            expect(t(key, values), `${language} ${namespace}:${key}`).toBe(expected);
            // The same key asked from another namespace, by its full name.
            const other = namespace === "common" ? "results" : "common";
            expect(translator(instance, other)(`${namespace}:${key}`, values)).toBe(expected);
            compared++;
          }
          if (!PLURAL_SUFFIX.test(path)) expect(t(key)).toBe(instance.t(key, { ns: namespace }));
        }
      }
      expect(compared).toBeGreaterThan(400);
    });
  }

  it("leaves a missing key to i18next, which shows the key", () => {
    const t = translator(serverI18n("en"), "results");
    expect(t("no.such.key", { distance: "2 km" })).toBe("no.such.key");
    expect(t("no.such.key")).toBe("no.such.key");
  });

  it("picks plural forms as i18next does, a zero form first for 0, with or without a plural form for the count", async () => {
    const instance = i18next.createInstance();
    await instance.init({
      lng: "cs",
      fallbackLng: "en",
      resources: {
        cs: { common: { apples: "{{count}} jablek", apples_zero: "žádná jablka", apples_one: "{{count}} jablko", apples_few: "{{count}} jablka", pears_other: "{{count}} hrušek" } },
        en: { common: { pears_one: "{{count}} pear", plums_one: "{{count}} plum", plums_other: "{{count}} plums" } },
      },
    });
    const t = translator(instance, "common");
    for (const count of [0, 1, 2, 5, 1.5, -1]) {
      for (const key of ["apples", "pears", "plums"]) expect(t(key, { count }), `${key} ${count}`).toBe(instance.t(key, { count, ns: "common" }));
    }
    expect(t("apples", { count: 0 })).toBe("žádná jablka");
    expect(t("apples", { count: 3 })).toBe("3 jablka");
    expect(t("apples", { count: 7 })).toBe("7 jablek");
    expect(t("pears", { count: 1 })).toBe("1 pear");
    expect(t("plums", { count: 2 })).toBe("2 plums");
    // Words the instance's language has are filled in without i18next's t; the others take it.
    const slow = vi.spyOn(instance, "t");
    expect([t("apples", { count: 0 }), t("apples", { count: 3 }), t("apples", { count: 7 })]).toEqual(["žádná jablka", "3 jablka", "7 jablek"]);
    expect(slow).not.toHaveBeenCalled();
    t("plums", { count: 2 });
    expect(slow).toHaveBeenCalledTimes(1);
  });
});
