// Administration: people and teams (add, deactivate, change role and team, CSV import; rename
// and delete teams), policy versions (draft, edit, publish, compare, acknowledgement by team,
// comments) and the audit log.
import { api } from "../api";
import { attempt, type App, errorBox, pageTitle } from "../app";
import { tx } from "../bidi";
import { h } from "../dom";
import { formatDate, formatNumber, language, languages, plural, t, tr } from "../i18n";
import { charterView } from "./policy";
import { type PolicyFormData, type PolicyFormEditor, policyFormView } from "./policy_form";
import { type PublishSummary, publishSummaryView } from "./publish_summary";

interface Person { id: number; email: string; name: string; role: string; language: string; team: string | null; active: boolean }
interface Version { id: number; number: number | null; title: string; status: string; created_at: number; published_at: number | null; yaml?: string; revision?: string;
  charter?: any; problems?: { line: number; column: number; message: string }[] }

function select(name: string, options: [string, string][], value = ""): HTMLSelectElement {
  const s = h("select", { name }) as HTMLSelectElement;
  for (const [v, label] of options) {
    const o = h("option", { value: v }, label) as HTMLOptionElement;
    o.selected = v === value;
    s.append(o);
  }
  return s;
}

const roles = (): [string, string][] => ["employee", "reviewer", "admin"].map((r) => [r, tr(`role_${r}`, r)]);

interface Team { id: number; name: string; members?: number }

// Saves a select's new value; on failure shows the error and puts the old value back.
function saveOnChange(field: HTMLSelectElement, slot: HTMLElement, save: (value: string) => Promise<void>): void {
  let saved = field.value;
  field.addEventListener("change", () => attempt(slot, async () => {
    try {
      await save(field.value);
      saved = field.value;
    } catch (error) {
      field.value = saved;
      throw error;
    }
  }));
}

function teamRow(app: App, team: Team): HTMLElement {
  const name = h("input", { class: "inline", "aria-label": t("team"), maxlength: 200, "data-testid": `team-name-${team.id}` }) as HTMLInputElement;
  name.value = team.name;
  const slot = h("div");
  const rename = h("button", { type: "button", "data-testid": `rename-team-${team.id}` }, t("rename"));
  const doRename = () => attempt(slot, async () => {
    await api("PATCH", `/teams/${team.id}`, { name: name.value });
    app.refresh();
  });
  rename.addEventListener("click", () => void doRename());
  name.addEventListener("keydown", (e) => { if ((e as KeyboardEvent).key === "Enter") void doRename(); });
  const remove = h("button", { type: "button", class: "danger", "data-testid": `delete-team-${team.id}` }, t("delete"));
  remove.addEventListener("click", () => {
    const yes = h("button", { type: "button", class: "danger", "data-testid": `confirm-delete-team-${team.id}` }, t("delete"));
    const no = h("button", { type: "button" }, t("cancel"));
    yes.addEventListener("click", () => attempt(slot, async () => {
      await api("DELETE", `/teams/${team.id}`);
      app.refresh();
    }));
    no.addEventListener("click", () => slot.replaceChildren());
    slot.replaceChildren(h("p", { class: "notice", role: "alert" },
      tx("team_delete_confirm", { name: team.name, n: formatNumber(team.members ?? 0) })), h("div", { class: "row" }, yes, no));
  });
  return h("tr", { "data-testid": `team-${team.id}` }, h("td", {}, name),
    h("td", { "data-testid": `team-members-${team.id}` }, formatNumber(team.members ?? 0)),
    h("td", {}, h("div", { class: "row" }, rename, remove), slot));
}

function teamsCard(app: App, teams: Team[]): HTMLElement {
  return h("div", { class: "card", "data-testid": "teams" }, h("h2", {}, t("teams")),
    teams.length
      ? h("table", {}, h("thead", {}, h("tr", {}, [t("team"), t("team_members"), t("actions")].map((c) => h("th", {}, c)))),
          h("tbody", {}, teams.map((team) => teamRow(app, team))))
      : h("p", { class: "muted" }, t("no_teams")));
}

// The invitation link of the person just added without a password, shown once.
let lastInvitation: { name: string; token: string; expires_at: number } | null = null;

function invitationNotice(): HTMLElement | null {
  if (!lastInvitation) return null;
  const inv = lastInvitation;
  lastInvitation = null;
  const link = h("input", { readonly: true, value: `${location.origin}${location.pathname}#/invite/${inv.token}`, dir: "ltr",
                            "data-testid": "invitation-link" }) as HTMLInputElement;
  return h("section", { class: "notice", role: "status", "data-testid": "invitation" },
    h("p", {}, tx("invitation_made", { name: inv.name, date: formatDate(inv.expires_at) })),
    h("label", {}, t("invitation_link"), link));
}

