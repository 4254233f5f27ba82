// My posts: every checked draft with its review status and history; edit after "changes
// requested".
import { api } from "../api";
import { attempt, type App, pageTitle, statusLabel, verdictLabel } from "../app";
import { h } from "../dom";
import { formatDate, plural, t, tr } from "../i18n";
import { busy, postLanguageSelect, postPhoto, submitBox, type Post } from "./check";
import { resultView } from "./findings";
import { type Page, pageQuery, pager } from "./pager";

export async function postsView(app: App): Promise<HTMLElement> {
  const r = await api<{ posts: Post[]; page?: Page; retention?: { draft_days: number; decided_days: number } }>(
    "GET", `/posts${pageQuery("posts")}`);
  const rows = r.posts.map((p) =>
    h("tr", {},
      h("td", {}, h("a", { href: `#/posts/${p.id}` }, `#${p.id}`)),
      h("td", { dir: "auto", class: "excerpt" }, p.text.length > 80 ? p.text.slice(0, 80) + "…" : p.text),
      h("td", {}, h("span", { class: `badge sev-${p.verdict}` }, verdictLabel(p.verdict))),
      h("td", { "data-testid": `status-${p.id}` }, statusLabel(p.status)),
      h("td", {}, formatDate(p.updated_at))));
  return h("main", {}, pageTitle("my_posts"),
    rows.length
      ? h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "#"), h("th", {}, t("post")), h("th", {}, t("verdict")),
          h("th", {}, t("status")), h("th", {}, t("updated")))), h("tbody", {}, rows))
      : h("p", { class: "muted" }, t("no_posts")),
    pager("posts", r.page, () => app.refresh()),
    r.retention ? retentionNote(r.retention.draft_days, r.retention.decided_days) : null);
}

// How long the server keeps the author's posts (0 days: for ever).
function retentionNote(draftDays: number, decidedDays: number): HTMLElement {
  return h("p", { class: "muted", "data-testid": "retention" },
    draftDays > 0 ? plural("retention_drafts", draftDays, { days: draftDays }) : t("retention_drafts_kept"), " ",
    decidedDays > 0 ? plural("retention_reviewed", decidedDays, { days: decidedDays }) : t("retention_reviewed_kept"), " ",
    t("retention_private"));
}

export function historyView(post: Post): HTMLElement {
  return h("ul", { class: "history" }, (post.events ?? []).map((e) =>
    h("li", {}, formatDate(e.at), " — ", h("bdi", {}, e.actor?.name ?? ""), ": ", tr(`event_${e.action}`, e.action),
      e.comment ? h("q", {}, h("bdi", {}, e.comment)) : null)));
}

// Deleting one's own draft (never sent for review), after a confirmation.
function deleteBox(app: App, post: Post): HTMLElement {
  const slot = h("div");
  const message = h("div");
  const remove = h("button", { type: "button", class: "danger", "data-testid": "delete-draft" }, t("delete_draft"));
  remove.addEventListener("click", () => {
    const yes = h("button", { type: "button", class: "danger", "data-testid": "confirm-delete" }, t("delete_draft")) as HTMLButtonElement;
    const no = h("button", { type: "button" }, t("cancel"));
    yes.addEventListener("click", () => busy(yes, message, async () => {
      await api("DELETE", `/posts/${post.id}`);
      app.navigate("#/posts");
    }));
    no.addEventListener("click", () => slot.replaceChildren());
    slot.replaceChildren(h("p", { class: "notice", role: "alert" }, t("delete_draft_confirm")), h("div", { class: "row" }, yes, no));
  });
  return h("div", { class: "card" }, remove, slot, message);
}

export async function postView(app: App, id: number): Promise<HTMLElement> {
  const r = await api<{ post: Post }>("GET", `/posts/${id}`);
  const post = r.post;
  const main = h("main", {}, h("h1", {}, t("post"), ` #${post.id}`),
    h("p", {}, t("status"), ": ", h("strong", { "data-testid": "post-status" }, statusLabel(post.status)),
      post.reviewer ? [" — ", h("bdi", {}, post.reviewer.name)] : null),
    post.review_comment ? h("p", { class: "notice" }, t("review_comment"), ": ", h("q", {}, h("bdi", {}, post.review_comment))) : null,
    resultView(post.text, post.result), postPhoto(post));
  const editable = post.author?.id === app.user.id && (post.status === "draft" || post.status === "changes_requested");
  if (editable) {
    const text = h("textarea", { rows: 5, dir: "auto", value: post.text }) as HTMLTextAreaElement;
    text.value = post.text;
    const lang = postLanguageSelect(post.language);
    const message = h("div");
    const save = h("button", { type: "button" }, t("recheck"));
    save.addEventListener("click", () => attempt(message, async () => {
      await api("PUT", `/posts/${post.id}`, { text: text.value, lang: lang.value || undefined });
      app.refresh();
    }));
    main.append(h("div", { class: "card" }, h("h2", {}, t("edit_post")), text, h("div", { class: "row" }, lang, save), message),
      submitBox(post, () => app.refresh()));
  }
  if (post.author?.id === app.user.id && post.status === "draft" && !post.submitted_at) main.append(deleteBox(app, post));
  main.append(h("h2", {}, t("history")), historyView(post));
  return main;
}
