// API tests for the sign-in and account hardening of issue 8: API tokens (expiry, listing,
// revocation, reset), password rules, the audit log of failed sign-ins, folded uniqueness of
// teams and e-mails, and CSV import of people. A real `chorus serve` on loopback.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Client, PASSWORD, PEOPLE, runChorus, TestServer } from "./server_harness.mjs";

const server = new TestServer();
let base;

async function as(person) {
  const c = new Client(base);
  const r = await c.signIn(PEOPLE[person].email);
  assert.equal(r.status, 200, `sign in ${person}: ${r.text}`);
  return c;
}

function assertError(r, status, code) {
  assert.equal(r.status, status, r.text);
  if (code) assert.equal(r.json?.error?.code, code, r.text);
}

async function withToken(token, method, path) {
  const r = await fetch(base + path, { method, headers: { Authorization: `Bearer ${token}` } });
  return r.status;
}

before(async () => {
  server.setupPeople();
  base = await server.start();
});

after(async () => {
  await server.stop();
});

describe("API tokens", () => {
  test("a person creates, lists and revokes their own tokens; the list has no secret", async () => {
    const ben = await as("ben");
    const created = await ben.request("POST", "/api/v1/me/tokens", { name: "laptop script", days: 7 });
    assert.equal(created.status, 201, created.text);
    const secret = created.json.token.secret;
    assert.match(secret, /^chorus_/);
    assert.equal(created.json.token.expires_at - created.json.token.created_at, 7 * 86400);
    assert.equal(await withToken(secret, "GET", "/api/v1/session"), 200);

    const list = await ben.request("GET", "/api/v1/me/tokens");
    assert.equal(list.status, 200);
    const mine = list.json.tokens.find((t) => t.id === created.json.token.id);
    assert.equal(mine.name, "laptop script");
    assert.equal(mine.state, "active");
    assert.equal(typeof mine.last_used_at, "number", "the use above is recorded");
    assert.ok(!list.text.includes(secret), "never the secret");
    assert.ok(!list.text.includes("token_hash"));

    // Another employee can neither see nor revoke it.
    const anna = await as("anna");
    assertError(await anna.request("DELETE", `/api/v1/me/tokens/${mine.id}`), 404);
    assertError(await anna.request("GET", `/api/v1/users/${mine.user_id}/tokens`), 403);

    const revoked = await ben.request("DELETE", `/api/v1/me/tokens/${mine.id}`);
    assert.equal(revoked.status, 200, revoked.text);
    assert.equal(revoked.json.token.state, "revoked");
    assert.equal(await withToken(secret, "GET", "/api/v1/session"), 401);
  });

  test("a token cannot mint tokens, and lifetimes are bounded", async () => {
    const ben = await as("ben");
    assertError(await ben.request("POST", "/api/v1/me/tokens", { days: 731 }), 400, "invalid_token_days");
    const created = await ben.request("POST", "/api/v1/me/tokens", {});
    assert.equal(created.json.token.expires_at - created.json.token.created_at, 90 * 86400);
    const r = await fetch(base + "/api/v1/me/tokens", {
      method: "POST",
      headers: { Authorization: `Bearer ${created.json.token.secret}`, "Content-Type": "application/json" },
      body: "{}",
    });
    assert.equal(r.status, 403);
  });

  test("an admin lists and revokes anyone's tokens; a password reset revokes them all", async () => {
    const admin = await as("admin");
    const users = (await admin.request("GET", "/api/v1/users")).json.users;
    const locked = users.find((u) => u.email === PEOPLE.locked.email);
    const a = await admin.request("POST", `/api/v1/users/${locked.id}/tokens`, { name: "a" });
    const b = await admin.request("POST", `/api/v1/users/${locked.id}/tokens`, { name: "b" });
    assert.equal(a.status, 201, a.text);
    const list = await admin.request("GET", `/api/v1/users/${locked.id}/tokens`);
    assert.equal(list.json.tokens.length, 2);
    assert.equal((await admin.request("DELETE", `/api/v1/tokens/${a.json.token.id}`)).status, 200);
    assert.equal(await withToken(a.json.token.secret, "GET", "/api/v1/session"), 401);
    assert.equal(await withToken(b.json.token.secret, "GET", "/api/v1/session"), 200);

    assert.equal((await admin.request("PATCH", `/api/v1/users/${locked.id}`, { password: "fresh-start-8812" })).status, 200);
    assert.equal(await withToken(b.json.token.secret, "GET", "/api/v1/session"), 401);
    const audit = (await admin.request("GET", "/api/v1/audit")).json.entries;
    assert.ok(audit.some((e) => e.action === "token.revoke_all"), JSON.stringify(audit.slice(0, 5)));
    assert.ok(audit.some((e) => e.action === "token.revoke"));
    assert.ok(audit.some((e) => e.action === "token.create"));
  });

  test("chorus token list and revoke work on the data directory", async () => {
    const created = runChorus(["token", "create", "--data", server.data, "--email", PEOPLE.reviewer.email, "--name", "ci", "--days", "3"]);
    assert.equal(created.status, 0, created.stderr);
    const secret = created.stdout.trim();
    const listed = runChorus(["token", "list", "--data", server.data, "--email", PEOPLE.reviewer.email]);
    assert.equal(listed.status, 0, listed.stderr);
    assert.ok(!listed.stdout.includes(secret));
    const row = listed.stdout.split("\n").find((l) => l.includes("\tci\t"));
    assert.match(row, /\tactive$/);
    const id = row.split("\t")[0];
    assert.equal(runChorus(["token", "revoke", "--data", server.data, "--id", id]).status, 0);
    assert.equal(await withToken(secret, "GET", "/api/v1/session"), 401);
    assert.notEqual(runChorus(["token", "create", "--data", server.data, "--email", PEOPLE.reviewer.email, "--days", "0"]).status, 0);
  });

  test("the token routes are in the OpenAPI document", async () => {
    const doc = await (await fetch(base + "/api/v1/openapi.json")).json();
    for (const [method, path] of [["get", "/api/v1/me/tokens"], ["post", "/api/v1/me/tokens"],
      ["delete", "/api/v1/me/tokens/{id}"], ["get", "/api/v1/users/{id}/tokens"],
      ["post", "/api/v1/users/{id}/tokens"], ["delete", "/api/v1/tokens/{id}"]]) {
      assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
    }
  });
});