export async function peopleView(app: App): Promise<HTMLElement> {
  const [r, teamList] = await Promise.all([api<{ users: Person[] }>("GET", "/users"), api<{ teams: Team[] }>("GET", "/teams")]);
  const teamOptions: [string, string][] = [["", t("no_team")], ...teamList.teams.map((x) => [x.name, x.name] as [string, string])];
  const rows = r.users.map((u) => {
    const toggle = h("button", { type: "button" }, u.active ? t("deactivate") : t("activate"));
    const slot = h("span");
    toggle.addEventListener("click", () => attempt(slot, async () => {
      await api("PATCH", `/users/${u.id}`, { active: !u.active });
      app.refresh();
    }));
    const newPassword = h("input", { type: "password", autocomplete: "new-password", placeholder: t("new_password"),
                                     "aria-label": t("new_password_for", { name: u.name || u.email }) }) as HTMLInputElement;
    const setPassword = h("button", { type: "button" }, t("set_password"));
    setPassword.addEventListener("click", () => attempt(slot, async () => {
      await api("PATCH", `/users/${u.id}`, { password: newPassword.value });
      newPassword.value = "";
      slot.replaceChildren(h("span", { class: "notice" }, t("saved")));
    }));
    const role = select("role", roles(), u.role);
    role.setAttribute("aria-label", t("role"));
    role.dataset.testid = `role-${u.id}`;
    role.disabled = u.id === app.user.id; // the server also refuses taking away one's own admin role
    saveOnChange(role, slot, async (value) => {
      await api("PATCH", `/users/${u.id}`, { role: value });
      slot.replaceChildren(h("span", { class: "notice" }, t("saved")));
    });
    const team = select("team", teamOptions, u.team ?? "");
    team.setAttribute("aria-label", t("team"));
    team.dataset.testid = `team-of-${u.id}`;
    saveOnChange(team, slot, async (value) => {
      await api("PATCH", `/users/${u.id}`, { team: value });
      app.refresh(); // member counts change
    });
    return h("tr", { class: u.active ? "" : "inactive" }, h("td", {}, u.name), h("td", {}, u.email),
      h("td", {}, role), h("td", {}, team), h("td", {}, u.language),
      h("td", {}, u.active ? t("active") : t("inactive")),
      h("td", {}, toggle, h("details", {}, h("summary", {}, t("set_password")), newPassword, setPassword), slot));
  });
  const email = h("input", { type: "email", name: "email", required: true }) as HTMLInputElement;
  const name = h("input", { name: "name" }) as HTMLInputElement;
  const team = h("input", { name: "team", list: "team-names" }) as HTMLInputElement;
  const teamNames = h("datalist", { id: "team-names" }, teamList.teams.map((x) => h("option", { value: x.name })));
  const role = select("role", roles());
  const lang = select("language", languages.map((l) => [l.code, l.name]));
  const password = h("input", { type: "password", name: "password", autocomplete: "new-password" }) as HTMLInputElement;
  const addSlot = h("div");
  const add = h("form", { class: "card" }, h("h2", {}, t("add_person")),
    h("div", { class: "grid" }, h("label", {}, t("email"), email), h("label", {}, t("name"), name),
      h("label", {}, t("team"), team, teamNames), h("label", {}, t("role"), role), h("label", {}, t("language"), lang),
      h("label", {}, t("initial_password"), password, h("span", { class: "muted small" }, t("invitation_hint")))),
    h("button", { type: "submit", class: "primary" }, t("add")), addSlot);
  add.addEventListener("submit", (e) => {
    e.preventDefault();
    void attempt(addSlot, async () => {
      const r = await api<{ user: { name: string; email: string }; invitation?: { token: string; expires_at: number } }>(
        "POST", "/users", { email: email.value, name: name.value, team: team.value, role: role.value,
                            language: lang.value, password: password.value || undefined });
      // Added without a password: the link to pass on is shown above the list after it reloads.
      if (r.invitation) lastInvitation = { name: r.user.name || r.user.email, ...r.invitation };
      app.refresh();
    });
  });
  const csv = h("textarea", { rows: 4, placeholder: "email,name,role,team,language", "aria-label": t("csv_rows") }) as HTMLTextAreaElement;
  const report = h("div");
  const importButton = h("button", { type: "button" }, t("import"));
  importButton.addEventListener("click", () => attempt(report, async () => {
    const res = await api<{ created: number; failed: number; rows: any[]; error?: { code: string; message: string } }>(
      "POST", "/users/import", { csv: csv.value });
    report.replaceChildren(h("p", {}, t("import_result", { created: formatNumber(res.created), failed: formatNumber(res.failed) })),
      res.error ? h("p", { class: "error" }, tr(`error_${res.error.code}`, res.error.message)) : "",
      h("table", {}, res.rows.map((row) => h("tr", { class: row.created ? "" : "error" }, h("td", {}, t("row_n", { n: row.row })),
        h("td", {}, row.email), h("td", {}, row.created ? [t("created"), " — ", t("initial_password"), ": ", h("code", {}, row.initial_password)]
          : tr(`error_${row.error.code}`, row.error.message))))));
  }));
  return h("main", {}, pageTitle("people"), invitationNotice(),
    h("table", {}, h("thead", {}, h("tr", {}, [t("name"), t("email"), t("role"), t("team"), t("language"), t("status"), t("actions")].map((c) => h("th", {}, c)))),
      h("tbody", {}, rows)),
    teamsCard(app, teamList.teams),
    add, h("div", { class: "card" }, h("h2", {}, t("import_csv")), h("p", { class: "muted" }, t("import_intro")), csv, importButton, report));
}

