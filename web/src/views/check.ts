// "Can I post this?": check a text (nothing is stored), see the verdict explained, then save
// it as a draft or send it for review when the author chooses.
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
  has_photo?: boolean; // the photo checked with it is at /api/v1/posts/{id}/photo
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

// Runs `action` with `button` disabled and marked busy (a second click does nothing).
export async function busy(button: HTMLButtonElement, slot: HTMLElement, action: () => Promise<void>): Promise<void> {
  if (button.disabled) return;
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try {
    await attempt(slot, action);
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}

// The submit-for-review box under a checked draft. `save` gives the stored draft (storing it
// first when it was only checked).
export function submitBox(post: Post | (() => Promise<Post>), onDone: (post: Post) => void,
                          verdict = typeof post === "function" ? "" : post.verdict): HTMLElement {
  const note = h("textarea", { rows: 2, name: "note", placeholder: t("note_placeholder") }) as HTMLTextAreaElement;
  const message = h("div");
  const button = h("button", { type: "button", class: "primary", "data-testid": "submit-review" }, t("send_for_review")) as HTMLButtonElement;
  button.addEventListener("click", () =>
    busy(button, message, async () => {
      const draft = typeof post === "function" ? await post() : post;
      const r = await api<{ post: Post }>("POST", `/posts/${draft.id}/submit`, { note: note.value });
      onDone(r.post);
    }),
  );
  return h("div", { class: "card" },
    h("p", {}, verdict === "ok" ? t("submit_optional") : t("submit_recommended")),
    h("label", {}, t("note_for_reviewer"), note), button, message);
}

// The photo as a data: URL (base64); the server checks it for location data.
function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

// The photo checked with a post, as its reviewers and author see it.
export function postPhoto(post: Post): HTMLElement | null {
  if (!post.has_photo) return null;
  return h("figure", { class: "post-photo" },
    h("img", { src: `/api/v1/posts/${post.id}/photo`, alt: t("checked_photo"), "data-testid": "post-photo" }),
    h("figcaption", { class: "muted" }, t("checked_photo")));
}

export function checkView(app: App): HTMLElement {
  const text = h("textarea", { rows: 6, name: "text", dir: "auto", required: true, "data-testid": "post-text",
                               placeholder: t("post_placeholder") }) as HTMLTextAreaElement;
  const lang = postLanguageSelect();
  const photo = h("input", { type: "file", name: "photo", accept: "image/jpeg,image/png,image/heic,image/webp" }) as HTMLInputElement;
  const output = h("div");
  const message = h("div");
  const check = h("button", { type: "submit", class: "primary", "data-testid": "check" }, t("check")) as HTMLButtonElement;
  const form = h("form", { class: "card", novalidate: true },
    h("label", {}, t("your_post"), text),
    h("label", {}, t("photo_optional"), photo),
    h("div", { class: "row" }, h("label", {}, t("post_language"), lang), check),
    message);
  const showSubmitted = (post: Post) => {
    output.replaceChildren(
      resultView(post.text, post.result),
      h("p", { class: "notice", "data-testid": "post-status" }, t("submitted_notice"), " ", statusLabel(post.status)),
    );
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!text.value.trim()) {
      message.replaceChildren(h("p", { class: "error", role: "alert", "data-testid": "empty-text" }, t("error_empty_text")));
      text.focus();
      return;
    }
    void busy(check, message, async () => {
      const file = photo.files?.[0];
      // What was checked is what gets saved, even if the text is edited meanwhile.
      const body = { text: text.value, lang: lang.value || undefined, photo: file ? await readAsDataUrl(file) : undefined };
      const result = await api<CheckResult>("POST", "/check?messages=reader", body);
      let saved: Post | null = null;
      let saving: Promise<Post> | null = null;
      const store = (): Promise<Post> => {
        saving ??= api<{ post: Post }>("POST", "/posts", body).then((r) => (saved = r.post));
        return saving.catch((error) => { saving = null; throw error; });
      };
      const saveMessage = h("div");
      const save = h("button", { type: "button", "data-testid": "save-draft" }, t("save_draft")) as HTMLButtonElement;
      const saveBox = h("div", { class: "row" }, save, h("span", { class: "muted" }, t("check_not_saved")));
      save.addEventListener("click", () => busy(save, saveMessage, async () => {
        const post = await store();
        saveBox.replaceChildren(h("p", { class: "notice", "data-testid": "draft-saved" }, t("draft_saved"), " ",
          h("a", { href: `#/posts/${post.id}` }, t("open_draft"))));
      }));
      output.replaceChildren(resultView(body.text, result), h("div", { class: "card" }, saveBox, saveMessage),
        submitBox(() => (saved ? Promise.resolve(saved) : store()), showSubmitted, result.verdict));
    });
  });
  void app;
  return h("main", {}, pageTitle("check_title"), h("p", { class: "muted" }, t("check_intro")), form, output);
}
