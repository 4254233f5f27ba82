// What hostile or careless clients must not do to `chorus serve`: stall it with slow
// connections, fill its memory through a chunked body, hide in oversized heads, open more
// connections than their share, share its port or data directory with a second server, or
// keep it from stopping. Each test runs the real server on loopback.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { connect } from "node:net";
import { readFileSync } from "node:fs";
import { Client, PASSWORD, PEOPLE, runChorus, TestServer } from "./server_harness.mjs";

// Opens a raw connection and resolves once it is connected.
function rawSocket(port, host = "127.0.0.1") {
  return new Promise((resolve, reject) => {
    const socket = connect(port, host, () => resolve(socket));
    socket.on("error", reject);
  });
}

// Sends `request` on a fresh connection and collects the answer until the server closes it.
async function rawExchange(port, request, { timeoutMs = 20000 } = {}) {
  const socket = await rawSocket(port);
  socket.on("error", () => undefined);
  return new Promise((resolve, reject) => {
    let answer = "";
    socket.on("data", (chunk) => { answer += chunk.toString("latin1"); });
    socket.on("close", () => resolve(answer));
    setTimeout(() => { socket.destroy(); reject(new Error(`no close after ${timeoutMs} ms: ${answer.slice(0, 200)}`)); }, timeoutMs);
    socket.write(request);
  });
}

// The server's peak resident memory (kB), from /proc.
function peakRssKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(status.match(/VmHWM:\s+(\d+) kB/)[1]);
}

const server = new TestServer();
let base;
let port;

before(async () => {
  server.setupPeople();
  base = await server.start();
  port = Number(new URL(base).port);
});

after(async () => {
  await server.stop();
});

describe("slow clients cannot stall the server", () => {
  test("64 connections trickling their heads do not hold up /healthz or /check", async () => {
    const tricklers = [];
    for (let i = 0; i < 64; i++) {
      const s = await rawSocket(port);
      s.on("error", () => undefined);
      s.write("POST /api/v1/check HTTP/1.1\r\n");
      tricklers.push(s);
    }
    let line = 0;
    const drip = setInterval(() => {
      line += 1;
      for (const s of tricklers) if (!s.destroyed) s.write(`X-Slow-${line}: a\r\n`);
    }, 300);
    try {
      // Answers must come while every trickler is still connected and sending. The 5 s budget
      // is far above what an answer takes; a thread-per-connection server never answers here.
      const health = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5000) });
      assert.equal(health.status, 200);
      const check = await fetch(`${base}/api/v1/check`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${server.token}` },
        body: JSON.stringify({ text: "Project Nightingale is late", lang: "en" }),
        signal: AbortSignal.timeout(5000),
      });
      assert.equal(check.status, 200);
    } finally {
      clearInterval(drip);
      for (const s of tricklers) s.destroy();
    }
  });

  test("a head that trickles forever is cut off at its deadline", async () => {
    const socket = await rawSocket(port);
    socket.on("error", () => undefined);
    socket.resume();
    socket.write("GET /healthz HTTP/1.1\r\n");
    let n = 0;
    const drip = setInterval(() => { if (!socket.destroyed) socket.write(`X-Drip-${n++}: b\r\n`); }, 200);
    // The server runs with --read-timeout 2: the head has 2 s in all, however it trickles.
    const closed = await new Promise((resolve) => {
      socket.on("close", () => resolve(true));
      setTimeout(() => resolve(false), 12000);
    });
    clearInterval(drip);
    socket.destroy();
    assert.ok(closed, "the trickling connection was still open after 12 s");
    assert.ok(n < 60, `the server took ${n} header lines`);
  });
});

describe("request limits", () => {
  test("a 256 MiB chunked body without sign-in gets 413 and is never held in memory", async () => {
    const before = peakRssKb(server.child.pid);
    const socket = await rawSocket(port);
    socket.on("error", () => undefined);
    let answer = "";
    socket.on("data", (chunk) => { answer += chunk.toString("latin1"); });
    let isClosed = false;
    const closed = new Promise((resolve) => socket.on("close", () => { isClosed = true; resolve(); }));
    socket.write("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
      "Transfer-Encoding: chunked\r\n\r\n");
    const chunk = Buffer.alloc(1 << 20, 0x61);
    const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
    for (let i = 0; i < 256 && !isClosed && answer === ""; i++) {
      if (!socket.write(framed)) await Promise.race([new Promise((r) => socket.once("drain", r)), closed]);
    }
    await closed;
    assert.match(answer, /^HTTP\/1\.1 413 /);
    assert.match(answer, /"payload_too_large"/);
    const grown = peakRssKb(server.child.pid) - before;
    assert.ok(grown < 64 * 1024, `peak memory grew by ${grown} kB`);
  });

  test("too many header fields or too large a head get 431", async () => {
    let many = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
    for (let i = 0; i < 150; i++) many += `X-F${i}: v\r\n`;
    assert.match(await rawExchange(port, `${many}\r\n`), /^HTTP\/1\.1 431 /);
    const huge = `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${"z".repeat(64 * 1024)}\r\n\r\n`;
    assert.match(await rawExchange(port, huge), /^HTTP\/1\.1 431 /);
  });

  test("a malformed request gets a JSON 400 and a bad path never reaches a file", async () => {
    const bad = await rawExchange(port, "GARBAGE\r\n\r\n");
    assert.match(bad, /^HTTP\/1\.1 400 /);
    assert.match(bad, /"bad_request"/);
    const r = await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`);
    assert.equal(r.status, 404);
    assert.doesNotMatch(await r.text(), /root:/);
  });

  test("an announced body over the limit is refused before it is sent", async () => {
    const answer = await rawExchange(port, "POST /api/v1/check HTTP/1.1\r\nHost: x\r\n" +
      "Content-Type: application/json\r\nContent-Length: 999999999\r\nExpect: 100-continue\r\n\r\n");
    assert.match(answer, /^HTTP\/1\.1 413 /);
    assert.doesNotMatch(answer, /100 Continue/);
  });
});

