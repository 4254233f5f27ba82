// First run without --demo: the server says on its console how to create the first admin,
// and so does the sign-in page (in the reader's language) until someone exists. `chorus user
// add` without --name gives no name guessed from the e-mail address and says so.
// Run directly with node so the skip code reaches CTest.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Client, runChorus, TestServer } from "../api/server_harness.mjs";
import { catalog, launchChromium, webRoot } from "./browser_harness.mjs";

const server = new TestServer({ web: webRoot });
let browser;
let base;

before(async () => {
  base = await server.start();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server.stop();
});

test("an empty server says how to create the first admin, on the console and the sign-in page", async () => {
  await new Promise((resolve) => setTimeout(resolve, 200)); // the console lines after "listening"
  assert.match(server.output, /No one can sign in yet/);
  assert.match(server.output, new RegExp(`chorus user add --data ${server.data} .*--role admin .*--password-stdin`));
  const setup = await (await fetch(`${base}/api/v1/setup`)).json();
  assert.deepEqual(setup, { needs_first_admin: true });

  for (const [locale, lang] of [["en-US", "en"], ["he-IL", "he"]]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(base);
    const notice = await page.waitForSelector("[data-testid=first-admin]");
    const text = await notice.textContent();
    assert.ok(text.includes(catalog(lang).first_admin_title), text);
    assert.match(text, /chorus user add --data DIR/);
    await context.close();
  }
});

test("user add without --name leaves the name empty and says so; then the notice is gone", async () => {
  const r = runChorus(["user", "add", "--data", server.data, "--email", "j.smith@example.com",
    "--role", "admin", "--password-stdin"], "a-long-password-42\n");
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /no name given/);
  const c = new Client(base);
  assert.equal((await c.signIn("j.smith@example.com", "a-long-password-42")).status, 200);
  const me = await c.request("GET", "/api/v1/session");
  assert.notEqual(me.json.user.name, "j.smith", "not called by the e-mail prefix");
  assert.equal(me.json.user.name, "j.smith@example.com");
  const people = await c.request("GET", "/api/v1/users");
  assert.equal(people.json.users.find((u) => u.email === "j.smith@example.com").name, "");

  assert.deepEqual(await (await fetch(`${base}/api/v1/setup`)).json(), { needs_first_admin: false });
  const page = await (await browser.newContext({ locale: "en-US" })).newPage();
  await page.goto(base);
  await page.waitForSelector("input[name=email]");
  await page.waitForLoadState("networkidle");
  assert.equal(await page.$("[data-testid=first-admin]"), null);
  await page.context().close();
});

test("a person added in the web app without a password gets a single-use invitation link", async () => {
  const admin = await (await browser.newContext({ locale: "en-US" })).newPage();
  admin.on("pageerror", (e) => { throw e; });
  await admin.goto(base);
  await admin.fill("input[name=email]", "j.smith@example.com");
  await admin.fill("input[name=password]", "a-long-password-42");
  await admin.click("button[type=submit]");
  await admin.waitForSelector("[data-testid=user-name]");
  await admin.goto(`${base}/#/people`);
  await admin.fill("input[name=email]", "new.person@example.com");
  await admin.fill("input[name=name]", "Nadia New");
  await admin.click("form.card button[type=submit]");
  const link = await (await admin.waitForSelector("[data-testid=invitation-link]")).inputValue();
  assert.match(link, /#\/invite\/[A-Za-z0-9_-]{40,}$/);
  assert.match(await admin.textContent("[data-testid=invitation]"), /Nadia New/);
  await admin.context().close();

  // The person opens the link, sets a password and signs in with it.
  const person = await (await browser.newContext({ locale: "en-US" })).newPage();
  person.on("pageerror", (e) => { throw e; });
  await person.goto(link);
  await person.fill("[data-testid=invite-password]", "nadia-sets-her-own-42");
  await person.click("[data-testid=invite-submit]");
  await person.waitForSelector("input[name=email]");
  assert.equal(await person.inputValue("input[name=email]"), "new.person@example.com");
  await person.fill("input[name=password]", "nadia-sets-her-own-42");
  await person.click("button[type=submit]");
  await person.waitForSelector("[data-testid=user-name]");
  assert.equal(await person.textContent("[data-testid=user-name]"), "Nadia New");
  await person.context().close();

  // The link works once; both steps are in the audit log.
  const token = link.split("/").pop();
  const again = await fetch(`${base}/api/v1/invitations/accept`, { method: "POST",
    headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token, password: "another-password-42" }) });
  assert.equal(again.status, 400);
  assert.equal((await again.json()).error.code, "invalid_invitation");
  const c = new Client(base);
  await c.signIn("j.smith@example.com", "a-long-password-42");
  const audit = (await c.request("GET", "/api/v1/audit?kind=all")).json.entries.map((e) => e.action);
  assert.ok(audit.includes("invitation.created") && audit.includes("invitation.accepted"), `${audit}`);
  // A person added with a password gets no link.
  const withPassword = await c.request("POST", "/api/v1/users", { email: "p@example.com", role: "employee",
    name: "Pat", password: "pat-has-a-password-42" });
  assert.equal(withPassword.status, 201);
  assert.equal(withPassword.json.invitation, undefined);
});
