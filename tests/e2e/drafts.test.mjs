// Checking and drafts in headless Chromium: the Check button is busy (disabled) while the
// check runs and a double click stores nothing twice (a check stores nothing at all; saving
// stores one draft); whitespace-only text is refused with a message before any request; the
// author deletes a draft; the reviewer sees the photo that was checked with the post.
// Run directly with node so the skip code reaches CTest.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Client, PASSWORD, PEOPLE, TestServer } from "../api/server_harness.mjs";
import { catalog, launchChromium, root, webRoot } from "./browser_harness.mjs";

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

async function postsOf(person) {
  const c = new Client(base);
  await c.signIn(PEOPLE[person].email);
  return (await c.request("GET", "/api/v1/posts")).json.posts;
}

test("whitespace-only text is refused with a message and nothing is sent", async () => {
  const page = await signIn("ben"); // Hebrew
  const requests = [];
  page.on("request", (r) => { if (r.url().includes("/api/v1/check") || r.url().endsWith("/api/v1/posts")) requests.push(r.url()); });
  await page.fill("[data-testid=post-text]", "   \n\t  ");
  await page.click("[data-testid=check]");
  const message = await page.waitForSelector("[data-testid=empty-text]");
  assert.equal(await message.textContent(), catalog("he").error_empty_text);
  assert.equal(await page.$("[data-testid=verdict]"), null, "no verdict for nothing");
  assert.deepEqual(requests, []);
  await page.context().close();
});

test("the Check button is busy while checking; a double click saves nothing twice", async () => {
  const page = await signIn("anna");
  const before = (await postsOf("anna")).length;
  // Hold the check's answer until the busy state has been seen.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let checks = 0;
  await page.route("**/api/v1/check?*", async (route) => {
    checks += 1;
    await held;
    await route.continue();
  });
  await page.fill("[data-testid=post-text]", "Our client Riga Dairy signs with us next week");
  await page.dblclick("[data-testid=check]");
  await page.waitForSelector("[data-testid=check][disabled][aria-busy=true]");
  release();
  await page.waitForSelector("[data-testid=verdict]");
  await page.waitForSelector("[data-testid=check]:not([disabled])");
  assert.equal(checks, 1, "one check for a double click");
  assert.equal((await postsOf("anna")).length, before, "a check stores nothing");
  const pl = catalog("pl");
  assert.ok([pl.verdict_review, pl.verdict_block, pl.verdict_caution].includes(await page.textContent("[data-testid=verdict]")));

  await page.dblclick("[data-testid=save-draft]");
  await page.waitForSelector("[data-testid=draft-saved]");
  const after = await postsOf("anna");
  assert.equal(after.length, before + 1, "one draft for a double click on Save");
  await page.context().close();
});

test("the author deletes a draft from its page", async () => {
  const page = await signIn("anna");
  await page.fill("[data-testid=post-text]", "A draft I will throw away");
  await page.click("[data-testid=check]");
  await page.click("[data-testid=save-draft]");
  await page.click("[data-testid=draft-saved] a");
  await page.waitForSelector("[data-testid=delete-draft]");
  const id = Number(page.url().split("/").pop());
  assert.ok((await postsOf("anna")).some((p) => p.id === id));
  await page.click("[data-testid=delete-draft]");
  await page.click("[data-testid=confirm-delete]");
  await page.waitForURL(/#\/posts$/);
  assert.ok(!(await postsOf("anna")).some((p) => p.id === id), "deleted");
  await page.context().close();
});

test("the reviewer sees the photo that was checked with the post", async () => {
  const page = await signIn("anna");
  await page.fill("[data-testid=post-text]", "Team picnic with Riga Dairy");
  await page.setInputFiles("input[name=photo]", join(root, "tests", "data", "geotagged.jpg"));
  await page.click("[data-testid=check]");
  await page.waitForSelector("[data-testid=verdict]");
  await page.click("[data-testid=submit-review]");
  await page.waitForSelector("[data-testid=post-status]");
  const id = Math.max(...(await postsOf("anna")).map((p) => p.id));
  await page.context().close();

  const reviewer = await signIn("reviewer");
  await reviewer.goto(`${base}/#/reviews`);
  await reviewer.waitForSelector(`[data-testid=review-${id}] [data-testid=post-photo]`);
  await reviewer.waitForFunction((sel) => document.querySelector(sel)?.complete, `[data-testid=review-${id}] [data-testid=post-photo]`);
  const width = await reviewer.$eval(`[data-testid=review-${id}] [data-testid=post-photo]`, (img) => img.naturalWidth);
  assert.ok(width > 0, "the photo loads");
  await reviewer.context().close();
});
