// Phones and accessibility, in headless Chromium over the demo organisation (what `make run`
// starts), as an admin who sees every page, in English (left to right) and Hebrew (right to
// left): axe-core finds no serious or critical violation on any page; at 375 px no page
// scrolls sideways, the navigation folds behind a menu button and tables reflow into cards;
// every page has its own document title; a skip link leads to the content; an expired session
// goes to the sign-in page and, signed in again, back to the page.
// Run directly with node so the skip code reaches CTest.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { TestServer } from "../api/server_harness.mjs";
import { catalog, launchChromium, root, webRoot } from "./browser_harness.mjs";

const axeSource = readFileSync(createRequire(join(root, "web", "package.json")).resolve("axe-core/axe.min.js"), "utf8");
const server = new TestServer({ demo: true, web: webRoot });
const ADMIN = { email: "admin@dzintars.example", password: "chorus-demo-2025" };
let browser;

before(async () => {
  await server.start();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server.stop();
});

async function signedIn(viewport) {
  // bypassCSP: axe-core is injected as a script, which the app's Content-Security-Policy forbids
  const context = await browser.newContext({ locale: "en-US", viewport, bypassCSP: true });
  const page = await context.newPage();
  page.on("pageerror", (e) => { throw e; });
  await page.goto(server.url);
  await page.fill("input[name=email]", ADMIN.email);
  await page.fill("input[name=password]", ADMIN.password);
  await page.click("button[type=submit]");
  await page.waitForSelector("[data-testid=user-name]");
  return page;
}

// Every page of the app, with a policy draft, a post in review and the demo's incident among them.
async function allPages(page) {
  await page.goto(`${server.url}/#/versions`);
  await page.fill("[data-testid=draft-title]", `Draft ${Date.now()}`);
  await page.click("[data-testid=create-draft]");
  await page.waitForSelector("[data-testid=policy-form]");
  const draft = `#${page.url().split("#")[1]}`;
  const queue = await page.evaluate(() => fetch("/api/v1/reviews").then((r) => r.json()));
  const incidents = await page.evaluate(() => fetch("/api/v1/incidents").then((r) => r.json()));
  return ["#/check", "#/posts", `#/posts/${queue.posts[0].id}`, "#/policy", "#/questions", "#/notifications",
    "#/reviews", "#/versions", draft, "#/people", "#/audit", "#/account", "#/incidents",
    `#/incidents/${incidents.incidents[0].id}`];
}

async function open(page, hash) {
  await page.goto(`${server.url}/${hash}`);
  await page.waitForSelector(`body[data-page="${hash}"] main h1`);
  await page.waitForLoadState("networkidle");
}

async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
      where: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
}

test("axe-core: no serious or critical violations on any page, left to right and right to left", async () => {
  const page = await signedIn({ width: 1280, height: 900 });
  const pages = await allPages(page);
  const serious = [];
  let all = 0;
  const minor = new Set();
  for (const lang of ["en", "he"]) {
    await page.selectOption("header [data-testid=language]", lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    for (const hash of pages) {
      await open(page, hash);
      const violations = await axe(page);
      all += violations.length;
      for (const v of violations) {
        minor.add(`${v.id} (${v.impact})`);
        if (v.impact === "serious" || v.impact === "critical") serious.push(`${lang} ${hash}: ${v.id} (${v.impact}) at ${v.where.join(", ")}`);
      }
    }
  }
  await page.context().close();
  // the sign-in page too
  const signin = await (await browser.newContext({ locale: "he-IL", bypassCSP: true })).newPage();
  await signin.goto(server.url);
  await signin.waitForSelector("input[name=email]");
  for (const v of await axe(signin)) {
    all += 1;
    if (v.impact === "serious" || v.impact === "critical") serious.push(`sign-in: ${v.id} (${v.impact}) at ${v.where.join(", ")}`);
  }
  await signin.context().close();
  console.log(`axe: ${all} violations in all, ${serious.length} serious or critical; kinds: ${[...minor].join(", ")}`);
  assert.deepEqual(serious, []);
});

test("at 375 px nothing scrolls sideways, the menu folds, tables are cards, every page has its title", async () => {
  const page = await signedIn({ width: 375, height: 740 });
  const pages = await allPages(page);
  const titles = new Map();
  const wide = [];
  for (const lang of ["en", "he"]) {
    await page.selectOption("header [data-testid=language]", lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    for (const hash of pages) {
      await open(page, hash);
      const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      if (m.scroll > m.client) wide.push(`${lang} ${hash}: ${m.scroll} px wide`);
      const title = await page.title();
      assert.ok(title.includes("\u2068"), "the heading is isolated in the title");
      const heading = (await page.textContent("main h1")).trim();
      assert.ok(title.includes(heading) && title.endsWith("Chorus"), `${hash}: title "${title}" names "${heading}"`);
      if (lang === "en") titles.set(hash, title);
    }
  }
  assert.deepEqual(wide, [], "pages wider than the screen");
  const distinct = new Set([...titles.entries()].filter(([h]) => !/\d+$/.test(h)).map(([, t]) => t));
  assert.equal(distinct.size, [...titles.keys()].filter((h) => !/\d+$/.test(h)).length, `titles: ${[...titles.values()]}`);

  // the navigation is behind the menu button
  await open(page, "#/people");
  assert.equal(await page.isVisible("header nav"), false, "the navigation is folded");
  const header = await page.$eval("header", (h) => h.getBoundingClientRect().height);
  assert.ok(header < 740 / 4, `the header takes ${header} px of 740`);
  await page.click("[data-testid=menu-button]");
  assert.equal(await page.getAttribute("[data-testid=menu-button]", "aria-expanded"), "true");
  await page.waitForSelector("header nav", { state: "visible" });
  // the People table is cards: each cell says its column
  const cell = await page.$eval("table.cards tbody tr td", (td) => ({ label: td.dataset.label, display: getComputedStyle(td).display }));
  assert.equal(cell.display, "block");
  assert.ok(cell.label, "a cell names its column");
  await page.context().close();
});

test("a skip link leads to the content; an expired session signs in again and comes back", async () => {
  const page = await signedIn({ width: 1280, height: 900 });
  await open(page, "#/audit");
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => document.activeElement?.dataset.testid);
  assert.equal(first, "skip-link", "the first Tab reaches the skip link");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "content");
  assert.match(page.url(), /#\/audit$/, "the route stays");

  // The session ends on the server (signed out elsewhere): the next call goes to sign-in.
  await page.evaluate(() => fetch("/api/v1/session", { method: "DELETE", headers: { "X-CSRF-Token": "" } }));
  await page.context().clearCookies();
  await page.click("[data-testid=nav-notifications]");
  await page.waitForSelector("input[name=email]");
  assert.match(page.url(), /#\/notifications$/);
  const lang = await page.getAttribute("html", "lang");
  assert.equal(await page.title(), `${catalog(lang).sign_in} – Chorus`);
  await page.fill("input[name=email]", ADMIN.email);
  await page.fill("input[name=password]", ADMIN.password);
  await page.click("button[type=submit]");
  await page.waitForSelector('body[data-page="#/notifications"] main h1');
  assert.match(page.url(), /#\/notifications$/, "back on the page");
  await page.context().close();
});
