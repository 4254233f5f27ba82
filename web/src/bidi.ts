// Mixed scripts: interface text in one direction with user text (names, titles, quoted terms)
// that may be in the other. A paragraph takes its direction from the language it is written
// in (never from its first strong character, which may be a quoted Hebrew name in an English
// sentence); every piece of user text inside it is isolated, as <bdi> in the page and between
// Unicode isolates (FSI … PDI) in plain-text places (document titles, tooltips, options).
import { h } from "./dom";
import { languages, t, type Key } from "./i18n";

export function directionOf(lang: string | undefined): "ltr" | "rtl" {
  return languages.find((l) => l.code === lang)?.dir ?? "ltr";
}

const FSI = "\u2068";
const PDI = "\u2069";

// `text` between Unicode isolates, for places that take plain text only.
export function isolate(text: string): string {
  return FSI + text + PDI;
}

// Quotation marks that open a quoted term in the catalogues and policy texts, with the marks
// that may close each.
const QUOTES: Record<string, string> = { "“": "”“", "„": "”“", "«": "»", "‘": "’", '"': '"', "”": "”" };

// How a matched term appears inside an explanation (as the engine quotes it: tabs and line
// breaks as spaces, at most 60 characters and then "…").
function quotedForm(term: string): string {
  const clean = term.replace(/[\n\r\t]/g, " ");
  const chars = Array.from(clean);
  return chars.length <= 60 ? clean : chars.slice(0, 60).join("") + "…";
}

// `text` as nodes with every quoted span and every occurrence of one of `terms` isolated in a
// <bdi> (the quotation marks themselves stay outside, in the paragraph's direction).
export function isolateTerms(text: string, terms: string[] = []): (Node | string)[] {
  const spans: [number, number][] = [];
  for (const term of terms.map(quotedForm).filter((x) => x.trim() !== "")) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length))
      spans.push([at, at + term.length]);
  }
  for (let i = 0; i < text.length; ++i) {
    const closers = QUOTES[text[i]];
    if (!closers) continue;
    let j = i + 1;
    while (j < text.length && !closers.includes(text[j]) && text[j] !== "\n") ++j;
    if (j < text.length && closers.includes(text[j]) && j > i + 1) {
      spans.push([i + 1, j]);
      i = j;
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: (Node | string)[] = [];
  let pos = 0;
  for (const [start, end] of spans) {
    if (start < pos) continue; // inside a span already isolated
    if (start > pos) out.push(text.slice(pos, start));
    out.push(h("bdi", {}, text.slice(start, end)));
    pos = end;
  }
  if (pos < text.length) out.push(text.slice(pos));
  return out;
}

// A paragraph of text written in `lang` (an explanation, an advice), quoted terms isolated.
export function textIn(tag: string, lang: string, text: string, terms: string[] = [],
                       props: Record<string, string> = {}): HTMLElement {
  return h(tag, { ...props, dir: directionOf(lang), lang }, isolateTerms(text, terms));
}

// The interface text for `key` as nodes, each {placeholder} filled with its value in a <bdi>
// (names, titles and other user text inside a sentence of the interface).
export function tx(key: Key, params: Record<string, string | number>): (Node | string)[] {
  const marker = "\u0000";
  const names: string[] = [];
  const filled = t(key, Object.fromEntries(Object.entries(params).map(([k, v]) => {
    names.push(String(v));
    return [k, `${marker}${names.length - 1}${marker}`];
  })));
  return filled.split(marker).map((part, i) => (i % 2 === 1 ? h("bdi", {}, names[Number(part)]) : part))
    .filter((x) => x !== "");
}