export async function versionsView(app: App): Promise<HTMLElement> {
  const r = await api<{ versions: Version[] }>("GET", "/policy/versions");
  const main = h("main", {}, pageTitle("policy_versions"));
  main.append(h("table", {}, h("tbody", {}, r.versions.map((v) => h("tr", {},
    h("td", {}, h("a", { href: `#/versions/${v.id}` }, v.title)),
    h("td", {}, v.number ? t("version_n", { n: v.number }) : ""),
    h("td", {}, tr(`status_${v.status}`, v.status)),
    h("td", {}, formatDate(v.published_at ?? v.created_at)))))));
  if (app.user.role === "admin") {
    const title = h("input", { name: "title", required: true, "data-testid": "draft-title" }) as HTMLInputElement;
    const template = select("template_language", languages.map((l) => [l.code, l.name]), language());
    const current = r.versions.find((v) => v.status === "published");
    const from = select("from", [["", t("from_template")], ...(current ? [[String(current.id), t("from_current")] as [string, string]] : [])],
      current ? String(current.id) : "");
    const slot = h("div");
    const form = h("form", { class: "card" }, h("h2", {}, t("new_draft")),
      h("div", { class: "grid" }, h("label", {}, t("title"), title), h("label", {}, t("start_from"), from),
        h("label", {}, t("template_language"), template)),
      h("button", { type: "submit", class: "primary", "data-testid": "create-draft" }, t("create_draft")), slot);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void attempt(slot, async () => {
        const res = await api<{ version: Version }>("POST", "/policy/versions", {
          title: title.value, template_language: template.value, from_version: from.value ? Number(from.value) : undefined });
        app.navigate(`#/versions/${res.version.id}`);
      });
    });
    main.append(form);
  }
  return main;
}

// The changed lines of a diff with `n` unchanged lines around each change; null marks the
// unchanged lines left out between two changes. Empty when nothing changed.
export function withContext(lines: { op: string; text: string }[], n: number): ({ op: string; text: string } | null)[] {
  const keep = lines.map(() => false);
  lines.forEach((l, i) => {
    if (l.op === " ") return;
    for (let k = Math.max(0, i - n); k <= Math.min(lines.length - 1, i + n); k++) keep[k] = true;
  });
  const out: ({ op: string; text: string } | null)[] = [];
  lines.forEach((l, i) => {
    if (keep[i]) out.push(l);
    else if (out.length && out[out.length - 1] !== null && keep.slice(i).includes(true)) out.push(null);
  });
  return out;
}

