// Incidents, for reviewers and admins: flagged published posts that reached the
// communications team (a block at once, a review after the grace days). The list filters by
// state; an incident's page shows the post, its timeline, notes, the state buttons, owner,
// severity and what was wrong, and the crisis playbook's texts — each checked against the
// policy, with a Copy button only for a text that passes.
import { api } from "../api";
import { attempt, type App, pageTitle, verdictLabel } from "../app";
import { textIn } from "../bidi";
import { h } from "../dom";
import { formatDate, formatWaiting, languages, language, t, tr } from "../i18n";
import { resultView, type CheckResult } from "./findings";
import { type Page, pageQuery, pager, resetPage } from "./pager";

interface Person { id: number; name: string }
export interface Incident {
  id: number;
  state: "open" | "acknowledged" | "remediating" | "closed";
  severity: "low" | "medium" | "high";
  outcome: string | null;
  owner: Person | null;
  author: Person | null;
  post_id: number | null;
  platform: string;
  url: string;
  published: string;
  verdict: CheckResult["verdict"];
  categories: string[];
  summary: string;
  opened_at: number;
  closed_at: number | null;
  time_to_close: number | null;
  next_states: Incident["state"][];
}
interface TimelineEvent { id: number; at: number; kind: string; author: Person | null; text: string; detail: Record<string, unknown> }
interface IncidentDetail extends Incident {
  timeline: TimelineEvent[];
  post: { id: number; text: string; language: string; verdict: CheckResult["verdict"]; findings: CheckResult["findings"] } | null;
}
interface PlaybookText { kind: string; text: string; verdict: CheckResult["verdict"]; copyable: boolean; findings: CheckResult["findings"] }

const STATES = ["open", "acknowledged", "remediating", "closed"] as const;
const SEVERITIES = ["low", "medium", "high"] as const;
const OUTCOMES = ["corrected", "deleted", "apologised", "no_action"] as const;

// The list's state filter, kept while the app refreshes ("" for every state).
let stateFilter = "";

function platformName(platform: string): string {
  const brands: Record<string, string> = { x: "X", mastodon: "Mastodon", linkedin: "LinkedIn", facebook: "Facebook" };
  return brands[platform] ?? tr(`platform_${platform}`, platform);
}

function stateLabel(state: string): string {
  return tr(`incident_state_${state}`, state);
}

function severityBadge(severity: string): HTMLElement {
  const sev = severity === "high" ? "block" : severity === "medium" ? "review" : "caution";
  return h("span", { class: `badge sev-${sev}`, "data-testid": "incident-severity" }, tr(`incident_severity_${severity}`, severity));
}

export async function incidentsView(app: App): Promise<HTMLElement> {
  const query = pageQuery("incidents") + (stateFilter ? `&state=${stateFilter}` : "");
  const r = await api<{ incidents: Incident[]; page: Page }>("GET", `/incidents${query}`);
  const filter = h("select", { "data-testid": "incident-state-filter" },
    h("option", { value: "" }, t("incidents_all")),
    STATES.map((s) => h("option", { value: s }, stateLabel(s)))) as HTMLSelectElement;
  filter.value = stateFilter;
  filter.addEventListener("change", () => {
    stateFilter = filter.value;
    resetPage("incidents");
    app.refresh();
  });
  const rows = r.incidents.map((i) => h("tr", { "data-testid": `incident-${i.id}` },
    h("td", {}, h("a", { href: `#/incidents/${i.id}` }, `#${i.id}`)),
    h("td", {}, severityBadge(i.severity)),
    h("td", { "data-testid": "incident-state" }, stateLabel(i.state),
      i.outcome ? [" · ", tr(`incident_outcome_${i.outcome}`, i.outcome)] : ""),
    h("td", {}, h("bdi", {}, i.author?.name ?? ""), " · ", platformName(i.platform)),
    h("td", {}, i.owner ? h("bdi", {}, i.owner.name) : h("span", { class: "muted" }, t("incident_no_owner"))),
    h("td", {}, formatDate(i.opened_at))));
  return h("main", {}, pageTitle("incidents_title"),
    h("p", { class: "muted" }, t("incidents_intro")),
    h("div", { class: "row" }, h("label", {}, t("incident_state"), " ", filter)),
    rows.length
      ? h("table", { "data-testid": "incident-list" },
        h("thead", {}, h("tr", {}, ["#", t("incident_severity"), t("incident_state"), t("incident_post"), t("incident_owner"),
          t("incident_opened")].map((c) => h("th", {}, c)))),
        h("tbody", {}, rows))
      : h("p", { class: "muted", "data-testid": "incidents-empty" }, t("incidents_empty")),
    pager("incidents", r.page, () => app.refresh()));
}

