// Consultation: ask the communications team; reviewers answer.
import { api } from "../api";
import { attempt, type App, pageTitle } from "../app";
import { h } from "../dom";
import { formatDate, t } from "../i18n";
import { type Page, pageQuery, pager } from "./pager";

interface Question {
  id: number;
  author: { id: number; name: string } | null;
  text: string;
  created_at: number;
  answer: string | null;
  answered_by: { name: string } | null;
  answered_at: number | null;
}

export async function questionsView(app: App): Promise<HTMLElement> {
  const r = await api<{ questions: Question[]; page?: Page }>("GET", `/questions${pageQuery("questions")}`);
  const text = h("textarea", { rows: 3, dir: "auto", "data-testid": "question-text", "aria-label": t("your_question") }) as HTMLTextAreaElement;
  const message = h("div");
  const ask = h("button", { type: "button", class: "primary", "data-testid": "ask" }, t("ask"));
  ask.addEventListener("click", () => attempt(message, async () => {
    await api("POST", "/questions", { text: text.value });
    app.refresh();
  }));
  const reviewer = app.user.role !== "employee";
  const list = r.questions.map((q) => {
    const item = h("article", { class: "card" },
      h("p", { class: "muted" }, h("bdi", {}, q.author?.name ?? ""), " · ", formatDate(q.created_at)),
      h("p", { dir: "auto" }, q.text));
    if (q.answer !== null) {
      item.append(h("blockquote", { dir: "auto" }, q.answer),
        h("p", { class: "muted" }, h("bdi", {}, q.answered_by?.name ?? ""), " · ", formatDate(q.answered_at)));
    } else if (reviewer) {
      const answer = h("textarea", { rows: 2, dir: "auto", "aria-label": t("answer") }) as HTMLTextAreaElement;
      const slot = h("div");
      const send = h("button", { type: "button" }, t("answer"));
      send.addEventListener("click", () => attempt(slot, async () => {
        await api("POST", `/questions/${q.id}/answer`, { answer: answer.value });
        app.refresh();
      }));
      item.append(answer, send, slot);
    } else {
      item.append(h("p", { class: "muted" }, t("awaiting_answer")));
    }
    return item;
  });
  return h("main", {}, pageTitle("questions_title"), h("p", { class: "muted" }, t("questions_intro")),
    h("div", { class: "card" }, text, ask, message), list, pager("questions", r.page, () => app.refresh()));
}
