// API integration tests: a real `chorus serve` on loopback, real SQLite in a temp directory,
// real HTTP. Covers authentication, CSRF, authorisation of every object kind, bad input
// (broken JSON, invalid UTF-8, oversized bodies) and the check endpoint's contract.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { Client, PASSWORD, PEOPLE, runChorus, TestServer } from "./server_harness.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const demoPolicy = join(root, "packs", "demo", "policy.yaml");
const server = new TestServer({ policy: demoPolicy });
const called = new Set(); // "METHOD /path/{id}" of every route exercised, checked against OpenAPI
let base;

function note(method, path) {
  called.add(`${method.toLowerCase()} ${path.replace(/\?.*$/, "").replace(/\/\d+(?=\/|$)/g, "/{id}")}`);
}

async function as(person) {
  const c = new Client(base);
  const r = await c.signIn(PEOPLE[person].email);
  assert.equal(r.status, 200, `sign in ${person}: ${r.text}`);
  const request = c.request.bind(c);
  c.request = (method, path, ...rest) => {
    note(method, path);
    return request(method, path, ...rest);
  };
  return c;
}

function assertJsonError(r, status, code) {
  assert.equal(r.status, status, r.text);
  assert.match(r.headers.get("content-type") ?? "", /application\/json/);
  assert.equal(typeof r.json?.error?.message, "string", r.text);
  if (code) assert.equal(r.json.error.code, code, r.text);
}

before(async () => {
  server.setupPeople();
  base = await server.start();
});

after(async () => {
  await server.stop();
});

describe("command line contract", () => {
  test("user add refuses a duplicate, a bad role and an empty password", () => {
    const dup = runChorus(["user", "add", "--data", server.data, "--email", PEOPLE.anna.email,
      "--role", "employee", "--password-stdin"], `${PASSWORD}\n`);
    assert.equal(dup.status, 2);
    assert.match(dup.stderr, /already exists/);
    const role = runChorus(["user", "add", "--data", server.data, "--email", "x@test.example",
      "--role", "boss", "--password-stdin"], `${PASSWORD}\n`);
    assert.notEqual(role.status, 0);
    const empty = runChorus(["user", "add", "--data", server.data, "--email", "y@test.example",
      "--role", "employee", "--password-stdin"], "\n");
    assert.equal(empty.status, 2);
  });

  test("token create prints a token only for a known user", () => {
    assert.match(server.token, /^chorus_[A-Za-z0-9_-]{40,}$/);
    const r = runChorus(["token", "create", "--data", server.data, "--email", "nobody@test.example"]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, "");
  });
});

describe("service basics", () => {
  test("healthz answers 200", async () => {
    const r = await fetch(`${base}/healthz`);
    assert.equal(r.status, 200);
  });

  test("unknown API routes are JSON 404s with security headers", async () => {
    const r = await new Client(base).request("GET", "/api/v1/nothing-here");
    assertJsonError(r, 404, "not_found");
    assert.match(r.headers.get("content-security-policy") ?? "", /default-src 'self'/);
    assert.equal(r.headers.get("x-content-type-options"), "nosniff");
  });
});

