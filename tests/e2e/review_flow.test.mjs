// End-to-end test in headless Chromium (Debian's chromium driven by playwright-core): an
// employee signs in, checks a post (with a geotagged photo) and sends it for review; a reviewer approves it; an admin
// edits a policy draft as text and as a form and publishes it; the employee's checks follow
// the new version, and the employee acknowledges it and switches the interface to Hebrew
// (right to left). Run directly with node (not --test) so the skip code reaches CTest.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { PASSWORD, PEOPLE, TestServer } from "../api/server_harness.mjs";
import { catalog as i18n, launchChromium, root, webRoot } from "./browser_harness.mjs";

const demoPolicy = join(root, "packs", "demo", "policy.yaml");

const server = new TestServer({ policy: demoPolicy, web: webRoot });
let browser;
let base;

before(async () => {
  server.setupPeople();
  base = await server.start();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server.stop();
});

async function signIn(person) {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  page.on("pageerror", (e) => { throw e; });
  await page.goto(base);
  await page.fill("input[name=email]", PEOPLE[person].email);
  await page.fill("input[name=password]", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForSelector("[data-testid=user-name]");
  assert.equal(await page.textContent("[data-testid=user-name]"), PEOPLE[person].name);
  return page;
}

let postId;

test("an employee checks a post and sends it for review", async () => {
  const page = await signIn("anna"); // Anna works in Polish
  const pl = i18n("pl");
  assert.equal(await page.getAttribute("html", "lang"), "pl");
  await page.fill("[data-testid=post-text]", "Our client Riga Dairy signs with us next week");
  await page.selectOption("select[name=lang]", "en");
  await page.setInputFiles("input[name=photo]", join(root, "tests", "data", "geotagged.jpg"));
  await page.click("[data-testid=check]");
  await page.waitForSelector("[data-testid=verdict]");
  const verdict = await page.textContent("[data-testid=verdict]");
  assert.ok([pl.verdict_review, pl.verdict_block, pl.verdict_caution].includes(verdict), verdict);
  const marked = await page.$$eval("[data-testid=highlighted] mark", (ms) => ms.map((m) => m.firstChild.textContent));
  assert.ok(marked.includes("Riga Dairy"), `highlighted: ${marked}`);
  const categories = await page.$$eval(".finding strong", (els) => els.map((e) => e.textContent));
  assert.ok(categories.includes(pl.category_location), `the photo's GPS position is a finding: ${categories}`);
  await page.click("[data-testid=submit-review]");
  await page.waitForSelector("[data-testid=post-status]");
  assert.match(await page.textContent("[data-testid=post-status]"), new RegExp(pl.status_in_review));
  await page.goto(`${base}/#/posts`);
  const link = await page.waitForSelector("a[href^='#/posts/']");
  postId = Number((await link.getAttribute("href")).split("/").pop());
  assert.equal(await page.textContent(`[data-testid=status-${postId}]`), pl.status_in_review);
  await page.context().close();
});

test("a reviewer approves it from the queue", async () => {
  const page = await signIn("reviewer"); // Latvian
  await page.goto(`${base}/#/reviews`);
  const card = await page.waitForSelector(`[data-testid=review-${postId}]`);
  assert.match(await card.textContent(), /Riga Dairy/);
  await page.click(`[data-testid=review-${postId}] [data-testid=approve]`);
  await page.waitForSelector(`[data-testid=review-${postId}]`, { state: "detached" });
  await page.context().close();

  const anna = await signIn("anna");
  await anna.goto(`${base}/#/posts/${postId}`);
  await anna.waitForSelector("[data-testid=post-status]");
  assert.equal(await anna.textContent("[data-testid=post-status]"), i18n("pl").status_approved);

  // The decision reaches her as a notification: a count in the navigation, an item on the
  // notifications page that links to the post; opening the page clears the count.
  const badge = await anna.waitForSelector("[data-testid=notification-count]:not([hidden])");
  assert.ok(Number(await badge.textContent()) >= 1);
  await anna.click("[data-testid=nav-notifications]");
  const item = await anna.waitForSelector("[data-testid=notification-post_decided]");
  assert.match(await item.textContent(), new RegExp(i18n("pl").notification_post_approved));
  assert.equal(await anna.getAttribute("[data-testid=notification-post_decided] a", "href"), `#/posts/${postId}`);
  await anna.waitForSelector("[data-testid=notification-count]", { state: "hidden" });
  await anna.reload();
  await anna.waitForSelector("[data-testid=notification-post_decided]");
  assert.equal(await anna.isHidden("[data-testid=notification-count]"), true, "still seen after a reload");
  await anna.context().close();
});

test("an admin edits a draft as text and as a form, publishes it, and the employee acknowledges it", async () => {
  const admin = await signIn("admin");
  await admin.goto(`${base}/#/versions`);
  await admin.fill("[data-testid=draft-title]", "Social media policy 2025");
  await admin.click("[data-testid=create-draft]");
  await admin.waitForSelector("[data-testid=policy-form]");
  // Start from the demo company's text ...
  await admin.click("[data-testid=tab-text]");
  await admin.waitForSelector("[data-testid=policy-yaml]", { state: "visible" });
  await admin.fill("[data-testid=policy-yaml]", readFileSync(demoPolicy, "utf8"));
  // ... then switch to the form (which saves the text first) and add a client and a rule.
  await admin.click("[data-testid=tab-form]");
  await admin.waitForSelector("[data-testid=list-clients]", { state: "visible" });
  const clients = await admin.inputValue("[data-testid=list-clients]");
  assert.match(clients, /^Riga Dairy$/m);
  await admin.fill("[data-testid=list-clients]", `${clients}\nBaltic Amber Bank`);
  const en = i18n("en");
  await admin.click(`summary:has-text("${en.add_custom_clause}")`);
  await admin.fill("[data-testid=custom-id]", "custom.launches");
  await admin.fill("[data-testid=custom-terms]", "Falcon");
  await admin.fill("[data-testid=custom-message-en]", "“{match}” has not been announced yet.");
  await admin.click("[data-testid=save-form]");
  await admin.waitForSelector("code:text-is('custom.launches')");
  // The text now carries both changes, and the demo file's comments are still there.
  await admin.click("[data-testid=tab-text]");
  await admin.waitForSelector("[data-testid=policy-yaml]", { state: "visible" });
  const yaml = await admin.inputValue("[data-testid=policy-yaml]");
  assert.match(yaml, /^  - Baltic Amber Bank$/m);
  assert.match(yaml, /id: custom\.launches/);
  assert.match(yaml, /^# The demo company used by `make run`/m);
  // Publishing asks first, with what changes in plain words.
  await admin.click("[data-testid=publish]");
  await admin.waitForSelector("[data-testid=publish-summary]");
  const summary = await admin.textContent("[data-testid=publish-summary]");
  assert.ok(summary.includes(en.summary_first_version), summary);
  assert.match(summary, /Baltic Amber Bank/);
  assert.equal(await admin.$("[data-testid=template-warning]"), null, "the demo company is no template");
  await admin.click("[data-testid=confirm-publish]");
  await admin.waitForSelector("[data-testid=ack-count]");
  assert.match(await admin.textContent("[data-testid=ack-count]"), /^0 of 5 /);
  assert.ok((await admin.$$("[data-testid=ack-teams] tbody tr")).length >= 2, "a rate per team");
  assert.match(await admin.getAttribute("[data-testid=ack-csv]", "href"), /acknowledgements\?format=csv&missing=1$/);
  await admin.context().close();

  // The published version answers the employee's checks: the new client and the new rule.
  const checker = await signIn("anna");
  await checker.goto(`${base}/#/check`);
  await checker.fill("[data-testid=post-text]", "Baltic Amber Bank will love Falcon");
  await checker.selectOption("select[name=lang]", "en");
  await checker.click("[data-testid=check]");
  await checker.waitForSelector("[data-testid=verdict]");
  const marked = await checker.$$eval("[data-testid=highlighted] mark", (ms) => ms.map((m) => m.firstChild.textContent));
  assert.ok(marked.includes("Baltic Amber Bank") && marked.includes("Falcon"), `highlighted: ${marked}`);
  await checker.context().close();

  const anna = await signIn("anna");
  await anna.goto(`${base}/#/policy`);
  await anna.click("[data-testid=acknowledge]");
  await anna.waitForSelector("[data-testid=acknowledged]");

  // Switching to Hebrew turns the whole interface right to left, and it is remembered.
  await anna.selectOption("header [data-testid=language]", "he");
  await anna.waitForFunction(() => document.documentElement.dir === "rtl");
  const he = i18n("he");
  assert.equal(await anna.getAttribute("html", "lang"), "he");
  assert.equal(await anna.textContent("nav a[href='#/check']"), he.nav_check);
  assert.equal(await anna.textContent("h1"), he.policy_title);
  await anna.screenshot({ path: join(server.dir, "..", "chorus-e2e-hebrew.png"), fullPage: true });
  await anna.reload();
  await anna.waitForSelector("[data-testid=user-name]");
  assert.equal(await anna.evaluate(() => document.documentElement.dir), "rtl");
  await anna.context().close();
});

test("a draft still holding the starter template's example company cannot be published, and is discarded", async () => {
  const admin = await signIn("admin");
  await admin.goto(`${base}/#/versions`);
  await admin.fill("[data-testid=draft-title]", "Straight from the template");
  await admin.selectOption("select[name=from]", "");
  await admin.click("[data-testid=create-draft]");
  await admin.waitForSelector("[data-testid=policy-form]");
  const draftUrl = admin.url();
  await admin.click("[data-testid=publish]");
  const warning = await admin.waitForSelector("[data-testid=template-warning]");
  assert.match(await warning.textContent(), /Brightline Software Inc\./);
  assert.equal(await admin.isDisabled("[data-testid=confirm-publish]"), true);
  // The summary says what would change against the published version: the demo company's
  // clients would go.
  assert.match(await admin.textContent("[data-testid=publish-summary]"), /Riga Dairy/);
  // A broken text: its problem names the line and column, and puts the cursor there.
  await admin.click("[data-testid=tab-text]");
  await admin.waitForSelector("[data-testid=policy-yaml]", { state: "visible" });
  const broken = "organization:\n  name: Dzintars\nclients:\n  - [unclosed\n";
  await admin.fill("[data-testid=policy-yaml]", broken);
  await admin.click("[data-testid=save-text]");
  const at = await admin.waitForSelector("[data-testid=problem-at]");
  const [, line, column] = (await at.textContent()).match(/(\d+)\D+(\d+)/).map(Number);
  assert.ok(line >= 4, `the problem is on the list line: ${await at.textContent()}`);
  await at.click();
  const cursor = await admin.$eval("[data-testid=policy-yaml]", (el) => [document.activeElement === el, el.selectionStart]);
  const lineStart = broken.split("\n").slice(0, line - 1).join("\n").length + 1;
  assert.deepEqual(cursor, [true, Math.min(broken.length, lineStart + column - 1)]);
  assert.equal(await admin.$$eval(".editor .gutter span", (s) => s.length), broken.split("\n").length);
  admin.once("dialog", (d) => d.accept());
  await admin.click("[data-testid=discard-draft]");
  await admin.waitForSelector("[data-testid=create-draft]");
  assert.ok(!(await admin.textContent("main")).includes("Straight from the template"), "the draft is gone");
  await admin.goto(draftUrl);
  await admin.waitForSelector("[role=alert], .error");
  await admin.context().close();
});

test("an admin renames and deletes teams and moves a person from the People page", async () => {
  const admin = await signIn("admin");
  const en = i18n("en");
  await admin.goto(`${base}/#/people`);
  await admin.waitForSelector("[data-testid=teams]");
  // Runs `action`, then waits until the page has been rendered anew (the old card is gone).
  const andRefresh = async (action) => {
    const card = await admin.$("[data-testid=teams]");
    await action();
    await admin.waitForFunction((el) => !el.isConnected, card);
    await admin.waitForSelector("[data-testid=teams]");
  };
  const teamId = async (name) => admin.$$eval("[data-testid=teams] input", (inputs, n) =>
    inputs.find((i) => i.value === n)?.dataset.testid.replace("team-name-", ""), name);

  const sales = await teamId("Sales");
  assert.ok(sales, "the Sales team is listed");
  assert.equal(await admin.textContent(`[data-testid=team-members-${sales}]`), "2"); // Anna, Locked
  await admin.fill(`[data-testid=team-name-${sales}]`, "Sales & Partners");
  await andRefresh(() => admin.click(`[data-testid=rename-team-${sales}]`));
  assert.equal(await teamId("Sales & Partners"), sales);

  // A taken name is refused with a translated message, the team keeps its name.
  const board = await teamId("Board");
  await admin.fill(`[data-testid=team-name-${board}]`, "sales & partners");
  await admin.click(`[data-testid=rename-team-${board}]`);
  const error = await admin.waitForSelector("[data-testid=teams] .error");
  assert.equal(await error.textContent(), en.error_team_name_taken);

  // Deleting asks first; the member stays, without a team.
  const engineering = await teamId("Engineering");
  await admin.click(`[data-testid=delete-team-${engineering}]`);
  await andRefresh(() => admin.click(`[data-testid=confirm-delete-team-${engineering}]`));
  assert.equal(await admin.$(`[data-testid=team-${engineering}]`), null);
  const benRow = admin.locator("tr", { hasText: PEOPLE.ben.email });
  assert.equal(await benRow.locator("select[name=team]").inputValue(), "");

  // Role and team from the people table.
  await andRefresh(() => benRow.locator("select[name=team]").selectOption("Sales & Partners"));
  assert.equal(await admin.textContent(`[data-testid=team-members-${sales}]`), "3");
  await admin.locator("tr", { hasText: PEOPLE.ben.email }).locator("select[name=role]").selectOption("reviewer");
  await admin.locator("tr", { hasText: PEOPLE.ben.email }).locator(".notice").waitFor();
  const users = await admin.evaluate(() => fetch("/api/v1/users").then((r) => r.json()));
  const ben = users.users.find((u) => u.email === "ben@test.example");
  assert.equal(ben.role, "reviewer");
  assert.equal(ben.team, "Sales & Partners");

  // The audit page names the new actions in the admin's language; administrative actions
  // first, sign-ins on their own.
  await admin.goto(`${base}/#/audit`);
  await admin.waitForSelector("table tbody tr");
  const actionsShown = () => admin.$$eval("table tbody tr td:nth-child(3)", (tds) => tds.map((td) => td.textContent));
  let actions = await actionsShown();
  for (const key of ["audit_team_rename", "audit_team_delete"]) {
    assert.ok(actions.includes(en[key]), `${en[key]} in ${actions.slice(0, 12).join(", ")}`);
  }
  assert.ok(!actions.includes(en.audit_session_sign_in), "sign-ins are not among administrative actions");
  await admin.selectOption("select[name=kind]", "sign_in");
  await admin.waitForFunction((text) => [...document.querySelectorAll("table tbody tr td:nth-child(3)")]
    .some((td) => td.textContent === text), en.audit_session_sign_in);
  actions = await actionsShown();
  assert.ok(!actions.includes(en.audit_team_rename), `only sign-ins: ${actions.slice(0, 12).join(", ")}`);
  await admin.context().close();
});
