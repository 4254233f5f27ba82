// Mixed scripts in findings, in headless Chromium: an English reader checks a post naming a
// Hebrew client, a Hebrew reader one naming a Latin project. Each explanation must run in the
// direction of its own language (not take it from the quoted name, as dir="auto" did), and
// the quoted term must sit in an isolate (<bdi>, unicode-bidi: isolate) so that it cannot
// reorder the sentence around it. Run directly with node so the skip code reaches CTest.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { PASSWORD, PEOPLE, TestServer } from "../api/server_harness.mjs";
import { launchChromium, root, webRoot } from "./browser_harness.mjs";

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

// Checks `text` and returns, for the finding whose matched text is `term`: the computed
// direction of its explanation, the page's direction, and the isolates inside it.
async function explain(page, text, term) {
  await page.fill("[data-testid=post-text]", text);
  await page.click("[data-testid=check]");
  await page.waitForSelector("[data-testid=verdict]");
  return page.$$eval("[data-testid=finding-message]", (els, wanted) => {
    const el = els.find((e) => e.textContent.includes(wanted));
    if (!el) return null;
    return {
      text: el.textContent,
      direction: getComputedStyle(el).direction,
      page: getComputedStyle(document.body).direction,
      isolates: [...el.querySelectorAll("bdi")].map((b) => ({
        text: b.textContent, bidi: getComputedStyle(b).unicodeBidi })),
    };
  }, term);
}

test("in English, a Hebrew client name in an explanation is isolated; the sentence stays left to right", async () => {
  const page = await signIn("admin"); // English
  const r = await explain(page, "מגדל אופטיקה is our newest client, more next week", "מגדל אופטיקה");
  assert.ok(r, "a finding explains the client name");
  assert.equal(r.page, "ltr");
  assert.equal(r.direction, "ltr", `the English explanation runs left to right: ${r.text}`);
  assert.ok(r.isolates.some((b) => b.text === "מגדל אופטיקה" && b.bidi === "isolate"),
    `the quoted name is isolated: ${JSON.stringify(r.isolates)}`);
  // the matched term in the finding's headline is isolated too
  const heads = await page.$$eval(".finding-head q bdi", (els) => els.map((e) => e.textContent));
  assert.ok(heads.includes("מגדל אופטיקה"), `${heads}`);
  await page.context().close();
});

test("in Hebrew, a Latin project name in an explanation is isolated; the sentence stays right to left", async () => {
  const page = await signIn("ben"); // Hebrew
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  const r = await explain(page, "Project Nightingale ships next month", "Project Nightingale");
  assert.ok(r, "a finding explains the confidential name");
  assert.equal(r.page, "rtl");
  assert.equal(r.direction, "rtl", `the Hebrew explanation runs right to left: ${r.text}`);
  assert.match(r.text, /[\u0590-\u05FF]/, "the explanation is in Hebrew");
  assert.ok(r.isolates.some((b) => b.text === "Project Nightingale" && b.bidi === "isolate"),
    `the quoted name is isolated: ${JSON.stringify(r.isolates)}`);
  await page.context().close();
});

test("the signed-in person's Latin name is isolated in the Hebrew header", async () => {
  const page = await signIn("ben");
  const name = await page.$eval("[data-testid=user-name]", (a) => {
    const b = a.querySelector("bdi");
    return b ? { text: b.textContent, bidi: getComputedStyle(b).unicodeBidi } : null;
  });
  assert.deepEqual(name, { text: PEOPLE.ben.name, bidi: "isolate" });
  await page.context().close();
});
