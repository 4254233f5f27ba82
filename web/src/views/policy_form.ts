// The policy draft as a form (admins): the organization's names, the company lists, the
// languages, category switches, each clause's verdict and on/off state, and custom clauses
// with their terms and texts. Saves go through PUT /policy/versions/{id}/form with the
// revision the form was read at, so a save never silently overwrites someone else's.
import { api } from "../api";
import { attempt, type App, verdictLabel } from "../app";
import { h } from "../dom";
import { type Key, language, languages, plural, t, tr } from "../i18n";

type Localized = Record<string, string>;
export interface ClauseForm {
  id: string; category: string; built_in: boolean; verdict: string; enabled: boolean;
  default_verdict: string; default_enabled: boolean; terms: string[]; title: Localized; message: Localized; advice: Localized;
}
export interface PolicyFormData {
  revision: string;
  organization: { name: string; aliases: string[]; brands: string[] };
  lists: Record<string, string[]>;
  languages: string[];
  monitoring?: { enabled: boolean; grace_days: number };
  categories: Record<string, { enabled: boolean | null; verdict: string | null }>;
  clauses: ClauseForm[];
  problems?: { line: number; column: number; message: string }[];
}

const listKeys = ["clients", "competitors", "confidential_terms", "approved_disclosures",
  "official_accounts", "internal_domains", "allow"] as const;
const categories = ["confidential", "client_info", "financial", "personal_data", "credentials", "legal",
  "politics", "religion", "disparagement", "offensive", "location", "impersonation"];
const verdicts = ["caution", "review", "block"];

// Lines of a textarea as a list: trimmed, without empty lines or repeats.
export function linesOf(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const item = line.trim().replace(/\s+/g, " ");
    if (item) seen.add(item);
  }
  return [...seen];
}

function localized(text: Localized): string {
  return text[language()] ?? text.en ?? Object.values(text)[0] ?? "";
}

function listArea(items: string[], testid: string): HTMLTextAreaElement {
  const area = h("textarea", { rows: Math.min(12, Math.max(3, items.length + 1)), dir: "auto", "data-testid": testid }) as HTMLTextAreaElement;
  area.value = items.join("\n");
  return area;
}

function choice(options: [string, string][], value: string, label: string): HTMLSelectElement {
  const s = h("select", { "aria-label": label }) as HTMLSelectElement;
  for (const [v, text] of options) {
    const o = h("option", { value: v }, text) as HTMLOptionElement;
    o.selected = v === value;
    s.append(o);
  }
  return s;
}

const verdictOptions = (): [string, string][] => verdicts.map((v) => [v, verdictLabel(v)]);

export interface PolicyFormEditor {
  element: HTMLElement;
  // Saves the form and the draft's title; false when local checks failed (shown in place).
  save(): Promise<boolean>;
}

