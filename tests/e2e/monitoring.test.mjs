// End-to-end test in headless Chromium: an employee (Ben, who works in Hebrew, right to left)
// opens "My accounts", links an X account, uploads an X archive's tweets.js and sees the
// import's counts and his flagged post privately, with the finding explained; another
// employee sees none of it. On his account page he downloads all his data. Run directly with node (not --test) so the skip code reaches CTest.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { PASSWORD, PEOPLE, TestServer } from "../api/server_harness.mjs";
import { catalog as i18n, launchChromium, root, webRoot } from "./browser_harness.mjs";

const server = new TestServer({ policy: join(root, "packs", "demo", "policy.yaml"), web: webRoot });
const work = mkdtempSync(join(tmpdir(), "chorus-e2e-monitoring-"));
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
  rmSync(work, { recursive: true, force: true });
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

test("an employee links an account, uploads an archive and sees a flagged post privately", async () => {
  const he = i18n("he");
  const tweets = [
    { tweet: { id_str: "11", created_at: "Wed Oct 11 08:15:02 +0000 2023", full_text: "Sneak peek: Project Nightingale &amp; more soon" } },
    { tweet: { id_str: "12", created_at: "Thu Oct 12 08:15:02 +0000 2023", full_text: "Lovely morning run along the Daugava." } },
  ];
  const file = join(work, "tweets.js");
  writeFileSync(file, `window.YTD.tweets.part0 = ${JSON.stringify(tweets, null, 2)}`);

  const page = await signIn("ben");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  await page.click(`nav a[href='#/accounts']`);
  await page.waitForSelector("[data-testid=link-account]");
  assert.equal(await page.textContent("h1"), he.accounts_title);
  await page.selectOption("[data-testid=link-platform]", "x");
  await page.fill("[data-testid=link-handle]", "@ben_k");
  await page.click("[data-testid=link-account]");
  const card = await page.waitForSelector("[data-testid=linked-account]");
  assert.match(await card.textContent(), /@ben_k/);
  const upload = await page.$("[data-testid^=upload-]");
  await upload.setInputFiles(file);
  await page.click("[data-testid=linked-account] button.primary");
  await page.waitForSelector("[data-testid^=upload-result-] [role=status]");
  const summary = await page.textContent("[data-testid^=upload-result-] [role=status]");
  assert.equal(summary, he.import_done.replace("{posts}", "2").replace("{new}", "2").replace("{duplicates}", "0").replace("{flagged}", "1"));
  const flagged = await page.$$eval("[data-testid=flagged-post]", (els) => els.map((e) => e.textContent));
  assert.equal(flagged.length, 1, flagged.join("\n"));
  assert.match(flagged[0], /Sneak peek: Project Nightingale.* & more soon/);
  assert.ok(!flagged[0].includes("Daugava"), "unflagged posts are not listed as flagged");
  const marked = await page.$$eval("[data-testid=flagged-post] mark", (ms) => ms.map((m) => m.firstChild.textContent));
  assert.ok(marked.includes("Project Nightingale"), `highlighted: ${marked}`);

  // "My data" on his account page downloads everything held about him, these posts included.
  await page.goto(`${base}/#/account`);
  await page.waitForSelector("[data-testid=download-my-data]");
  assert.equal(await page.textContent("[data-testid=download-my-data]"), he.download_my_data);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=download-my-data]")]);
  assert.match(download.suggestedFilename(), /^chorus-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const saved = join(work, "my-data.json");
  await download.saveAs(saved);
  const mine = JSON.parse(readFileSync(saved, "utf-8"));
  assert.equal(mine.person.email, PEOPLE.ben.email);
  assert.deepEqual(mine.linked_accounts.map((a) => a.handle), ["@ben_k"]);
  assert.equal(mine.monitored_posts.length, 2, "flagged and unflagged: the file holds everything");
  await page.context().close();

  // Anna sees nothing of Ben's.
  const anna = await signIn("anna");
  await anna.goto(`${base}/#/accounts`);
  await anna.waitForSelector("[data-testid=no-flagged]");
  assert.equal((await anna.$$("[data-testid=linked-account]")).length, 0);
  await anna.context().close();
});
