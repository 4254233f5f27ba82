import { api, setCsrfToken, type User } from "../api";
import { attempt } from "../app";
import { h } from "../dom";
import { t } from "../i18n";
import { languagePicker } from "./language_picker";

export function signInView(onSignedIn: (user: User) => void, onLanguage: (code: string) => void,
                           knownEmail = ""): HTMLElement {
  const email = h("input", { type: "email", name: "email", autocomplete: "username", required: true, value: knownEmail }) as HTMLInputElement;
  const password = h("input", { type: "password", name: "password", autocomplete: "current-password", required: true }) as HTMLInputElement;
  const message = h("div");
  const firstRun = h("div");
  // First run: nobody exists yet, so nobody can sign in; say how to create the first admin.
  void api<{ needs_first_admin: boolean }>("GET", "/setup").then((r) => {
    if (!r.needs_first_admin) return;
    firstRun.replaceChildren(h("section", { class: "notice", "data-testid": "first-admin" },
      h("h2", {}, t("first_admin_title")), h("p", {}, t("first_admin_help")),
      h("pre", { dir: "ltr" }, h("code", {},
        "printf '%s\\n' 'a-long-password' | chorus user add --data DIR \\\n  --email you@example.com --role admin --name 'Your Name' --password-stdin"))));
  }).catch(() => undefined);
  const form = h("form", { class: "card signin" },
    h("h1", {}, "Chorus"),
    h("p", { class: "muted" }, t("tagline")),
    h("label", {}, t("email"), email),
    h("label", {}, t("password"), password),
    h("button", { type: "submit", class: "primary" }, t("sign_in")),
    message,
    firstRun,
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
