// My account: change my password (other sessions end; this one stays).
import { api } from "../api";
import { attempt, type App, pageTitle } from "../app";
import { h } from "../dom";
import { t, tr } from "../i18n";

export function accountView(app: App): HTMLElement {
  const current = h("input", { type: "password", name: "current", autocomplete: "current-password", required: true }) as HTMLInputElement;
  const next = h("input", { type: "password", name: "new", autocomplete: "new-password", required: true, minlength: 8 }) as HTMLInputElement;
  const slot = h("div");
  const form = h("form", { class: "card" }, h("h2", {}, t("change_password")),
    h("label", {}, t("current_password"), current), h("label", {}, t("new_password"), next),
    h("button", { type: "submit", class: "primary" }, t("save")), slot);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void attempt(slot, async () => {
      await api("POST", "/me/password", { current_password: current.value, new_password: next.value });
      current.value = next.value = "";
      slot.replaceChildren(h("p", { class: "notice" }, t("password_changed")));
    });
  });
  return h("main", {}, pageTitle("my_account"),
    h("p", {}, app.user.name, " · ", app.user.email, " · ", tr(`role_${app.user.role}`, app.user.role)), form);
}
