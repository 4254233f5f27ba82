// Incidents against a real `chorus serve` (demo policy: monitoring on, 7 grace days): an
// employee's block-level post becomes an incident at once, her review-level post does not
// (yet); the team works it through its states with notes, owner and severity; illegal moves
// and bad input get clear 4xx answers; the playbook's texts come filled in four languages and
// checked, and one filled with a confidential term is not copyable; employees never see
// incidents; every change is in the audit log.
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { Client, PASSWORD, PEOPLE, TestServer, signedInAs } from "./server_harness.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const server = new TestServer({ policy: join(root, "packs", "demo", "policy.yaml") });
let base;

const TEXTS = [
  "Sneak peek: Project Nightingale launches next month",  // block
  "Working with Riga Dairy this week",                     // review
  "Lovely morning run along the Daugava.",                 // ok
];

function tweetsJs(texts, firstId = 1) {
  const tweets = texts.map((text, i) => ({
    tweet: { id_str: String(firstId + i), created_at: "Wed Dec 02 17:40:00 +0000 2026", full_text: text },
  }));
  return `window.YTD.tweets.part0 = ${JSON.stringify(tweets)}`;
}

const signedIn = (person) => signedInAs(base, person);

before(async () => {
  server.setupPeople();
  base = await server.start();
});

after(async () => {
  await server.stop();
});

