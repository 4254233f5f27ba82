// The usage page in a real browser: a reviewer sees minutes per team and platform after
// `chorus usage import`, with the left-out teams counted in the page's language (Hebrew,
// right to left, with its two-form plural); an employee has no such page.
// Run directly with node (not --test) so the skip code reaches CTest.
import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { PASSWORD, PEOPLE, TestServer, runChorus } from "../api/server_harness.mjs";
import { catalog, launchChromium, webRoot } from "./browser_harness.mjs";

const server = new TestServer({ web: webRoot });
let browser;

// Two days ago at 10:00 UTC: a week still open for imports.
const t = (Math.floor(Date.now() / 86400000) - 2) * 86400 + 36000;
const line = (s, user, host) =>
  `${s}.000 10 10.0.0.1 TCP_TUNNEL/200 1 CONNECT ${host}:443 ${user} HIER_DIRECT/1.1.1.1 -\n`;

before(async () => {
  server.setupPeople();
  for (let i = 1; i <= 5; i++) {
    const r = runChorus(["user", "add", "--data", server.data, "--email", `sales${i}@test.example`, "--role", "employee", "--team", "Sales"]);
    assert.equal(r.status, 0, r.stderr);
  }
  let log = "";
  for (const who of ["anna", "locked", "sales1", "sales2", "sales3", "sales4", "sales5"])
    log += line(t, who, "www.instagram.com") + line(t + 240, who, "www.instagram.com") + line(t, who, "www.youtube.com");
  log += line(t, "ben", "www.tiktok.com") + line(t, "reviewer", "x.com");  // Engineering and Communications: one each
  const path = join(server.dir, "access.log");
  writeFileSync(path, log);
  const r = runChorus(["usage", "import", "--data", server.data, path]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(!existsSync(path));
  await server.start();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server.stop();
});

async function signIn(person) {
  const page = await (await browser.newContext()).newPage();
  page.on("pageerror", (e) => { throw e; });
  await page.goto(server.url);
  await page.fill("input[name=email]", PEOPLE[person].email);
  await page.fill("input[name=password]", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForSelector("[data-testid=user-name]");
  return page;
}

test("a reviewer reads the teams' minutes, in Hebrew too", async () => {
  const page = await signIn("reviewer");
  await page.click("nav a[href='#/usage']");
  await page.waitForSelector("[data-testid=usage-table]");
  const rows = await page.$$eval("[data-testid=usage-table] tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(rows.length, 1);
  const headers = await page.$$eval("[data-testid=usage-table] th", (ths) => ths.map((th) => th.textContent));
  const cell = (name) => rows[0][headers.indexOf(name)];
  assert.equal(rows[0][0], "Sales");
  assert.equal(cell("instagram"), "35");  // 7 people x (240 + 60) s
  assert.equal(cell("youtube"), "7");
  assert.equal(rows[0].at(-1), "42");

  await page.selectOption("header [data-testid=language]", "he");
  await page.waitForFunction(() => document.documentElement.dir === "rtl");
  await page.goto(`${server.url}/#/usage`);
  await page.waitForSelector("[data-testid=usage-suppressed]");
  const he = catalog("he");
  assert.equal(await page.textContent("[data-testid=usage-suppressed]"), he.usage_suppressed.split("|")[1]);  // two teams
  assert.equal(await page.textContent("main h1"), he.usage_title);

  // A period without data.
  await page.fill("input[name=from]", "2001-01-01");
  await page.fill("input[name=to]", "2001-01-31");
  await page.click("main form button[type=submit]");
  await page.waitForSelector("[data-testid=usage-empty]");
});

test("an employee has no usage page", async () => {
  const page = await signIn("anna");
  assert.equal(await page.$("nav a[href='#/usage']"), null);
});