function eventLine(e: TimelineEvent, people: Map<number, string>): HTMLElement {
  const who = e.author ? h("bdi", {}, e.author.name) : "Chorus";
  const d = e.detail;
  const name = (id: unknown) => (typeof id === "number" ? people.get(id) ?? `#${id}` : t("incident_no_owner"));
  let what: (string | HTMLElement)[] = [tr(`incident_event_${e.kind}`, e.kind)];
  if (e.kind === "state") {
    what = [tr("incident_event_state", e.kind), ": ", stateLabel(String(d.to)),
      d.outcome ? ` (${tr(`incident_outcome_${d.outcome}`, String(d.outcome))})` : ""];
  } else if (e.kind === "severity") {
    what = [tr("incident_event_severity", e.kind), ": ", tr(`incident_severity_${d.to}`, String(d.to))];
  } else if (e.kind === "owner") {
    what = [tr("incident_event_owner", e.kind), ": ", h("bdi", {}, name(d.to))];
  }
  return h("li", { "data-testid": `event-${e.kind}` }, formatDate(e.at), " — ", who, ": ", ...what,
    e.text ? [" ", h("q", { dir: "auto" }, e.text)] : "");
}

// The state buttons: one per state the incident may move to; closing asks for the outcome.
function stateBox(app: App, incident: IncidentDetail): HTMLElement | null {
  if (!incident.next_states.length) return null;
  const note = h("textarea", { rows: 2, dir: "auto", "data-testid": "state-note", placeholder: t("incident_note_placeholder") }) as HTMLTextAreaElement;
  const outcomes = incident.state === "acknowledged" ? ["no_action"] : [...OUTCOMES];
  const outcome = h("select", { "data-testid": "incident-outcome" },
    outcomes.map((o) => h("option", { value: o }, tr(`incident_outcome_${o}`, o)))) as HTMLSelectElement;
  const message = h("div");
  const buttons = incident.next_states.map((next) => h("button", {
    type: "button", class: next === "closed" ? "" : "primary", "data-testid": `to-${next}`,
    onclick: () => attempt(message, async () => {
      await api("POST", `/incidents/${incident.id}/state`,
        { state: next, note: note.value, ...(next === "closed" ? { outcome: outcome.value } : {}) });
      app.refresh();
    }),
  }, tr(`incident_action_${next}`, next)));
  return h("div", { class: "card" }, h("h2", {}, t("incident_next_step")),
    h("label", {}, t("incident_state_note"), note),
    incident.next_states.includes("closed") ? h("label", {}, t("incident_outcome"), " ", outcome) : "",
    h("div", { class: "row" }, buttons), message);
}

function detailsBox(app: App, incident: IncidentDetail, owners: (Person & { role: string })[]): HTMLElement {
  const closed = incident.state === "closed";
  const owner = h("select", { "data-testid": "incident-owner", disabled: closed },
    h("option", { value: "" }, t("incident_no_owner")),
    owners.map((o) => h("option", { value: String(o.id) }, o.name))) as HTMLSelectElement;
  owner.value = incident.owner ? String(incident.owner.id) : "";
  const severity = h("select", { "data-testid": "incident-severity-select", disabled: closed },
    SEVERITIES.map((s) => h("option", { value: s }, tr(`incident_severity_${s}`, s)))) as HTMLSelectElement;
  severity.value = incident.severity;
  const summary = h("input", { type: "text", dir: "auto", maxlength: 500, value: incident.summary, disabled: closed,
    "data-testid": "incident-summary" }) as HTMLInputElement;
  const message = h("div");
  const save = h("button", { type: "button", disabled: closed, "data-testid": "incident-save" }, t("save"));
  save.addEventListener("click", () => attempt(message, async () => {
    await api("PATCH", `/incidents/${incident.id}`,
      { owner_id: owner.value ? Number(owner.value) : null, severity: severity.value, summary: summary.value });
    app.refresh();
  }));
  return h("div", { class: "card" },
    h("div", { class: "row" }, h("label", {}, t("incident_owner"), " ", owner), h("label", {}, t("incident_severity"), " ", severity)),
    h("label", {}, t("incident_summary"), summary), h("p", { class: "muted" }, t("incident_summary_hint")),
    save, message);
}

