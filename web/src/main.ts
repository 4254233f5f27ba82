// The Chorus web app: sign in, check posts, follow reviews, read and acknowledge the policy,
// ask questions; reviewers work the queue; admins manage people, policy versions and see the
// audit log; everyone has notifications, counted in a badge in the navigation. Hash routes
// (#/check, #/posts/3, ...) keep the server's static serving simple.
import "./style.css";
import { api, ApiError, onSessionExpired, setCsrfToken, type User } from "./api";
import { isolate } from "./bidi";
import { type App, errorBox } from "./app";
import { clear, h } from "./dom";
import { formatNumber, savedLanguage, setLanguage, t, type Key } from "./i18n";
import { auditView, peopleView, versionsView, versionView } from "./views/admin";
import { usageView } from "./views/usage";
import { accountView } from "./views/account";
import { accountsView } from "./views/accounts";
import { incidentsView, incidentView } from "./views/incidents";
import { checkView } from "./views/check";
import { inviteView } from "./views/invite";
import { languagePicker } from "./views/language_picker";
import { notificationsView } from "./views/notifications";
import { policyView } from "./views/policy";
import { postsView, postView } from "./views/posts";
import { questionsView } from "./views/questions";
import { reviewsView } from "./views/reviews";
import { signInView } from "./views/signin";

const root = document.getElementById("app")!;

type View = (app: App, id: number) => HTMLElement | Promise<HTMLElement>;
interface Route { pattern: RegExp; view: View; roles?: User["role"][] }

