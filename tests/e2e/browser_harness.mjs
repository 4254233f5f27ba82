// What the browser tests share: Debian's Chromium through playwright-core (headless, loopback
// only, the project's flags), the built web app, and the interface catalogues. Importing this
// module exits with CTest's skip code 77 when Chromium is not installed, so run the tests
// directly with node (not --test).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) {
  console.log(`SKIP: chromium is not installed at ${CHROMIUM} (scripts/install-deps installs it)`);
  process.exit(77);
}

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const webRoot = process.env.CHORUS_WEB_ROOT ?? join(root, "web", "dist");
assert.ok(existsSync(join(webRoot, "index.html")), `the web app is not built in ${webRoot}`);

// fails clearly if `npm ci` was not run in web/
const { chromium } = createRequire(join(root, "web", "package.json"))("playwright-core");

// The interface texts of one language (web/src/i18n/LANG.json).
export const catalog = (lang) =>
  JSON.parse(readFileSync(join(root, "web", "src", "i18n", `${lang}.json`), "utf8"));

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}
