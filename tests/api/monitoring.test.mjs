// Monitoring after publication against a real `chorus serve` (demo policy, monitoring on):
// an employee links an account and uploads an archive (streamed to a temporary file); the
// stored findings are exactly `chorus scan`'s; re-uploads add nothing; a broken archive
// changes nothing; who sees what; `chorus monitor import|list` and `chorus policy publish`
// beside the running server.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { Client, PASSWORD, PEOPLE, TestServer, runChorus, signedInAs } from "./server_harness.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const demoPolicy = join(root, "packs", "demo", "policy.yaml");
const uploads = mkdtempSync(join(tmpdir(), "chorus-uploads-"));
const server = new TestServer({ policy: demoPolicy, args: ["--max-upload-mib", "20"] });
let base;
const work = mkdtempSync(join(tmpdir(), "chorus-monitoring-"));
// The server (started below, inheriting the environment) puts uploads here.
process.env.TMPDIR = uploads;

const TEXTS = [
  "Big news about Project Nightingale & friends <3",
  "Working with Riga Dairy this week, see https://intra.dzintars.lv/plan",
  "Lovely morning run along the Daugava.",
  "Ķīpsala ŁÓDŹ שלום — AmberPay now supports instant payments in Poland",
];

function tweetsJs(texts, firstId = 1) {
  const tweets = texts.map((text, i) => ({
    tweet: {
      id_str: String(firstId + i),
      created_at: "Wed Oct 11 08:15:02 +0000 2023",
      full_text: text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;"),
      entities: { urls: [] },
    },
  }));
  return `window.YTD.tweets.part0 = ${JSON.stringify(tweets, null, 2)}`;
}

const signedIn = (person) => signedInAs(base, person);

async function upload(client, accountId, body, name = "tweets.js") {
  return client.request("POST", `/api/v1/monitoring/accounts/${accountId}/import?name=${name}`, undefined, {
    raw: body,
    headers: { "Content-Type": "application/octet-stream" },
  });
}

// `chorus scan` of the texts with the same policy: id -> {verdict, findings}.
function scanned(texts) {
  const input = texts.map((text, i) => JSON.stringify({ id: i, text })).join("\n") + "\n";
  const r = runChorus(["scan", "--policy", demoPolicy, "--no-progress"], input);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const byText = new Map();
  for (const line of r.stdout.trim().split("\n")) {
    const j = JSON.parse(line);
    byText.set(texts[j.id], j);
  }
  return byText;
}

before(async () => {
  server.setupPeople();
  base = await server.start();
});

after(async () => {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
  rmSync(uploads, { recursive: true, force: true });
});

