// Notifications: decisions on my posts, answers to my questions, a policy version to
// acknowledge; for reviewers also the waiting review queue and questions. Each item links to
// its page. Opening this page marks everything as seen (the navigation badge drops to 0).
import { api } from "../api";
import { type App, pageTitle } from "../app";
import { tx } from "../bidi";
import { h } from "../dom";
import { formatDate, formatNumber, t, tr } from "../i18n";

interface Person { id: number; name: string }
export interface NotificationItem {
  kind: "post_decided" | "question_answered" | "policy_to_acknowledge" | "review_queue" | "questions_waiting";
  at: number;
  unseen: boolean;
  post?: { id: number; status: string; excerpt: string; reviewer: Person | null; review_comment: string };
  question?: { id: number; excerpt: string; answer_excerpt: string; answered_by: Person | null };
  version?: { id: number; number: number | null; title: string; published_at: number | null };
  count?: number;
}

// Where an item leads, its headline and its detail lines. Names and quoted texts are
// isolated (bdi, dir=auto) so Latin names read right inside Hebrew and the other way round.
function describe(item: NotificationItem): { href: string; title: string | (Node | string)[]; lines: HTMLElement[] } {
  const by = (person: Person | null, ...rest: (Node | string)[]) =>
    person ? [h("p", { class: "muted" }, h("bdi", {}, person.name), ...rest)] : [];
  switch (item.kind) {
    case "post_decided": {
      const p = item.post!;
      return { href: `#/posts/${p.id}`, title: tr(`notification_post_${p.status}`, p.status),
        lines: [h("p", {}, h("q", {}, h("bdi", {}, p.excerpt))),
          ...by(p.reviewer, ...(p.review_comment ? [": ", h("q", {}, h("bdi", {}, p.review_comment))] : []))] };
    }
    case "question_answered": {
      const q = item.question!;
      return { href: "#/questions", title: t("notification_question_answered"),
        lines: [h("p", {}, h("q", {}, h("bdi", {}, q.excerpt))),
          ...by(q.answered_by, ": ", h("q", {}, h("bdi", {}, q.answer_excerpt)))] };
    }
    case "policy_to_acknowledge":
      return { href: "#/policy", title: tx("notification_policy", { title: item.version!.title }), lines: [] };
    case "review_queue":
      return { href: "#/reviews", title: t("notification_review_queue", { n: formatNumber(item.count ?? 0) }), lines: [] };
    case "questions_waiting":
      return { href: "#/questions", title: t("notification_questions_waiting", { n: formatNumber(item.count ?? 0) }), lines: [] };
  }
}

export async function notificationsView(app: App): Promise<HTMLElement> {
  const r = await api<{ items: NotificationItem[]; unseen: number }>("GET", "/me/notifications");
  const main = h("main", {}, pageTitle("notifications_title"));
  if (!r.items.length) {
    main.append(h("p", { class: "muted", "data-testid": "notifications-empty" }, t("notifications_empty")));
  } else {
    main.append(h("ul", { class: "notifications" }, r.items.map((item) => {
      const { href, title, lines } = describe(item);
      return h("li", { class: item.unseen ? "unseen" : "", "data-testid": `notification-${item.kind}` },
        h("a", { href }, h("strong", {}, title)),
        item.unseen ? [" ", h("span", { class: "new" }, t("notification_new"))] : null,
        lines,
        item.at ? h("p", { class: "muted" }, formatDate(item.at)) : null);
    })));
  }
  if (r.unseen > 0) {
    try {
      await api("POST", "/me/notifications/seen");
    } catch {
      /* still shown; they stay unseen and the badge says so */
      app.setUnseen(r.unseen);
      return main;
    }
  }
  app.setUnseen(0);
  return main;
}
