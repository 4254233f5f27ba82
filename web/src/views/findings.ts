// A check result: the verdict, the post with every finding highlighted in place, and each
// finding explained (clause, why, what to do).
import { verdictLabel } from "../app";
import { h } from "../dom";
import { plural, t, tr } from "../i18n";
import { segments, type Finding } from "../highlight";

export interface CheckResult {
  verdict: "ok" | "caution" | "review" | "block";
  language: string;
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
    list.append(
      h("li", { class: `finding sev-${f.severity}` },
        h("div", { class: "finding-head" },
          h("span", { class: `badge sev-${f.severity}` }, verdictLabel(f.severity)), " ",
          h("strong", {}, tr(`category_${f.category}`, f.category)), " ",
          h("q", { dir: "auto" }, f.text)),
        h("p", {}, h("span", { class: "label" }, t("why"), ": "), h("span", { dir: "auto" }, f.message)),
        h("p", {}, h("span", { class: "label" }, t("advice"), ": "), h("span", { dir: "auto" }, f.advice)),
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
