// GET /api/v1/usage against a real `chorus serve` over a data directory that `chorus usage
// import` filled: the report's JSON shape, min_group from the policy, who may read it, and
// bad dates.
import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { Client, PEOPLE, TestServer, runChorus, signedInAs } from "./server_harness.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const server = new TestServer({ policy: join(root, "packs", "demo", "policy.yaml") });
let base;

// Two days ago at 10:00 UTC: a week still open for imports.
const t = (Math.floor(Date.now() / 86400000) - 2) * 86400 + 36000;
const day = new Date(t * 1000);
const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86400000);
const iso = (d) => d.toISOString().slice(0, 10);

function line(seconds, user, host) {
  return `${seconds}.000 10 10.0.0.1 TCP_TUNNEL/200 1 CONNECT ${host}:443 ${user} HIER_DIRECT/1.1.1.1 -\n`;
}

before(async () => {
  server.setupPeople();
  // Sales: anna, locked and five more; Engineering: ben alone.
  for (let i = 1; i <= 5; i++) {
    const r = runChorus(["user", "add", "--data", server.data, "--email", `sales${i}@test.example`,
      "--role", "employee", "--team", "Sales"]);
    assert.equal(r.status, 0, r.stderr);
  }
  let log = "";
  for (const who of ["anna", "locked", "sales1", "sales2", "sales3", "sales4", "sales5"]) {
    log += line(t, who, "www.linkedin.com") + line(t + 240, who, "www.linkedin.com");  // 300 s
  }
  log += line(t, "ben", "www.tiktok.com");
  const path = join(server.dir, "access.log");
  writeFileSync(path, log);
  const r = runChorus(["usage", "import", "--data", server.data, path]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(!existsSync(path), "the imported log is deleted");
  base = await server.start();
});

after(async () => {
  await server.stop();
});

const signedIn = (person) => signedInAs(base, person);

test("reviewers read the teams' minutes; small teams are suppressed", async () => {
  const reviewer = await signedIn("reviewer");
  const r = await reviewer.request("GET", "/api/v1/usage");
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(Object.keys(r.json), ["from", "to", "min_group", "teams", "suppressed_teams"]);
  assert.equal(r.json.from, iso(monday));
  assert.equal(r.json.min_group, 5);
  assert.equal(r.json.suppressed_teams, 1);  // Engineering: ben alone
  assert.equal(r.json.teams.length, 1);
  const sales = r.json.teams[0];
  assert.equal(sales.team, "Sales");
  assert.equal(sales.people, 7);
  assert.equal(sales.minutes.linkedin, 35);  // 7 people x 300 s
  assert.equal(sales.minutes.total, 35);
  for (const platform of ["facebook", "x", "linkedin", "instagram", "tiktok", "youtube"])
    assert.equal(typeof sales.minutes[platform], "number", platform);
  assert.ok(!JSON.stringify(r.json).includes("anna"), "no person in the report");
});

test("a range without data, and bad dates", async () => {
  const admin = await signedIn("admin");
  const empty = await admin.request("GET", "/api/v1/usage?from=2001-01-01&to=2001-01-31");
  assert.equal(empty.status, 200);
  assert.deepEqual(empty.json, { from: "2001-01-01", to: "2001-01-31", min_group: 5, teams: [], suppressed_teams: 0 });
  const week = await admin.request("GET", `/api/v1/usage?from=${iso(monday)}&to=${iso(monday)}`);
  assert.equal(week.json.teams[0].minutes.linkedin, 35);
  for (const q of ["from=yesterday", "to=2025-02-30", "from=2025-02-01&to=2025-01-01"]) {
    const bad = await admin.request("GET", `/api/v1/usage?${q}`);
    assert.equal(bad.status, 400, q);
    assert.ok(bad.json.error.code.startsWith("invalid_"), q);
  }
});

test("employees and strangers may not read it", async () => {
  const anna = await signedIn("anna");
  assert.equal((await anna.request("GET", "/api/v1/usage")).status, 403);
  assert.equal((await new Client(base).request("GET", "/api/v1/usage")).status, 401);
});

test("the route is in the OpenAPI document", async () => {
  const r = await new Client(base).request("GET", "/api/v1/openapi.json");
  assert.ok(r.json.paths["/api/v1/usage"].get.parameters.some((p) => p.name === "from"));
});