describe("connections per client address", () => {
  const limited = new TestServer({ args: ["--max-connections-per-client", "4"] });
  let limitedPort;
  before(async () => {
    limitedPort = Number(new URL(await limited.start()).port);
  });
  after(async () => { await limited.stop(); });

  test("a client over its share is refused with 503 while the others stay served", async () => {
    const held = [];
    for (let i = 0; i < 4; i++) {
      const s = await rawSocket(limitedPort);
      s.on("error", () => undefined);
      held.push(s);
    }
    const refused = await rawExchange(limitedPort, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    assert.match(refused, /^HTTP\/1\.1 503 /);
    assert.match(refused, /too_many_connections/);
    held[0].destroy();
    await new Promise((r) => setTimeout(r, 200));
    const ok = await rawExchange(limitedPort, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert.match(ok, /^HTTP\/1\.1 200 /);
    for (const s of held) s.destroy();
  });
});

describe("one server per port and per data directory", () => {
  test("a second server on the same port fails instead of sharing it", () => {
    const other = new TestServer();
    const r = runChorus(["serve", "--data", other.data, "--listen", `127.0.0.1:${port}`]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /port is in use/);
  });

  test("a second server on the same data directory fails before touching it", () => {
    const r = runChorus(["serve", "--data", server.data, "--listen", "127.0.0.1:0"]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, new RegExp(`in use by another chorus serve \\(process ${server.child.pid}\\)`));
  });

  test("a writing command beside the server works and says that a server runs there", () => {
    const r = runChorus(["user", "add", "--data", server.data, "--email", "beside@test.example",
      "--role", "employee", "--name", "Beside", "--password-stdin"], "a-long-unusual-passphrase\n");
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`note: a chorus serve \\(process ${server.child.pid}\\) runs on`));
  });
});

describe("behind a reverse proxy", () => {
  // 110 failed sign-ins for 110 unknown accounts from one client address exhaust that
  // address (the throttle allows 100 failures per address in 15 minutes).
  async function sprayFrom(base_, address) {
    const c = new Client(base_);
    for (let i = 0; i < 110; i++) {
      await c.request("POST", "/api/v1/session", { email: `nobody${i}@x.example`, password: "wrong-password" },
        { headers: { "X-Forwarded-For": address } });
    }
  }
  async function signInFrom(base_, address) {
    const c = new Client(base_);
    return c.request("POST", "/api/v1/session", { email: PEOPLE.admin.email, password: PASSWORD },
      { headers: { "X-Forwarded-For": address } });
  }

  test("with --trusted-proxy, one client's failures do not lock out the others", async () => {
    const proxied = new TestServer({ args: ["--trusted-proxy", "127.0.0.1"] });
    proxied.setupPeople();
    const url = await proxied.start();
    try {
      await sprayFrom(url, "203.0.113.7");
      assert.equal((await signInFrom(url, "198.51.100.4")).status, 200);
      assert.equal((await signInFrom(url, "203.0.113.7")).status, 429);
    } finally {
      await proxied.stop();
    }
  });

  test("without it, X-Forwarded-For is ignored (anybody could write it)", async () => {
    const direct = new TestServer();
    direct.setupPeople();
    const url = await direct.start();
    try {
      await sprayFrom(url, "203.0.113.7");
      assert.equal((await signInFrom(url, "198.51.100.4")).status, 429);
    } finally {
      await direct.stop();
    }
  });

  test("a malformed --trusted-proxy is refused at start", () => {
    const r = runChorus(["serve", "--data", new TestServer().data, "--listen", "127.0.0.1:0",
      "--trusted-proxy", "10.0.0.0/99"]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /trusted-proxy/);
  });
});

describe("stopping", () => {
  test("SIGTERM ends the server within seconds, even with slow clients connected", async () => {
    const s = new TestServer();
    s.setupPeople();
    const url = await s.start();
    const p = Number(new URL(url).port);
    const slow = [];
    for (let i = 0; i < 8; i++) {
      const sock = await rawSocket(p);
      sock.on("error", () => undefined);
      sock.write("POST /api/v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{");
      slow.push(sock);
    }
    const exited = new Promise((resolve) => s.child.once("exit", (code, signal) => resolve({ code, signal })));
    s.child.kill("SIGTERM");
    const result = await Promise.race([exited, new Promise((r) => setTimeout(() => r("timeout"), 15000))]);
    for (const sock of slow) sock.destroy();
    assert.deepEqual(result, { code: 0, signal: null });
    await s.stop();
  });
});