export async function versionView(app: App, id: number): Promise<HTMLElement> {
  const r = await api<{ version: Version }>("GET", `/policy/versions/${id}?lang=${language()}`);
  const v = r.version;
  const admin = app.user.role === "admin";
  const main = h("main", {}, h("h1", {}, v.title),
    h("p", { class: "muted" }, tr(`status_${v.status}`, v.status), v.number ? [" · ", t("version_n", { n: v.number })] : null,
      " · ", formatDate(v.published_at ?? v.created_at)));
  if (admin && v.status === "draft") main.append(await draftEditor(app, id, v));
  if (admin && v.status === "published") {
    const acks = await api<{ acknowledged: number; total: number; teams: { team: string; acknowledged: number; total: number }[];
      people: { name: string; team: string; acknowledged_at: number | null }[] }>(
      "GET", `/policy/versions/${id}/acknowledgements`);
    const missing = acks.people.filter((p) => !p.acknowledged_at);
    const rates = h("table", { "data-testid": "ack-teams" }, h("thead", {}, h("tr", {}, h("th", {}, t("team")), h("th", {}, t("acknowledged_rate")))),
      h("tbody", {}, acks.teams.map((r) => h("tr", {}, h("td", {}, h("bdi", {}, r.team || "—")),
        h("td", {}, `${r.acknowledged} / ${r.total} (${formatNumber(Math.round((100 * r.acknowledged) / Math.max(1, r.total)))} %)`)))));
    main.append(h("div", { class: "card" }, h("h2", {}, t("acknowledgements")),
      h("p", { "data-testid": "ack-count" }, plural("acknowledged_count", acks.total, { n: acks.acknowledged, total: acks.total })),
      rates,
      missing.length ? h("p", {}, h("a", { href: `/api/v1/policy/versions/${id}/acknowledgements?format=csv&missing=1`, download: "",
        class: "button", "data-testid": "ack-csv" }, t("download_not_acknowledged"))) : null,
      missing.length ? h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, t("team")), h("th", {}, t("not_acknowledged")))),
        h("tbody", {}, missing.map((p) => h("tr", {}, h("td", {}, p.team || "—"), h("td", {}, p.name))))) : null));
  }
  if (admin) {
    const all = await api<{ versions: Version[] }>("GET", "/policy/versions");
    const others = all.versions.filter((o) => o.id !== id);
    if (others.length) {
      const against = select("against", others.map((o) => [String(o.id), `${o.title} (${o.number ? t("version_n", { n: o.number }) : tr("status_draft", "draft")})`]));
      against.setAttribute("aria-label", t("compare_with"));
      const out = h("div");
      const compare = h("button", { type: "button" }, t("compare"));
      compare.addEventListener("click", () => attempt(out, async () => {
        const d = await api<{ lines: { op: string; text: string }[] }>("GET", `/policy/versions/${id}/diff?against=${against.value}`);
        const shown = withContext(d.lines, 3);
        out.replaceChildren(shown.length ? h("pre", { class: "diff", dir: "ltr" }, shown.map((l) => l === null
          ? h("span", { class: "gap" }, "⋯\n")
          : h("span", { class: l.op === "+" ? "add" : l.op === "-" ? "del" : "ctx" }, `${l.op} ${l.text}\n`))) : h("p", { class: "muted" }, t("no_differences")));
      }));
      main.append(h("div", { class: "card" }, h("h2", {}, t("compare_with")), h("div", { class: "row" }, against, compare), out));
    }
  }
  if (v.charter) main.append(h("h2", {}, t("preview")), charterView(v.charter));
  if (v.status === "draft") {
    const c = await api<{ comments: { author: { name: string } | null; text: string; created_at: number }[] }>("GET", `/policy/versions/${id}/comments`);
    const text = h("textarea", { rows: 2, dir: "auto", "aria-label": t("comment_send") }) as HTMLTextAreaElement;
    const slot = h("div");
    const send = h("button", { type: "button" }, t("comment_send"));
    send.addEventListener("click", () => attempt(slot, async () => {
      await api("POST", `/policy/versions/${id}/comments`, { text: text.value });
      app.refresh();
    }));
    main.append(h("div", { class: "card" }, h("h2", {}, t("draft_comments")), h("p", { class: "muted" }, t("draft_comments_intro")),
      c.comments.map((x) => h("p", {}, h("strong", {}, h("bdi", {}, x.author?.name ?? "")), " · ", formatDate(x.created_at), h("br"), h("span", { dir: "auto" }, x.text))),
      text, send, slot));
  }
  return main;
}