describe("monitoring", () => {
  test("an employee links an account, uploads an archive and sees exactly what chorus scan finds", async () => {
    const anna = await signedIn("anna");
    const settings = await anna.request("GET", "/api/v1/monitoring");
    assert.deepEqual(settings.json, { enabled: true, grace_days: 7 });
    const linked = await anna.request("POST", "/api/v1/monitoring/accounts", { platform: "x", handle: "@anna" });
    assert.equal(linked.status, 201, linked.text);
    const account = linked.json.account;
    assert.equal(account.posts, 0);

    const r = await upload(anna, account.id, tweetsJs(TEXTS));
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json, { file: "tweets.js", platform: "x", posts: 4, new: 4, duplicates: 0, flagged: 2 });

    const again = await upload(anna, account.id, tweetsJs(TEXTS));
    assert.deepEqual(again.json, { file: "tweets.js", platform: "x", posts: 4, new: 0, duplicates: 4, flagged: 0 });

    const posts = (await anna.request("GET", "/api/v1/monitoring/posts")).json.posts;
    assert.equal(posts.length, 4);
    const scan = scanned(TEXTS);
    for (const p of posts) {
      assert.equal(p.email, PEOPLE.anna.email);
      assert.equal(p.platform, "x");
      assert.match(p.url, /^https:\/\/x\.com\/i\/web\/status\/\d+$/);
      assert.equal(p.published, "2023-10-11T08:15:02Z");
      const s = scan.get(p.text);
      assert.ok(s, `scanned: ${p.text}`);
      assert.equal(p.verdict, s.verdict, p.text);
      assert.deepEqual(p.findings, s.findings, p.text);
    }
    assert.ok(posts.some((p) => p.findings.length > 0), "something was found");
    // Explained in Anna's language (Polish), the same findings otherwise.
    const explained = (await anna.request("GET", "/api/v1/monitoring/posts?explain=1")).json.posts;
    for (const [i, p] of explained.entries()) {
      assert.equal(p.findings.length, posts[i].findings.length);
      for (const [k, f] of p.findings.entries()) {
        assert.equal(f.clause, posts[i].findings[k].clause);
        assert.equal(f.start, posts[i].findings[k].start);
      }
    }
    const codename = explained.flatMap((p) => p.findings).find((f) => f.clause === "confidential.codenames");
    const english = posts.flatMap((p) => p.findings).find((f) => f.clause === "confidential.codenames");
    assert.notEqual(codename.message, english.message, "the message is in Polish");
    const accounts = (await anna.request("GET", "/api/v1/monitoring/accounts")).json.accounts;
    assert.equal(accounts.find((a) => a.id === account.id).posts, 4);
    // Uploads never outlive their request.
    assert.deepEqual(readdirSync(uploads), []);
  });

  test("a broken or foreign archive changes nothing; an oversize one is refused", async () => {
    const ben = await signedIn("ben");
    const account = (await ben.request("POST", "/api/v1/monitoring/accounts", { platform: "x", handle: "@ben" })).json.account;
    const good = tweetsJs(["one fine post", "another fine post"], 100);
    const broken = await upload(ben, account.id, good.slice(0, good.length - 30));
    assert.equal(broken.status, 400, broken.text);
    assert.equal(broken.json.error.code, "invalid_archive");
    const mastodon = await upload(ben, account.id, JSON.stringify({ "@context": "https://www.w3.org/ns/activitystreams", orderedItems: [] }), "outbox.json");
    assert.equal(mastodon.json.error.code, "wrong_platform");
    const huge = await upload(ben, account.id, "x".repeat(21 << 20));
    assert.equal(huge.status, 413);
    assert.deepEqual((await ben.request("GET", "/api/v1/monitoring/posts")).json.posts, []);
    // Larger than any JSON body may be (12 MiB), within the upload limit (20 MiB here).
    const padded = good.replace("= [", `= [${" ".repeat(13 << 20)}`);
    const ok = await upload(ben, account.id, padded);
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.json.new, 2);
  });

  test("only one's own accounts and posts; the team sees flagged posts only", async () => {
    const anna = await signedIn("anna");
    const ben = await signedIn("ben");
    const reviewer = await signedIn("reviewer");
    const annas = (await anna.request("GET", "/api/v1/monitoring/accounts")).json.accounts;
    const xAccount = annas.find((a) => a.platform === "x");
    // Ben can neither upload into nor unlink Anna's account, nor read her posts.
    assert.equal((await upload(ben, xAccount.id, tweetsJs(["sneaky"], 500))).status, 404);
    assert.equal((await ben.request("DELETE", `/api/v1/monitoring/accounts/${xAccount.id}`)).status, 404);
    const bens = (await ben.request("GET", "/api/v1/monitoring/posts")).json.posts;
    assert.ok(bens.every((p) => p.email === PEOPLE.ben.email));
    // The team: flagged only, and within the grace period only block.
    assert.equal((await ben.request("GET", "/api/v1/monitoring/flagged")).status, 403);
    const flagged = await reviewer.request("GET", "/api/v1/monitoring/flagged");
    assert.equal(flagged.status, 200, flagged.text);
    assert.ok(flagged.json.posts.length >= 1);
    for (const p of flagged.json.posts) assert.equal(p.verdict, "block");
    assert.ok(!flagged.json.posts.some((p) => p.text.includes("morning run")));
    // Unlinking deletes the posts with the account.
    const gone = await anna.request("DELETE", `/api/v1/monitoring/accounts/${xAccount.id}`);
    assert.equal(gone.status, 200, gone.text);
    assert.equal(gone.json.posts_deleted, 4);
    assert.deepEqual((await anna.request("GET", "/api/v1/monitoring/posts")).json.posts, []);
    assert.equal((await reviewer.request("GET", "/api/v1/monitoring/flagged")).json.posts.filter((p) => p.email === PEOPLE.anna.email).length, 0);
  });

  test("chorus monitor import and list beside the running server", async () => {
    // The command line checks with the data directory's published policy (the server's
    // --policy is only its own fallback): publish the demo policy as code first.
    const published = runChorus(["policy", "publish", "--data", server.data, demoPolicy]);
    assert.equal(published.status, 0, published.stderr);
    assert.equal(published.stdout, "1\n");
    const file = join(work, "tweets.js");
    writeFileSync(file, tweetsJs(TEXTS, 1000));
    const broken = join(work, "broken.js");
    writeFileSync(broken, tweetsJs(TEXTS).slice(0, 200));
    const r = runChorus(["monitor", "import", "--data", server.data, "--email", PEOPLE.locked.email, "--no-progress", file, broken]);
    assert.equal(r.status, 2, r.stderr);
    assert.ok(r.stdout.trim().split("\n").length === 2, `stdout: ${r.stdout}\nstderr: ${r.stderr}`);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(lines[0], { file, platform: "x", posts: 4, new: 4, duplicates: 0, flagged: 2 });
    assert.equal(lines[1].file, broken);
    assert.match(lines[1].error, /nothing was imported/);
    const again = runChorus(["monitor", "import", "--data", server.data, "--email", PEOPLE.locked.email, "--no-progress", file]);
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(JSON.parse(again.stdout), { file, platform: "x", posts: 4, new: 0, duplicates: 4, flagged: 0 });

    const list = runChorus(["monitor", "list", "--data", server.data, "--email", PEOPLE.locked.email, "--format", "jsonl"]);
    assert.equal(list.status, 0, list.stderr);
    const posts = list.stdout.trim().split("\n").map((l) => JSON.parse(l));
    assert.equal(posts.length, 4);
    const scan = scanned(TEXTS);
    for (const p of posts) {
      assert.deepEqual(Object.keys(p).sort(), ["email", "findings", "id", "platform", "published", "text", "url", "verdict"]);
      assert.equal(p.email, PEOPLE.locked.email);
      assert.deepEqual(p.findings, scan.get(p.text).findings);
      assert.equal(p.verdict, scan.get(p.text).verdict);
    }
    // The import is in the audit log, as the command line.
    const admin = await signedIn("admin");
    const audit = (await admin.request("GET", "/api/v1/audit")).json.entries;
    assert.ok(audit.some((e) => e.action === "monitoring.import"), JSON.stringify(audit.slice(0, 3)));
  });

  test("chorus policy publish: errors with line and column; a published version reaches the running server", async () => {
    const bad = join(work, "bad.yaml");
    writeFileSync(bad, "version: 1\norganization: {name: Dzintars, colour: amber}\nmonitoring: {enabled: yes please}\n");
    const refused = runChorus(["policy", "publish", "--data", server.data, bad]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /bad\.yaml:2:\d+: error: unknown key "colour"/);
    assert.match(refused.stderr, /bad\.yaml:3:\d+: error: enabled must be true or false/);

    const off = join(work, "off.yaml");
    writeFileSync(off, "version: 1\norganization: Dzintars\nmonitoring: {enabled: false}\n");
    const published = runChorus(["policy", "publish", "--data", server.data, off]);
    assert.equal(published.status, 0, published.stderr);
    assert.match(published.stdout, /^\d+\n$/);
    const anna = await signedIn("anna");
    let enabled = true;
    for (let i = 0; i < 50 && enabled; i++) {
      enabled = (await anna.request("GET", "/api/v1/monitoring")).json.enabled;
      if (enabled) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(enabled, false, "the server picked up the published version");
    const link = await anna.request("POST", "/api/v1/monitoring/accounts", { platform: "mastodon", handle: "@anna@example.social" });
    assert.equal(link.status, 409);
    assert.equal(link.json.error.code, "monitoring_off");
    const versions = (await anna.request("GET", "/api/v1/policy/versions")).json.versions;
    assert.equal(String(versions[0].number), published.stdout.trim());
  });
});
