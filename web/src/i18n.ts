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

// How long something has waited, as a duration in the user's language ("3 hours").
export function formatWaiting(seconds: number | null | undefined, now = Date.now() / 1000): string {
  if (!seconds) return "";
  const diff = Math.max(60, now - seconds);
  const [value, unit] =
    diff < 3600 ? [Math.floor(diff / 60), "minute"] : diff < 86400 ? [Math.floor(diff / 3600), "hour"] : [Math.floor(diff / 86400), "day"];
  return new Intl.NumberFormat(current, { style: "unit", unit, unitDisplay: "long" }).format(value);
}