function noteBox(app: App, incident: IncidentDetail): HTMLElement {
  const text = h("textarea", { rows: 3, dir: "auto", "data-testid": "note-text", placeholder: t("incident_note_placeholder") }) as HTMLTextAreaElement;
  const message = h("div");
  const add = h("button", { type: "button", class: "primary", "data-testid": "add-note" }, t("incident_add_note"));
  add.addEventListener("click", () => attempt(message, async () => {
    await api("POST", `/incidents/${incident.id}/notes`, { text: text.value });
    app.refresh();
  }));
  return h("div", { class: "card" }, h("label", {}, t("incident_note"), text), add, message);
}

// The playbook's texts in a chosen language (the reader's at first); a text that does not
// pass the policy shows why and cannot be copied.
function playbookBox(incident: IncidentDetail): HTMLElement {
  const slot = h("div", { "data-testid": "playbook" });
  const lang = h("select", { "data-testid": "playbook-language" },
    languages.map((l) => h("option", { value: l.code }, l.name))) as HTMLSelectElement;
  lang.value = languages.some((l) => l.code === language()) ? language() : "en";
  const load = () => attempt(slot, async () => {
    const r = await api<{ language: string; texts: PlaybookText[] }>("GET", `/incidents/${incident.id}/playbook?lang=${lang.value}`);
    slot.replaceChildren(...r.texts.map((p) => {
      const status = h("span", { role: "status" });
      const copy = h("button", { type: "button", disabled: !p.copyable, "data-testid": `copy-${p.kind}` }, t("playbook_copy")) as HTMLButtonElement;
      copy.addEventListener("click", async () => {
        try {
          await navigator.clipboard.writeText(p.text);
          status.textContent = t("playbook_copied");
        } catch {
          status.textContent = t("playbook_copy_failed");
        }
      });
      return h("article", { class: "card", "data-testid": `playbook-${p.kind}` },
        h("h3", {}, tr(`playbook_kind_${p.kind}`, p.kind), " ",
          h("span", { class: `badge sev-${p.verdict}` }, verdictLabel(p.verdict))),
        p.copyable
          ? textIn("p", r.language, p.text, [], { class: "post-text", "data-testid": "playbook-text" })
          : resultView(p.text, { verdict: p.verdict, language: r.language, findings: p.findings }),
        p.copyable ? "" : h("p", { class: "error", "data-testid": "not-copyable" }, t("playbook_not_copyable")),
        h("div", { class: "row" }, copy, status));
    }));
  });
  lang.addEventListener("change", () => void load());
  void load();
  return h("section", {}, h("h2", {}, t("playbook_title")), h("p", { class: "muted" }, t("playbook_intro")),
    h("label", {}, t("playbook_language"), " ", lang), slot);
}

export async function incidentView(app: App, id: number): Promise<HTMLElement> {
  const r = await api<{ incident: IncidentDetail; owner_candidates: (Person & { role: string })[] }>("GET", `/incidents/${id}`);
  const i = r.incident;
  const people = new Map(r.owner_candidates.map((p) => [p.id, p.name]));
  for (const e of i.timeline) if (e.author) people.set(e.author.id, e.author.name);
  const post = i.post
    ? resultView(i.post.text, { verdict: i.post.verdict, language: i.post.language, findings: i.post.findings })
    : h("p", { class: "notice", "data-testid": "post-gone" }, t("incident_post_gone"));
  return h("main", {}, h("h1", {}, t("incident"), ` #${i.id}`),
    h("p", {}, severityBadge(i.severity), " ", h("strong", { "data-testid": "incident-state" }, stateLabel(i.state)),
      i.outcome ? [" · ", h("span", { "data-testid": "incident-outcome-label" }, tr(`incident_outcome_${i.outcome}`, i.outcome))] : "",
      " · ", t("incident_opened"), " ", formatDate(i.opened_at),
      i.closed_at ? [" · ", h("span", { "data-testid": "time-to-close" },
        t("incident_time_to_close", { duration: formatWaiting(i.opened_at, i.closed_at) }))] : ""),
    h("p", { class: "muted" }, h("bdi", {}, i.author?.name ?? ""), " · ", platformName(i.platform),
      i.published ? [" · ", i.published.slice(0, 10)] : "",
      i.url ? [" · ", h("a", { href: i.url, rel: "noopener noreferrer", target: "_blank" }, t("open_on_platform"))] : ""),
    post,
    stateBox(app, i), detailsBox(app, i, r.owner_candidates),
    h("h2", {}, t("incident_timeline")),
    h("ul", { class: "history", "data-testid": "timeline" }, i.timeline.map((e) => eventLine(e, people))),
    noteBox(app, i),
    playbookBox(i));
}
