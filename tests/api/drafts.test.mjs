// Drafts as the author decides: a check stores nothing; text that is empty or only
// whitespace is refused with 400 "empty_text" (check, save and edit); the author deletes a
// draft never sent for review (audited, without its text), nobody else can; the photo checked
// with a post is kept with it and shown to its reviewers, and goes with the post.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { Client, PEOPLE, TestServer } from "./server_harness.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const server = new TestServer({ policy: join(root, "packs", "demo", "policy.yaml") });
const photo = readFileSync(join(root, "tests", "data", "geotagged.jpg"));
let base;

before(async () => {
  server.setupPeople();
  base = await server.start();
});
after(() => server.stop());

async function as(person) {
  const c = new Client(base);
  assert.equal((await c.signIn(PEOPLE[person].email)).status, 200);
  return c;
}

async function myPosts(c) {
  const r = await c.request("GET", "/api/v1/posts");
  assert.equal(r.status, 200);
  return r.json.posts;
}

test("a check stores nothing; saving stores one draft", async () => {
  const anna = await as("anna");
  const before = (await myPosts(anna)).length;
  const r = await anna.request("POST", "/api/v1/check?messages=reader", { text: "Riga Dairy signs with us", lang: "en" });
  assert.equal(r.status, 200);
  assert.ok(r.json.findings.length > 0);
  assert.equal(r.json.messages_language, "pl", "?messages=reader: in the reader's language");
  const plain = await anna.request("POST", "/api/v1/check", { text: "Riga Dairy signs with us", lang: "en" });
  assert.equal(plain.json.messages_language, undefined, "by default in the post's language");
  assert.equal((await myPosts(anna)).length, before);
  const saved = await anna.request("POST", "/api/v1/posts", { text: "Riga Dairy signs with us", lang: "en" });
  assert.equal(saved.status, 201);
  assert.equal((await myPosts(anna)).length, before + 1);
});

test("empty or whitespace-only text is refused with 400 empty_text", async () => {
  const anna = await as("anna");
  const draft = await anna.request("POST", "/api/v1/posts", { text: "A fine day" });
  for (const text of ["", "   ", " \n\t ", "\u00a0\u200b\u3000"]) {
    for (const [method, path] of [["POST", "/api/v1/check"], ["POST", "/api/v1/posts"],
                                  ["PUT", `/api/v1/posts/${draft.json.post.id}`]]) {
      const r = await anna.request(method, path, { text });
      assert.equal(r.status, 400, `${method} ${path} ${JSON.stringify(text)}: ${r.text}`);
      assert.equal(r.json.error.code, "empty_text");
      assert.ok(r.json.error.message.length > 10);
    }
  }
  // a token caller too
  const r = await fetch(`${base}/api/v1/check`, {
    method: "POST", body: JSON.stringify({ text: "  " }),
    headers: { Authorization: `Bearer ${server.token}`, "Content-Type": "application/json" } });
  assert.equal(r.status, 400);
});

test("the author deletes a draft; not someone else's, not one sent for review; audited", async () => {
  const anna = await as("anna");
  const ben = await as("ben");
  const admin = await as("admin");
  const a = (await anna.request("POST", "/api/v1/posts", { text: "Draft to delete" })).json.post;
  const sent = (await anna.request("POST", "/api/v1/posts", { text: "Riga Dairy draft to send" })).json.post;
  assert.equal((await anna.request("POST", `/api/v1/posts/${sent.id}/submit`, {})).status, 200);

  assert.equal((await ben.request("DELETE", `/api/v1/posts/${a.id}`)).status, 404, "someone else's draft");
  assert.equal((await admin.request("DELETE", `/api/v1/posts/${a.id}`)).status, 404, "not even an admin's");
  const refused = await anna.request("DELETE", `/api/v1/posts/${sent.id}`);
  assert.equal(refused.status, 409);
  assert.equal(refused.json.error.code, "not_deletable");

  const ok = await anna.request("DELETE", `/api/v1/posts/${a.id}`);
  assert.equal(ok.status, 200, ok.text);
  assert.equal((await anna.request("GET", `/api/v1/posts/${a.id}`)).status, 404);
  assert.equal((await anna.request("DELETE", `/api/v1/posts/${a.id}`)).status, 404, "gone");
  assert.ok(!(await myPosts(anna)).some((p) => p.id === a.id));

  const audit = await admin.request("GET", "/api/v1/audit?kind=all");
  const entry = audit.json.entries.find((e) => e.action === "post.deleted" && e.object === `post:${a.id}`);
  assert.ok(entry, `audited: ${audit.text.slice(0, 400)}`);
  assert.ok(!JSON.stringify(entry).includes("Draft to delete"), "the audit log does not keep the text");
});

test("the photo checked with a post is kept for its reviewers and goes with the draft", async () => {
  const anna = await as("anna");
  const reviewer = await as("reviewer");
  const ben = await as("ben");
  const body = { text: "Riga Dairy picnic", lang: "en", photo: photo.toString("base64") };
  const post = (await anna.request("POST", "/api/v1/posts", body)).json.post;
  assert.equal(post.has_photo, true);
  const own = await fetch(`${base}/api/v1/posts/${post.id}/photo`, { headers: { Cookie: anna.cookie } });
  assert.equal(own.status, 200);
  assert.equal(own.headers.get("content-type"), "image/jpeg");
  assert.deepEqual(Buffer.from(await own.arrayBuffer()), photo, "byte for byte");
  // not to reviewers before it is sent, nor to another employee ever
  assert.equal((await reviewer.request("GET", `/api/v1/posts/${post.id}/photo`)).status, 404);
  assert.equal((await anna.request("POST", `/api/v1/posts/${post.id}/submit`, {})).status, 200);
  const queued = (await reviewer.request("GET", "/api/v1/reviews")).json.posts.find((p) => p.id === post.id);
  assert.equal(queued.has_photo, true);
  const seen = await fetch(`${base}/api/v1/posts/${post.id}/photo`, { headers: { Cookie: reviewer.cookie } });
  assert.equal(seen.status, 200);
  assert.equal(Buffer.from(await seen.arrayBuffer()).length, photo.length);
  assert.equal((await ben.request("GET", `/api/v1/posts/${post.id}/photo`)).status, 404);

  // a draft without a photo has none; a deleted draft's photo is gone with it
  const plain = (await anna.request("POST", "/api/v1/posts", { text: "No photo here" })).json.post;
  assert.equal(plain.has_photo, false);
  assert.equal((await anna.request("GET", `/api/v1/posts/${plain.id}/photo`)).status, 404);
  const withPhoto = (await anna.request("POST", "/api/v1/posts", body)).json.post;
  assert.equal((await anna.request("DELETE", `/api/v1/posts/${withPhoto.id}`)).status, 200);
  assert.equal((await anna.request("GET", `/api/v1/posts/${withPhoto.id}/photo`)).status, 404);
});
