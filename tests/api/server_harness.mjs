// Starts a real `chorus serve` on a free loopback port with a fresh data directory, with
// people added through `chorus user add` and an API token from `chorus token create`.
// Used by the API and end-to-end tests. Needs CHORUS_BIN (the chorus binary).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";

export const PASSWORD = "correct-horse-42";

export const PEOPLE = {
  admin: { email: "admin@test.example", role: "admin", name: "Alda Admin", team: "Board", language: "en" },
  reviewer: { email: "reviewer@test.example", role: "reviewer", name: "Rūta Reviewer", team: "Communications", language: "lv" },
  anna: { email: "anna@test.example", role: "employee", name: "Anna", team: "Sales", language: "pl" },
  ben: { email: "ben@test.example", role: "employee", name: "Ben", team: "Engineering", language: "he" },
  locked: { email: "locked@test.example", role: "employee", name: "Locked", team: "Sales", language: "en" },
};

export function chorusBin() {
  const bin = process.env.CHORUS_BIN;
  if (!bin) throw new Error("set CHORUS_BIN to the chorus binary (ctest does this)");
  return bin;
}

// Runs the chorus command to its end (killed after `timeout` ms, so a command that wrongly
// keeps running, such as a server that should have refused to start, fails the test).
export function runChorus(args, input, { timeout = 60000 } = {}) {
  const r = spawnSync(chorusBin(), args, { input, encoding: "utf8", timeout });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function waitForListening(child) {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`chorus serve did not start:\n${out}`)), 60000);
    const onData = (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk) => { out += chunk; });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`chorus serve exited with ${code}:\n${out}`));
    });
  });
}

export class TestServer {
  constructor({ policy, web, demo = false, args = [], data } = {}) {
    this.dir = mkdtempSync(join(tmpdir(), "chorus-api-"));
    this.data = data ?? join(this.dir, "data");
    this.extraArgs = args;
    this.policy = policy;
    this.web = web;
    this.demo = demo;
  }

  setupPeople() {
    for (const p of Object.values(PEOPLE)) {
      const r = runChorus(["user", "add", "--data", this.data, "--email", p.email, "--role", p.role,
        "--name", p.name, "--team", p.team, "--language", p.language, "--password-stdin"], `${PASSWORD}\n`);
      if (r.status !== 0) throw new Error(`user add ${p.email}: ${r.stderr}`);
    }
    const t = runChorus(["token", "create", "--data", this.data, "--email", PEOPLE.anna.email]);
    if (t.status !== 0) throw new Error(`token create: ${t.stderr}`);
    this.token = t.stdout.trim();
  }

  async start() {
    const args = ["serve", "--data", this.data, "--listen", "127.0.0.1:0", "--read-timeout", "2"];
    if (this.policy) args.push("--policy", this.policy);
    if (this.demo) args.push("--demo");
    args.push("--web", this.web ?? join(this.dir, "no-web"), ...this.extraArgs);
    this.child = spawn(chorusBin(), args, { stdio: ["ignore", "pipe", "pipe"] });
    this.output = "";
    this.child.stdout.on("data", (chunk) => { this.output += chunk; });
    this.url = await waitForListening(this.child);
    return this.url;
  }

  async kill(signal = "SIGKILL") {
    if (!this.child || this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill(signal);
    await exited;
  }

  async stop() {
    await this.kill("SIGTERM");
    rmSync(this.dir, { recursive: true, force: true });
  }
}

// A signed-in browser-like client: keeps the session cookie and sends the CSRF token.
// The usual set-up of a test file: a server with PEOPLE started before its tests and stopped
// after them. Returns { server, signedIn(person), base() }.
export function serverForTests(options) {
  const server = new TestServer(options);
  let base = "";
  before(async () => {
    server.setupPeople();
    base = await server.start();
  });
  after(async () => {
    await server.stop();
  });
  return { server, base: () => base, signedIn: (person) => signedInAs(base, person) };
}

// A client signed in as one of PEOPLE (a key: "admin", "anna", ...); throws if sign-in fails.
export async function signedInAs(base, person) {
  const c = new Client(base);
  const r = await c.signIn(PEOPLE[person].email, PASSWORD);
  if (r.status !== 200) throw new Error(`sign in ${person}: ${r.status} ${r.text}`);
  return c;
}

export class Client {
  constructor(base) {
    this.base = base;
    this.cookie = "";
    this.csrf = "";
  }

  async signIn(email, password = PASSWORD) {
    const r = await this.request("POST", "/api/v1/session", { email, password });
    if (r.status === 200) this.csrf = r.json.csrf_token;
    return r;
  }

  async request(method, path, body, { headers = {}, raw, csrf = true } = {}) {
    const h = { ...headers };
    if (this.cookie) h.Cookie = this.cookie;
    if (csrf && this.csrf && method !== "GET") h["X-CSRF-Token"] = this.csrf;
    let payload;
    if (raw !== undefined) {
      payload = raw;
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      h["Content-Type"] ??= "application/json";
    }
    const response = await fetch(this.base + path, { method, headers: h, body: payload });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0];
    const text = await response.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: response.status, headers: response.headers, json, text, setCookie };
  }
}
