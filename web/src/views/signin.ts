import { api, setCsrfToken, type User } from "../api";
import { attempt } from "../app";
import { h } from "../dom";
import { t } from "../i18n";
import { languagePicker } from "./language_picker";

export function signInView(onSignedIn: (user: User) => void, onLanguage: (code: string) => void): HTMLElement {
  const email = h("input", { type: "email", name: "email", autocomplete: "username", required: true }) as HTMLInputElement;
  const password = h("input", { type: "password", name: "password", autocomplete: "current-password", required: true }) as HTMLInputElement;
  const message = h("div");
  const form = h("form", { class: "card signin" },
    h("h1", {}, "Chorus"),
    h("p", { class: "muted" }, t("tagline")),
    h("label", {}, t("email"), email),
    h("label", {}, t("password"), password),
    h("button", { type: "submit", class: "primary" }, t("sign_in")),
    message,
    h("div", { class: "signin-language" }, languagePicker(onLanguage)));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void attempt(message, async () => {
      const r = await api<{ user: User; csrf_token: string }>("POST", "/session", {
        email: email.value, password: password.value,
      });
      setCsrfToken(r.csrf_token);
      onSignedIn(r.user);
    });
  });
  return h("main", { class: "center" }, form);
}
