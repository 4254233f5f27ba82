// The page of an invitation link (#/invite/TOKEN): the person an admin added without a
// password sets their own, then signs in. Shown without a session.
import { api } from "../api";
import { attempt } from "../app";
import { h } from "../dom";
import { t } from "../i18n";

export function inviteView(token: string, onDone: (email: string) => void): HTMLElement {
  const password = h("input", { type: "password", name: "new-password", autocomplete: "new-password", required: true,
                                minlength: 8, "data-testid": "invite-password" }) as HTMLInputElement;
  const message = h("div");
  const form = h("form", { class: "card signin" },
    h("h1", {}, t("invite_title")),
    h("p", { class: "muted" }, t("invite_intro")),
    h("label", {}, t("new_password"), password),
    h("button", { type: "submit", class: "primary", "data-testid": "invite-submit" }, t("invite_submit")),
    message);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void attempt(message, async () => {
      const r = await api<{ email: string }>("POST", "/invitations/accept", { token, password: password.value });
      onDone(r.email);
    });
  });
  return h("main", { class: "center" }, form);
}
