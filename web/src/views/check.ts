// "Can I post this?": check a draft, see the verdict explained, send it for review.
import { api } from "../api";
import { attempt, type App, pageTitle, statusLabel } from "../app";
import { h } from "../dom";
import { languages, t } from "../i18n";
import { resultView, type CheckResult } from "./findings";

export interface Post {
  id: number;
  author: { id: number; name: string } | null;
  text: string;
  language: string;
  verdict: CheckResult["verdict"];
  result: CheckResult;
  status: string;
  author_note: string;
  reviewer: { id: number; name: string } | null;
  review_comment: string;
  created_at: number;
  updated_at: number;
  submitted_at: number | null;
  decided_at: number | null;
  events?: { action: string; actor: { name: string } | null; comment: string; at: number }[];
}

export function postLanguageSelect(selected = ""): HTMLSelectElement {
  const select = h("select", { name: "lang", "aria-label": t("post_language") }) as HTMLSelectElement;
  select.append(h("option", { value: "" }, t("detect_language")));
  for (const l of languages) {
    const o = h("option", { value: l.code }, l.name) as HTMLOptionElement;
    o.selected = l.code === selected;
    select.append(o);
  }
  return select;
}

// The submit-for-review box under a checked draft.
export function submitBox(post: Post, onDone: (post: Post) => void): HTMLElement {
  const note = h("textarea", { rows: 2, name: "note", placeholder: t("note_placeholder") }) as HTMLTextAreaElement;
  const message = h("div");
  const button = h("button", { type: "button", class: "primary", "data-testid": "submit-review" }, t("send_for_review"));
  button.addEventListener("click", () =>
    attempt(message, async () => {
      const r = await api<{ post: Post }>("POST", `/posts/${post.id}/submit`, { note: note.value });
      onDone(r.post);
    }),
  );
  return h("div", { class: "card" },
    h("p", {}, post.verdict === "ok" ? t("submit_optional") : t("submit_recommended")),
    h("label", {}, t("note_for_reviewer"), note), button, message);
}

// The photo as a data: URL (base64); the server checks it for location data and keeps nothing.
function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function checkView(app: App): HTMLElement {
  const text = h("textarea", { rows: 6, name: "text", dir: "auto", required: true, "data-testid": "post-text",
                               placeholder: t("post_placeholder") }) as HTMLTextAreaElement;
  const lang = postLanguageSelect();
  const photo = h("input", { type: "file", name: "photo", accept: "image/jpeg,image/png,image/heic,image/webp" }) as HTMLInputElement;
  const output = h("div");
  const message = h("div");
  const form = h("form", { class: "card" },
    h("label", {}, t("your_post"), text),
    h("label", {}, t("photo_optional"), photo),
    h("div", { class: "row" }, h("label", {}, t("post_language"), lang),
      h("button", { type: "submit", class: "primary", "data-testid": "check" }, t("check"))),
    message);
  const showSubmitted = (post: Post) => {
    output.replaceChildren(
      resultView(post.text, post.result),
      h("p", { class: "notice", "data-testid": "post-status" }, t("submitted_notice"), " ", statusLabel(post.status)),
    );
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void attempt(message, async () => {
      const file = photo.files?.[0];
      const r = await api<{ post: Post }>("POST", "/posts", {
        text: text.value, lang: lang.value || undefined, photo: file ? await readAsDataUrl(file) : undefined,
      });
      output.replaceChildren(resultView(r.post.text, r.post.result), submitBox(r.post, showSubmitted));
    });
  });
  void app;
  return h("main", {}, pageTitle("check_title"), h("p", { class: "muted" }, t("check_intro")), form, output);
}
