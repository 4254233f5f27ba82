// The current policy as a clean, printable charter in the reader's language, with the
// acknowledgement button.
import { api } from "../api";
import { attempt, type App, pageTitle, verdictLabel } from "../app";
import { h } from "../dom";
import { formatDate, language, t, tr } from "../i18n";

interface Charter {
  organization: string;
  sections: { id: string; title: string; body: string }[];
  clauses: { id: string; category: string; verdict: string; title: string; message: string; advice: string }[];
}

export function charterView(charter: Charter): HTMLElement {
  return h("article", { class: "charter" },
    charter.sections.map((s) => h("section", {}, h("h2", {}, s.title),
      s.body.split(/\n\s*\n/).map((para) => h("p", {}, para)))),
    h("h2", {}, t("clauses")),
    h("dl", { class: "clauses" }, charter.clauses.map((c) => [
      h("dt", {}, c.title || tr(`category_${c.category}`, c.category), " ",
        h("span", { class: `badge sev-${c.verdict}` }, verdictLabel(c.verdict))),
      h("dd", {}, c.message, c.advice ? h("p", { class: "muted" }, c.advice) : null),
    ])));
}

export async function policyView(app: App): Promise<HTMLElement> {
  const r = await api<{ version: { id: number; number: number; title: string; published_at: number } | null;
                       charter: Charter; acknowledged_at: number | null }>("GET", `/policy?lang=${language()}`);
  const message = h("div");
  const ack = h("div", { class: "card no-print ack" });
  if (r.version) {
    if (r.acknowledged_at) {
      ack.append(h("p", { "data-testid": "acknowledged" }, t("acknowledged_on", { date: formatDate(r.acknowledged_at) })));
    } else {
      const button = h("button", { type: "button", class: "primary", "data-testid": "acknowledge" }, t("acknowledge"));
      button.addEventListener("click", () => attempt(message, async () => {
        await api("POST", "/policy/acknowledge", { version_id: r.version!.id });
        app.refresh();
      }));
      ack.append(h("p", {}, t("acknowledge_intro")), button, message);
    }
  } else {
    ack.append(h("p", { class: "muted" }, t("no_policy_published")));
  }
  const print = h("button", { type: "button", class: "no-print" }, t("print"));
  print.addEventListener("click", () => window.print());
  return h("main", {}, pageTitle("policy_title"),
    r.version ? h("p", { class: "muted" }, r.charter.organization, " · ", r.version.title, " · ",
      t("version_n", { n: r.version.number }), " · ", formatDate(r.version.published_at)) : null,
    print, charterView(r.charter), ack);
}
