/**
 * Every word a user sees comes from locales/: each language has the same keys (plural forms as that
 * language needs them), and every key the code names exists.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "~/i18n/languages";
import { NAMESPACES } from "~/i18n/i18n";
import { NEED_CODES } from "~/taxonomy/needs";
import { CRISIS_LINES } from "~/safety/crisis-lines";
import { REGION_CODES } from "~/regions";

type Tree = { [key: string]: string | Tree };
const load = (language: string, namespace: string): Tree =>
  JSON.parse(fs.readFileSync(path.join("locales", language, `${namespace}.json`), "utf8")) as Tree;

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const keys: Record<string, Map<string, string>> = {};
for (const language of LANGUAGES) {
  keys[language] = new Map();
  for (const namespace of NAMESPACES) {
    for (const [key, value] of flatten(load(language, namespace))) keys[language]!.set(`${namespace}:${key}`, value);
  }
}
const baseKeys = (language: string) => new Set([...keys[language]!.keys()].map((key) => key.replace(PLURAL_SUFFIX, "")));

function exists(language: string, key: string): boolean {
  const all = keys[language]!;
  return all.has(key) || all.has(`${key}_other`);
}

describe("locale files", () => {
  it("give every language the same keys", () => {
    const reference = baseKeys("en");
    for (const language of LANGUAGES) {
      const mine = baseKeys(language);
      expect([...reference].filter((key) => !mine.has(key)), `missing in ${language}`).toEqual([]);
      expect([...mine].filter((key) => !reference.has(key)), `extra in ${language}`).toEqual([]);
    }
  });

  it("give each plural the forms its language needs", () => {
    for (const language of LANGUAGES) {
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const plurals = new Set([...keys[language]!.keys()].filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, "")));
      for (const base of plurals) {
        for (const category of needed) expect(keys[language]!.has(`${base}_${category}`), `${language} ${base}_${category}`).toBe(true);
      }
    }
  });

  it("have no empty strings", () => {
    for (const language of LANGUAGES) {
      for (const [key, value] of keys[language]!) expect(value.trim(), `${language} ${key}`).not.toBe("");
    }
  });

  it("keep the same {{placeholders}} in every language", () => {
    // "count" is left out: a plural form may say the number in words ("Where to go" for one place).
    const placeholders = (text: string | undefined) =>
      [...(text ?? "").matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).filter((name) => name !== "count").sort();
    const formOf = (language: string, base: string) => keys[language]!.get(base) ?? keys[language]!.get(`${base}_other`);
    for (const base of baseKeys("en")) {
      for (const language of LANGUAGES) {
        expect(placeholders(formOf(language, base)), `${language} ${base}`).toEqual(placeholders(formOf("en", base)));
      }
    }
  });
});

/** Keys the code names: t("ns:key") / t("key") literals, checked against the namespace the file uses. */
function keysUsedInCode(): Array<{ file: string; key: string }> {
  const found: Array<{ file: string; key: string }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) {
        const source = fs.readFileSync(full, "utf8");
        const namespace = /useT\("([a-z-]+)"\)/.exec(source)?.[1] ?? "common";
        for (const match of source.matchAll(/\bt\(\s*"([^"]+)"/g)) {
          const key = match[1]!;
          found.push({ file: full, key: key.includes(":") ? key : `${namespace}:${key}` });
        }
      }
    }
  };
  walk("app");
  return found;
}

describe("keys used in code", () => {
  it("exist in every language", () => {
    const used = keysUsedInCode();
    expect(used.length).toBeGreaterThan(50);
    for (const { file, key } of used) {
      for (const language of LANGUAGES) expect(exists(language, key), `${key} (${file}) in ${language}`).toBe(true);
    }
  });

  it("include every need, region and crisis line", () => {
    for (const language of LANGUAGES) {
      for (const need of NEED_CODES) {
        expect(exists(language, `taxonomy:needs.${need}.name`)).toBe(true);
        expect(exists(language, `taxonomy:needs.${need}.description`)).toBe(true);
      }
      for (const region of REGION_CODES) {
        expect(exists(language, `common:regions.${region}`)).toBe(true);
        for (const line of CRISIS_LINES[region]) {
          expect(exists(language, `common:crisis.lines.${line.id}`), `${language} ${line.id}`).toBe(true);
          for (const more of line.more ?? []) expect(exists(language, `common:crisis.more.${more.id}`)).toBe(true);
        }
      }
    }
  });
});