describe("passwords and failed sign-ins", () => {
  test("new passwords are measured in characters and checked against common ones", async () => {
    const anna = await as("anna");
    const change = (next) => anna.request("POST", "/api/v1/me/password", { current_password: PASSWORD, new_password: next });
    assertError(await change("ļūķģšžč"), 400, "password_too_short"); // 14 bytes, 7 characters
    assertError(await change("x".repeat(257)), 400, "password_too_long");
    assert.match((await change("x".repeat(257))).json.error.message, /at most 256/);
    for (const weak of ["12345678", "password", "        ", "Password1", "anna@test.example"]) {
      const r = await change(weak);
      assert.equal(r.status, 400, weak);
      assert.match(r.json.error.code, /^password_(too_common|like_email)$/, weak);
    }
  });

  test("an e-mail with no account is kept only masked in the audit log", async () => {
    const typed = "Hunter2-Secret!";
    assertError(await new Client(base).signIn(typed, "whatever-1"), 401, "bad_credentials");
    assertError(await new Client(base).signIn("nobody.here@test.example", "whatever-1"), 401);
    const admin = await as("admin");
    const audit = await admin.request("GET", "/api/v1/audit?kind=sign_in");
    assert.ok(!audit.text.toLowerCase().includes(typed.toLowerCase()), "typed text not in the log");
    assert.ok(!audit.text.includes("nobody.here"));
    assert.ok(audit.json.entries.some((e) => e.detail.email === "n***@test.example"), audit.text);
  });

  test("the right password works after the back-off, no 15-minute lock-out", async () => {
    const email = PEOPLE.reviewer.email;
    for (let i = 0; i < 5; i++) assertError(await new Client(base).signIn(email, "wrong-guess-5"), 401);
    const slowed = await new Client(base).signIn(email);
    assertError(slowed, 429, "too_many_attempts");
    const wait = Number(slowed.headers.get("retry-after"));
    assert.ok(wait > 0 && wait <= 4, `back-off of seconds, not a lock: ${wait}`);
    await new Promise((resolve) => setTimeout(resolve, (wait + 1) * 1000));
    assert.equal((await new Client(base).signIn(email)).status, 200);
  });
});

