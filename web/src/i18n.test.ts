import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

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
      const placeholders = (text.match(/\{\w+\}/g) ?? []).sort();
      for (const code of others) {
        expect((catalogs[code][key].match(/\{\w+\}/g) ?? []).sort(), `${code}.${key}`).toEqual(placeholders);
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

describe("waiting time", () => {
  it("is a duration in the interface language", async () => {
    const { formatWaiting, setLanguage } = await import("./i18n");
    (globalThis as any).document = { documentElement: {} };
    (globalThis as any).localStorage = { setItem() {}, getItem: () => null };
    setLanguage("en");
    expect(formatWaiting(1000, 1000 + 3 * 3600 + 5)).toBe("3 hours");
    expect(formatWaiting(1000, 1000 + 10)).toBe("1 minute");
    setLanguage("pl");
    expect(formatWaiting(1000, 1000 + 2 * 86400)).toBe("2 dni");
  });
});
