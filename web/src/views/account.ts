// My account: change my password (other sessions end; this one stays) and manage my API
// tokens (create with a lifetime, list with last use and expiry, revoke; a secret is shown once);
// download everything held about me.
import { api } from "../api";
import { attempt, type App, pageTitle } from "../app";
import { h } from "../dom";
import { formatDate, t, tr } from "../i18n";

interface Token {
  id: number;
  name: string;
  created_at: number;
  expires_at: number;
  last_used_at: number | null;
  state: "active" | "expired" | "revoked";
  secret?: string;
}

function tokensCard(): HTMLElement {
  const list = h("tbody");
  const slot = h("div");
  const load = () => attempt(slot, async () => {
    const r = await api<{ tokens: Token[] }>("GET", "/me/tokens");
    list.replaceChildren(...r.tokens.map((tok) => {
      const revoke = h("button", { type: "button", "data-testid": "revoke-token" }, t("revoke"));
      revoke.addEventListener("click", () => attempt(slot, async () => {
        await api("DELETE", `/me/tokens/${tok.id}`);
        await load();
      }));
      return h("tr", {}, h("td", {}, tok.name), h("td", {}, formatDate(tok.created_at)),
        h("td", {}, tok.last_used_at ? formatDate(tok.last_used_at) : t("never")),
        h("td", {}, formatDate(tok.expires_at)), h("td", {}, t(`token_state_${tok.state}`)),
        h("td", {}, tok.state === "active" ? revoke : ""));
    }));
  });
  const name = h("input", { name: "token-name", maxlength: 100 }) as HTMLInputElement;
  const days = h("input", { name: "token-days", type: "number", min: 1, max: 730, value: "90" }) as HTMLInputElement;
  const form = h("form", {}, h("label", {}, t("token_name"), name), h("label", {}, t("token_days"), days),
    h("button", { type: "submit" }, t("create_token")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void attempt(slot, async () => {
      const r = await api<{ token: Token }>("POST", "/me/tokens", { name: name.value, days: Number(days.value) });
      name.value = "";
      await load();
      slot.replaceChildren(h("p", { class: "notice" }, t("token_created_once")), h("code", { "data-testid": "token-secret" }, r.token.secret ?? ""));
    });
  });
  void load();
  return h("div", { class: "card" }, h("h2", {}, t("api_tokens")), h("p", { class: "muted" }, t("api_tokens_intro")),
    h("table", {}, h("thead", {}, h("tr", {}, [t("token_name"), t("token_created"), t("token_last_used"), t("token_expires"), t("status"), t("actions")].map((c) => h("th", {}, c)))), list),
    form, slot);
}

// My data: the privacy export (GET /api/v1/me/export, a download with the session cookie).
function myDataCard(): HTMLElement {
  return h("div", { class: "card" }, h("h2", {}, t("my_data")), h("p", { class: "muted" }, t("my_data_intro")),
    h("a", { href: "/api/v1/me/export", download: "", "data-testid": "download-my-data", class: "button" }, t("download_my_data")));
}

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
    h("p", {}, h("bdi", {}, app.user.name), " · ", h("bdi", {}, app.user.email), " · ", tr(`role_${app.user.role}`, app.user.role)), form,
    tokensCard(), myDataCard());
}
