// The review queue: oldest first, waiting time shown, findings in place; approve, ask for
// changes or reject with a comment.
import { api } from "../api";
import { attempt, type App, pageTitle } from "../app";
import { h } from "../dom";
import { formatDate, formatWaiting, t } from "../i18n";
import { postPhoto, type Post } from "./check";
import { resultView } from "./findings";
import { type Page, pageQuery, pager } from "./pager";

export async function reviewsView(app: App): Promise<HTMLElement> {
  const r = await api<{ posts: Post[]; page?: Page }>("GET", `/reviews${pageQuery("reviews")}`);
  const main = h("main", {}, pageTitle("review_queue"));
  if (!r.posts.length) main.append(h("p", { class: "muted", "data-testid": "queue-empty" }, t("queue_empty")));
  for (const post of r.posts) {
    const comment = h("textarea", { rows: 2, placeholder: t("comment_placeholder") }) as HTMLTextAreaElement;
    const message = h("div");
    const decide = (decision: string) => () =>
      attempt(message, async () => {
        await api("POST", `/posts/${post.id}/decision`, { decision, comment: comment.value });
        app.refresh();
      });
    const own = post.author?.id === app.user.id;
    main.append(
      h("article", { class: "card review", "data-testid": `review-${post.id}` },
        h("p", { class: "muted" }, h("bdi", {}, post.author?.name ?? ""), " · ", t("submitted"), " ",
          formatDate(post.submitted_at), " · ", h("strong", {}, t("waiting"), " ", formatWaiting(post.submitted_at))),
        post.author_note ? h("p", { class: "notice" }, t("note_from_author"), ": ", h("q", {}, h("bdi", {}, post.author_note))) : null,
        resultView(post.text, post.result), postPhoto(post),
        own ? h("p", { class: "muted" }, t("own_post")) :
          h("div", {}, h("label", {}, t("comment"), comment),
            h("div", { class: "row" },
              h("button", { type: "button", class: "primary", onclick: decide("approve"), "data-testid": "approve" }, t("approve")),
              h("button", { type: "button", onclick: decide("request_changes") }, t("request_changes")),
              h("button", { type: "button", class: "danger", onclick: decide("reject") }, t("reject")))),
        message));
  }
  main.append(pager("reviews", r.page, () => app.refresh()) ?? "");
  return main;
}
