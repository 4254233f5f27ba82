#!/usr/bin/env python3
"""Runs every command of the README's ```sh blocks, as a newcomer would paste them, against a
fresh data directory and a free port: `build/chorus` is the built binary, DIR a new data
directory, 127.0.0.1:8080 a free port, photo.jpg and posts.jsonl sample files. The server
command is started in the background and waited for. `make run` and `make test` are run as
`make -n` (what they would do), since a test cannot build and test the tree it runs in.
Each command must exit as a working command does (0; 1 for a check that finds something), and
a few must show what the README promises. Usage: readme_commands.py CHORUS_BIN"""
import json, os, re, shutil, socket, subprocess, sys, tempfile, zipfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
chorus = os.path.abspath(sys.argv[1])
readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
failures = []


def fail(message):
    failures.append(message)
    print("FAIL", message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def commands(block):
    """Logical command lines of a block (backslash continuations joined)."""
    out, current = [], ""
    for line in block.splitlines():
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        current += line
        if current.strip():
            out.append(current.strip())
        current = ""
    return out


blocks = re.findall(r"```sh\n(.*?)```", readme, re.S)
lines = [c for b in blocks for c in commands(b)]
assert len(lines) >= 12, f"the README's command blocks were not found ({len(lines)} lines)"

# Links must stay inside the repository.
for target in re.findall(r"\]\(([^)]+)\)|`(\.\./[^`]+)`", readme):
    t = next(x for x in target if x)
    if t.startswith("../") or t.startswith("/"):
        fail(f"the README links outside the repository: {t}")
if "../shared" in readme:
    fail("the README names ../shared, outside the repository")

work = tempfile.mkdtemp(prefix="chorus-readme-")
data = os.path.join(work, "data")
port = free_port()
os.symlink(os.path.join(root, "packs"), os.path.join(work, "packs"))
shutil.copy(os.path.join(root, "tests", "data", "geotagged.jpg"), os.path.join(work, "photo.jpg"))
with open(os.path.join(work, "posts.jsonl"), "w", encoding="utf-8") as f:
    f.write('{"id": 1, "text": "Lovely sunset"}\n{"id": 2, "text": "Riga Dairy signs today", "lang": "en"}\n')
# Sample inputs for the look-alike, usage and monitoring examples, in the formats the
# platforms and Squid write.
with open(os.path.join(work, "mentions.jsonl"), "w", encoding="utf-8") as f:
    for lang, text, tone in (("en", "Great support, fixed in minutes", "positive"),
                             ("en", "Still waiting for a refund, awful", "negative"),
                             ("en", "The office opens at nine", "neutral"),
                             ("lv", "Paldies par ātro palīdzību", "positive"),
                             ("lv", "Briesmīgs serviss, neviens neatbild", "negative"),
                             ("pl", "Biuro jest otwarte od dziewiątej", "neutral")):
        f.write(json.dumps({"lang": lang, "text": text, "tone": tone}, ensure_ascii=False) + "\n")
with open(os.path.join(work, "handles.txt"), "w", encoding="utf-8") as f:
    f.write("@dzintars\n@dzin.tars\namber_rose\n")
with open(os.path.join(work, "access.log.1"), "w", encoding="utf-8") as f:
    for i, t in enumerate((1764576000, 1764576120, 1764576300)):
        f.write(f"{t}.{i:03d}    118 10.0.0.5 TCP_TUNNEL/200 5230 CONNECT www.facebook.com:443 "
                "a%40example.com HIER_DIRECT/157.240.1.35 -\n")
with zipfile.ZipFile(os.path.join(work, "twitter-2024.zip"), "w") as z:
    z.writestr("data/tweets.js", 'window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "1712345678901234567", '
               '"created_at" : "Wed Oct 11 08:15:02 +0000 2023", "full_text" : "Project Nightingale ships soon" } } ]')
with open(os.path.join(work, "outbox.json"), "w", encoding="utf-8") as f:
    json.dump({"type": "OrderedCollection", "orderedItems": [{
        "id": "https://mastodon.example/users/a/statuses/1/activity", "type": "Create",
        "published": "2024-02-01T09:30:00Z", "to": ["https://www.w3.org/ns/activitystreams#Public"],
        "object": {"id": "https://mastodon.example/users/a/statuses/1", "type": "Note",
                   "published": "2024-02-01T09:30:00Z", "url": "https://mastodon.example/@a/1",
                   "to": ["https://www.w3.org/ns/activitystreams#Public"],
                   "content": "<p>Morning run along the river</p>"}}]}, f)
env = dict(os.environ, CHORUS_CACHE_DIR=os.environ.get("CHORUS_CACHE_DIR", os.path.join(work, "cache")))

server = None
results = []
try:
    for n, line in enumerate(lines, 1):
        cmd = line
        if cmd.startswith("make "):
            cmd = "make -n -C " + root + cmd[4:]
        cmd = cmd.replace("build/chorus", chorus).replace(" DIR ", f" {data} ")
        cmd = cmd.replace("/var/log/squid/access.log.1", "access.log.1")
        cmd = cmd.replace("DATA=/tmp/chorus-demo", f"DATA={data}-make").replace("127.0.0.1:8080", f"127.0.0.1:{port}")
        if " serve " in cmd:
            server = subprocess.Popen(cmd.split("#")[0], shell=True, cwd=work, env=env, text=True,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
            seen = ""
            for out in server.stdout:
                seen += out
                if "listening on" in out:
                    break
            else:
                fail(f"README command {n} did not start the server: {seen}")
            results.append((line, 0, seen))
            continue
        # VAR=$(command): runs the command and keeps VAR for the lines after it ($TOKEN).
        m = re.match(r"(\w+)=\$\((.*)\)", cmd.split("  #")[0].strip())
        r = subprocess.run(["bash", "-c", m.group(2) if m else cmd], cwd=work, env=env, text=True,
                           capture_output=True, timeout=300)
        if m:
            env[m.group(1)] = r.stdout.strip()
        results.append((line, r.returncode, r.stdout + r.stderr))

    for line, code, output in results:
        # 1 is a finding: a check or scan with findings, a look-alike handle.
        finds = (" check ", " scan ", " handles ")
        allowed = {0, 1} if any(w in f" {line} " for w in finds) else {0}
        if code not in allowed:
            fail(f"exit {code}: {line}\n{output[:600]}")
        else:
            print(f"ok   exit {code}: {line}")

    def output_of(fragment):
        found = next((o for l, c, o in results if fragment in l), None)
        if found is None:
            fail(f"the README has no command with {fragment!r}")
        return found or ""

    lv = output_of("--lang lv --format json")
    if not lv or not json.loads(lv)["findings"]:
        fail("the Latvian check example finds nothing")
    if '"verdict"' not in output_of("curl "):
        fail("the curl example does not answer with a verdict: " + output_of("curl ")[:300])
    run = output_of(f"make run PORT=8081")
    if "--listen 127.0.0.1:8081" not in run or f"--data {data}-make" not in run:
        fail("make run PORT=... DATA=... does not pass them on: " + run[-300:])
    if '"verdict":"impersonation"' not in output_of("handles --policy").replace(" ", ""):
        fail("the handles example finds no impersonation: " + output_of("handles --policy")[:300])
    if '"new":1' not in output_of("monitor import").replace(" ", ""):
        fail("the monitor import example imported nothing: " + output_of("monitor import")[:300])
    if os.path.exists(os.path.join(work, "access.log.1")):
        fail("usage import left the imported log in place")
    if not os.path.exists(os.path.join(work, "policy.yaml")):
        fail("policy init wrote no policy.yaml")
    if not os.path.exists(os.path.join(work, "results.jsonl")) or len(open(os.path.join(work, "results.jsonl")).read().splitlines()) != 2:
        fail("scan wrote no result per post")
finally:
    if server:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
    shutil.rmtree(work, ignore_errors=True)

print(f"{len(results)} README commands, {len(failures)} failures")
sys.exit(1 if failures else 0)