export function policyFormView(app: App, id: number, form: PolicyFormData, titleOf: () => string): PolicyFormEditor {
  const root = h("div", { class: "policy-form", "data-testid": "policy-form" });
  const status = h("div", { role: "status" });

  // Organization and lists.
  const name = h("input", { value: form.organization.name, required: true }) as HTMLInputElement;
  const aliases = listArea(form.organization.aliases, "list-aliases");
  const brands = listArea(form.organization.brands, "list-brands");
  const lists = new Map<string, HTMLTextAreaElement>();
  for (const key of listKeys) lists.set(key, listArea(form.lists[key] ?? [], `list-${key}`));
  const countOf = (area: HTMLTextAreaElement) => {
    const out = h("span", { class: "muted" });
    const update = () => (out.textContent = plural("entries_n", linesOf(area.value).length));
    area.addEventListener("input", update);
    update();
    return out;
  };
  root.append(h("section", { class: "card" }, h("h2", {}, t("form_organization")),
    h("label", {}, t("organization_name"), name),
    h("div", { class: "grid" }, h("label", {}, t("form_aliases"), aliases), h("label", {}, t("form_brands"), brands)),
    h("p", { class: "muted" }, t("one_per_line"))));
  root.append(h("section", { class: "card" }, h("h2", {}, t("form_lists")), h("p", { class: "muted" }, t("one_per_line")),
    listKeys.map((key) => h("div", { class: "list-field" },
      h("label", {}, h("strong", {}, t(`list_${key}` as Key)), " ", countOf(lists.get(key)!), h("br"),
        h("span", { class: "muted" }, t(`list_${key}_help` as Key)), lists.get(key)!)))));

  // Languages.
  const languageBoxes = languages.map((l) => {
    const box = h("input", { type: "checkbox", value: l.code }) as HTMLInputElement;
    box.checked = form.languages.includes(l.code);
    return { code: l.code, box, label: h("label", { class: "inline" }, box, " ", l.name) };
  });
  root.append(h("section", { class: "card" }, h("h2", {}, t("form_languages")), h("p", { class: "muted" }, t("form_languages_help")),
    h("div", { class: "row" }, languageBoxes.map((b) => b.label))));

  // Monitoring of published posts.
  const monitoringOn = h("input", { type: "checkbox", "data-testid": "form-monitoring" }) as HTMLInputElement;
  monitoringOn.checked = form.monitoring?.enabled ?? false;
  const graceDays = h("input", { type: "number", min: 0, max: 365, "data-testid": "form-grace-days",
    value: form.monitoring?.grace_days ?? 7 }) as HTMLInputElement;
  root.append(h("section", { class: "card" }, h("h2", {}, t("form_monitoring")),
    h("p", { class: "muted" }, t("form_monitoring_help")),
    h("label", { class: "inline" }, monitoringOn, " ", t("form_monitoring_enabled")), " ",
    h("label", { class: "inline" }, t("form_grace_days"), " ", graceDays)));

  // Categories, then the clauses of each category.
  const categoryControls = new Map<string, { enabled: HTMLSelectElement; verdict: HTMLSelectElement }>();
  const clauseControls = new Map<string, { verdict: HTMLSelectElement; enabled: HTMLInputElement }>();
  const custom = form.clauses.filter((c) => !c.built_in);
  const removed = new Set<string>();
  const categoryRows = categories.map((category) => {
    const setting = form.categories[category] ?? { enabled: null, verdict: null };
    const enabled = choice([["", t("per_clause")], ["on", t("switch_on")], ["off", t("switch_off")]],
      setting.enabled === null ? "" : setting.enabled ? "on" : "off", t("enabled"));
    const verdict = choice([["", t("per_clause")], ...verdictOptions()], setting.verdict ?? "", t("verdict"));
    categoryControls.set(category, { enabled, verdict });
    const clauses = form.clauses.filter((c) => c.category === category && c.built_in);
    const clauseRows = clauses.map((c) => {
      const v = choice(verdictOptions(), c.verdict, t("verdict"));
      const on = h("input", { type: "checkbox", "data-testid": `clause-enabled-${c.id}` }) as HTMLInputElement;
      on.checked = c.enabled;
      v.dataset.testid = `clause-verdict-${c.id}`;
      clauseControls.set(c.id, { verdict: v, enabled: on });
      const changed = c.verdict !== c.default_verdict || c.enabled !== c.default_enabled;
      return h("tr", {}, h("td", {}, h("label", { class: "inline" }, on, " ", localized(c.title) || c.id),
        h("div", { class: "muted small" }, h("code", { dir: "ltr" }, c.id), changed ? [" · ", t("changed_from_default")] : null)),
        h("td", {}, v));
    });
    const sync = () => {
      for (const c of clauses) {
        const controls = clauseControls.get(c.id)!;
        controls.verdict.disabled = verdict.value !== "";
        controls.enabled.disabled = enabled.value !== "";
      }
    };
    enabled.addEventListener("change", sync);
    verdict.addEventListener("change", sync);
    sync();
    return h("details", { class: "category" },
      h("summary", {}, h("strong", {}, tr(`category_${category}`, category)), " ",
        h("span", { class: "muted" }, plural("clauses_n", clauses.length))),
      h("div", { class: "row" }, h("label", {}, t("category_switch"), enabled), h("label", {}, t("category_verdict"), verdict)),
      h("table", {}, h("tbody", {}, clauseRows)));
  });
  root.append(h("section", { class: "card" }, h("h2", {}, t("form_clauses")), h("p", { class: "muted" }, t("form_clauses_help")), categoryRows));

  // Custom clauses: existing ones (remove) and a new one.
  const customList = h("div", {}, custom.map((c) => {
    const remove = h("button", { type: "button" }, t("remove"));
    const row = h("div", { class: "custom-clause" }, h("p", {}, h("strong", {}, localized(c.title) || c.id), " ",
      h("code", { dir: "ltr" }, c.id), " · ", tr(`category_${c.category}`, c.category), " · ", verdictLabel(c.verdict),
      c.enabled ? null : [" · ", t("switch_off")]),
      h("p", { class: "muted" }, t("terms"), ": ", c.terms.join(", ")), h("p", {}, localized(c.message)), remove);
    remove.addEventListener("click", () => {
      removed.add(c.id);
      row.remove();
    });
    return row;
  }));
  const newId = h("input", { dir: "ltr", placeholder: "custom.products", "data-testid": "custom-id" }) as HTMLInputElement;
  const newCategory = choice(categories.map((c) => [c, tr(`category_${c}`, c)]), "confidential", t("category"));
  const newVerdict = choice(verdictOptions(), "review", t("verdict"));
  const newTerms = h("textarea", { rows: 3, dir: "auto", "data-testid": "custom-terms" }) as HTMLTextAreaElement;
  const texts = languages.map((l) => ({
    code: l.code,
    title: h("input", { dir: l.dir, lang: l.code }) as HTMLInputElement,
    message: h("textarea", { rows: 2, dir: l.dir, lang: l.code, "data-testid": `custom-message-${l.code}` }) as HTMLTextAreaElement,
    advice: h("textarea", { rows: 2, dir: l.dir, lang: l.code }) as HTMLTextAreaElement,
  }));
  root.append(h("section", { class: "card" }, h("h2", {}, t("custom_clauses")), h("p", { class: "muted" }, t("custom_clauses_help")),
    customList,
    h("details", {}, h("summary", {}, t("add_custom_clause")),
      h("div", { class: "grid" }, h("label", {}, t("clause_id"), newId), h("label", {}, t("category"), newCategory),
        h("label", {}, t("verdict"), newVerdict)),
      h("label", {}, t("terms"), " ", h("span", { class: "muted" }, t("one_per_line")), newTerms),
      texts.map((x) => h("fieldset", {}, h("legend", {}, languages.find((l) => l.code === x.code)!.name),
        h("label", {}, t("clause_title"), x.title), h("label", {}, t("clause_message"), " ",
          h("span", { class: "muted" }, t("clause_message_help")), x.message),
        h("label", {}, t("advice"), x.advice))))));

  // Saving.
  const problems = h("ul", { class: "problems" });
  const showProblems = (list: PolicyFormData["problems"]) =>
    problems.replaceChildren(...(list ?? []).map((p) => h("li", { class: "error" }, `${p.line}:${p.column} `, p.message)));
  showProblems(form.problems);
  const save = h("button", { type: "button", class: "primary", "data-testid": "save-form" }, t("save"));
  const submit = async (): Promise<boolean> => {
    const body: Record<string, unknown> = {
      revision: form.revision,
      title: titleOf(),
      organization: { name: name.value.trim(), aliases: linesOf(aliases.value), brands: linesOf(brands.value) },
      lists: Object.fromEntries(listKeys.map((k) => [k, linesOf(lists.get(k)!.value)])),
      languages: languageBoxes.filter((b) => b.box.checked).map((b) => b.code),
      monitoring: { enabled: monitoringOn.checked, grace_days: Number(graceDays.value) || 0 },
      categories: Object.fromEntries([...categoryControls].map(([c, x]) => [c, {
        enabled: x.enabled.value === "" ? null : x.enabled.value === "on",
        verdict: x.verdict.value || null }])),
      clauses: [...clauseControls].map(([cid, x]) => ({ id: cid, verdict: x.verdict.value, enabled: x.enabled.checked })),
      remove_clauses: [...removed],
    };
    if (newId.value.trim() || linesOf(newTerms.value).length) {
      const message = Object.fromEntries(texts.filter((x) => x.message.value.trim()).map((x) => [x.code, x.message.value.trim()]));
      const local: string[] = [];
      if (!/^[a-z0-9_.-]{1,64}$/.test(newId.value.trim())) local.push(t("clause_id_help"));
      if (!linesOf(newTerms.value).length) local.push(t("custom_needs_terms"));
      if (!Object.keys(message).length) local.push(t("custom_needs_message"));
      if (local.length) {
        status.replaceChildren(...local.map((m) => h("p", { class: "error", role: "alert" }, m)));
        return false;
      }
      (body.clauses as unknown[]).push({
        id: newId.value.trim(), category: newCategory.value, verdict: newVerdict.value, enabled: true,
        terms: linesOf(newTerms.value), message,
        title: Object.fromEntries(texts.filter((x) => x.title.value.trim()).map((x) => [x.code, x.title.value.trim()])),
        advice: Object.fromEntries(texts.filter((x) => x.advice.value.trim()).map((x) => [x.code, x.advice.value.trim()])),
      });
    }
    const saved = await api<PolicyFormData>("PUT", `/policy/versions/${id}/form`, body);
    form.revision = saved.revision;
    showProblems(saved.problems);
    sessionStorage.setItem("chorus.notice", saved.problems?.length ? "saved_with_problems" : "saved");
    return true;
  };
  save.addEventListener("click", () => attempt(status, async () => {
    if (await submit()) app.refresh();
  }));
  root.append(h("div", { class: "card" }, problems, h("div", { class: "row" }, save), status));
  return { element: root, save: submit };
}