describe("authentication", () => {
  test("signed-in routes refuse anonymous calls with 401", async () => {
    for (const path of ["/api/v1/posts", "/api/v1/policy", "/api/v1/session", "/api/v1/reviews"]) {
      assertJsonError(await new Client(base).request("GET", path), 401, "not_signed_in");
    }
  });

  test("a wrong password is refused without saying which part was wrong", async () => {
    const c = new Client(base);
    const wrong = await c.signIn(PEOPLE.anna.email, "not-the-password");
    assertJsonError(wrong, 401, "bad_credentials");
    const unknown = await c.signIn("ghost@test.example", "not-the-password");
    assertJsonError(unknown, 401, "bad_credentials");
    assert.equal(wrong.json.error.message, unknown.json.error.message);
  });

  test("the session cookie is HttpOnly and SameSite=Strict, and the body has no secret", async () => {
    const c = new Client(base);
    const r = await c.signIn(PEOPLE.anna.email);
    assert.equal(r.status, 200);
    assert.match(r.setCookie, /^chorus_session=[A-Za-z0-9_-]{43};/);
    assert.match(r.setCookie, /HttpOnly/);
    assert.match(r.setCookie, /SameSite=Strict/);
    assert.equal(r.json.user.email, PEOPLE.anna.email);
    assert.equal(r.json.user.role, "employee");
    assert.ok(!r.text.includes(c.cookie.split("=")[1]), "session token must not be in the body");
    assert.ok(!("password_hash" in r.json.user));
    const me = await c.request("GET", "/api/v1/session");
    assert.equal(me.json.csrf_token, r.json.csrf_token);
  });

  test("signing out ends the session on the server", async () => {
    const c = await as("ben");
    const cookie = c.cookie;
    assert.equal((await c.request("DELETE", "/api/v1/session")).status, 200);
    c.cookie = cookie; // replaying the old cookie must not work
    assertJsonError(await c.request("GET", "/api/v1/session"), 401);
  });

  test("a bearer token works for the check endpoint; a wrong one does not", async () => {
    const ok = await fetch(`${base}/api/v1/check`, {
      method: "POST",
      headers: { Authorization: `Bearer ${server.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ text: "Hello world", lang: "en" }),
    });
    assert.equal(ok.status, 200);
    const bad = await fetch(`${base}/api/v1/check`, {
      method: "POST",
      headers: { Authorization: `Bearer ${server.token}x`, "Content-Type": "application/json" },
      body: JSON.stringify({ text: "Hello world" }),
    });
    assert.equal(bad.status, 401);
    assert.equal((await bad.json()).error.code, "bad_token");
  });
});

describe("CSRF protection", () => {
  test("state-changing calls with a session need the CSRF token", async () => {
    const c = await as("anna");
    const none = await c.request("POST", "/api/v1/posts", { text: "hello" }, { csrf: false });
    assertJsonError(none, 403, "csrf");
    const wrong = await c.request("POST", "/api/v1/posts", { text: "hello" },
      { csrf: false, headers: { "X-CSRF-Token": "forged" } });
    assertJsonError(wrong, 403, "csrf");
    const lang = await c.request("PATCH", "/api/v1/me", { language: "he" }, { csrf: false });
    assertJsonError(lang, 403, "csrf");
    const right = await c.request("POST", "/api/v1/posts", { text: "hello" });
    assert.equal(right.status, 201, right.text);
  });

  test("cross-origin requests are refused even with the token", async () => {
    const c = await as("anna");
    const r = await c.request("POST", "/api/v1/posts", { text: "hello" },
      { headers: { Origin: "http://evil.example" } });
    assertJsonError(r, 403, "cross_origin");
  });

  test("JSON bodies must be sent as application/json", async () => {
    const c = await as("anna");
    const r = await c.request("POST", "/api/v1/posts", undefined,
      { raw: JSON.stringify({ text: "hi" }), headers: { "Content-Type": "text/plain" } });
    assertJsonError(r, 415, "unsupported_media_type");
  });
});

describe("bad input gets a JSON 4xx, never a 5xx", () => {
  test("broken JSON", async () => {
    const c = await as("anna");
    for (const raw of ["{", "{\"text\": }", "[1,2", "nul", "\"just a string\"", "[]"]) {
      const r = await c.request("POST", "/api/v1/check", undefined,
        { raw, headers: { "Content-Type": "application/json" } });
      assertJsonError(r, 400, "invalid_json");
    }
  });

  test("invalid UTF-8", async () => {
    const c = await as("anna");
    const raw = Buffer.concat([Buffer.from('{"text": "caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const r = await c.request("POST", "/api/v1/check", undefined,
      { raw, headers: { "Content-Type": "application/json" } });
    assertJsonError(r, 400, "invalid_utf8");
  });

  test("oversized bodies get 413", async () => {
    const c = await as("anna");
    const raw = JSON.stringify({ text: "a".repeat(13 * 1024 * 1024) });
    const r = await c.request("POST", "/api/v1/check", undefined,
      { raw, headers: { "Content-Type": "application/json" } });
    assert.equal(r.status, 413, r.text);
    const text = "b".repeat(70 * 1024); // under the body limit, over the post limit
    assertJsonError(await c.request("POST", "/api/v1/check", { text }), 413, "text_too_long");
    assertJsonError(await c.request("POST", "/api/v1/posts", { text }), 400, "invalid_text");
  });

  test("missing and mistyped fields", async () => {
    const c = await as("anna");
    assertJsonError(await c.request("POST", "/api/v1/check", {}), 400, "missing_field");
    assertJsonError(await c.request("POST", "/api/v1/check", { text: 42 }), 400, "invalid_field");
    assertJsonError(await c.request("POST", "/api/v1/check", { text: "x", lang: "xx" }), 400, "invalid_language");
    assertJsonError(await c.request("POST", "/api/v1/policy/acknowledge", { version_id: "1" }), 400, "invalid_field");
    assertJsonError(await c.request("POST", "/api/v1/posts/1/decision", { decision: "maybe" }), 400);
  });
});

describe("the check endpoint", () => {
  const text = "Project Nightingale launches next month, call me at +371 29 123 456";

  test("returns exactly what `chorus check --format json` prints", async () => {
    const c = await as("anna");
    const r = await c.request("POST", "/api/v1/check", { text, lang: "en" });
    assert.equal(r.status, 200, r.text);
    const cli = runChorus(["check", "--policy", demoPolicy, "--lang", "en", "--format", "json", text]);
    assert.ok(cli.stdout.trim().length > 0, cli.stderr);
    assert.deepEqual(r.json, JSON.parse(cli.stdout));
    assert.ok(["review", "block"].includes(r.json.verdict), r.text);
    assert.ok(r.json.findings.some((f) => f.category === "confidential"), r.text);
    for (const f of r.json.findings) {
      assert.deepEqual(Object.keys(f).sort(),
        ["advice", "category", "clause", "detail", "end", "message", "severity", "start", "text"]);
      assert.equal(Buffer.from(text).subarray(f.start, f.end).toString(), f.text);
    }
  });

  test("a geotagged photo adds a location finding, as `chorus check --image` does", async () => {
    const c = await as("anna");
    const photo = readFileSync(join(root, "tests", "data", "geotagged.jpg")).toString("base64");
    const r = await c.request("POST", "/api/v1/check", { text: "Morning at the office", lang: "en", photo });
    assert.equal(r.status, 200, r.text);
    const cli = runChorus(["check", "--policy", demoPolicy, "--lang", "en", "--format", "json",
      "--image", join(root, "tests", "data", "geotagged.jpg"), "Morning at the office"]);
    assert.deepEqual(r.json, JSON.parse(cli.stdout));
    assert.ok(r.json.findings.some((f) => f.category === "location"), r.text);
    const plain = readFileSync(join(root, "tests", "data", "plain.jpg")).toString("base64");
    const p = await c.request("POST", "/api/v1/posts", { text: "Morning at the office", lang: "en", photo: plain });
    assert.equal(p.status, 201, p.text);
    assert.ok(!p.json.post.result.findings.some((f) => f.category === "location"));
    assertJsonError(await c.request("POST", "/api/v1/check", { text: "x", photo: "***" }), 400, "invalid_photo");
    assertJsonError(await c.request("POST", "/api/v1/check", { text: "x", photo: "aGVsbG8=" }), 400, "invalid_photo");
  });

  test("a harmless post is ok with no findings", async () => {
    const c = await as("ben");
    const r = await c.request("POST", "/api/v1/check", { text: "What a lovely sunny day for a walk.", lang: "en" });
    assert.equal(r.status, 200);
    assert.equal(r.json.verdict, "ok");
    assert.deepEqual(r.json.findings, []);
  });
});

describe("drafts and reviews: authorisation on every object", () => {
  let draftId;

  test("an employee's draft is hers alone until she submits it", async () => {
    const anna = await as("anna");
    const created = await anna.request("POST", "/api/v1/posts",
      { text: "Our client Riga Dairy signs with us next week", lang: "en" });
    assert.equal(created.status, 201, created.text);
    draftId = created.json.post.id;
    assert.equal(created.json.post.status, "draft");
    assert.notEqual(created.json.post.verdict, "ok", created.text);

    const ben = await as("ben");
    assertJsonError(await ben.request("GET", `/api/v1/posts/${draftId}`), 404, "not_found");
    assertJsonError(await ben.request("PUT", `/api/v1/posts/${draftId}`, { text: "mine now" }), 404);
    assertJsonError(await ben.request("POST", `/api/v1/posts/${draftId}/submit`, {}), 404);
    const benList = await ben.request("GET", "/api/v1/posts");
    assert.ok(!benList.json.posts.some((p) => p.id === draftId));

    const reviewer = await as("reviewer");
    assertJsonError(await reviewer.request("GET", `/api/v1/posts/${draftId}`), 404);
    const queue = await reviewer.request("GET", "/api/v1/reviews");
    assert.ok(!queue.json.posts.some((p) => p.id === draftId));
  });

  test("employees cannot see the queue or decide", async () => {
    const ben = await as("ben");
    assertJsonError(await ben.request("GET", "/api/v1/reviews"), 403, "forbidden");
    const anna = await as("anna");
    assertJsonError(await anna.request("POST", `/api/v1/posts/${draftId}/decision`, { decision: "approve" }), 403);
  });

  test("submit, review, approve: the whole workflow", async () => {
    const anna = await as("anna");
    const edited = await anna.request("PUT", `/api/v1/posts/${draftId}`,
      { text: "Our client Riga Dairy signs with us next week!", lang: "en" });
    assert.equal(edited.status, 200, edited.text);
    const submitted = await anna.request("POST", `/api/v1/posts/${draftId}/submit`, { note: "For LinkedIn" });
    assert.equal(submitted.status, 200, submitted.text);
    assert.equal(submitted.json.post.status, "in_review");
    assertJsonError(await anna.request("PUT", `/api/v1/posts/${draftId}`, { text: "sneaky edit" }), 409, "not_editable");

    const reviewer = await as("reviewer");
    const queue = await reviewer.request("GET", "/api/v1/reviews");
    const item = queue.json.posts.find((p) => p.id === draftId);
    // An English post: its author (Polish) and its reviewer (Latvian) each read the findings
    // in their own language; the post's language stays English.
    const clientFinding = (post) => post.result.findings.find((f) => f.clause === "client_info.names");
    assert.equal(submitted.json.post.result.language, "en");
    assert.equal(submitted.json.post.result.messages_language, "pl");
    assert.equal(item.result.messages_language, "lv");
    assert.match(clientFinding(submitted.json.post).message, /klient/i);
    assert.match(clientFinding(item).message, /klients/);
    assert.notEqual(clientFinding(item).message, clientFinding(submitted.json.post).message);
    assert.ok(item, "the submitted post is in the queue");
    assert.equal(item.author.name, PEOPLE.anna.name);
    assert.ok(item.result.findings.length > 0);
    assert.equal((await reviewer.request("GET", `/api/v1/posts/${draftId}`)).status, 200);
    assertJsonError(await (await as("ben")).request("GET", `/api/v1/posts/${draftId}`), 404);

    assertJsonError(await reviewer.request("POST", `/api/v1/posts/${draftId}/decision`, { decision: "reject" }),
      400, "comment_required");
    const approved = await reviewer.request("POST", `/api/v1/posts/${draftId}/decision`,
      { decision: "approve", comment: "Announced publicly yesterday, fine." });
    assert.equal(approved.status, 200, approved.text);
    assert.equal(approved.json.post.status, "approved");
    assertJsonError(await reviewer.request("POST", `/api/v1/posts/${draftId}/decision`, { decision: "approve" }),
      409, "not_in_review");

    const mine = await anna.request("GET", `/api/v1/posts/${draftId}`);
    assert.equal(mine.json.post.status, "approved");
    assert.equal(mine.json.post.reviewer.name, PEOPLE.reviewer.name);
    assert.deepEqual(mine.json.post.events.map((e) => e.action), ["checked", "edited", "submitted", "approved"]);
  });

  test("a reviewer cannot approve their own post", async () => {
    const reviewer = await as("reviewer");
    const own = await reviewer.request("POST", "/api/v1/posts", { text: "Project Nightingale is coming", lang: "en" });
    await reviewer.request("POST", `/api/v1/posts/${own.json.post.id}/submit`, {});
    assertJsonError(await reviewer.request("POST", `/api/v1/posts/${own.json.post.id}/decision`,
      { decision: "approve" }), 403, "own_post");
    const admin = await as("admin");
    const changes = await admin.request("POST", `/api/v1/posts/${own.json.post.id}/decision`,
      { decision: "request_changes", comment: "Do not name the project." });
    assert.equal(changes.json.post.status, "changes_requested");
  });

  test("after changes are requested, the author's edits are hers until she sends them", async () => {
    const anna = await as("anna");
    const sent = "Project Nightingale ships in May — unsent-edit test";
    const id = (await anna.request("POST", "/api/v1/posts", { text: sent, lang: "en" })).json.post.id;
    await anna.request("POST", `/api/v1/posts/${id}/submit`, {});
    const reviewer = await as("reviewer");
    await reviewer.request("POST", `/api/v1/posts/${id}/decision`, { decision: "request_changes", comment: "Shorter." });
    const edit = "Something ships soon — my private second thoughts";
    assert.equal((await anna.request("PUT", `/api/v1/posts/${id}`, { text: edit, lang: "en" })).status, 200);
    assert.equal((await anna.request("GET", `/api/v1/posts/${id}`)).json.post.text, edit);
    const admin = await as("admin");
    for (const who of [reviewer, admin]) {
      const seen = await who.request("GET", `/api/v1/posts/${id}`);
      assert.equal(seen.json.post.text, sent);
      assert.ok(!seen.text.includes("private second thoughts"));
    }
    assert.equal((await anna.request("POST", `/api/v1/posts/${id}/submit`, {})).status, 200);
    assert.equal((await reviewer.request("GET", `/api/v1/posts/${id}`)).json.post.text, edit);
  });
});

describe("policy versions and acknowledgement", () => {
  let versionId;

  test("only admins draft, edit and publish", async () => {
    const ben = await as("ben");
    assertJsonError(await ben.request("POST", "/api/v1/policy/versions", { title: "Mine" }), 403);
    const admin = await as("admin");
    const draft = await admin.request("POST", "/api/v1/policy/versions", { title: "Policy 2025", template_language: "lv" });
    assert.equal(draft.status, 201, draft.text);
    versionId = draft.json.version.id;
    assert.equal(draft.json.version.status, "draft");
    assertJsonError(await ben.request("PUT", `/api/v1/policy/versions/${versionId}`, { title: "x", yaml: "x" }), 403);
    // Employees read a draft's charter (to comment on it) but never its lists.
    const seen = await ben.request("GET", `/api/v1/policy/versions/${versionId}`);
    assert.equal(seen.status, 200);
    assert.equal(seen.json.version.yaml, undefined);
    const comment = await ben.request("POST", `/api/v1/policy/versions/${versionId}/comments`, { text: "Please add examples." });
    assert.equal(comment.status, 201, comment.text);
  });

  test("a draft with errors is saved with line numbers but cannot be published", async () => {
    const admin = await as("admin");
    const broken = await admin.request("PUT", `/api/v1/policy/versions/${versionId}`,
      { title: "Policy 2025", yaml: "organization:\n  name: [unclosed\n" });
    assert.equal(broken.status, 200, broken.text);
    assert.ok(broken.json.problems.length > 0);
    assert.ok(broken.json.problems[0].line > 0);
    assertJsonError(await admin.request("POST", `/api/v1/policy/versions/${versionId}/publish`), 400, "invalid_policy");
  });

  test("publish, compare, acknowledge, report by team", async () => {
    const admin = await as("admin");
    const yaml = readFileSync(demoPolicy, "utf8");
    const saved = await admin.request("PUT", `/api/v1/policy/versions/${versionId}`, { title: "Policy 2025", yaml });
    assert.deepEqual(saved.json.problems, [], saved.text);
    const published = await admin.request("POST", `/api/v1/policy/versions/${versionId}/publish`);
    assert.equal(published.status, 200, published.text);
    assert.equal(published.json.version.number, 1);
    assertJsonError(await admin.request("PUT", `/api/v1/policy/versions/${versionId}`, { title: "x", yaml }), 409, "version_published");
    assertJsonError(await admin.request("POST", `/api/v1/policy/versions/${versionId}/publish`), 409);

    const next = await admin.request("POST", "/api/v1/policy/versions", { title: "Policy 2026", from_version: versionId });
    const nextId = next.json.version.id;
    await admin.request("PUT", `/api/v1/policy/versions/${nextId}`,
      { title: "Policy 2026", yaml: yaml.replace("Bursztyn 2.0", "Bursztyn 3.0") });
    const diff = await admin.request("GET", `/api/v1/policy/versions/${nextId}/diff?against=${versionId}`);
    assert.equal(diff.status, 200, diff.text);
    const changed = diff.json.lines.filter((l) => l.op !== " ");
    assert.equal(changed.length, 2);
    assert.match(changed.find((l) => l.op === "+").text, /Bursztyn 3\.0/);
    assertJsonError(await (await as("ben")).request("GET", `/api/v1/policy/versions/${nextId}/diff?against=${versionId}`), 403);

    const ben = await as("ben");
    const current = await ben.request("GET", "/api/v1/policy?lang=he");
    assert.equal(current.json.version.id, versionId);
    assert.equal(current.json.acknowledged_at, null);
    assert.equal(current.json.charter.organization, "Dzintars");
    assert.ok(current.json.charter.clauses.length > 0);
    assert.ok(!JSON.stringify(current.json).includes("Nightingale"), "secrets stay out of the charter");
    assert.equal((await ben.request("POST", "/api/v1/policy/acknowledge", { version_id: versionId })).status, 200);
    assertJsonError(await ben.request("POST", "/api/v1/policy/acknowledge", { version_id: nextId }), 409, "version_not_published");
    const again = await ben.request("GET", "/api/v1/policy");
    assert.equal(typeof again.json.acknowledged_at, "number");

    const report = await admin.request("GET", `/api/v1/policy/versions/${versionId}/acknowledgements`);
    assert.equal(report.status, 200);
    assert.equal(report.json.acknowledged, 1);
    assert.equal(report.json.total, Object.keys(PEOPLE).length);
    const benRow = report.json.people.find((p) => p.email === PEOPLE.ben.email);
    assert.equal(benRow.team, "Engineering");
    assert.equal(typeof benRow.acknowledged_at, "number");
    assertJsonError(await ben.request("GET", `/api/v1/policy/versions/${versionId}/acknowledgements`), 403);

    // The published version now answers checks: same text, same verdict as the CLI.
    const check = await ben.request("POST", "/api/v1/check", { text: "Bursztyn 2.0 is coming", lang: "en" });
    assert.ok(check.json.findings.some((f) => f.category === "confidential"), check.text);
  });
});

describe("policy form editor", () => {
  test("a draft is edited as a form; comments and untouched keys stay; stale saves are refused", async () => {
    const admin = await as("admin");
    const draft = await admin.request("POST", "/api/v1/policy/versions", { title: "Form draft", template_language: "en" });
    assert.equal(draft.status, 201, draft.text);
    const id = draft.json.version.id;
    const before = draft.json.version.yaml;
    assertJsonError(await (await as("ben")).request("GET", `/api/v1/policy/versions/${id}/form`), 403);

    const form = await admin.request("GET", `/api/v1/policy/versions/${id}/form`);
    assert.equal(form.status, 200, form.text);
    assert.equal(form.json.organization.name, "Brightline Software Inc.");
    assert.deepEqual(form.json.lists.clients, ["Harbor Freight Logistics", "Maple Street Bakery"]);
    const politics = form.json.clauses.find((c) => c.category === "politics");
    assert.ok(politics.built_in);
    assert.equal(form.json.revision, draft.json.version.revision);

    const saved = await admin.request("PUT", `/api/v1/policy/versions/${id}/form`, {
      revision: form.json.revision,
      title: "Form draft, renamed",
      lists: { clients: [...form.json.lists.clients, "Rīgas Piens"] },
      clauses: [{ id: politics.id, verdict: "block", enabled: true },
                { id: "custom.launches", category: "confidential", verdict: "review", terms: ["Falcon"],
                  message: { en: "“{match}” has not been announced.", he: "“{match}” עוד לא הוכרז." } }],
    });
    assert.equal(saved.status, 200, saved.text);
    assert.deepEqual(saved.json.problems, []);
    assert.notEqual(saved.json.revision, form.json.revision);
    assert.ok(saved.json.lists.clients.includes("Rīgas Piens"));
    assert.equal(saved.json.clauses.find((c) => c.id === politics.id).verdict, "block");
    assert.equal(saved.json.clauses.find((c) => c.id === "custom.launches").built_in, false);

    const text = (await admin.request("GET", `/api/v1/policy/versions/${id}`)).json.version;
    assert.deepEqual(text.problems, []);
    assert.equal(text.title, "Form draft, renamed", "the form saves the title too");
    assert.match(text.yaml, /# Competitors\. Disrespectful remarks/, "comments above keys stay");
    assert.match(text.yaml, /- Rīgas Piens/);
    assert.match(text.yaml, /id: custom\.launches/);
    for (const line of before.split("\n").filter((l) => l.startsWith("#"))) {
      assert.ok(text.yaml.includes(line), `comment kept: ${line}`);
    }

    // A save based on the old revision (someone else saved meanwhile) is refused, in both editors.
    assertJsonError(await admin.request("PUT", `/api/v1/policy/versions/${id}/form`,
      { revision: form.json.revision, lists: { clients: [] } }), 409, "draft_changed");
    assertJsonError(await admin.request("PUT", `/api/v1/policy/versions/${id}`,
      { title: "Form draft", yaml: before, revision: form.json.revision }), 409, "draft_changed");

    // Bad forms name the field; nothing is saved.
    assertJsonError(await admin.request("PUT", `/api/v1/policy/versions/${id}/form`,
      { revision: saved.json.revision, lists: { clients: ["Same", "Same"] } }), 400, "invalid_form");
    assertJsonError(await admin.request("PUT", `/api/v1/policy/versions/${id}/form`,
      { revision: saved.json.revision, lists: { customers: [] } }), 400, "invalid_form");
    assertJsonError(await admin.request("PUT", `/api/v1/policy/versions/${id}/form`,
      { revision: saved.json.revision, clauses: [{ id: "custom.empty", category: "confidential" }] }), 400, "invalid_form");
    assertJsonError(await admin.request("PUT", `/api/v1/policy/versions/${id}/form`,
      { revision: saved.json.revision, remove_clauses: [politics.id] }), 400, "invalid_form");
    assertJsonError(await admin.request("PUT", `/api/v1/policy/versions/${id}/form`,
      { lists: { clients: [] } }), 400, "missing_field");

    const removed = await admin.request("PUT", `/api/v1/policy/versions/${id}/form`,
      { revision: saved.json.revision, remove_clauses: ["custom.launches"] });
    assert.equal(removed.status, 200, removed.text);
    assert.equal(removed.json.clauses.find((c) => c.id === "custom.launches"), undefined);

    // A text the form cannot read sends the editor back to the YAML, with the line.
    await admin.request("PUT", `/api/v1/policy/versions/${id}`, { title: "Form draft", yaml: "clients: [unclosed\n" });
    const unreadable = await admin.request("GET", `/api/v1/policy/versions/${id}/form`);
    assertJsonError(unreadable, 400, "policy_unreadable");
    assert.match(unreadable.json.error.message, /^\d+:\d+: /);
  });
});

describe("consultation", () => {
  test("questions are private to their author and the reviewers", async () => {
    const anna = await as("anna");
    const asked = await anna.request("POST", "/api/v1/questions", { text: "Vai drīkstu pieminēt jauno klientu?" });
    assert.equal(asked.status, 201, asked.text);
    const id = asked.json.question.id;
    const ben = await as("ben");
    assertJsonError(await ben.request("GET", `/api/v1/questions/${id}`), 404);
    assert.ok(!(await ben.request("GET", "/api/v1/questions")).json.questions.some((q) => q.id === id));
    assertJsonError(await ben.request("POST", `/api/v1/questions/${id}/answer`, { answer: "no" }), 403);
    const reviewer = await as("reviewer");
    const answered = await reviewer.request("POST", `/api/v1/questions/${id}/answer`, { answer: "Jā, pēc paziņojuma." });
    assert.equal(answered.status, 200, answered.text);
    const mine = await anna.request("GET", `/api/v1/questions/${id}`);
    assert.equal(mine.json.question.answer, "Jā, pēc paziņojuma.");
    assert.equal(mine.json.question.answered_by.name, PEOPLE.reviewer.name);
  });

  test("a second answer is refused with 409 and the first one kept", async () => {
    const anna = await as("anna");
    const id = (await anna.request("POST", "/api/v1/questions", { text: "May I name our new supplier?" })).json.question.id;
    const reviewer = await as("reviewer");
    const admin = await as("admin");
    assert.equal((await reviewer.request("POST", `/api/v1/questions/${id}/answer`, { answer: "Yes." })).status, 200);
    assertJsonError(await admin.request("POST", `/api/v1/questions/${id}/answer`, { answer: "No." }), 409, "already_answered");
    assert.equal((await anna.request("GET", `/api/v1/questions/${id}`)).json.question.answer, "Yes.");
  });
});

describe("lists are paged", () => {
  test("GET /posts answers one page at a time, at most 50 items", async () => {
    const anna = await as("anna");
    for (let i = 0; i < 3; i++) {
      assert.equal((await anna.request("POST", "/api/v1/posts", { text: `Paging test ${i}`, lang: "en" })).status, 201);
    }
    const first = await anna.request("GET", "/api/v1/posts?limit=2");
    assert.equal(first.status, 200, first.text);
    assert.equal(first.json.posts.length, 2);
    assert.deepEqual(first.json.page, { number: 1, limit: 2, more: true });
    const second = await anna.request("GET", "/api/v1/posts?limit=2&page=2");
    assert.equal(second.json.page.number, 2);
    assert.ok(second.json.posts.length >= 1);
    assert.ok(!second.json.posts.some((p) => first.json.posts.some((q) => q.id === p.id)));
    assert.equal((await anna.request("GET", "/api/v1/posts")).json.page.limit, 20);
    assertJsonError(await anna.request("GET", "/api/v1/posts?limit=51"), 400, "invalid_field");
    assertJsonError(await anna.request("GET", "/api/v1/questions?page=0"), 400, "invalid_field");
    const reviewer = await as("reviewer");
    assert.equal((await reviewer.request("GET", "/api/v1/reviews?limit=1")).json.page.limit, 1);
  });

  test("a list carries at most 50 findings a post; the post itself carries them all", async () => {
    const anna = await as("anna");
    const text = "Project Nightingale, call +371 29 123 456. ".repeat(60);
    const created = await anna.request("POST", "/api/v1/posts", { text, lang: "en" });
    assert.equal(created.status, 201, created.text);
    const all = created.json.post.result.findings.length;
    assert.ok(all > 50, `${all} findings`);
    const listed = (await anna.request("GET", "/api/v1/posts?limit=1")).json.posts[0];
    assert.equal(listed.id, created.json.post.id);
    assert.equal(listed.result.findings.length, 50);
    assert.equal(listed.result.findings_total, all);
    const single = await anna.request("GET", `/api/v1/posts/${created.json.post.id}`);
    assert.equal(single.json.post.result.findings.length, all);
    assert.equal(single.json.post.result.findings_total, undefined);
  });
});

describe("notifications", () => {
  test("an employee learns of the decision on her post, and no one else's", async () => {
    assertJsonError(await new Client(base).request("GET", "/api/v1/me/notifications"), 401, "not_signed_in");
    const anna = await as("anna");
    const ben = await as("ben");
    const text = "Riga Dairy becomes our client — notification test";
    const created = await anna.request("POST", "/api/v1/posts", { text, lang: "en" });
    const id = created.json.post.id;
    assert.equal((await anna.request("POST", `/api/v1/posts/${id}/submit`, { note: "May I?" })).status, 200);

    const reviewer = await as("reviewer");
    const work = await reviewer.request("GET", "/api/v1/me/notifications");
    assert.equal(work.status, 200, work.text);
    const queue = work.json.items.find((i) => i.kind === "review_queue");
    assert.ok(queue && queue.count >= 1, work.text);
    const decided = await reviewer.request("POST", `/api/v1/posts/${id}/decision`,
      { decision: "reject", comment: "Not announced yet." });
    assert.equal(decided.status, 200, decided.text);

    const mine = await anna.request("GET", "/api/v1/me/notifications");
    assert.equal(mine.status, 200, mine.text);
    const item = mine.json.items.find((i) => i.kind === "post_decided" && i.post.id === id);
    assert.ok(item, mine.text);
    assert.equal(item.unseen, true);
    assert.equal(item.post.status, "rejected");
    assert.equal(item.post.review_comment, "Not announced yet.");
    assert.equal(item.post.reviewer.name, PEOPLE.reviewer.name);
    assert.ok(mine.json.unseen >= 1);
    assert.equal(mine.json.unseen, mine.json.items.filter((i) => i.unseen).length);
    const times = mine.json.items.map((i) => i.at);
    assert.deepEqual(times, [...times].sort((a, b) => b - a), "newest first");
    // Her answered question (consultation above) and the policy she has not acknowledged.
    assert.ok(mine.json.items.some((i) => i.kind === "question_answered"), mine.text);
    assert.ok(mine.json.items.some((i) => i.kind === "policy_to_acknowledge"), mine.text);
    assert.ok(!mine.json.items.some((i) => i.kind === "review_queue"), "employees get no queue counts");

    // Ben sees none of Anna's items and, having acknowledged the policy, no policy item.
    const his = await ben.request("GET", "/api/v1/me/notifications");
    assert.equal(his.status, 200);
    assert.ok(!his.text.includes(text.slice(0, 20)), his.text);
    assert.ok(!his.json.items.some((i) => i.post?.id === id || i.kind === "question_answered"), his.text);
    assert.ok(!his.json.items.some((i) => ["review_queue", "questions_waiting", "policy_to_acknowledge"].includes(i.kind)), his.text);

    assertJsonError(await anna.request("POST", "/api/v1/me/notifications/seen", undefined, { csrf: false }), 403, "csrf");
    const seen = await anna.request("POST", "/api/v1/me/notifications/seen");
    assert.equal(seen.status, 200, seen.text);
    const after = await anna.request("GET", "/api/v1/me/notifications");
    assert.equal(after.json.unseen, 0, after.text);
    assert.equal(typeof after.json.seen_at, "number");
    const still = after.json.items.find((i) => i.post?.id === id);
    assert.ok(still && still.unseen === false, "seen items stay listed");
  });
});

describe("audit of sign-ins", () => {
  test("sign-ins, sign-outs and failed attempts are recorded, passwords never", async () => {
    const typo = "typo-password-913";
    assertJsonError(await new Client(base).signIn(PEOPLE.reviewer.email, typo), 401);
    assertJsonError(await new Client(base).signIn("Nobody-Here@test.example", typo), 401);
    const reviewer = await as("reviewer");
    assert.equal((await reviewer.request("DELETE", "/api/v1/session")).status, 200);
    const admin = await as("admin");
    const audit = await admin.request("GET", "/api/v1/audit");
    const [adminIn, out, reviewerIn, unknown, wrong] = audit.json.entries;
    assert.equal(adminIn.action, "session.sign_in");
    assert.equal(adminIn.actor.name, PEOPLE.admin.name);
    assert.equal(out.action, "session.sign_out");
    assert.equal(out.actor.name, PEOPLE.reviewer.name);
    assert.equal(reviewerIn.action, "session.sign_in");
    assert.equal(reviewerIn.detail.email, PEOPLE.reviewer.email);
    assert.equal(unknown.action, "session.sign_in_failed");
    assert.equal(unknown.actor, null);
    assert.equal(unknown.detail.email, "n***@test.example", "an unknown account is kept masked");
    assert.equal(unknown.detail.reason, "unknown_email");
    assert.equal(wrong.action, "session.sign_in_failed");
    assert.equal(wrong.detail.email, PEOPLE.reviewer.email);
    assert.equal(wrong.detail.reason, "wrong_password");
    assert.match(wrong.object, /^user:\d+$/);
    assert.ok(!audit.text.includes(typo), "no typed password in the audit log");
  });
});

describe("administration", () => {
  test("admins manage people; deactivation signs the person out at once", async () => {
    const admin = await as("admin");
    const added = await admin.request("POST", "/api/v1/users",
      { email: "new@test.example", name: "Nora New", role: "employee", team: "Legal", language: "lv", password: "long-password-1" });
    assert.equal(added.status, 201, added.text);
    assert.equal(added.json.user.team, "Legal");
    assert.ok(!("password_hash" in added.json.user));
    assertJsonError(await admin.request("POST", "/api/v1/users",
      { email: "new@test.example", role: "employee" }), 409, "email_taken");

    const nora = new Client(base);
    assert.equal((await nora.signIn("new@test.example", "long-password-1")).status, 200);
    const off = await admin.request("PATCH", `/api/v1/users/${added.json.user.id}`, { active: false });
    assert.equal(off.json.user.active, false);
    assertJsonError(await nora.request("GET", "/api/v1/session"), 401);

    const imported = await admin.request("POST", "/api/v1/users/import",
      { csv: "email,name,role,team\nok1@test.example,Ok One,employee,Sales\nbroken,Bad,employee,\n" });
    assert.equal(imported.status, 200, imported.text);
    assert.equal(imported.json.created, 0, "all or nothing");
    assert.equal(imported.json.failed, 1);
    assert.equal(imported.json.error.code, "import_rows_invalid");
    assert.equal(imported.json.rows[0].row, 3);
    assert.equal(imported.json.rows[0].error.code, "invalid_email");
    const fixed = await admin.request("POST", "/api/v1/users/import",
      { csv: "email,name,role,team\nok1@test.example,Ok One,employee,Sales\n" });
    assert.equal(fixed.json.created, 1, fixed.text);

    const users = await admin.request("GET", "/api/v1/users");
    assert.ok(users.json.users.some((u) => u.email === "ok1@test.example"));
    assert.equal((await admin.request("GET", "/api/v1/teams")).status, 200);
    const ben = await as("ben");
    assertJsonError(await ben.request("GET", "/api/v1/users"), 403);
    assertJsonError(await ben.request("PATCH", `/api/v1/users/${added.json.user.id}`, { active: true }), 403);
    assertJsonError(await ben.request("POST", "/api/v1/users/import", { csv: "email\nx@y.z\n" }), 403);
  });

  test("admins change a person's role and team, rename and delete teams", async () => {
    const admin = await as("admin");
    const users = (await admin.request("GET", "/api/v1/users")).json.users;
    const ok1 = users.find((u) => u.email === "ok1@test.example");
    const moved = await admin.request("PATCH", `/api/v1/users/${ok1.id}`, { role: "reviewer", team: "Legal" });
    assert.equal(moved.status, 200, moved.text);
    assert.equal(moved.json.user.role, "reviewer");
    assert.equal(moved.json.user.team, "Legal");
    assertJsonError(await admin.request("PATCH", `/api/v1/users/${ok1.id}`, { role: "boss" }), 400, "invalid_role");
    const everyone = (await admin.request("GET", "/api/v1/users")).json.users;

    const teams = (await admin.request("GET", "/api/v1/teams")).json.teams;
    const sales = teams.find((t) => t.name === "Sales");
    const legal = teams.find((t) => t.name === "Legal");
    const engineering = teams.find((t) => t.name === "Engineering");
    assert.equal(sales.members, everyone.filter((u) => u.team === "Sales").length);
    assert.equal(legal.members, everyone.filter((u) => u.team === "Legal").length);
    assert.equal(engineering.members, 1);

    const ben = await as("ben");
    const seenByBen = (await ben.request("GET", "/api/v1/teams")).json.teams;
    assert.ok(seenByBen.length > 0 && seenByBen.every((t) => !("members" in t)), "member counts are for admins");
    assertJsonError(await ben.request("PATCH", `/api/v1/teams/${sales.id}`, { name: "Mine" }), 403, "forbidden");
    assertJsonError(await ben.request("DELETE", `/api/v1/teams/${sales.id}`), 403, "forbidden");

    assertJsonError(await admin.request("PATCH", `/api/v1/teams/${sales.id}`, { name: "   " }), 400, "invalid_team");
    assertJsonError(await admin.request("PATCH", `/api/v1/teams/${sales.id}`, { name: "x".repeat(201) }), 400, "invalid_team");
    assertJsonError(await admin.request("PATCH", `/api/v1/teams/${sales.id}`, { name: 7 }), 400, "invalid_field");
    assertJsonError(await admin.request("PATCH", `/api/v1/teams/${sales.id}`, {}), 400, "missing_field");
    assertJsonError(await admin.request("PATCH", `/api/v1/teams/${sales.id}`, { name: "legal" }), 409, "team_name_taken");
    assertJsonError(await admin.request("PATCH", "/api/v1/teams/999999", { name: "Ghosts" }), 404, "not_found");
    assertJsonError(await admin.request("DELETE", "/api/v1/teams/999999"), 404, "not_found");
    assertJsonError(await admin.request("PATCH", `/api/v1/teams/${sales.id}`, { name: "x" }, { csrf: false }), 403, "csrf");

    const renamed = await admin.request("PATCH", `/api/v1/teams/${sales.id}`, { name: "  Sales & Partners " });
    assert.equal(renamed.status, 200, renamed.text);
    assert.deepEqual(renamed.json.team, { id: sales.id, name: "Sales & Partners" });
    const anna = (await admin.request("GET", "/api/v1/users")).json.users.find((u) => u.email === PEOPLE.anna.email);
    assert.equal(anna.team, "Sales & Partners");

    const deleted = await admin.request("DELETE", `/api/v1/teams/${engineering.id}`);
    assert.equal(deleted.status, 200, deleted.text);
    const after = (await admin.request("GET", "/api/v1/users")).json.users;
    const benNow = after.find((u) => u.email === PEOPLE.ben.email);
    assert.equal(benNow.team, null);
    assert.equal(benNow.active, true);
    assert.equal(after.length, users.length, "nobody is lost with the team");
    assert.equal((await ben.request("GET", "/api/v1/session")).status, 200, "his session goes on");
    const left = (await admin.request("GET", "/api/v1/teams")).json.teams;
    assert.ok(!left.some((t) => t.id === engineering.id));
    assert.ok(left.some((t) => t.id === legal.id));

    const audit = (await admin.request("GET", "/api/v1/audit")).json.entries;
    const del = audit.find((e) => e.action === "team.delete");
    assert.equal(del.object, `team:${engineering.id}`);
    assert.deepEqual(del.detail, { name: "Engineering", members: 1 });
    const rename = audit.find((e) => e.action === "team.rename");
    assert.deepEqual(rename.detail, { from: "Sales", to: "Sales & Partners" });
    assert.equal(rename.actor.name, PEOPLE.admin.name);
    const team = audit.find((e) => e.action === "user.team");
    assert.deepEqual(team.detail.team, ["Sales", "Legal"]); // names as they were then
  });

  test("the audit log records administrative actions and is for admins only", async () => {
    const admin = await as("admin");
    const audit = await admin.request("GET", "/api/v1/audit");
    assert.equal(audit.status, 200);
    const actions = audit.json.entries.map((e) => e.action);
    for (const a of ["user.create", "token.create", "policy.draft", "policy.edit", "policy.publish",
                     "review.approved", "review.changes_requested", "user.deactivate", "question.answer",
                     "team.rename", "team.delete", "session.sign_in", "session.sign_out", "session.sign_in_failed"]) {
      assert.ok(actions.includes(a), `${a} in ${actions.join(",")}`);
    }
    const publish = audit.json.entries.find((e) => e.action === "policy.publish");
    assert.equal(publish.actor.name, PEOPLE.admin.name);
    assertJsonError(await (await as("reviewer")).request("GET", "/api/v1/audit"), 403);
  });

  test("the audit log pages through entries and separates sign-ins from administration", async () => {
    const admin = await as("admin");
    const signIns = await admin.request("GET", "/api/v1/audit?kind=sign_in&limit=3");
    assert.equal(signIns.status, 200, signIns.text);
    assert.equal(signIns.json.entries.length, 3);
    assert.ok(signIns.json.entries.every((e) => e.action.startsWith("session.")), signIns.text);
    const next = await admin.request("GET", `/api/v1/audit?kind=sign_in&limit=3&before=${signIns.json.next_before}`);
    assert.ok(next.json.entries.length > 0);
    assert.ok(next.json.entries.every((e) => e.id < signIns.json.entries.at(-1).id), "the next page is older");
    const administrative = await admin.request("GET", "/api/v1/audit?kind=admin&limit=1000");
    assert.ok(administrative.json.entries.length > 0);
    assert.ok(administrative.json.entries.every((e) => !e.action.startsWith("session.")));
    assert.equal(administrative.json.next_before, null, "fewer than the limit: no next page");
    for (const bad of ["kind=secret", "before=-1", "before=abc", "limit=0", "limit=5000"]) {
      assertJsonError(await admin.request("GET", `/api/v1/audit?${bad}`), 400);
    }
  });

  test("passwords: change my own (other sessions end), reset by an admin", async () => {
    const phone = await as("ben");
    const laptop = await as("ben");
    assertJsonError(await laptop.request("POST", "/api/v1/me/password",
      { current_password: "wrong-one", new_password: "new-password-77" }), 400, "wrong_current_password");
    assertJsonError(await laptop.request("POST", "/api/v1/me/password",
      { current_password: PASSWORD, new_password: "short" }), 400, "password_too_short");
    assert.equal((await laptop.request("POST", "/api/v1/me/password",
      { current_password: PASSWORD, new_password: "new-password-77" })).status, 200);
    assert.equal((await laptop.request("GET", "/api/v1/session")).status, 200);
    assert.equal((await laptop.request("PATCH", "/api/v1/me", { language: "he" })).status, 200, "CSRF token still valid");
    assertJsonError(await phone.request("GET", "/api/v1/session"), 401);
    assertJsonError(await new Client(base).signIn(PEOPLE.ben.email, PASSWORD), 401);

    const admin = await as("admin");
    const users = await admin.request("GET", "/api/v1/users");
    const ben = users.json.users.find((u) => u.email === PEOPLE.ben.email);
    assertJsonError(await (await as("anna")).request("PATCH", `/api/v1/users/${ben.id}`, { password: "anna-sets-it" }), 403);
    assert.equal((await admin.request("PATCH", `/api/v1/users/${ben.id}`, { password: PASSWORD })).status, 200);
    assertJsonError(await laptop.request("GET", "/api/v1/session"), 401);
    assert.equal((await new Client(base).signIn(PEOPLE.ben.email, PASSWORD)).status, 200);
    const audit = await admin.request("GET", "/api/v1/audit");
    // Sign-ins are audited too, so the reset is the newest entry of its kind, not of all.
    const reset = audit.json.entries.find((e) => e.action === "user.password_reset");
    assert.equal(reset.object, `user:${ben.id}`);
    assert.ok(!JSON.stringify(audit.json).includes(PASSWORD), "no password in the audit log");
  });

  test("the interface language is kept per user", async () => {
    const ben = await as("ben");
    const r = await ben.request("PATCH", "/api/v1/me", { language: "pl" });
    assert.equal(r.json.user.language, "pl");
    assert.equal((await (await as("ben")).request("GET", "/api/v1/session")).json.user.language, "pl");
    assertJsonError(await ben.request("PATCH", "/api/v1/me", { language: "klingon" }), 400, "invalid_language");
  });
});

describe("login throttling", () => {
  test("repeated wrong passwords lock the account with 429 and Retry-After", async () => {
    const c = new Client(base);
    for (let i = 0; i < 5; i++) assertJsonError(await c.signIn(PEOPLE.locked.email, "wrong-password"), 401);
    const locked = await c.signIn(PEOPLE.locked.email, PASSWORD); // even the right one now
    assertJsonError(locked, 429, "too_many_attempts");
    assert.ok(Number(locked.headers.get("retry-after")) > 0);
    assertJsonError(await c.signIn(PEOPLE.locked.email, PASSWORD), 429, "too_many_attempts");
    // Refusals are audited, at most once a minute per account and address (no log flooding).
    const audit = (await (await as("admin")).request("GET", "/api/v1/audit")).json.entries;
    const refused = audit.filter((e) => e.action === "session.sign_in_failed" && e.detail.email === PEOPLE.locked.email);
    assert.equal(refused.filter((e) => e.detail.reason === "throttled").length, 1, JSON.stringify(refused));
    assert.equal(refused.filter((e) => e.detail.reason === "wrong_password").length, 5);
    assert.ok(!JSON.stringify(refused).includes(PASSWORD));
  });
});

describe("OpenAPI document", () => {
  test("describes every route these tests called", async () => {
    const r = await new Client(base).request("GET", "/api/v1/openapi.json");
    assert.equal(r.status, 200);
    assert.match(r.json.openapi, /^3\./);
    const listed = new Set();
    for (const [path, ops] of Object.entries(r.json.paths)) for (const m of Object.keys(ops)) listed.add(`${m} ${path}`);
    assert.ok(called.size > 20, `called ${called.size}`);
    for (const route of called) assert.ok(listed.has(route), `${route} is missing from openapi.json`);
  });
});

describe("slow clients", () => {
  test("a client that stops sending is disconnected after the timeouts", async () => {
    const { port, hostname } = new URL(base);
    const started = Date.now();
    const closed = await new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write("POST /api/v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"te");
      });
      socket.resume(); // read (and drop) the 400 the server may send, so "close" can fire
      socket.on("close", () => resolve(Date.now() - started));
      socket.on("error", () => undefined);
      setTimeout(() => reject(new Error("still connected after 15 s")), 15000);
    });
    // The body's deadline: the head deadline (--read-timeout 2) plus 100 bytes at 100 kB/s.
    assert.ok(closed >= 1500 && closed < 9000, `closed after ${closed} ms`);
    // Meanwhile the server kept serving others.
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
  });
});

describe("durability", () => {
  test("killing the server loses no committed data", async () => {
    const anna = await as("anna");
    const post = await anna.request("POST", "/api/v1/posts", { text: "Saved right before the crash", lang: "en" });
    assert.equal(post.status, 201);
    await server.kill("SIGKILL");
    base = await server.start();
    const again = await as("anna");
    const r = await again.request("GET", `/api/v1/posts/${post.json.post.id}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.post.text, "Saved right before the crash");
  });

  test("drafts past their retention are deleted by the server, with an audit entry", async () => {
    const anna = await as("anna");
    const list = await anna.request("GET", "/api/v1/posts");
    assert.deepEqual(list.json.retention, { draft_days: 30, decided_days: 365 });
    const old = await anna.request("POST", "/api/v1/posts", { text: "An abandoned draft", lang: "en" });
    const fresh = await anna.request("POST", "/api/v1/posts", { text: "A draft from today", lang: "en" });
    assert.equal(old.status, 201);
    await server.kill("SIGTERM");
    // Make the first draft 31 days old, as if the author had left it a month ago.
    const aged = spawnSync("python3", ["-c",
      "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
      + "c.execute('UPDATE posts SET updated_at = updated_at - 31 * 86400 WHERE id = ?', (int(sys.argv[2]),)); c.commit()",
      join(server.data, "chorus.db"), String(old.json.post.id)], { encoding: "utf8" });
    assert.equal(aged.status, 0, aged.stderr);
    base = await server.start();
    const again = await as("anna");
    // The housekeeper runs as the server starts, on its own thread: wait for it.
    let gone = false;
    for (let i = 0; i < 100 && !gone; ++i) {
      gone = (await again.request("GET", `/api/v1/posts/${old.json.post.id}`)).status === 404;
      if (!gone) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(gone, "the 31-day-old draft was deleted");
    assert.equal((await again.request("GET", `/api/v1/posts/${fresh.json.post.id}`)).status, 200);
    const audit = await (await as("admin")).request("GET", "/api/v1/audit");
    const purge = audit.json.entries.find((e) => e.action === "retention.purge");
    assert.ok(purge, audit.text);
    assert.equal(purge.detail.drafts, 1);
    assert.ok(!JSON.stringify(purge).includes("abandoned"), "the audit log holds counts, not texts");
  });
});
