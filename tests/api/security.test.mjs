// Security regression tests for issue 8's "what held" list, against a real `chorus serve`:
// the authorisation matrix (every OpenAPI route x no credentials, anna by session, anna by API
// token, reviewer, admin), CSRF variants refused without a change, SQL metacharacters and odd
// text stored byte-exact, and markup returned as plain JSON strings (stored XSS at the API).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { Client, PASSWORD, PEOPLE, TestServer, signedInAs } from "./server_harness.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const server = new TestServer({ policy: join(root, "packs", "demo", "policy.yaml") });
let base;

const signedIn = (person) => signedInAs(base, person);

// A client that sends anna's API token instead of a session.
function tokenClient() {
  const c = new Client(base);
  const request = c.request.bind(c);
  c.request = (method, path, body, options = {}) =>
    request(method, path, body, { ...options, headers: { ...(options.headers ?? {}), Authorization: `Bearer ${server.token}` } });
  return c;
}

function assertOk(r, what) {
  assert.ok(r.status >= 200 && r.status < 300, `${what}: ${r.status} ${r.text}`);
  return r.json;
}

before(async () => {
  server.setupPeople();
  base = await server.start();
});

after(async () => {
  await server.stop();
});

describe("authorisation matrix", () => {
  // Who may call what, read from the route and program code (src/server/*_routes.cc,
  // src/program/*.cc): "public" needs no sign-in; "any" is every signed-in person; "admin" is
  // Actor::IsAdmin; "review" is Actor::CanReview (reviewer or admin); "author" is anna, who owns
  // the objects used; "author+review" lets reviewers see a submitted post or any question;
  // "session" is anyone signed in by a session but not by an API token (token management);
  // "own-token" is only anna's own session (DELETE /me/tokens/{id} demotes an admin to employee).
  const RULES = {
    "get /healthz": "public",
    "get /api/v1/openapi.json": "public",
    "get /api/v1/languages": "public",
    "get /api/v1/setup": "public",
    "post /api/v1/invitations/accept": "public",
    "post /api/v1/session": "public",
    "get /api/v1/session": "any",
    "delete /api/v1/session": "any",
    "post /api/v1/me/password": "any",
    "patch /api/v1/me": "any",
    "get /api/v1/me/tokens": "any",
    "post /api/v1/me/tokens": "session",
    "get /api/v1/me/export": "session",
    "delete /api/v1/me/tokens/{id}": "own-token",
    "get /api/v1/me/notifications": "any",
    "post /api/v1/me/notifications/seen": "any",
    "post /api/v1/check": "any",
    "get /api/v1/policy": "any",
    "post /api/v1/policy/acknowledge": "any",
    "get /api/v1/policy/versions": "any",
    "post /api/v1/policy/versions": "admin",
    "get /api/v1/policy/versions/{id}": "any",
    "put /api/v1/policy/versions/{id}": "admin",
    "get /api/v1/policy/versions/{id}/form": "admin",
    "put /api/v1/policy/versions/{id}/form": "admin",
    "post /api/v1/policy/versions/{id}/publish": "admin",
    "get /api/v1/policy/versions/{id}/summary": "admin",
    "delete /api/v1/policy/versions/{id}": "admin",
    "get /api/v1/policy/versions/{id}/diff": "admin",
    "get /api/v1/policy/versions/{id}/comments": "any",
    "post /api/v1/policy/versions/{id}/comments": "any",
    "get /api/v1/policy/versions/{id}/acknowledgements": "admin",
    "get /api/v1/posts": "any",
    "post /api/v1/posts": "any",
    "get /api/v1/posts/{id}": "author+review",
    "put /api/v1/posts/{id}": "author",
    "delete /api/v1/posts/{id}": "author",
    "get /api/v1/posts/{id}/photo": "author+review",
    "post /api/v1/posts/{id}/submit": "author",
    "post /api/v1/posts/{id}/decision": "review",
    "get /api/v1/reviews": "review",
    "get /api/v1/questions": "any",
    "post /api/v1/questions": "any",
    "get /api/v1/questions/{id}": "author+review",
    "post /api/v1/questions/{id}/answer": "review",
    "get /api/v1/users": "admin",
    "post /api/v1/users": "admin",
    "patch /api/v1/users/{id}": "admin",
    "get /api/v1/users/{id}/tokens": "admin",
    "post /api/v1/users/{id}/tokens": "admin",
    "delete /api/v1/tokens/{id}": "admin",
    "post /api/v1/users/import": "admin",
    "get /api/v1/teams": "any",
    "patch /api/v1/teams/{id}": "admin",
    "delete /api/v1/teams/{id}": "admin",
    "get /api/v1/audit": "admin",
    "get /api/v1/usage": "review",
    "get /api/v1/official-accounts": "review",
    "post /api/v1/official-accounts": "admin",
    "put /api/v1/official-accounts/{id}": "admin",
    "post /api/v1/official-accounts/{id}/review": "admin",
    "delete /api/v1/official-accounts/{id}": "admin",
    "get /api/v1/monitoring": "any",
    "get /api/v1/monitoring/accounts": "any",
    "post /api/v1/monitoring/accounts": "any",
    "delete /api/v1/monitoring/accounts/{id}": "author",
    "post /api/v1/monitoring/accounts/{id}/import": "author",
    "get /api/v1/monitoring/posts": "any",
    "get /api/v1/monitoring/flagged": "review",
    "get /api/v1/incidents": "review",
    "get /api/v1/incidents/{id}": "review",
    "patch /api/v1/incidents/{id}": "review",
    "post /api/v1/incidents/{id}/state": "review",
    "post /api/v1/incidents/{id}/notes": "review",
    "get /api/v1/incidents/{id}/playbook": "review",
  };
  const CALLERS = ["none", "anna-session", "anna-token", "reviewer", "admin"];

  function allowed(rule, caller) {
    switch (rule) {
      case "public": return true;
      case "any": return caller !== "none";
      case "admin": return caller === "admin";
      case "review": return caller === "reviewer" || caller === "admin";
      case "author": return caller === "anna-session" || caller === "anna-token";
      case "author+review": return caller !== "none";
      case "session": return caller !== "none" && caller !== "anna-token";
      case "own-token": return caller === "anna-session";
      default: throw new Error(`unknown rule ${rule}`);
    }
  }

  test("every route x caller gives the status its role allows", async () => {
    const admin = await signedIn("admin");
    const anna = await signedIn("anna");
    const reviewer = await signedIn("reviewer");

    // Real objects for the {id}s.
    const post = assertOk(await anna.request("POST", "/api/v1/posts", { text: "Matrix post", lang: "en" }), "post").post;
    assertOk(await anna.request("POST", `/api/v1/posts/${post.id}/submit`, {}), "submit");
    const question = assertOk(await anna.request("POST", "/api/v1/questions", { text: "Matrix question?" }), "question").question;
    const draft = assertOk(await admin.request("POST", "/api/v1/policy/versions", { title: "Matrix draft", template_language: "en" }), "draft").version;
    const draftYaml = assertOk(await admin.request("GET", `/api/v1/policy/versions/${draft.id}`), "draft yaml").version.yaml;
    assert.ok(draftYaml.length > 0);
    const toPublish = assertOk(await admin.request("POST", "/api/v1/policy/versions", { title: "Matrix publish", template_language: "en" }), "draft 2").version;
    // A draft that still holds the starter template's example company cannot be published.
    const demoYaml = readFileSync(join(root, "packs", "demo", "policy.yaml"), "utf8");
    assertOk(await admin.request("PUT", `/api/v1/policy/versions/${toPublish.id}`, { title: "Matrix publish", yaml: demoYaml }), "draft 2 text");
    const victim = assertOk(await admin.request("POST", "/api/v1/users", { email: "victim@test.example", name: "Victim", role: "employee", team: "Matrix team" }), "user").user;
    const team = assertOk(await admin.request("GET", "/api/v1/teams"), "teams").teams.find((t) => t.name === "Matrix team");
    assert.ok(team, "the team made for the matrix");
    const adminToken = assertOk(await admin.request("POST", `/api/v1/users/${victim.id}/tokens`, { name: "to revoke" }), "token").token;
    const annaToken = assertOk(await anna.request("POST", "/api/v1/me/tokens", { name: "own" }), "own token").token;
    const linked = assertOk(await anna.request("POST", "/api/v1/monitoring/accounts", { platform: "facebook", handle: "anna.matrix" }), "link").account;

    // A block-level post of anna's is an incident at once (a Facebook posts file as the body).
    const incidentAccount = assertOk(await anna.request("POST", "/api/v1/monitoring/accounts", { platform: "facebook", handle: "anna.incident" }), "link for the incident").account;
    assertOk(await anna.request("POST", `/api/v1/monitoring/accounts/${incidentAccount.id}/import`,
      [{ timestamp: 1709280000, data: [{ post: "Project Nightingale launches next month" }] }]), "import for the incident");
    const incident = assertOk(await reviewer.request("GET", "/api/v1/incidents"), "incidents").incidents[0];
    assert.ok(incident, "the block-level post is an incident");

    const official = assertOk(await admin.request("POST", "/api/v1/official-accounts", { account: "https://x.com/matrix_official" }), "official account").account;
    const ids = {
      "/api/v1/official-accounts/{id}": official.id,
      "/api/v1/incidents/{id}": incident.id,
      "/api/v1/posts/{id}": post.id,
      "/api/v1/questions/{id}": question.id,
      "/api/v1/policy/versions/{id}": draft.id,
      "/api/v1/users/{id}": victim.id,
      "/api/v1/teams/{id}": team.id,
      "/api/v1/tokens/{id}": adminToken.id,
      "/api/v1/me/tokens/{id}": annaToken.id,
      "/api/v1/monitoring/accounts/{id}": linked.id,
    };
    let userCount = 0;
    const bodies = {
      "post /api/v1/session": () => ({ email: PEOPLE.ben.email, password: PASSWORD }),
      "post /api/v1/me/password": () => ({ current_password: PASSWORD, new_password: "x" }),
      "patch /api/v1/me": () => ({ language: "en" }),
      "post /api/v1/me/tokens": () => ({ name: "matrix" }),
      "post /api/v1/check": () => ({ text: "hello", lang: "en" }),
      "post /api/v1/invitations/accept": () => ({ token: "not-an-invitation", password: "whatever-42" }),
      "post /api/v1/policy/acknowledge": () => ({ version_id: draft.id }),
      "post /api/v1/policy/versions": () => ({ title: "Another", template_language: "en" }),
      "put /api/v1/policy/versions/{id}": () => ({ title: "Matrix draft", yaml: draftYaml }),
      "put /api/v1/policy/versions/{id}/form": () => ({ title: "Matrix draft", revision: "stale" }),
      "post /api/v1/policy/versions/{id}/comments": () => ({ text: "A comment" }),
      "post /api/v1/posts": () => ({ text: "Another post", lang: "en" }),
      "put /api/v1/posts/{id}": () => ({ text: "Edited", lang: "en" }),
      "post /api/v1/posts/{id}/submit": () => ({}),
      "post /api/v1/posts/{id}/decision": () => ({ decision: "request_changes", comment: "Shorter." }),
      "post /api/v1/questions": () => ({ text: "Another question?" }),
      "post /api/v1/questions/{id}/answer": () => ({ answer: "Yes." }),
      "post /api/v1/users": () => ({ email: `matrix${++userCount}@test.example`, role: "employee" }),
      "patch /api/v1/users/{id}": () => ({ team: "Matrix team" }),
      "post /api/v1/users/{id}/tokens": () => ({ name: "matrix" }),
      "post /api/v1/users/import": () => ({ csv: "email,name\n" }),
      "patch /api/v1/teams/{id}": () => ({ name: "Matrix team" }),
      "post /api/v1/official-accounts": () => ({ account: `@matrix_${++userCount}`, platform: "instagram" }),
      "put /api/v1/official-accounts/{id}": () => ({ two_factor: "on" }),
      "patch /api/v1/incidents/{id}": () => ({ severity: "high" }),
      "post /api/v1/incidents/{id}/state": () => ({ state: "acknowledged" }),
      "post /api/v1/incidents/{id}/notes": () => ({ text: "Matrix note" }),
      "post /api/v1/monitoring/accounts": () => ({ platform: "x", handle: "@matrix" }),
      // A Facebook posts file is a JSON array, so the JSON body is a real export.
      "post /api/v1/monitoring/accounts/{id}/import": () => [{ timestamp: 1709280000, data: [{ post: "Matrix post" }] }],
    };

    const openapi = assertOk(await new Client(base).request("GET", "/api/v1/openapi.json"), "openapi");
    const routes = [];
    for (const [path, item] of Object.entries(openapi.paths)) {
      for (const method of Object.keys(item)) {
        if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
        routes.push(`${method} ${path}`);
      }
    }
    assert.deepEqual(routes.filter((r) => !(r in RULES)), [], "every OpenAPI route has a rule");
    assert.deepEqual(Object.keys(RULES).filter((r) => !routes.includes(r)), [], "every rule is an OpenAPI route");

    const wrong = [];
    let cells = 0;
    let allowed2xx = 0;
    // Deletions last, so the objects stay for the other routes.
    routes.sort((a, b) => Number(a.startsWith("delete ")) - Number(b.startsWith("delete ")));
    for (const route of routes) {
      const [method, path] = route.split(" ");
      let url = path;
      for (const [pattern, id] of Object.entries(ids)) {
        if (path.startsWith(pattern)) url = path.replace("{id}", String(id));
      }
      if (url.includes("{")) throw new Error(`no id for ${route}`);
      if (route === "get /api/v1/policy/versions/{id}/diff") url += `?against=${toPublish.id}`;
      if (route === "post /api/v1/policy/versions/{id}/publish") url = `/api/v1/policy/versions/${toPublish.id}/publish`;
      const rule = RULES[route];
      for (const caller of CALLERS) {
        // Signing in replaces the client's cookie, signing out and changing the password end
        // sessions: those get a session of their own.
        const fresh = ["post /api/v1/session", "delete /api/v1/session", "post /api/v1/me/password"].includes(route);
        let client;
        if (caller === "none") client = new Client(base);
        else if (caller === "anna-token") client = tokenClient();
        else if (fresh) client = await signedIn(caller === "anna-session" ? "anna" : caller);
        else client = { "anna-session": anna, reviewer, admin }[caller];
        const body = bodies[route]?.();
        const r = await client.request(method.toUpperCase(), url, body);
        cells++;
        const may = allowed(rule, caller);
        let ok;
        if (r.status >= 500) ok = false;
        else if (may) ok = r.status !== 401 && r.status !== 403;
        else if (caller === "none") ok = r.status === 401;
        else ok = r.status === 403 || r.status === 404;
        if (may && r.status >= 200 && r.status < 300) allowed2xx++;
        if (!ok) wrong.push(`${caller} ${method.toUpperCase()} ${url} -> ${r.status} (rule ${rule}) ${r.text.slice(0, 120)}`);
      }
    }
    console.log(`authorisation matrix: ${routes.length} routes x ${CALLERS.length} callers = ${cells} cells (${allowed2xx} allowed with 2xx), ${wrong.length} wrong`);
    assert.deepEqual(wrong, []);
    assert.equal(cells, routes.length * CALLERS.length);
  });
});

