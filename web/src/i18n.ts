// Interface texts in English, Latvian, Polish and Hebrew (right to left), chosen per user;
// dates and numbers are formatted in the user's locale.
import en from "./i18n/en.json";
import he from "./i18n/he.json";
import lv from "./i18n/lv.json";
import pl from "./i18n/pl.json";

export type Messages = typeof en;
export type Key = keyof Messages;

export const catalogs: Record<string, Messages> = { en, lv, pl, he };
export const languages = [
  { code: "en", name: "English", dir: "ltr" },
  { code: "lv", name: "Latviešu", dir: "ltr" },
  { code: "pl", name: "Polski", dir: "ltr" },
  { code: "he", name: "עברית", dir: "rtl" },
] as const;

let current = "en";

export function setLanguage(code: string): void {
  current = code in catalogs ? code : "en";
  const meta = languages.find((l) => l.code === current)!;
  document.documentElement.lang = current;
  document.documentElement.dir = meta.dir;
  try {
    localStorage.setItem("chorus.language", current);
  } catch {
    /* storage may be unavailable */
  }
}

export function language(): string {
  return current;
}

export function savedLanguage(): string {
  try {
    const saved = localStorage.getItem("chorus.language");
    if (saved && saved in catalogs) return saved;
  } catch {
    /* ignore */
  }
  const browser = (navigator.language || "en").slice(0, 2);
  return browser in catalogs ? browser : "en";
}

// The text for `key`, with {name} placeholders filled in.
export function t(key: Key, params: Record<string, string | number> = {}): string {
  const text = (catalogs[current] as Record<string, string>)[key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) =>
    name in params ? String(params[name]) : `{${name}}`,
  );
}

// A translated text for a dynamic key (error codes, categories), with a fallback.
export function tr(key: string, fallback: string): string {
  const text = (catalogs[current] as Record<string, string>)[key];
  return text ?? (en as Record<string, string>)[key] ?? fallback;
}

export function formatDate(seconds: number | null | undefined): string {
  if (!seconds) return "";
  return new Intl.DateTimeFormat(current, { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(seconds * 1000),
  );
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(current).format(n);
}

// Plural forms. A catalogue text with forms separated by "|" lists one form per plural
// category of its language, in the order below. The category of a whole count comes from the
// CLDR rules for integers written out here, not from Intl: unit names and plural data differ
// between ICU versions (Debian 12's Node 18 uses the system ICU 72, whose Polish unit for a
// day is "doba", so Intl writes "2 doby" where later versions write "2 dni").
export type PluralCategory = "zero" | "one" | "two" | "few" | "many" | "other";
export const pluralCategories: Record<string, readonly PluralCategory[]> = {
  en: ["one", "other"],
  lv: ["zero", "one", "other"],
  pl: ["one", "few", "many"],
  he: ["one", "two", "other"],
};

// The plural category of the whole number `n` (n >= 0) in language `lang`.
export function pluralCategory(lang: string, n: number): PluralCategory {
  const mod10 = n % 10;
  const mod100 = n % 100;
  switch (lang) {
    case "lv":
      if (mod10 === 0 || (mod100 >= 11 && mod100 <= 19)) return "zero";
      return mod10 === 1 && mod100 !== 11 ? "one" : "other";
    case "pl":
      if (n === 1) return "one";
      return mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? "few" : "many";
    case "he":
      return n === 1 ? "one" : n === 2 ? "two" : "other";
    default:
      return n === 1 ? "one" : "other";
  }
}

// The form of `key` for the whole count `n`, with {n} filled in (in the user's number format)
// and any other `params` (numbers formatted too). `n` picks the form even when the text shows
// it under another name ({days}, {total}).
export function plural(key: Key, n: number, params: Record<string, string | number> = {}): string {
  const filled = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "number" ? formatNumber(v) : v]));
  const forms = t(key, { n: formatNumber(n), ...filled }).split("|");
  const index = (pluralCategories[current] ?? pluralCategories.en).indexOf(pluralCategory(current, n));
  return forms[Math.min(Math.max(index, 0), forms.length - 1)];
}

// How long something has waited, as a duration in the user's language ("3 hours"), written
// to follow the word "waiting".
export function formatWaiting(seconds: number | null | undefined, now = Date.now() / 1000): string {
  if (!seconds) return "";
  const diff = Math.max(60, now - seconds);
  if (diff < 3600) return plural("waited_minutes", Math.floor(diff / 60));
  if (diff < 86400) return plural("waited_hours", Math.floor(diff / 3600));
  return plural("waited_days", Math.floor(diff / 86400));
}
