// End-to-end test in headless Chromium: an employee's published post that the demo policy
// blocks becomes an incident at once; the reviewer (who works in Latvian) finds it on the
// Incidents page, acknowledges it, adds a note, reads the playbook's texts (copyable), writes
// a summary that names the codename (the correction is then not copyable: its Copy button is
// disabled), and closes the incident with an outcome; the Hebrew texts run right to left. The
// employee has no Incidents page. Run directly with node (not --test) so the skip code
// reaches CTest.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Client, PASSWORD, PEOPLE, TestServer } from "../api/server_harness.mjs";
import { catalog as i18n, launchChromium, root, webRoot } from "./browser_harness.mjs";

const server = new TestServer({ policy: join(root, "packs", "demo", "policy.yaml"), web: webRoot });
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
  return page;
}

test("a blocked post becomes an incident the reviewer works and closes with a checked playbook text", async () => {
  const lv = i18n("lv");
  // Anna's archive: one post the policy blocks.
  const anna = new Client(base);
  assert.equal((await anna.signIn(PEOPLE.anna.email, PASSWORD)).status, 200);
  const account = (await anna.request("POST", "/api/v1/monitoring/accounts", { platform: "x", handle: "@anna" })).json.account;
  const tweets = [{ tweet: { id_str: "21", created_at: "Wed Dec 02 17:40:00 +0000 2026", full_text: "Sneak peek: Project Nightingale launches next month" } }];
  const r = await anna.request("POST", `/api/v1/monitoring/accounts/${account.id}/import`, undefined, {
    raw: `window.YTD.tweets.part0 = ${JSON.stringify(tweets)}`, headers: { "Content-Type": "application/octet-stream" } });
  assert.equal(r.status, 200, r.text);

  const page = await signIn("reviewer");
  await page.click("nav a[href='#/incidents']");
  await page.waitForSelector("[data-testid=incident-list]");
  assert.equal(await page.textContent("h1"), lv.incidents_title);
  const rows = await page.$$("[data-testid^=incident-] td[data-testid=incident-state]");
  assert.equal(rows.length, 1);
  assert.equal(await rows[0].textContent(), lv.incident_state_open);
  // The state filter: nothing is closed yet.
  await page.selectOption("[data-testid=incident-state-filter]", "closed");
  await page.waitForSelector("[data-testid=incidents-empty]");
  await page.selectOption("[data-testid=incident-state-filter]", "");
  await page.waitForSelector("[data-testid=incident-list] a");
  await page.click("[data-testid=incident-list] a");
  await page.waitForSelector("[data-testid=timeline]");
  assert.match(await page.textContent("[data-testid=highlighted]"), /Project Nightingale/);

  // Acknowledge with a note; the reviewer becomes the owner.
  await page.fill("[data-testid=state-note]", "Skatos");
  await page.click("[data-testid=to-acknowledged]");
  await page.waitForFunction((label) => document.querySelector("[data-testid=incident-state]")?.textContent === label, lv.incident_state_acknowledged);
  assert.equal(await page.$eval("[data-testid=incident-owner]", (s) => s.selectedOptions[0].textContent), PEOPLE.reviewer.name);
  await page.fill("[data-testid=note-text]", "Lūdzu Annai dzēst ierakstu");
  await page.click("[data-testid=add-note]");
  await page.waitForSelector("[data-testid=event-note]");
  const timeline = await page.textContent("[data-testid=timeline]");
  assert.match(timeline, /Skatos/);
  assert.match(timeline, /Lūdzu Annai dzēst ierakstu/);

  // The playbook in Latvian: every text passes the policy and may be copied.
  await page.waitForSelector("[data-testid=playbook-correction]");
  assert.equal((await page.$$("[data-testid=playbook] button:disabled")).length, 0);
  assert.match(await page.textContent("[data-testid=playbook-correction]"), /platformā X/);
  // In Hebrew the texts run right to left.
  await page.selectOption("[data-testid=playbook-language]", "he");
  await page.waitForFunction(() => document.querySelector("[data-testid=playbook-text]")?.getAttribute("dir") === "rtl");
  await page.selectOption("[data-testid=playbook-language]", "en");
  await page.waitForFunction(() => /Correction to my post/.test(document.querySelector("[data-testid=playbook-correction]")?.textContent ?? ""));

  // A summary naming the codename: the correction no longer passes and cannot be copied.
  await page.fill("[data-testid=incident-summary]", "the launch date of Project Nightingale");
  await page.click("[data-testid=incident-save]");
  await page.waitForSelector("[data-testid=playbook-correction] [data-testid=not-copyable]");
  assert.equal(await page.isDisabled("[data-testid=copy-correction]"), true);
  assert.equal(await page.isDisabled("[data-testid=copy-holding_statement]"), false);
  await page.fill("[data-testid=incident-summary]", "");
  await page.click("[data-testid=incident-save]");
  await page.waitForFunction(() => !document.querySelector("[data-testid=not-copyable]") && document.querySelector("[data-testid=copy-correction]"));

  // Remediate and close with an outcome.
  await page.click("[data-testid=to-remediating]");
  await page.waitForSelector("[data-testid=to-closed]");
  await page.selectOption("[data-testid=incident-outcome]", "deleted");
  await page.click("[data-testid=to-closed]");
  await page.waitForFunction((label) => document.querySelector("[data-testid=incident-state]")?.textContent === label, lv.incident_state_closed);
  assert.equal(await page.textContent("[data-testid=incident-outcome-label]"), lv.incident_outcome_deleted);
  assert.equal((await page.$$("[data-testid^=to-]")).length, 0, "a closed incident has no next step");
  assert.match(await page.textContent("[data-testid=time-to-close]"), /^slēgšana ilga \d+ /);
  await page.context().close();

  // The employee has no Incidents page.
  const employee = await signIn("anna");
  assert.equal((await employee.$$("nav a[href='#/incidents']")).length, 0);
  await employee.goto(`${base}/#/incidents`);
  await employee.waitForFunction((text) => document.querySelector("h1")?.textContent === text, i18n("pl").page_not_found);
  await employee.context().close();
});