describe("CSRF", () => {
  // Each variant sends a session cookie with a request that must not be accepted as the
  // signed-in person's own: refused with 403 (or 415 for a body a form could send).
  function variants(anna, ben) {
    return [
      ["no token", { csrf: false }, 403],
      ["empty token", { csrf: false, headers: { "X-CSRF-Token": "" } }, 403],
      ["wrong token", { csrf: false, headers: { "X-CSRF-Token": "0".repeat(anna.csrf.length) } }, 403],
      ["another session's token", { csrf: false, headers: { "X-CSRF-Token": ben.csrf } }, 403],
      ["token in the query string", { csrf: false, query: `?csrf_token=${encodeURIComponent(anna.csrf)}` }, 403],
      ["cross-origin Origin", { headers: { Origin: "http://evil.example" } }, 403],
      ["Origin null", { headers: { Origin: "null" } }, 403],
      ["text/plain body", { headers: { "Content-Type": "text/plain" }, plain: true }, 415],
    ];
  }

  async function state(anna) {
    const posts = assertOk(await anna.request("GET", "/api/v1/posts"), "posts").posts.map((p) => p.id);
    const questions = assertOk(await anna.request("GET", "/api/v1/questions"), "questions").questions.map((q) => q.id);
    const me = assertOk(await anna.request("GET", "/api/v1/session"), "session").user;
    return { posts, questions, language: me.language };
  }

  test("state-changing requests without a valid CSRF token change nothing", async () => {
    const anna = await signedIn("anna");
    const ben = await signedIn("ben");
    assert.notEqual(anna.csrf, ben.csrf);
    const routes = [
      ["POST", "/api/v1/posts", { text: "forged post", lang: "en" }],
      ["POST", "/api/v1/questions", { text: "forged question?" }],
      ["PATCH", "/api/v1/me", { language: "he" }],
    ];
    const before = await state(anna);
    let refused = 0;
    for (const [method, path, body] of routes) {
      for (const [name, options, status] of variants(anna, ben)) {
        const { query = "", plain, ...rest } = options;
        const r = plain
          ? await anna.request(method, path + query, undefined, { ...rest, raw: JSON.stringify(body) })
          : await anna.request(method, path + query, body, rest);
        assert.equal(r.status, status, `${name}: ${method} ${path} -> ${r.status} ${r.text}`);
        assert.match(r.headers.get("content-type") ?? "", /application\/json/);
        refused++;
      }
    }
    assert.deepEqual(await state(anna), before, "nothing changed");
    console.log(`CSRF: ${routes.length} routes x ${refused / routes.length} variants = ${refused} refused`);

    // The same requests with the right token go through, so the refusals above are the token's.
    for (const [method, path, body] of routes) assertOk(await anna.request(method, path, body), `${method} ${path}`);
    const afterwards = await state(anna);
    assert.equal(afterwards.posts.length, before.posts.length + 1);
    assert.equal(afterwards.questions.length, before.questions.length + 1);
    assert.equal(afterwards.language, "he");
  });
});

