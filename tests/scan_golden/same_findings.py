#!/usr/bin/env python3
"""Checks that `chorus scan --format compact` says what the full format says.

usage: same_findings.py FULL.jsonl COMPACT.jsonl
Every post line of the compact output must have the full line's id, verdict, language and
findings (clause, start, end, detail), in order; error lines must be identical; and each
finding's message must be its clause's compact message with the quoted match in "{match}".
"""
import json
import sys

full = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
compact = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
clauses = {c["clause"]: c for c in compact if "clause" in c}
posts = [c for c in compact if "clause" not in c]
assert clauses, "no clause lines"
assert len(posts) == len(full), (len(posts), len(full))
for f, c in zip(full, posts):
    if "error" in f:
        assert f == c, (f, c)
        continue
    assert (f["id"], f["verdict"], f["language"]) == (c["id"], c["verdict"], c["language"]), (f, c)
    assert [[x["clause"], x["start"], x["end"], x["detail"]] for x in f["findings"]] == c["findings"], (f, c)
    for x in f["findings"]:
        clause = clauses[x["clause"]]
        assert (clause["category"], clause["severity"]) == (x["category"], x["severity"]), x
        template = clause["message"][f["language"]]
        prefix, _, suffix = template.partition("{match}")
        assert x["message"].startswith(prefix) and x["message"].endswith(suffix), (x, template)
print(f"compact output agrees with the full output ({len(posts)} lines, {len(clauses)} clauses)")