describe("incidents", () => {
  let anna, reviewer, admin, incident;

  test("a block-level post is an incident at once; employees never see incidents", async () => {
    anna = await signedIn("anna");
    reviewer = await signedIn("reviewer");
    admin = await signedIn("admin");
    const account = (await anna.request("POST", "/api/v1/monitoring/accounts", { platform: "x", handle: "@anna" })).json.account;
    const imported = await anna.request("POST", `/api/v1/monitoring/accounts/${account.id}/import?name=tweets.js`, undefined, {
      raw: tweetsJs(TEXTS), headers: { "Content-Type": "application/octet-stream" } });
    assert.equal(imported.status, 200, imported.text);
    assert.equal(imported.json.flagged, 2);

    assert.equal((await anna.request("GET", "/api/v1/incidents")).status, 403);
    // Her own flagged posts she still sees, privately.
    const own = (await anna.request("GET", "/api/v1/monitoring/posts")).json.posts;
    assert.equal(own.filter((p) => p.verdict !== "ok").length, 2);

    const list = await reviewer.request("GET", "/api/v1/incidents");
    assert.equal(list.status, 200, list.text);
    assert.equal(list.json.incidents.length, 1, "the review post waits out the grace days");
    incident = list.json.incidents[0];
    assert.equal(incident.state, "open");
    assert.equal(incident.severity, "high");
    assert.equal(incident.verdict, "block");
    assert.equal(incident.owner, null);
    assert.equal(incident.author.name, PEOPLE.anna.name);
    assert.equal(incident.platform, "x");
    assert.equal(incident.published, "2026-12-02T17:40:00Z");
    assert.deepEqual(incident.categories, ["confidential"]);
    assert.deepEqual(incident.next_states, ["acknowledged"]);
    assert.deepEqual(list.json.page, { number: 1, limit: 20, more: false });
    assert.equal((await anna.request("GET", `/api/v1/incidents/${incident.id}`)).status, 403);
    assert.equal((await anna.request("POST", `/api/v1/incidents/${incident.id}/notes`, { text: "hi" })).status, 403);
    assert.equal((await anna.request("GET", `/api/v1/incidents/${incident.id}/playbook?lang=en`)).status, 403);
    // The same import again opens nothing.
    await anna.request("POST", `/api/v1/monitoring/accounts/${account.id}/import`, undefined, {
      raw: tweetsJs(TEXTS), headers: { "Content-Type": "application/octet-stream" } });
    assert.equal((await admin.request("GET", "/api/v1/incidents")).json.incidents.length, 1);
  });

  test("the detail has the post, its timeline and who may own it", async () => {
    const r = await reviewer.request("GET", `/api/v1/incidents/${incident.id}`);
    assert.equal(r.status, 200, r.text);
    const d = r.json.incident;
    assert.equal(d.post.text, TEXTS[0]);
    assert.equal(d.post.findings[0].category, "confidential");
    assert.deepEqual(d.timeline.map((e) => e.kind), ["opened"]);
    assert.equal(d.timeline[0].author, null);
    const owners = r.json.owner_candidates.map((u) => u.name).sort();
    assert.deepEqual(owners, [PEOPLE.admin.name, PEOPLE.reviewer.name].sort());
    assert.equal((await reviewer.request("GET", "/api/v1/incidents/999999")).status, 404);
  });

  test("state moves, owner, severity and notes; bad input is a clear 4xx", async () => {
    const url = `/api/v1/incidents/${incident.id}`;
    const skip = await reviewer.request("POST", `${url}/state`, { state: "remediating" });
    assert.equal(skip.status, 409);
    assert.equal(skip.json.error.code, "illegal_transition");
    assert.match(skip.json.error.message, /can become acknowledged next/);
    for (const [body, code] of [
      [{}, "missing_field"],
      [{ state: 7 }, "invalid_field"],
      [{ state: "done" }, "invalid_state"],
      [{ state: "acknowledged", outcome: "deleted" }, "invalid_outcome"],
    ]) {
      const r = await reviewer.request("POST", `${url}/state`, body);
      assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
      assert.equal(r.json.error.code, code, JSON.stringify(body));
    }
    const ack = await reviewer.request("POST", `${url}/state`, { state: "acknowledged", note: "Looking at it" });
    assert.equal(ack.status, 200, ack.text);
    assert.equal(ack.json.incident.state, "acknowledged");
    assert.equal(ack.json.incident.owner.name, PEOPLE.reviewer.name, "the acknowledger owns it");

    const users = (await admin.request("GET", "/api/v1/users")).json.users;
    const annaId = users.find((u) => u.email === PEOPLE.anna.email).id;
    const adminId = users.find((u) => u.email === PEOPLE.admin.email).id;
    for (const [body, code] of [
      [{ owner_id: annaId }, "invalid_owner"],
      [{ owner_id: 999999 }, "invalid_owner"],
      [{ owner_id: "admin" }, "invalid_field"],
      [{ severity: "critical" }, "invalid_severity"],
      [{ summary: "x".repeat(501) }, "invalid_summary"],
    ]) {
      const r = await reviewer.request("PATCH", url, body);
      assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
      assert.equal(r.json.error.code, code, JSON.stringify(body));
    }
    const patched = await reviewer.request("PATCH", url, { owner_id: adminId, severity: "medium" });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.json.incident.owner.name, PEOPLE.admin.name);
    assert.equal(patched.json.incident.severity, "medium");
    const cleared = await reviewer.request("PATCH", url, { owner_id: null });
    assert.equal(cleared.json.incident.owner, null);
    // Without the CSRF token a session's change is refused and nothing changes.
    const forged = await reviewer.request("PATCH", url, { severity: "low" }, { csrf: false });
    assert.equal(forged.status, 403);
    assert.equal((await reviewer.request("GET", url)).json.incident.severity, "medium");

    assert.equal((await reviewer.request("POST", `${url}/notes`, { text: "" })).json.error.code, "invalid_note");
    const note = await admin.request("POST", `${url}/notes`, { text: "Anna was asked to delete the post — שלום" });
    assert.equal(note.status, 201, note.text);
    assert.equal(note.json.event.kind, "note");
    assert.equal(note.json.event.author.name, PEOPLE.admin.name);
    const timeline = (await reviewer.request("GET", url)).json.incident.timeline;
    assert.deepEqual(timeline.map((e) => e.kind), ["opened", "owner", "state", "owner", "severity", "owner", "note"]);
    assert.equal(timeline[2].text, "Looking at it");
    assert.deepEqual(timeline[2].detail.from, "open");
    assert.equal(timeline[6].text, "Anna was asked to delete the post — שלום");
  });

  test("the playbook in four languages, each text checked before it may be copied", async () => {
    const url = `/api/v1/incidents/${incident.id}/playbook`;
    for (const lang of ["en", "lv", "pl", "he"]) {
      const r = await reviewer.request("GET", `${url}?lang=${lang}`);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.language, lang);
      assert.deepEqual(r.json.texts.map((t) => t.kind), ["correction", "apology", "holding_statement"]);
      for (const t of r.json.texts) {
        assert.equal(t.verdict, "ok", `${lang} ${t.kind}: ${t.text} ${JSON.stringify(t.findings)}`);
        assert.equal(t.copyable, true);
        assert.deepEqual(t.findings, []);
        assert.doesNotMatch(t.text, /[{}]/);
      }
      assert.match(r.json.texts[2].text, /Dzintars/);
      assert.match(r.json.texts[0].text, /2026/);
    }
    // Without ?lang, the reader's language (the reviewer reads Latvian).
    assert.equal((await reviewer.request("GET", url)).json.language, "lv");
    const bad = await reviewer.request("GET", `${url}?lang=de`);
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.code, "invalid_language");

    // What was wrong, in the team's words: naming the codename again is not copyable.
    const patched = await reviewer.request("PATCH", `/api/v1/incidents/${incident.id}`, { summary: "the launch date of Project Nightingale" });
    assert.equal(patched.status, 200, patched.text);
    const leaky = (await reviewer.request("GET", `${url}?lang=en`)).json.texts;
    const correction = leaky.find((t) => t.kind === "correction");
    assert.match(correction.text, /Project Nightingale/);
    assert.equal(correction.verdict, "block");
    assert.equal(correction.copyable, false);
    assert.equal(correction.findings[0].category, "confidential");
    assert.equal(leaky.find((t) => t.kind === "holding_statement").copyable, true);
    await reviewer.request("PATCH", `/api/v1/incidents/${incident.id}`, { summary: "" });
  });

  test("closing needs an outcome, records the time to close and is final", async () => {
    const url = `/api/v1/incidents/${incident.id}`;
    assert.equal((await reviewer.request("POST", `${url}/state`, { state: "closed", outcome: "deleted" })).json.error.code, "illegal_transition");
    assert.equal((await reviewer.request("POST", `${url}/state`, { state: "remediating" })).status, 200);
    const noOutcome = await reviewer.request("POST", `${url}/state`, { state: "closed" });
    assert.equal(noOutcome.status, 400);
    assert.equal(noOutcome.json.error.code, "invalid_outcome");
    const closed = await reviewer.request("POST", `${url}/state`, { state: "closed", outcome: "deleted" });
    assert.equal(closed.status, 200, closed.text);
    assert.equal(closed.json.incident.outcome, "deleted");
    assert.equal(typeof closed.json.incident.closed_at, "number");
    assert.ok(closed.json.incident.time_to_close >= 0);
    assert.deepEqual(closed.json.incident.next_states, []);
    const again = await reviewer.request("POST", `${url}/state`, { state: "open" });
    assert.equal(again.status, 409);
    assert.match(again.json.error.message, /closed incident is final/);
    assert.equal((await reviewer.request("PATCH", url, { severity: "low" })).json.error.code, "incident_closed");
    assert.equal((await reviewer.request("POST", `${url}/notes`, { text: "Lessons learnt" })).status, 201);

    assert.equal((await reviewer.request("GET", "/api/v1/incidents?state=open")).json.incidents.length, 0);
    assert.equal((await reviewer.request("GET", "/api/v1/incidents?state=closed")).json.incidents.length, 1);
    const badState = await reviewer.request("GET", "/api/v1/incidents?state=finished");
    assert.equal(badState.status, 400);
    assert.equal(badState.json.error.code, "invalid_state");
    assert.equal((await reviewer.request("GET", "/api/v1/incidents?limit=0")).status, 400);
    assert.equal((await reviewer.request("GET", "/api/v1/incidents?page=abc")).status, 400);

    const audit = (await admin.request("GET", "/api/v1/audit?limit=200")).json.entries;
    const actions = audit.map((e) => e.action).filter((a) => a.startsWith("incident."));
    assert.equal(actions.filter((a) => a === "incident.open").length, 1);
    assert.equal(actions.filter((a) => a === "incident.state").length, 3);
    assert.equal(actions.filter((a) => a === "incident.note").length, 2);
    assert.ok(actions.filter((a) => a === "incident.update").length >= 3);
  });

  test("in the OpenAPI document", async () => {
    const doc = (await new Client(base).request("GET", "/api/v1/openapi.json")).json;
    for (const path of ["/api/v1/incidents", "/api/v1/incidents/{id}", "/api/v1/incidents/{id}/state",
      "/api/v1/incidents/{id}/notes", "/api/v1/incidents/{id}/playbook"]) assert.ok(doc.paths[path], path);
    assert.ok(doc.paths["/api/v1/incidents/{id}"].patch);
  });
});