describe("folded uniqueness", () => {
  test("team names and e-mail addresses are one under Unicode case folding", async () => {
    const admin = await as("admin");
    const first = await admin.request("POST", "/api/v1/users", { email: "ilze@test.example", role: "employee", team: "Pārdošana" });
    assert.equal(first.status, 201, first.text);
    const second = await admin.request("POST", "/api/v1/users", { email: "janis@test.example", role: "employee", team: "PĀRDOŠANA" });
    assert.equal(second.status, 201, second.text);
    assert.equal(second.json.user.team, "Pārdošana", "joins the existing team");
    const teams = (await admin.request("GET", "/api/v1/teams")).json.teams;
    assert.equal(teams.filter((t) => t.name.toLowerCase() === "pārdošana").length, 1, JSON.stringify(teams));
    const other = teams.find((t) => t.name === "Sales");
    assertError(await admin.request("PATCH", `/api/v1/teams/${other.id}`, { name: "pĀrdošana" }), 409, "team_name_taken");

    assert.equal((await admin.request("POST", "/api/v1/users", { email: "ādams@test.example", role: "employee" })).status, 201);
    assertError(await admin.request("POST", "/api/v1/users", { email: "ĀDAMS@test.example", role: "employee" }), 409, "email_taken");
  });
});

describe("CSV import of people", () => {
  test("an Excel export with a BOM, semicolons and a line break in a cell imports", async () => {
    const admin = await as("admin");
    const csv = "\uFEFFemail;name;role;team;language\r\n" +
      "liga@test.example;\"Bērziņa; Līga\";employee;Pārdošana;lv\r\n" +
      "jan@test.example;\"Jan\nKowalski\";reviewer;Prawny;pl\r\n";
    const r = await admin.request("POST", "/api/v1/users/import", { csv });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.created, 2, r.text);
    const users = (await admin.request("GET", "/api/v1/users")).json.users;
    assert.equal(users.find((u) => u.email === "liga@test.example").name, "Bērziņa; Līga");
    assert.equal(users.find((u) => u.email === "jan@test.example").name, "Jan\nKowalski");
  });

  test("tabs work; more than 10,000 rows are refused with nobody created", async () => {
    const admin = await as("admin");
    const tabs = await admin.request("POST", "/api/v1/users/import", { csv: "email\tname\ntabs@test.example\tTab, Person\n" });
    assert.equal(tabs.json.created, 1, tabs.text);
    let csv = "email\n";
    for (let i = 0; i <= 10000; i++) csv += `bulk${i}@test.example\n`;
    const r = await admin.request("POST", "/api/v1/users/import", { csv });
    assertError(r, 400, "too_many_rows");
    const users = (await admin.request("GET", "/api/v1/users")).json.users;
    assert.ok(!users.some((u) => u.email.startsWith("bulk")));
  });

  test("a malformed quote is refused with its row", async () => {
    const admin = await as("admin");
    const r = await admin.request("POST", "/api/v1/users/import", { csv: "email,name\nq@test.example,\"Open\n" });
    assertError(r, 400, "invalid_csv");
    assert.match(r.json.error.message, /record 2/);
  });
});
