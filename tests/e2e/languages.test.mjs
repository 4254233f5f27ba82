// Every page of the web app, in Latvian, Polish and Hebrew, must show no interface text left
// in English. The demo organisation (what `make run` starts) fills the pages; an admin sees
// every page. For each page and language the test collects the visible text, placeholders,
// labels and titles, and looks for any English catalogue text that differs from its
// translation, as a whole phrase. Run directly with node so the skip code reaches CTest.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { TestServer } from "../api/server_harness.mjs";
import { catalog, launchChromium, webRoot } from "./browser_harness.mjs";

const en = catalog("en");

const server = new TestServer({ demo: true, web: webRoot });
let browser;

before(async () => {
  await server.start();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server.stop();
});

// English phrases worth looking for: the literal parts (around {placeholders}) of catalogue
// texts whose translation differs, at least two words or eight characters long.
function englishPhrases(lang) {
  const translated = catalog(lang);
  const phrases = new Set();
  for (const [key, text] of Object.entries(en)) {
    if (translated[key] === text) continue;
    for (const part of text.split(/\{\w+\}/)) {
      const phrase = part.trim().replace(/[.:,;…]+$/, "");
      if (phrase.length >= 8 || (phrase.includes(" ") && phrase.length >= 5)) phrases.add(phrase);
    }
  }
  return [...phrases];
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function visibleText(page) {
  return page.evaluate(() => {
    // Machine text (clause ids, JSON details of the audit log, YAML) is not interface text.
    for (const code of document.querySelectorAll("code, pre")) code.style.display = "none";
    const parts = [document.body.innerText, document.title];
    for (const el of document.querySelectorAll("[placeholder], [aria-label], [title]")) {
      if (!el.checkVisibility || el.checkVisibility()) {
        parts.push(el.getAttribute("placeholder") ?? "", el.getAttribute("aria-label") ?? "", el.getAttribute("title") ?? "");
      }
    }
    for (const option of document.querySelectorAll("select option")) parts.push(option.textContent);
    return parts.join("\n");
  });
}

test("no page shows English interface text in lv, pl or he", async () => {
  const page = await (await browser.newContext({ locale: "lv-LV" })).newPage();
  page.on("pageerror", (e) => { throw e; });
  await page.goto(server.url);
  await page.fill("input[name=email]", "admin@dzintars.example");
  await page.fill("input[name=password]", "chorus-demo-2025");
  await page.click("button[type=submit]");
  await page.waitForSelector("[data-testid=user-name]");

  // A draft, so that the draft editor (form and comments) is among the pages.
  await page.goto(`${server.url}/#/versions`);
  await page.fill("[data-testid=draft-title]", "2026");
  await page.click("[data-testid=create-draft]");
  await page.waitForSelector("[data-testid=policy-form]");
  const draft = page.url().split("#")[1];
  // A post waiting for review (the demo seeds some), seen through the admin's eyes.
  const queue = await page.evaluate(() => fetch("/api/v1/reviews").then((r) => r.json()));
  assert.ok(queue.posts.length > 0, "the demo has posts in review");
  const post = `#/posts/${queue.posts[0].id}`;

  const pages = ["#/check", "#/posts", post, "#/policy", "#/questions", "#/notifications", "#/reviews",
    "#/versions", draft, "#/people", "#/audit", "#/account", "#/usage"];
  const leaks = [];
  for (const lang of ["lv", "pl", "he"]) {
    await page.selectOption("header [data-testid=language]", lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    const phrases = englishPhrases(lang).map((p) => [p, new RegExp(`(?<![\\p{L}\\p{N}@._-])${escape(p)}(?![\\p{L}\\p{N}@_-])`, "u")]);
    assert.ok(phrases.length > 100, `${phrases.length} phrases to look for in ${lang}`);
    for (const hash of pages) {
      await page.goto(`${server.url}/${hash.startsWith("#") ? hash : `#${hash}`}`);
      await page.waitForSelector("main h1");
      await page.waitForLoadState("networkidle");
      const text = await visibleText(page);
      for (const [phrase, pattern] of phrases) {
        const found = pattern.exec(text);
        if (found) {
          const context = text.slice(Math.max(0, found.index - 40), found.index + phrase.length + 40).replace(/\s+/g, " ");
          leaks.push(`${lang} ${hash}: "${phrase}" in "…${context}…"`);
        }
      }
    }
  }
  assert.deepEqual(leaks, [], `English text on translated pages:\n${leaks.join("\n")}`);
});
