// Time on social media, per team and platform, from the company's proxy logs (GET /usage):
// for reviewers and admins. Never per person: teams with fewer than min_group people in a
// week of the period are left out, and the page says how many.
import { api } from "../api";
import { type App, pageTitle } from "../app";
import { h } from "../dom";
import { formatNumber, plural, t } from "../i18n";

export interface UsageReport {
  from: string | null;
  to: string | null;
  min_group: number;
  teams: { team: string; people: number; minutes: Record<string, number> }[];
  suppressed_teams: number;
}

// The table of a report: a row per team, a column per platform with minutes, then the total.
export function usageTable(report: UsageReport): HTMLElement {
  if (!report.teams.length)
    return h("p", { class: "muted", "data-testid": "usage-empty" }, t("usage_empty"));
  const platforms = Object.keys(report.teams[0].minutes).filter((p) => p !== "total");
  return h("table", { "data-testid": "usage-table" },
    h("thead", {}, h("tr", {}, [t("usage_team"), t("usage_people"), ...platforms, t("usage_total")].map((c) => h("th", {}, c)))),
    h("tbody", {}, report.teams.map((row) => h("tr", {},
      h("td", {}, h("bdi", {}, row.team)),
      h("td", {}, formatNumber(row.people)),
      platforms.map((p) => h("td", {}, formatNumber(row.minutes[p] ?? 0))),
      h("td", {}, h("strong", {}, formatNumber(row.minutes.total ?? 0)))))));
}

export function usageView(_app: App): HTMLElement {
  const from = h("input", { type: "date", name: "from" }) as HTMLInputElement;
  const to = h("input", { type: "date", name: "to" }) as HTMLInputElement;
  const slot = h("div", { "data-testid": "usage-report" });
  const load = async () => {
    const query = new URLSearchParams();
    if (from.value) query.set("from", from.value);
    if (to.value) query.set("to", to.value);
    const qs = query.toString();
    try {
      const report = await api<UsageReport>("GET", `/usage${qs ? `?${qs}` : ""}`);
      const parts: (HTMLElement | null)[] = [
        h("p", { class: "muted" }, plural("usage_min_group", report.min_group)),
        report.from ? h("p", {}, t("usage_period", { from: report.from, to: report.to ?? "" })) : null,
        usageTable(report),
        report.suppressed_teams
          ? h("p", { class: "muted", "data-testid": "usage-suppressed" }, plural("usage_suppressed", report.suppressed_teams))
          : null,
      ];
      slot.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
    } catch (e) {
      slot.replaceChildren(h("p", { class: "error", role: "alert" }, String((e as Error).message ?? e)));
    }
  };
  const form = h("form", { class: "card" },
    h("label", {}, t("usage_from"), " ", from), " ",
    h("label", {}, t("usage_to"), " ", to), " ",
    h("button", { type: "submit" }, t("usage_show")));
  form.addEventListener("submit", (event) => { event.preventDefault(); void load(); });
  void load();
  return h("main", {}, pageTitle("usage_title"), h("p", {}, t("usage_intro")), form, slot);
}
