// "My accounts": an employee links the social media accounts they publish on, uploads each
// platform's export, and sees their own flagged posts privately (monitoring after
// publication; off unless the policy turns it on).
import { api, apiUpload } from "../api";
import { attempt, type App, pageTitle } from "../app";
import { h } from "../dom";
import { formatNumber, t, tr } from "../i18n";
import { resultView, type CheckResult } from "./findings";

interface Account { id: number; platform: string; handle: string; linked_at: number; posts: number }
interface MonitoredPost {
  id: number;
  platform: string;
  url: string;
  published: string;
  text: string;
  verdict: CheckResult["verdict"];
  findings: CheckResult["findings"];
  language: string;
}
interface ImportSummary { file: string; platform: string; posts: number; new: number; duplicates: number; flagged: number }

const PLATFORMS = ["x", "mastodon", "linkedin", "facebook", "feed"];

// Platforms go by their own names in every language; a blog feed is described.
function platformName(platform: string): string {
  const brands: Record<string, string> = { x: "X", mastodon: "Mastodon", linkedin: "LinkedIn", facebook: "Facebook" };
  return brands[platform] ?? tr(`platform_${platform}`, platform);
}

// The last import's summary, shown on the account's card once the page is rebuilt.
let lastImport: { account: number; summary: ImportSummary } | null = null;

function importDone(r: ImportSummary): HTMLElement {
  return h("p", { role: "status" }, t("import_done", {
    posts: formatNumber(r.posts), new: formatNumber(r.new),
    duplicates: formatNumber(r.duplicates), flagged: formatNumber(r.flagged),
  }));
}

function accountCard(app: App, account: Account): HTMLElement {
  const file = h("input", { type: "file", "data-testid": `upload-${account.id}` }) as HTMLInputElement;
  const message = h("div", { "data-testid": `upload-result-${account.id}`, "aria-live": "polite" });
  const send = h("button", { type: "button", class: "primary" }, t("account_upload"));
  send.addEventListener("click", () => attempt(message, async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    message.replaceChildren(h("p", { class: "muted" }, t("account_uploading")));
    const r = await apiUpload<ImportSummary>(
      `/monitoring/accounts/${account.id}/import?name=${encodeURIComponent(chosen.name)}`, chosen);
    lastImport = { account: account.id, summary: r };
    app.refresh();
  }));
  if (lastImport?.account === account.id) message.append(importDone(lastImport.summary));
  const unlinkSlot = h("div");
  const unlink = h("button", { type: "button", "data-testid": `unlink-${account.id}` }, t("account_unlink"));
  unlink.addEventListener("click", () => attempt(unlinkSlot, async () => {
    await api("DELETE", `/monitoring/accounts/${account.id}`);
    app.refresh();
  }));
  return h("article", { class: "card", "data-testid": "linked-account" },
    h("p", {}, h("strong", {}, platformName(account.platform)), " · ",
      h("bdi", {}, account.handle)),
    h("p", { class: "muted" }, t("account_posts", { n: formatNumber(account.posts) })),
    h("p", { class: "muted" }, t("account_upload_hint")),
    file, send, message, unlink, unlinkSlot);
}

function flaggedCard(post: MonitoredPost): HTMLElement {
  return h("article", { class: "card", "data-testid": "flagged-post" },
    h("p", { class: "muted" }, platformName(post.platform), " · ", post.published,
      post.url ? [" · ", h("a", { href: post.url, rel: "noopener noreferrer", target: "_blank" }, t("open_on_platform"))] : ""),
    resultView(post.text, { verdict: post.verdict, language: post.language, findings: post.findings }));
}

export async function accountsView(app: App): Promise<HTMLElement> {
  const settings = await api<{ enabled: boolean; grace_days: number }>("GET", "/monitoring");
  const accounts = (await api<{ accounts: Account[] }>("GET", "/monitoring/accounts")).accounts;
  const flagged: MonitoredPost[] = [];
  for (let after = 0; ;) {
    const page = await api<{ posts: MonitoredPost[]; next_after: number | null }>(
      "GET", `/monitoring/posts?limit=1000&explain=1&after=${after}`);
    flagged.push(...page.posts.filter((p) => p.verdict === "review" || p.verdict === "block"));
    if (page.next_after === null) break;
    after = page.next_after;
  }

  const platform = h("select", { "data-testid": "link-platform" },
    ...PLATFORMS.map((p) => h("option", { value: p }, platformName(p)))) as HTMLSelectElement;
  const handle = h("input", { type: "text", dir: "auto", "data-testid": "link-handle" }) as HTMLInputElement;
  const message = h("div");
  const link = h("button", { type: "button", class: "primary", "data-testid": "link-account" }, t("account_link"));
  link.addEventListener("click", () => attempt(message, async () => {
    await api("POST", "/monitoring/accounts", { platform: platform.value, handle: handle.value });
    app.refresh();
  }));

  return h("main", {}, pageTitle("accounts_title"),
    h("p", { class: "muted" }, t("accounts_intro")),
    settings.enabled ? "" : h("p", { class: "error", "data-testid": "monitoring-off" }, t("accounts_off")),
    h("div", { class: "card" },
      h("label", {}, t("account_platform"), " ", platform), " ",
      h("label", {}, t("account_handle"), " ", handle), " ", link, message),
    accounts.length ? accounts.map((a) => accountCard(app, a)) : h("p", { class: "muted" }, t("accounts_none")),
    h("h2", {}, t("my_flagged_title")),
    h("p", { class: "muted" }, t("my_flagged_intro", { days: formatNumber(settings.grace_days) })),
    flagged.length ? flagged.map(flaggedCard) : h("p", { class: "muted", "data-testid": "no-flagged" }, t("my_flagged_empty")));
}
