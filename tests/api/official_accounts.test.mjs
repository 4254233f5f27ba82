// The registry of official accounts against a real `chorus serve`: registering by handle or
// profile URL, owners and backup owners, the 90-day review flag, the handover list when an
// owner leaves or changes team, duplicates and bad input, who may do what, the audit log.
import assert from "node:assert/strict";
import { join, dirname } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { Client, PEOPLE, TestServer, serverForTests } from "./server_harness.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { server, signedIn, base: baseUrl } = serverForTests({ policy: join(root, "packs", "demo", "policy.yaml") });

test("register, review, hand over", async () => {
  const admin = await signedIn("admin");
  const created = await admin.request("POST", "/api/v1/official-accounts", {
    account: "https://www.linkedin.com/company/Dzintars/", owner_email: PEOPLE.anna.email,
    backup_email: PEOPLE.reviewer.email, credentials_ref: "vault: social/linkedin", two_factor: "on" });
  assert.equal(created.status, 201, created.text);
  const a = created.json.account;
  assert.equal(a.platform, "linkedin");
  assert.equal(a.handle, "Dzintars");
  assert.equal(a.owner.email, PEOPLE.anna.email);
  assert.equal(a.backup_owner.email, PEOPLE.reviewer.email);
  assert.equal(a.two_factor, "on");
  assert.equal(a.review_due, true, "never reviewed");
  assert.equal(a.handover, null);

  const reviewed = await admin.request("POST", `/api/v1/official-accounts/${a.id}/review`);
  assert.equal(reviewed.status, 200);
  assert.equal(reviewed.json.account.review_due, false);
  assert.equal(typeof reviewed.json.account.last_review_at, "number");

  // The owner moves to another team: the account goes to the handover list.
  const users = (await admin.request("GET", "/api/v1/users")).json.users;
  const anna = users.find((u) => u.email === PEOPLE.anna.email);
  assert.equal((await admin.request("PATCH", `/api/v1/users/${anna.id}`, { team: "Engineering" })).status, 200);
  let list = (await admin.request("GET", "/api/v1/official-accounts")).json;
  assert.equal(list.accounts[0].handover, "owner_changed_team");
  assert.equal(list.handover, 1);
  // She leaves.
  assert.equal((await admin.request("PATCH", `/api/v1/users/${anna.id}`, { active: false })).status, 200);
  list = (await admin.request("GET", "/api/v1/official-accounts")).json;
  assert.equal(list.accounts[0].handover, "owner_left");
  // Someone takes it over.
  const taken = await admin.request("PUT", `/api/v1/official-accounts/${a.id}`, { owner_email: PEOPLE.ben.email });
  assert.equal(taken.status, 200, taken.text);
  assert.equal(taken.json.account.handover, null);
  assert.equal(taken.json.account.owner.email, PEOPLE.ben.email);
  // A person who left cannot become an owner.
  const left = await admin.request("PUT", `/api/v1/official-accounts/${a.id}`, { backup_email: PEOPLE.anna.email });
  assert.equal(left.status, 400);
  assert.equal(left.json.error.code, "unknown_person");

  const audit = (await admin.request("GET", "/api/v1/audit")).json.entries.map((e) => e.action);
  for (const action of ["official_account.create", "official_account.review", "official_account.update"])
    assert.ok(audit.includes(action), action);
});

test("duplicates, bad input and no owner", async () => {
  const admin = await signedIn("admin");
  const first = await admin.request("POST", "/api/v1/official-accounts", { account: "@AmberPay", platform: "instagram" });
  assert.equal(first.status, 201, first.text);
  assert.equal(first.json.account.handover, "no_owner");
  const again = await admin.request("POST", "/api/v1/official-accounts", { account: "https://www.instagram.com/amberpay/" });
  assert.equal(again.status, 409);
  for (const [body, code] of [
    [{ account: "@amberpay" }, "invalid_platform"],
    [{ account: "Amber Pay Support" , platform: "x" }, "invalid_account"],
    [{ account: "@amberpay", platform: "myspace" }, "invalid_platform"],
    [{ account: "@amberpay", platform: "x", two_factor: "maybe" }, "invalid_two_factor"],
    [{ account: "@amberpay", platform: "x", credentials_ref: "x".repeat(201) }, "invalid_credentials_ref"],
    [{ account: "@amberpay", platform: "x", owner_email: "nobody@test.example" }, "unknown_person"],
  ]) {
    const r = await admin.request("POST", "/api/v1/official-accounts", body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.json.error.code, code, JSON.stringify(body));
  }
  const mastodon = await admin.request("POST", "/api/v1/official-accounts", { account: "https://mastodon.social/@dzintars" });
  assert.equal(mastodon.json.account.handle, "dzintars@mastodon.social");
  assert.equal((await admin.request("DELETE", `/api/v1/official-accounts/${mastodon.json.account.id}`)).status, 200);
  assert.equal((await admin.request("DELETE", `/api/v1/official-accounts/${mastodon.json.account.id}`)).status, 404);
});

test("reviewers read, employees do not, only admins change", async () => {
  const reviewer = await signedIn("reviewer");
  assert.equal((await reviewer.request("GET", "/api/v1/official-accounts")).status, 200);
  assert.equal((await reviewer.request("POST", "/api/v1/official-accounts", { account: "@x1", platform: "x" })).status, 403);
  const ben = await signedIn("ben");
  assert.equal((await ben.request("GET", "/api/v1/official-accounts")).status, 403);
});
