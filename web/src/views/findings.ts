// A check result: the verdict, the post with every finding highlighted in place, and each
// finding explained (clause, why, what to do).
import { verdictLabel } from "../app";
import { textIn } from "../bidi";
import { h } from "../dom";
import { plural, t, tr } from "../i18n";
import { segments, type Finding } from "../highlight";

export interface CheckResult {
  verdict: "ok" | "caution" | "review" | "block";
  language: string;
  // The language the explanations were written in, when the server re-explained them for
  // the reader (each finding may say its own: a clause without that language falls back).
  messages_language?: string;
  findings: Finding[];
  // In lists, a post with very many findings carries only the first ones; this is how many
  // there are in all (the post's own page shows every one).
  findings_total?: number;
}

export function resultView(text: string, result: CheckResult): HTMLElement {
  const marked = h("p", { class: "post-text", dir: "auto", "data-testid": "highlighted" });
  for (const seg of segments(text, result.findings)) {
    if (seg.finding === null) {
      marked.append(seg.text);
    } else {
      const f = result.findings[seg.finding];
      marked.append(
        h("mark", { class: `sev-${f.severity}`, title: tr(`category_${f.category}`, f.category) },
          seg.text, h("sup", {}, String(seg.finding + 1))),
      );
    }
  }
  const list = h("ol", { class: "findings" });
  result.findings.forEach((f) => {
    // Each explanation runs in the direction of the language it is written in; the quoted
    // term inside it (often in the other script) is isolated.
    const lang = f.message_language ?? result.messages_language ?? result.language;
    list.append(
      h("li", { class: `finding sev-${f.severity}` },
        h("div", { class: "finding-head" },
          h("span", { class: `badge sev-${f.severity}` }, verdictLabel(f.severity)), " ",
          h("strong", {}, tr(`category_${f.category}`, f.category)), " ",
          h("q", {}, h("bdi", {}, f.text))),
        h("p", {}, h("span", { class: "label" }, t("why"), ": "),
          textIn("span", lang, f.message, [f.text], { "data-testid": "finding-message" })),
        h("p", {}, h("span", { class: "label" }, t("advice"), ": "), textIn("span", lang, f.advice, [f.text])),
        h("p", { class: "muted" }, t("clause"), ": ", h("code", {}, f.clause))),
    );
  });
  return h("section", { class: `result verdict-${result.verdict}`, "data-testid": "result" },
    h("p", { class: "verdict" },
      h("span", { class: `badge sev-${result.verdict}`, "data-testid": "verdict" },
        verdictLabel(result.verdict)), " ",
      tr(`verdict_explain_${result.verdict}`, "")),
    marked,
    result.findings.length ? list : h("p", { class: "muted" }, t("no_findings")),
    (result.findings_total ?? 0) > result.findings.length
      ? h("p", { class: "muted", "data-testid": "more-findings" },
        plural("more_findings", (result.findings_total ?? 0) - result.findings.length))
      : "");
}
