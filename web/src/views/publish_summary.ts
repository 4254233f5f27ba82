// The confirmation before a policy draft is published: what changes against the current
// version in plain words (GET /policy/versions/{id}/summary), and a warning that blocks while
// the starter template's example values remain.
import { verdictLabel } from "../app";
import { h } from "../dom";
import { type Key, languages, t } from "../i18n";

export interface PublishSummary {
  first_version: boolean;
  unchanged: boolean;
  organization: { from: string; to: string } | null;
  lists: { list: string; added: string[]; removed: string[] }[];
  clauses: { clause: string; change: "added" | "removed" | "enabled" | "disabled" | "verdict"; from?: string; to?: string }[];
  languages_added: string[];
  languages_removed: string[];
  monitoring: { from: { enabled: boolean; grace_days: number } | null; to: { enabled: boolean; grace_days: number } } | null;
  template_values: { list: string; value: string }[];
  can_publish: boolean;
}

// The label of a policy list key ("clients", "organization.brands").
function listLabel(key: string): string {
  if (key === "organization.aliases") return t("form_aliases");
  if (key === "organization.brands") return t("form_brands");
  if (key === "organization.name") return t("organization_name");
  return t(`list_${key}` as Key);
}

const names = (values: string[]) => values.map((v, i) => [i ? ", " : "", h("bdi", {}, v)]);
const languageName = (code: string) => languages.find((l) => l.code === code)?.name ?? code;

function monitoringText(m: { enabled: boolean; grace_days: number } | null): string {
  if (!m || !m.enabled) return t("summary_monitoring_off");
  return t("summary_monitoring_on", { days: m.grace_days });
}

// The summary as a list of sentences, then the template warning (if any).
export function publishSummaryView(s: PublishSummary): HTMLElement {
  const items: (HTMLElement | null)[] = [];
  items.push(h("li", {}, s.first_version ? t("summary_first_version") : t("summary_everyone_acknowledges")));
  if (s.unchanged) items.push(h("li", {}, t("summary_unchanged")));
  if (s.organization) items.push(h("li", {}, t("summary_organization"), " ", h("bdi", {}, s.organization.from || "—"), " → ", h("bdi", {}, s.organization.to)));
  for (const l of s.lists) {
    if (l.added.length) items.push(h("li", { "data-testid": "summary-added" }, t("summary_added_to", { list: listLabel(l.list) }), " ", names(l.added)));
    if (l.removed.length) items.push(h("li", { "data-testid": "summary-removed" }, t("summary_removed_from", { list: listLabel(l.list) }), " ", names(l.removed)));
  }
  for (const c of s.clauses) {
    const rule = h("code", {}, c.clause);
    if (c.change === "verdict") items.push(h("li", {}, t("summary_rule_verdict"), " ", rule, ": ", verdictLabel(c.from ?? ""), " → ", verdictLabel(c.to ?? "")));
    else items.push(h("li", {}, t(`summary_rule_${c.change}` as Key), " ", rule));
  }
  if (s.languages_added.length) items.push(h("li", {}, t("summary_languages_added"), " ", s.languages_added.map(languageName).join(", ")));
  if (s.languages_removed.length) items.push(h("li", {}, t("summary_languages_removed"), " ", s.languages_removed.map(languageName).join(", ")));
  if (s.monitoring) items.push(h("li", {}, t("summary_monitoring"), " ", monitoringText(s.monitoring.from), " → ", monitoringText(s.monitoring.to)));
  const warning = s.template_values.length
    ? h("div", { class: "error", role: "alert", "data-testid": "template-warning" }, h("p", {}, t("summary_template_values")),
      h("ul", {}, s.template_values.map((v) => h("li", {}, listLabel(v.list), ": ", h("bdi", {}, v.value)))))
    : null;
  return h("div", { "data-testid": "publish-summary" }, h("h3", {}, t("summary_title")), h("ul", {}, items), warning);
}