// Text that breaks naive SQL, LIKE patterns, escaping or encodings.
const ODD = [
  "'; DROP TABLE users; --",
  "\" OR 1=1 --",
  "Robert'); DELETE FROM posts; --",
  "\\",
  "back\\slash \\' \\\" \\n",
  "100%_done %% __",
  "tab\there\u0001\u001f\u007f end",
  "emoji 😀👍🏽👩‍👩‍👧",
  "שלום עולם, עברית",
  "Ķīpsala ŁÓDŹ ümlaut",
];

describe("SQL metacharacters and odd text", () => {
  test("posts and questions store text byte-exact", async () => {
    const anna = await signedIn("anna");
    for (const text of ODD) {
      const post = assertOk(await anna.request("POST", "/api/v1/posts", { text, lang: "en" }), `post ${JSON.stringify(text)}`).post;
      const read = assertOk(await anna.request("GET", `/api/v1/posts/${post.id}`), "read post").post;
      assert.equal(read.text, text);
      assert.ok((assertOk(await anna.request("GET", "/api/v1/posts"), "list").posts).some((p) => p.id === post.id));
      const q = assertOk(await anna.request("POST", "/api/v1/questions", { text }), `question ${JSON.stringify(text)}`).question;
      assert.equal(assertOk(await anna.request("GET", `/api/v1/questions/${q.id}`), "read question").question.text, text);
    }
    // The tables are all still there.
    const admin = await signedIn("admin");
    const users = assertOk(await admin.request("GET", "/api/v1/users"), "users").users;
    assert.ok(users.some((u) => u.email === PEOPLE.anna.email));
  });

  test("user and team names store text byte-exact", async () => {
    const admin = await signedIn("admin");
    // User names keep every character given; team names refuse control characters (checked
    // below) and keep the rest.
    const control = /[\u0000-\u001f\u007f]/;
    let n = 0;
    for (const name of ODD) {
      n++;
      const team = control.test(name) ? undefined : `${name} team`;
      const user = assertOk(await admin.request("POST", "/api/v1/users", { email: `odd${n}@test.example`, name, role: "employee", team }), `user ${JSON.stringify(name)}`).user;
      const users = assertOk(await admin.request("GET", "/api/v1/users"), "users").users;
      assert.equal(users.find((u) => u.id === user.id).name, name);
      if (!team) continue;
      const teams = assertOk(await admin.request("GET", "/api/v1/teams"), "teams").teams;
      const t = teams.find((x) => x.name === team);
      assert.ok(t, `team ${JSON.stringify(team)} in ${JSON.stringify(teams.map((x) => x.name))}`);
      const renamed = `${name} renamed`;
      assertOk(await admin.request("PATCH", `/api/v1/teams/${t.id}`, { name: renamed }), "rename team");
      const again = assertOk(await admin.request("GET", "/api/v1/teams"), "teams").teams.find((x) => x.id === t.id);
      assert.equal(again.name, renamed);
    }
    const tabbed = ODD.find((x) => control.test(x));
    const refused = await admin.request("POST", "/api/v1/users", { email: "control@test.example", role: "employee", team: tabbed });
    assert.equal(refused.status, 400, refused.text);
    const t = assertOk(await admin.request("GET", "/api/v1/teams"), "teams").teams[0];
    assert.equal((await admin.request("PATCH", `/api/v1/teams/${t.id}`, { name: tabbed })).status, 400);
    const users = assertOk(await admin.request("GET", "/api/v1/users"), "users").users;
    assert.ok(!users.some((u) => u.email === "control@test.example"), "a refused user is not stored");
    const teams = assertOk(await admin.request("GET", "/api/v1/teams"), "teams").teams;
    assert.equal(teams.find((x) => x.id === t.id).name, t.name, "a refused rename changes nothing");
  });
});

describe("stored markup at the API", () => {
  const MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>"];

  test("markup in posts and user names comes back as unchanged JSON strings", async () => {
    const anna = await signedIn("anna");
    const admin = await signedIn("admin");
    let n = 0;
    for (const markup of MARKUP) {
      n++;
      const created = await anna.request("POST", "/api/v1/posts", { text: `Hello ${markup}`, lang: "en" });
      assert.equal(created.status, 201, created.text);
      for (const r of [created, await anna.request("GET", `/api/v1/posts/${created.json.post.id}`), await anna.request("GET", "/api/v1/posts")]) {
        assert.match(r.headers.get("content-type") ?? "", /^application\/json/);
      }
      const read = assertOk(await anna.request("GET", `/api/v1/posts/${created.json.post.id}`), "read").post;
      assert.equal(read.text, `Hello ${markup}`);

      const user = await admin.request("POST", "/api/v1/users", { email: `markup${n}@test.example`, name: markup, role: "employee" });
      assert.equal(user.status, 201, user.text);
      const list = await admin.request("GET", "/api/v1/users");
      assert.match(list.headers.get("content-type") ?? "", /^application\/json/);
      assert.equal(list.json.users.find((u) => u.id === user.json.user.id).name, markup);
    }
  });
});
