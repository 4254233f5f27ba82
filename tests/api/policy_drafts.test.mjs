// Publishing a policy safely, against a real `chorus serve`: the summary of what a draft
// changes, publication refused while the starter template's example values remain (in the
// web app and from the command line), discarding drafts (never a published version).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { Client, PEOPLE, TestServer, runChorus, serverForTests } from "./server_harness.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const demoPolicy = join(root, "packs", "demo", "policy.yaml");
const { server, signedIn, base: baseUrl } = serverForTests({ policy: demoPolicy });

test("a template draft cannot be published; its summary names the example values", async () => {
  const admin = await signedIn("admin");
  const draft = (await admin.request("POST", "/api/v1/policy/versions", { title: "From the template", template_language: "pl" })).json.version;
  const summary = await admin.request("GET", `/api/v1/policy/versions/${draft.id}/summary`);
  assert.equal(summary.status, 200, summary.text);
  const s = summary.json.summary;
  assert.equal(s.first_version, true);
  assert.equal(s.can_publish, false);
  const values = s.template_values.map((v) => v.value);
  assert.ok(values.includes("Pomorska Spedycja Morska"), values.join(", "));
  const refused = await admin.request("POST", `/api/v1/policy/versions/${draft.id}/publish`);
  assert.equal(refused.status, 409, refused.text);
  assert.equal(refused.json.error.code, "template_values");
  assert.match(refused.json.error.message, /Pomorska Spedycja Morska/);
  assert.equal((await admin.request("GET", "/api/v1/policy")).json.version, null, "nothing was published");

  // The command line refuses the unchanged template too.
  const init = runChorus(["policy", "init", "--lang", "en", "--output", join(server.dir, "starter.yaml")]);
  assert.equal(init.status, 0, init.stderr);
  const cli = runChorus(["policy", "publish", "--data", server.data, join(server.dir, "starter.yaml")]);
  assert.equal(cli.status, 2);
  assert.match(cli.stderr, /Brightline Software Inc\./);

  // Employees and reviewers get no summary.
  assert.equal((await (await signedIn("reviewer")).request("GET", `/api/v1/policy/versions/${draft.id}/summary`)).status, 403);
});

test("the summary says what changes against the published version", async () => {
  const admin = await signedIn("admin");
  const demo = readFileSync(demoPolicy, "utf8");
  const first = (await admin.request("POST", "/api/v1/policy/versions", { title: "Demo", template_language: "en" })).json.version;
  assert.equal((await admin.request("PUT", `/api/v1/policy/versions/${first.id}`, { title: "Demo", yaml: demo })).status, 200);
  const before = (await admin.request("GET", `/api/v1/policy/versions/${first.id}/summary`)).json.summary;
  assert.equal(before.can_publish, true);
  assert.deepEqual(before.template_values, []);
  assert.ok(before.lists.find((l) => l.list === "clients").added.includes("Riga Dairy"));
  assert.equal((await admin.request("POST", `/api/v1/policy/versions/${first.id}/publish`)).status, 200);

  const next = (await admin.request("POST", "/api/v1/policy/versions", { title: "Next", from_version: first.id })).json.version;
  const changed = demo.replace("clients: [Riga Dairy, ", "clients: [Baltic Amber Bank, ")
    .replace("languages: [lv, en, pl, he]", "languages: [lv, en, pl]");
  assert.notEqual(changed, demo);
  const saved = await admin.request("PUT", `/api/v1/policy/versions/${next.id}`, { title: "Next", yaml: changed });
  assert.deepEqual(saved.json.problems, [], saved.text);
  const s = (await admin.request("GET", `/api/v1/policy/versions/${next.id}/summary`)).json.summary;
  assert.equal(s.first_version, false);
  assert.equal(s.organization, null);
  assert.deepEqual(s.lists, [{ list: "clients", added: ["Baltic Amber Bank"], removed: ["Riga Dairy"] }]);
  assert.deepEqual(s.languages_removed, ["he"]);
  assert.deepEqual(s.clauses, []);
  assert.equal(s.unchanged, false);
});

test("drafts are discarded with their comments; published versions are not", async () => {
  const admin = await signedIn("admin");
  const draft = (await admin.request("POST", "/api/v1/policy/versions", { title: "Scratch", template_language: "en" })).json.version;
  const ben = await signedIn("ben");
  assert.equal((await ben.request("POST", `/api/v1/policy/versions/${draft.id}/comments`, { text: "Looks fine" })).status, 201);
  assert.equal((await ben.request("DELETE", `/api/v1/policy/versions/${draft.id}`)).status, 403);
  const gone = await admin.request("DELETE", `/api/v1/policy/versions/${draft.id}`);
  assert.equal(gone.status, 200, gone.text);
  assert.equal((await admin.request("GET", `/api/v1/policy/versions/${draft.id}`)).status, 404);
  assert.equal((await admin.request("DELETE", `/api/v1/policy/versions/${draft.id}`)).status, 404);
  const published = (await admin.request("GET", "/api/v1/policy")).json.version;
  assert.ok(published, "the previous test published one");
  const refused = await admin.request("DELETE", `/api/v1/policy/versions/${published.id}`);
  assert.equal(refused.status, 409, refused.text);
  const audit = (await admin.request("GET", "/api/v1/audit")).json.entries;
  assert.ok(audit.find((e) => e.action === "policy.discard" && e.object === `policy_version:${draft.id}`));
});

test("acknowledgement by team, and who has not acknowledged as CSV", async () => {
  const admin = await signedIn("admin");
  const version = (await admin.request("GET", "/api/v1/policy")).json.version;
  const anna = await signedIn("anna");
  assert.equal((await anna.request("POST", "/api/v1/policy/acknowledge", { version_id: version.id })).status, 200);
  const report = (await admin.request("GET", `/api/v1/policy/versions/${version.id}/acknowledgements`)).json;
  const sales = report.teams.find((t) => t.team === PEOPLE.anna.team);
  assert.ok(sales, JSON.stringify(report.teams));
  assert.ok(sales.acknowledged >= 1 && sales.total >= sales.acknowledged, JSON.stringify(sales));
  assert.equal(report.teams.reduce((n, t) => n + t.total, 0), report.total);

  const r = await admin.request("GET", `/api/v1/policy/versions/${version.id}/acknowledgements?format=csv&missing=1`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get("content-type"), /^text\/csv/);
  assert.match(r.headers.get("content-disposition"), /not-acknowledged\.csv/);
  const rows = r.text.trim().split("\r\n");
  assert.equal(rows[0], "team,name,email,acknowledged_at");
  assert.ok(rows.some((row) => row.includes(PEOPLE.ben.email)), r.text);
  assert.ok(!rows.some((row) => row.includes(PEOPLE.anna.email)), "Anna has acknowledged");
  const all = await admin.request("GET", `/api/v1/policy/versions/${version.id}/acknowledgements?format=csv`);
  const annaRow = all.text.split("\r\n").find((row) => row.includes(PEOPLE.anna.email));
  assert.match(annaRow, /,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  assert.equal((await anna.request("GET", `/api/v1/policy/versions/${version.id}/acknowledgements?format=csv`)).status, 403);
});