// The draft editor: the policy as a form, or as YAML text (with line-numbered problems).
async function draftEditor(app: App, id: number, v: Version): Promise<HTMLElement> {
  const notice = sessionStorage.getItem("chorus.notice");
  sessionStorage.removeItem("chorus.notice");
  const title = h("input", { value: v.title }) as HTMLInputElement;
  title.value = v.title;
  const yaml = h("textarea", { rows: 24, class: "code", spellcheck: "false", dir: "ltr", wrap: "off", "data-testid": "policy-yaml" }) as HTMLTextAreaElement;
  yaml.value = v.yaml ?? "";
  let revision = v.revision ?? "";
  let savedYaml = yaml.value;
  // Line numbers beside the text, kept in step with it; each problem is a button that puts the
  // cursor on its line and column.
  const gutter = h("pre", { class: "gutter", "aria-hidden": "true", dir: "ltr" });
  const number = () => {
    const lines = yaml.value.split("\n").length;
    if (gutter.childElementCount !== lines)
      gutter.replaceChildren(...Array.from({ length: lines }, (_, i) => h("span", {}, String(i + 1))));
    gutter.scrollTop = yaml.scrollTop;
  };
  yaml.addEventListener("input", number);
  yaml.addEventListener("scroll", () => { gutter.scrollTop = yaml.scrollTop; });
  const goTo = (line: number, column: number) => {
    const starts = [0];
    for (let i = 0; i < yaml.value.length; i++) if (yaml.value[i] === "\n") starts.push(i + 1);
    const at = Math.min(yaml.value.length, (starts[Math.max(0, line - 1)] ?? 0) + Math.max(0, column - 1));
    if (tab !== "text") {
      // Through the tab button, which saves the form first; the jump follows the new render.
      sessionStorage.setItem("chorus.jump", `${line}:${column}`);
      (tabs.querySelector("[data-tab=text]") as HTMLButtonElement).click();
      return;
    }
    yaml.focus();
    yaml.setSelectionRange(at, at);
    const lineHeight = yaml.scrollHeight / Math.max(1, starts.length);
    yaml.scrollTop = Math.max(0, (line - 3) * lineHeight);
    number();
  };
  const problemItem = (p: { line: number; column: number; message: string }) => {
    const at = h("button", { type: "button", class: "link", "data-testid": "problem-at" }, t("line_column", { line: p.line, column: p.column }));
    at.addEventListener("click", () => goTo(p.line, p.column));
    return h("li", { class: "error" }, at, " ", h("span", { dir: "ltr" }, p.message));
  };
  const problems = h("ul", { class: "problems" }, (v.problems ?? []).map(problemItem));
  const slot = h("div", { role: "status" }, notice === "saved" || notice === "saved_with_problems" ? h("p", { class: "notice" }, t(notice)) : null);
  const saveText = async () => {
    const res = await api<{ problems: { line: number; column: number; message: string }[]; revision: string }>(
      "PUT", `/policy/versions/${id}`, { title: title.value, yaml: yaml.value, revision });
    revision = res.revision;
    savedYaml = yaml.value;
    problems.replaceChildren(...res.problems.map(problemItem));
    return res.problems.length;
  };
  const save = h("button", { type: "button", "data-testid": "save-text" }, t("save"));
  save.addEventListener("click", () => attempt(slot, async () => {
    const count = await saveText();
    slot.replaceChildren(h("p", { class: "notice" }, count ? t("saved_with_problems") : t("saved")));
  }));
  let formEditor: PolicyFormEditor | null = null;
  const publish = h("button", { type: "button", class: "primary", "data-testid": "publish" }, t("publish"));
  // Publishing asks first: the summary of what changes, and a confirm button that stays
  // disabled while the starter template's example values remain.
  const confirmation = h("div", { class: "confirm" });
  publish.addEventListener("click", () => attempt(slot, async () => {
    if (tab === "text") await saveText();
    else if (formEditor && !(await formEditor.save())) return;
    const r = await api<{ summary: PublishSummary }>("GET", `/policy/versions/${id}/summary`);
    const confirm = h("button", { type: "button", class: "primary", "data-testid": "confirm-publish" }, t("publish_now"));
    (confirm as HTMLButtonElement).disabled = !r.summary.can_publish;
    const cancel = h("button", { type: "button" }, t("cancel"));
    cancel.addEventListener("click", () => confirmation.replaceChildren());
    confirm.addEventListener("click", () => attempt(slot, async () => {
      await api("POST", `/policy/versions/${id}/publish`);
      sessionStorage.removeItem("chorus.notice");
      app.refresh();
    }));
    confirmation.replaceChildren(publishSummaryView(r.summary), h("div", { class: "row" }, confirm, cancel));
    confirm.focus();
  }));
  const discard = h("button", { type: "button", class: "danger", "data-testid": "discard-draft" }, t("discard_draft"));
  discard.addEventListener("click", () => attempt(slot, async () => {
    if (!window.confirm(t("discard_confirm"))) return;
    await api("DELETE", `/policy/versions/${id}`);
    app.navigate("#/versions");
  }));

  const textPane = h("div", {}, h("label", {}, t("policy_text"), h("div", { class: "editor" }, gutter, yaml)), h("div", { class: "row" }, save));
  number();
  const formPane = h("div");
  let tab = sessionStorage.getItem("chorus.policyTab") === "text" ? "text" : "form";
  try {
    const form = await api<PolicyFormData>("GET", `/policy/versions/${id}/form`);
    formEditor = policyFormView(app, id, form, () => title.value);
    formPane.append(formEditor.element);
  } catch (error) {
    formPane.append(errorBox(error), h("p", { class: "muted" }, t("form_unreadable")));
    tab = "text";
  }
  const tabs = h("div", { class: "tabs", role: "tablist" });
  const show = (which: string) => {
    tab = which;
    formPane.hidden = which !== "form";
    textPane.hidden = which !== "text";
    for (const b of tabs.querySelectorAll("button")) b.setAttribute("aria-selected", String(b.dataset.tab === which));
  };
  for (const [which, key] of [["form", "tab_form"], ["text", "tab_text"]] as const) {
    const b = h("button", { type: "button", role: "tab", "data-tab": which, "data-testid": `tab-${which}` }, t(key));
    b.addEventListener("click", () => attempt(slot, async () => {
      if (which === tab) return;
      // Each side saves before the other reads the draft, so no edit is lost in between.
      if (tab === "form" && formEditor) {
        if (!(await formEditor.save())) return;
      } else if (tab === "text" && (yaml.value !== savedYaml || title.value !== v.title)) {
        await saveText();
      }
      sessionStorage.setItem("chorus.policyTab", which);
      app.refresh();
    }));
    tabs.append(b);
  }
  show(tab);
  const jump = sessionStorage.getItem("chorus.jump");
  sessionStorage.removeItem("chorus.jump");
  if (jump && tab === "text") {
    const [line, column] = jump.split(":").map(Number);
    setTimeout(() => goTo(line, column));
  }
  return h("div", { class: "card" }, h("label", {}, t("title"), title), problems, tabs, formPane, textPane,
    h("div", { class: "row" }, publish, discard), confirmation, slot);
}