const routes: Route[] = [
  { pattern: /^#\/check$/, view: (app) => checkView(app) },
  { pattern: /^#\/posts$/, view: (app) => postsView(app) },
  { pattern: /^#\/posts\/(\d+)$/, view: postView },
  { pattern: /^#\/policy$/, view: (app) => policyView(app) },
  { pattern: /^#\/questions$/, view: (app) => questionsView(app) },
  { pattern: /^#\/reviews$/, view: (app) => reviewsView(app), roles: ["reviewer", "admin"] },
  { pattern: /^#\/versions$/, view: (app) => versionsView(app) },
  { pattern: /^#\/versions\/(\d+)$/, view: versionView },
  { pattern: /^#\/people$/, view: (app) => peopleView(app), roles: ["admin"] },
  { pattern: /^#\/audit$/, view: (app) => auditView(app), roles: ["admin"] },
  { pattern: /^#\/incidents$/, view: (app) => incidentsView(app), roles: ["reviewer", "admin"] },
  { pattern: /^#\/incidents\/(\d+)$/, view: incidentView, roles: ["reviewer", "admin"] },
  { pattern: /^#\/usage$/, view: (app) => usageView(app), roles: ["reviewer", "admin"] },
  { pattern: /^#\/account$/, view: (app) => accountView(app) },
  { pattern: /^#\/accounts$/, view: (app) => accountsView(app) },
  { pattern: /^#\/notifications$/, view: (app) => notificationsView(app) },
];

// The unseen-notifications badge: refreshed on every page and every minute. Answers that
// arrive after a newer count was set (e.g. by the notifications page) are dropped.
const NOTIFICATION_POLL_MS = 60_000;
let unseen = 0;
let unseenGeneration = 0;
let pollTimer: number | undefined;

function showUnseen(): void {
  const badge = document.querySelector<HTMLElement>("[data-testid=notification-count]");
  if (!badge) return;
  badge.textContent = unseen > 0 ? formatNumber(unseen) : "";
  badge.hidden = unseen === 0;
}

function setUnseen(count: number): void {
  unseenGeneration++;
  unseen = count;
  showUnseen();
}

async function fetchUnseen(): Promise<void> {
  const generation = ++unseenGeneration;
  try {
    const r = await api<{ unseen: number }>("GET", "/me/notifications");
    if (generation !== unseenGeneration) return;
    unseen = r.unseen;
    showUnseen();
  } catch {
    /* the page itself reports problems; the badge keeps its last count */
  }
}

function stopPolling(): void {
  if (pollTimer !== undefined) window.clearInterval(pollTimer);
  pollTimer = undefined;
}

function nav(user: User): HTMLElement {
  const links: [string, Key, User["role"][]?][] = [
    ["#/check", "nav_check"], ["#/posts", "nav_posts"], ["#/policy", "nav_policy"],
    ["#/questions", "nav_questions"], ["#/accounts", "nav_accounts"], ["#/reviews", "nav_reviews", ["reviewer", "admin"]],
    ["#/incidents", "nav_incidents", ["reviewer", "admin"]],
    ["#/versions", "nav_versions"], ["#/people", "nav_people", ["admin"]], ["#/audit", "nav_audit", ["admin"]],
    ["#/usage", "nav_usage", ["reviewer", "admin"]],
  ];
  const here = location.hash || "#/check";
  const badge = h("span", { class: "count", "data-testid": "notification-count", hidden: unseen === 0 },
    unseen > 0 ? formatNumber(unseen) : "");
  return h("nav", { class: "no-print" },
    links.filter(([, , roles]) => !roles || roles.includes(user.role)).map(([href, key]) =>
      h("a", { href, class: here.startsWith(href) ? "active" : "" }, t(key))),
    h("a", { href: "#/notifications", class: here.startsWith("#/notifications") ? "active" : "", "data-testid": "nav-notifications" },
      t("nav_notifications"), " ", badge));
}

async function startApp(user: User): Promise<void> {
  setLanguage(user.language);
  const app: App = {
    user,
    refresh: () => void render(),
    navigate: (hash) => { location.hash = hash; },
    setUserLanguage: async (code) => {
      const r = await api<{ user: User }>("PATCH", "/me", { language: code });
      app.user = r.user;
      setLanguage(code);
      await render();
    },
    setUnseen,
  };
  const signOut = async () => {
    stopPolling();
    await api("DELETE", "/session").catch(() => undefined);
    setCsrfToken("");
    showSignIn();
  };
  // A page still loading when another is asked for is dropped (its answer would otherwise
  // replace the newer page and its title).
  let generation = 0;
  async function render(): Promise<void> {
    const mine = ++generation;
    if (!location.hash) location.replace("#/check");
    const hash = location.hash || "#/check";
    // On phones the navigation folds behind a menu button.
    const menu = h("button", { type: "button", class: "menu-button", "aria-expanded": "false",
                               "aria-controls": "site-nav", "data-testid": "menu-button" }, t("menu")) as HTMLButtonElement;
    const header: HTMLElement = h("header", { class: "no-print" },
      skipLink(),
      h("a", { class: "brand", href: "#/check" }, "Chorus"), menu, nav(app.user),
      h("div", { class: "user" }, h("a", { href: "#/account", "data-testid": "user-name" }, h("bdi", {}, app.user.name)), " ",
        languagePicker((code) => void app.setUserLanguage(code)), " ",
        h("button", { type: "button", onclick: () => void signOut(), "data-testid": "sign-out" }, t("sign_out"))));
    menu.addEventListener("click", () => {
      const open = header.classList.toggle("menu-open");
      menu.setAttribute("aria-expanded", String(open));
    });
    const body = h("div", { class: "page", id: "content", tabindex: "-1" }, h("p", { class: "muted" }, t("loading")));
    clear(root).append(header, body);
    const route = routes.find((r) => r.pattern.test(hash));
    // The notifications page sets the count itself once it has marked them seen.
    if (!hash.startsWith("#/notifications")) void fetchUnseen();
    try {
      if (!route || (route.roles && !route.roles.includes(app.user.role))) {
        body.replaceChildren(h("main", {}, h("h1", {}, t("page_not_found"))));
        finishPage(body);
        return;
      }
      const id = Number(hash.match(route.pattern)?.[1] ?? 0);
      const view = await route.view(app, id);
      if (mine !== generation) return;
      body.replaceChildren(view);
      finishPage(body);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return showSignIn();
      if (mine !== generation) return;
      body.replaceChildren(h("main", {}, h("h1", {}, t("error_title")), errorBox(error)));
      finishPage(body);
    }
  }
  window.onhashchange = () => void render();
  stopPolling();
  pollTimer = window.setInterval(() => void fetchUnseen(), NOTIFICATION_POLL_MS);
  await render();
}

// "Skip to the content": the first thing a keyboard reaches; focuses the page, not the URL
// (the hash is the route).
function skipLink(): HTMLElement {
  return h("a", { class: "skip-link", href: "#content", "data-testid": "skip-link", onclick: (event: Event) => {
    event.preventDefault();
    document.getElementById("content")?.focus();
  } }, t("skip_to_content"));
}

// What every page gets once its view is in place: its own document title (from its heading)
// and table cells labelled with their column, so that tables can reflow into cards on phones.
function finishPage(body: HTMLElement): void {
  const heading = body.querySelector("h1")?.textContent?.trim();
  document.title = heading ? `${isolate(heading)} – Chorus` : "Chorus";
  document.body.dataset.page = location.hash; // which page is in place (for tests and styles)
  for (const table of body.querySelectorAll("table")) {
    const names = [...table.querySelectorAll("thead th")].map((th) => th.textContent?.trim() ?? "");
    if (!names.length) continue;
    table.classList.add("cards");
    for (const row of table.querySelectorAll("tbody tr")) {
      [...row.children].forEach((cell, i) => { if (names[i]) cell.setAttribute("data-label", names[i]); });
    }
  }
}

function showSignIn(email = ""): void {
  document.title = `${t("sign_in")} – Chorus`;
  window.onhashchange = null;
  stopPolling();
  setUnseen(0);
  clear(root).append(signInView((user) => void startApp(user), (code) => { setLanguage(code); showSignIn(email); }, email));
}

async function boot(): Promise<void> {
  setLanguage(savedLanguage());
  // A session that expires while a page is open: any call answered 401 goes to the sign-in
  // page; the address (the page) stays, so signing in again returns to it.
  onSessionExpired(() => { if (window.onhashchange) showSignIn(); });
  // An invitation link: set a first password, then sign in.
  const invite = location.hash.match(/^#\/invite\/([A-Za-z0-9_-]+)$/);
  if (invite) {
    document.title = `${t("invite_title")} – Chorus`;
    clear(root).append(inviteView(invite[1], (email) => {
      history.replaceState(null, "", "#/check");
      showSignIn(email);
    }));
    return;
  }
  try {
    const r = await api<{ user: User; csrf_token: string }>("GET", "/session");
    setCsrfToken(r.csrf_token);
    await startApp(r.user);
  } catch {
    showSignIn();
  }
}

void boot();
