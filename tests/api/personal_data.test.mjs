// The privacy export against a real `chorus serve`: a person downloads everything held about
// them (account, acknowledgement, policy comment, posts with their review, questions, tokens
// without secrets, linked accounts, audit entries) and nothing of anyone else; a token cannot
// export; every export is audited.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { Client, PEOPLE, TestServer, runChorus, serverForTests } from "./server_harness.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const demoPolicy = join(root, "packs", "demo", "policy.yaml");
const { server, signedIn, base: baseUrl } = serverForTests({ policy: demoPolicy });

test("a person exports exactly their own data", async () => {
  const published = runChorus(["policy", "publish", "--data", server.data, demoPolicy]);
  assert.equal(published.status, 0, published.stderr);

  const anna = await signedIn("anna");
  // The server picks a version published beside it up within about a second (as the
  // monitoring test waits for it): its housekeeping may have just looked.
  let current = null;
  for (let i = 0; i < 50 && !current; i++) {
    current = (await anna.request("GET", "/api/v1/policy")).json.version;
    if (!current) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.ok(current, "the server picked up the published version");
  const version = current.id;
  assert.equal((await anna.request("POST", "/api/v1/policy/acknowledge", { version_id: version })).status, 200);
  const post = await anna.request("POST", "/api/v1/posts", { text: "Anna's draft about Project Nightingale", lang: "en" });
  assert.equal(post.status, 201, post.text);
  const postId = post.json.post.id;
  assert.equal((await anna.request("POST", `/api/v1/posts/${postId}/submit`, { note: "For X" })).status, 200);
  const question = await anna.request("POST", "/api/v1/questions", { text: "Czy mogę wspomnieć o nowym kliencie?" });
  assert.equal(question.status, 201, question.text);
  const linked = await anna.request("POST", "/api/v1/monitoring/accounts", { platform: "x", handle: "@anna_k" });
  assert.equal(linked.status, 201, linked.text);

  // One of her published posts names the codename: a block, so an incident at once.
  const tweets = join(server.dir, "tweets.js");
  writeFileSync(tweets, `window.YTD.tweets.part0 = ${JSON.stringify([{ tweet: { id_str: "71",
    created_at: "Wed Oct 11 08:15:02 +0000 2023", full_text: "Sneak peek: Project Nightingale ships soon" } }])}`);
  const imported = runChorus(["monitor", "import", "--data", server.data, "--email", PEOPLE.anna.email, tweets]);
  assert.equal(imported.status, 0, imported.stderr);

  const reviewer = await signedIn("reviewer");
  const incidents = (await reviewer.request("GET", "/api/v1/incidents")).json.incidents;
  assert.equal(incidents.length, 1, JSON.stringify(incidents));
  const noted = await reviewer.request("POST", `/api/v1/incidents/${incidents[0].id}/notes`, { text: "Asked Anna to delete it" });
  assert.equal(noted.status, 201, noted.text);
  const decided = await reviewer.request("POST", `/api/v1/posts/${postId}/decision`,
    { decision: "request_changes", comment: "Leave the codename out" });
  assert.equal(decided.status, 200, decided.text);

  const ben = await signedIn("ben");
  assert.equal((await ben.request("POST", "/api/v1/posts", { text: "Ben's own private draft", lang: "en" })).status, 201);

  const r = await anna.request("GET", "/api/v1/me/export");
  assert.equal(r.status, 200, r.text);
  assert.match(r.headers.get("content-disposition"), /^attachment; filename="chorus-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
  const d = r.json;
  assert.equal(d.format, "chorus-personal-data/1");
  assert.equal(d.person.email, PEOPLE.anna.email);
  assert.equal(d.person.team, PEOPLE.anna.team);
  assert.ok(!("password_hash" in d.person));
  assert.deepEqual(d.acknowledgements.map((a) => a.policy_version.id), [version]);
  assert.equal(d.posts.length, 1);
  assert.equal(d.posts[0].text, "Anna's draft about Project Nightingale");
  const review = d.posts[0].events.find((e) => e.comment === "Leave the codename out");
  assert.ok(review, JSON.stringify(d.posts[0].events));
  assert.equal(d.questions.length, 1);
  assert.match(d.questions[0].text, /nowym kliencie/);
  // The account she linked, and the one the command-line import of her archive made.
  assert.equal(d.linked_accounts.length, 2, JSON.stringify(d.linked_accounts));
  assert.ok(d.linked_accounts.some((a) => a.handle === "@anna_k"));
  assert.equal(d.linked_accounts.reduce((n, a) => n + a.posts, 0), 1);
  assert.ok(d.api_tokens.length >= 1, "the harness made her a token");
  for (const t of d.api_tokens) assert.ok(!("token_hash" in t) && !("secret" in t));
  const actions = d.audit.map((e) => e.action);
  assert.ok(actions.includes("session.sign_in"), actions.join(","));
  assert.ok(actions.includes("monitoring.link"), actions.join(","));
  assert.ok(d.not_included.time_on_social_media);
  // The incident about her post, with the team's notes: she may know what is recorded.
  assert.equal(d.incidents.length, 1);
  assert.equal(d.incidents[0].verdict, "block");
  assert.ok(d.incidents[0].timeline.some((e) => e.text === "Asked Anna to delete it"), JSON.stringify(d.incidents[0]));
  assert.equal(d.monitored_posts.length, 1);
  const text = JSON.stringify(d);
  assert.ok(!text.includes("Ben's own private draft"), "nobody else's posts");
  assert.ok(!text.includes(PEOPLE.ben.email), "nobody else's account");

  // Ben's export holds none of Anna's records.
  const benExport = (await ben.request("GET", "/api/v1/me/export")).json;
  assert.equal(benExport.posts.length, 1);
  assert.equal(benExport.incidents.length, 0);
  assert.ok(!JSON.stringify(benExport).includes("Nightingale"));

  // The export itself is in the audit log (counts only).
  const admin = await signedIn("admin");
  const audit = (await admin.request("GET", "/api/v1/audit")).json.entries;
  const entry = audit.find((e) => e.action === "privacy.export" && e.object === `user:${d.person.id}`);
  assert.ok(entry, "privacy.export is audited");
  assert.equal(entry.detail.posts, 1);
  assert.ok(!JSON.stringify(entry).includes("Nightingale"), "the audit entry holds counts, not content");
});

test("an API token cannot export, and nobody signed out can", async () => {
  const withToken = await fetch(`${baseUrl()}/api/v1/me/export`, { headers: { Authorization: `Bearer ${server.token}` } });
  assert.equal(withToken.status, 403);
  const anonymous = await fetch(`${baseUrl()}/api/v1/me/export`);
  assert.equal(anonymous.status, 401);
});