interface AuditEntry { id: number; at: number; actor: { name: string } | null; action: string; object: string; detail: object }

// The audit log, newest first, 100 at a time, filtered to administrative actions or sign-ins.
export async function auditView(app: App): Promise<HTMLElement> {
  void app;
  const kind = select("kind", [["admin", t("audit_kind_admin")], ["sign_in", t("audit_kind_sign_in")], ["all", t("audit_kind_all")]],
    sessionStorage.getItem("chorus.auditKind") ?? "admin");
  kind.setAttribute("aria-label", t("audit_kind"));
  const body = h("tbody");
  const slot = h("div");
  const more = h("button", { type: "button", "data-testid": "audit-more" }, t("audit_older")) as HTMLButtonElement;
  let before: number | null = null;
  const load = async (reset: boolean) => {
    if (reset) {
      before = null;
      body.replaceChildren();
    }
    const r = await api<{ entries: AuditEntry[]; next_before: number | null }>("GET",
      `/audit?kind=${kind.value}${before ? `&before=${before}` : ""}`);
    body.append(...r.entries.map((e) => h("tr", {}, h("td", {}, formatDate(e.at)), h("td", {}, e.actor?.name ? h("bdi", {}, e.actor.name) : (e.action.startsWith("retention.") ? t("automatic_housekeeping") : t("command_line"))),
      h("td", {}, tr(`audit_${e.action.replace(/\./g, "_")}`, e.action)), h("td", {}, e.object),
      h("td", {}, h("code", { dir: "ltr" }, JSON.stringify(e.detail))))));
    before = r.next_before;
    more.hidden = before === null;
  };
  kind.addEventListener("change", () => attempt(slot, async () => {
    sessionStorage.setItem("chorus.auditKind", kind.value);
    await load(true);
  }));
  more.addEventListener("click", () => attempt(slot, () => load(false)));
  await load(true);
  return h("main", {}, pageTitle("audit_log"), h("div", { class: "row" }, h("label", {}, t("audit_kind"), kind)),
    h("table", {}, h("thead", {}, h("tr", {}, [t("when"), t("who"), t("action"), t("object"), t("details")].map((c) => h("th", {}, c)))),
      body), more, slot);
}
