import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { pluralCategories, pluralCategory } from "./i18n";

// Every catalog in i18n/ and every language pack in packs/lang/: a new language is checked as
// soon as its files exist, and a pack without interface texts fails.
const here = fileURLToPath(new URL(".", import.meta.url));
const catalogs: Record<string, Record<string, string>> = Object.fromEntries(
  readdirSync(join(here, "i18n"))
    .filter((name: string) => name.endsWith(".json"))
    .map((name: string) => [name.slice(0, -5), JSON.parse(readFileSync(join(here, "i18n", name), "utf8"))]),
);
const en = catalogs.en;
const others = Object.keys(catalogs).filter((code) => code !== "en");
const packs = readdirSync(join(here, "..", "..", "packs", "lang"))
  .filter((name: string) => name.endsWith(".yaml"))
  .map((name: string) => name.slice(0, -5));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name: string) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("interface texts", () => {
  it("has a catalog for every language pack", () => {
    expect(packs.length).toBeGreaterThanOrEqual(4);
    for (const code of packs) expect(Object.keys(catalogs), code).toContain(code);
  });

  it("has the same keys in every language, none empty", () => {
    const keys = Object.keys(en).sort();
    for (const [code, catalog] of Object.entries(catalogs)) {
      expect(Object.keys(catalog).sort(), code).toEqual(keys);
      for (const [key, value] of Object.entries(catalog)) expect(value.trim(), `${code}.${key}`).not.toBe("");
    }
  });

  it("translates rather than copies English", () => {
    for (const code of others) {
      const same = Object.keys(en).filter((k) => catalogs[code][k] === (en as Record<string, string>)[k]);
      expect(same.length, `${code}: ${same.join(", ")}`).toBeLessThan(6);
    }
  });

  it("keeps placeholders in every translation", () => {
    for (const [key, text] of Object.entries(en as Record<string, string>)) {
      if (text.includes("|")) continue; // plural forms, below
      const placeholders = (text.match(/\{\w+\}/g) ?? []).sort();
      for (const code of others) {
        expect((catalogs[code][key].match(/\{\w+\}/g) ?? []).sort(), `${code}.${key}`).toEqual(placeholders);
      }
    }
  });

  it("gives each plural text one form per plural category of its language", () => {
    const plurals = Object.keys(en).filter((k) => (en as Record<string, string>)[k].includes("|"));
    expect(plurals.length).toBeGreaterThan(2);
    for (const key of plurals) {
      const placeholders = new Set((en as Record<string, string>)[key].match(/\{\w+\}/g));
      for (const [code, catalog] of Object.entries(catalogs)) {
        const forms = catalog[key].split("|");
        expect(forms.length, `${code}.${key}`).toBe(pluralCategories[code].length);
        for (const form of forms) {
          expect(form.trim(), `${code}.${key}`).not.toBe("");
          for (const p of form.match(/\{\w+\}/g) ?? []) expect(placeholders, `${code}.${key}`).toContain(p);
        }
        // the last form (other, or many in Polish) is the one for most numbers: it shows them
        for (const p of placeholders) expect(forms[forms.length - 1], `${code}.${key}`).toContain(p);
      }
    }
  });

  it("defines every key the code asks for with t()", () => {
    const used = new Set<string>();
    for (const file of sources(fileURLToPath(new URL(".", import.meta.url)))) {
      for (const m of readFileSync(file, "utf8").matchAll(/\bt\("([a-z_]+)"/g)) used.add(m[1]);
      for (const m of readFileSync(file, "utf8").matchAll(/pageTitle\("([a-z_]+)"/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) expect(en, key).toHaveProperty(key);
  });
});

describe("plural categories", () => {
  // Whole numbers by category, from CLDR's integer rules for each language.
  const expected: Record<string, Record<string, number[]>> = {
    en: { one: [1], other: [0, 2, 5, 11, 21, 101] },
    lv: { zero: [0, 10, 11, 12, 19, 20, 30, 111, 1000], one: [1, 21, 31, 101, 121], other: [2, 3, 9, 22, 29, 102] },
    pl: { one: [1], few: [2, 3, 4, 22, 23, 24, 32, 102, 1004], many: [0, 5, 9, 11, 12, 13, 14, 15, 20, 21, 25, 101, 112, 1000] },
    he: { one: [1], two: [2], other: [0, 3, 10, 11, 20, 22, 100] },
  };

  it("follows each language's rules", () => {
    for (const [lang, byCategory] of Object.entries(expected)) {
      for (const [category, numbers] of Object.entries(byCategory)) {
        for (const n of numbers) expect(pluralCategory(lang, n), `${lang} ${n}`).toBe(category);
        expect(pluralCategories[lang], lang).toContain(category);
      }
    }
  });
});

describe("waiting time", () => {
  const minute = 60, hour = 3600, day = 86400;

  it("is a duration in the interface language, whatever ICU data the runtime has", async () => {
    const { formatWaiting, setLanguage } = await import("./i18n");
    (globalThis as any).document = { documentElement: {} };
    (globalThis as any).localStorage = { setItem() {}, getItem: () => null };
    const waited = (seconds: number) => formatWaiting(1000, 1000 + seconds);
    setLanguage("en");
    expect(waited(3 * hour + 5)).toBe("3 hours");
    expect(waited(10)).toBe("1 minute");
    expect(waited(day)).toBe("1 day");
    setLanguage("pl");
    expect(waited(2 * day)).toBe("2 dni");
    expect(waited(5 * day)).toBe("5 dni");
    expect(waited(day + hour)).toBe("1 dzień");
    expect(waited(22 * hour)).toBe("22 godziny");
    expect(waited(12 * hour)).toBe("12 godzin");
    expect(waited(minute)).toBe("1 minutę");
    setLanguage("lv");
    expect(waited(21 * hour)).toBe("21 stundu");
    expect(waited(2 * day)).toBe("2 dienas");
    expect(waited(11 * minute)).toBe("11 minūšu");
    setLanguage("he");
    expect(waited(2 * day)).toBe("יומיים");
    expect(waited(5 * hour)).toBe("5 שעות");
    expect(waited(minute)).toBe("דקה אחת");
  });
});

describe("counted messages", () => {
  it("take the form of their count, also when it is shown under another name", async () => {
    const { plural, setLanguage } = await import("./i18n");
    (globalThis as any).document = { documentElement: {} };
    (globalThis as any).localStorage = { setItem() {}, getItem: () => null };
    setLanguage("en");
    expect(plural("entries_n", 1)).toBe("1 entry");
    expect(plural("entries_n", 3)).toBe("3 entries");
    expect(plural("retention_drafts", 1, { days: 1 })).toContain("deleted 1 day after");
    expect(plural("retention_drafts", 30, { days: 30 })).toContain("deleted 30 days after");
    expect(plural("acknowledged_count", 1, { n: 0, total: 1 })).toBe("0 of 1 person has acknowledged this version.");
    expect(plural("acknowledged_count", 5, { n: 0, total: 5 })).toBe("0 of 5 people have acknowledged this version.");
    setLanguage("pl");
    expect(plural("retention_reviewed", 1, { days: 1 })).toContain("1 dzień po");
    expect(plural("retention_reviewed", 365, { days: 365 })).toContain("365 dni po");
    setLanguage("lv");
    expect(plural("retention_drafts", 1, { days: 1 })).toContain("1 dienu pēc");
    expect(plural("retention_drafts", 30, { days: 30 })).toContain("30 dienas pēc");
    setLanguage("he");
    expect(plural("clauses_n", 2)).toBe("שני כללים");
    expect(plural("retention_drafts", 2, { days: 2 })).toContain("יומיים");
  });
});
