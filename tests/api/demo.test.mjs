// `chorus serve --demo` (what `make run` starts): an empty data directory gets the demo
// organisation once, with working sign-ins, a published policy and posts waiting for review.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Client, TestServer } from "./server_harness.mjs";

const server = new TestServer({ demo: true });
const DEMO_PASSWORD = "chorus-demo-2025";

before(async () => {
  await server.start();
});

after(async () => {
  await server.stop();
});

async function signIn(email) {
  const c = new Client(server.url);
  const r = await c.signIn(email, DEMO_PASSWORD);
  assert.equal(r.status, 200, r.text);
  return c;
}

test("prints how to sign in", () => {
  assert.match(server.output, /sign in as one of \(password: chorus-demo-2025\)/);
  assert.match(server.output, /reviewer@dzintars\.example/);
});

test("the demo organisation is ready to use", async () => {
  const reviewer = await signIn("reviewer@dzintars.example");
  const queue = await reviewer.request("GET", "/api/v1/reviews");
  assert.ok(queue.json.posts.length >= 3, `queue: ${queue.json.posts.length}`);
  assert.ok(queue.json.posts.every((p) => p.status === "in_review"));
  const noa = await signIn("noa@dzintars.example");
  const policy = await noa.request("GET", "/api/v1/policy");
  assert.equal(policy.json.version.number, 1);
  assert.equal(policy.json.charter.organization, "Dzintars");
  assert.equal(noa.csrf.length > 0, true);
  assert.equal((await noa.request("GET", "/api/v1/session")).json.user.language, "he");
  const check = await noa.request("POST", "/api/v1/check", { text: "Project Nightingale", lang: "en" });
  assert.ok(check.json.findings.some((f) => f.category === "confidential"), check.text);
});

test("restarting does not seed twice", async () => {
  const admin = await signIn("admin@dzintars.example");
  const before = (await admin.request("GET", "/api/v1/users")).json.users.length;
  await server.kill("SIGTERM");
  await server.start();
  assert.match(server.output, /Demo organisation already present/);
  const again = await signIn("admin@dzintars.example");
  assert.equal((await again.request("GET", "/api/v1/users")).json.users.length, before);
  assert.equal((await again.request("GET", "/api/v1/policy/versions")).json.versions.length, 1);
});
