#!/usr/bin/env bash
# Command-line tests of tone (issue 10): `chorus scan --tone`, `--tone-model`, `chorus tone
# train` and `chorus tone check`, and bad input. Usage: tone_cli_test.sh PATH/TO/chorus
set -uo pipefail
chorus=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
expect_exit() {  # name expected-code command...
  local name=$1 want=$2; shift 2
  "$@" > "$tmp/out" 2> "$tmp/err"
  local got=$?
  if [ "$got" = "$want" ]; then pass "$name"; else fail "$name (exit $got, wanted $want)"; sed 's/^/     /' "$tmp/err" | head -5; fi
}
py() {  # name python-script (reads $tmp/out as sys.argv[1])
  if python3 -c "$2" "$tmp/out"; then pass "$1"; else fail "$1"; head -c 800 "$tmp/out"; echo; fi
}

for sub in "tone" "tone train" "tone check"; do
  expect_exit "help: chorus $sub --help" 0 $chorus $sub --help
done
grep -q -- "--tone-model" <($chorus scan --help) && pass "scan --help names --tone-model" || fail "scan --help names --tone-model"

# Posts written for this test (not in any training file).
{
  echo '{"id": 1, "text": "Horrible experience, the app lost my money and support never answered.", "lang": "en"}'
  echo '{"id": 2, "text": "Thanks a lot, the new version is excellent and the team is fantastic!", "lang": "en"}'
  echo '{"id": 3, "text": "Project Nightingale is late and Baltpay are scammers"}'
  echo '{"id": 4, "text": ""}'
  printf '{"id": 5, "text": "bad \xff bytes \xc3"}\n'
  echo '{"id": 6, "text": "תודה רבה, שירות מצוין וצוות נהדר", "lang": "he"}'
} > "$tmp/posts.jsonl"

# Without --tone the output has no tone; with it, every result line has one, and removing it
# gives back the output without --tone byte for byte.
$chorus scan --threads 2 "$tmp/posts.jsonl" > "$tmp/plain.jsonl" 2> /dev/null
expect_exit "scan --tone (exit as without: invalid UTF-8 is an error line)" 2 $chorus scan --tone --threads 2 "$tmp/posts.jsonl"
cp "$tmp/out" "$tmp/tone.jsonl"
grep -q '"tone"' "$tmp/plain.jsonl" && fail "scan without --tone has no tone" || pass "scan without --tone has no tone"
py "scan --tone: a tone on every result line, label and score in range" '
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert len(lines) == 6, len(lines)
for l in lines:
    if "error" in l: continue
    t = l["tone"]
    assert set(t) == {"label", "score"}, t
    assert t["label"] in ("negative", "neutral", "positive"), t
    assert 0.0 <= t["score"] <= 1.0, t
assert lines[0]["tone"]["label"] == "negative", lines[0]
assert lines[1]["tone"]["label"] == "positive", lines[1]
assert lines[5]["tone"]["label"] == "positive", lines[5]
assert lines[2]["verdict"] != "ok" and lines[2]["findings"]
assert lines[3]["findings"] == [] and "tone" in lines[3]
'
if sed -E 's/,"tone":\{"label":"[a-z]+","score":[0-9.]+\}//' "$tmp/tone.jsonl" | cmp -s - "$tmp/plain.jsonl"; then
  pass "scan --tone adds the tone and changes nothing else"; else fail "scan --tone adds the tone and changes nothing else"; diff <(sed -E 's/,"tone":\{[^}]*\}//' "$tmp/tone.jsonl") "$tmp/plain.jsonl" | head; fi
$chorus scan --tone --format compact --threads 1 "$tmp/posts.jsonl" > "$tmp/out" 2> /dev/null
py "scan --tone --format compact carries the tone too" '
import json, sys
posts = [json.loads(l) for l in open(sys.argv[1]) if "\"clause\"" not in l.split(",")[0]]
posts = [p for p in posts if "id" in p and "verdict" in p]
assert len(posts) == 5 and all(p["tone"]["label"] in ("negative", "neutral", "positive") for p in posts), posts
'

# A huge post is refused like without --tone; a long one that fits gets a tone.
python3 -c "
import json
print(json.dumps({'id': 1, 'text': 'awful ' * 300000}))
print(json.dumps({'id': 2, 'text': 'great ' * 100000}))" > "$tmp/huge.jsonl"
expect_exit "scan --tone of a post over the limit exits 2" 2 $chorus scan --tone "$tmp/huge.jsonl"
py "the post over the limit is an error line, the long one has a tone" '
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert "limit" in lines[0]["error"] and lines[1]["tone"]["label"] in ("negative", "neutral", "positive"), lines
'

# chorus tone check.
expect_exit "tone check" 0 $chorus tone check --lang pl "Fatalny produkt, nie działa od pierwszego dnia."
py "tone check prints label and score" 'import json,sys; j=json.load(open(sys.argv[1])); assert j["label"]=="negative" and 0<=j["score"]<=1, j'
expect_exit "tone check reads standard input" 0 sh -c "printf 'תודה רבה, שירות מצוין' | $chorus tone check --lang he -"

# chorus tone train: a company's own model. Words no shipped model links to a tone decide it
# here, so the answers show that the trained model is the one used.
python3 - "$tmp/own.jsonl" <<'PY'
import json, sys
rows = []
for i in range(40):
    rows.append({"lang": "en", "text": f"the zorblax gadget number {i} zorblax", "tone": "positive"})
    rows.append({"lang": "en", "text": f"the quindle widget number {i} quindle", "tone": "negative"})
    rows.append({"lang": "en", "text": f"the plomvet device number {i} plomvet", "tone": "neutral"})
with open(sys.argv[1], "w") as f:
    f.write("".join(json.dumps(r) + "\n" for r in rows))
PY
expect_exit "tone train from a small file" 0 $chorus tone train --data "$tmp/own.jsonl" --output "$tmp/own.ftz" --no-quantize --dim 10 --epoch 20 --buckets 1000
[ -s "$tmp/own.ftz" ] && pass "tone train wrote the model" || fail "tone train wrote the model"
grep -q "training: 100%\|training:  90%" "$tmp/err" && pass "tone train reports progress" || { fail "tone train reports progress"; cat "$tmp/err"; }
grep -q "120 posts" "$tmp/err" && pass "tone train reports what it read" || fail "tone train reports what it read"
printf '%s\n' '{"id":1,"text":"a zorblax zorblax","lang":"en"}' '{"id":2,"text":"a quindle quindle","lang":"en"}' \
  '{"id":3,"text":"a plomvet plomvet","lang":"en"}' > "$tmp/own-posts.jsonl"
expect_exit "scan --tone-model uses the trained model" 0 $chorus scan --tone-model "$tmp/own.ftz" "$tmp/own-posts.jsonl"
py "the trained model decides the tone" '
import json, sys
labels = [json.loads(l)["tone"]["label"] for l in open(sys.argv[1])]
assert labels == ["positive", "negative", "neutral"], labels
'
expect_exit "tone check --model" 0 $chorus tone check --model "$tmp/own.ftz" --lang en "zorblax"
py "tone check --model uses it" 'import json,sys; assert json.load(open(sys.argv[1]))["label"]=="positive"'

# Bad labelled data: every bad line named, nothing written.
{
  echo '{"lang": "en", "text": "fine", "tone": "positive"}'
  echo 'not json'
  echo ''
  echo '{"lang": "en", "text": "x", "tone": "furious"}'
  echo '{"lang": "en", "tone": "negative"}'
  printf '{"lang": "en", "text": "bad \xff", "tone": "negative"}\n'
  echo '{"text": "no language", "tone": "negative"}'
  echo '[1, 2]'
} > "$tmp/bad.jsonl"
expect_exit "tone train refuses bad lines" 2 $chorus tone train --data "$tmp/bad.jsonl" --output "$tmp/bad.ftz" --no-quantize
for n in 2 4 5 6 7 8; do
  grep -q "bad.jsonl:$n:" "$tmp/err" && pass "bad line $n is named" || { fail "bad line $n is named"; cat "$tmp/err"; }
done
grep -q "bad.jsonl:3:" "$tmp/err" && fail "a blank line is not an error" || pass "a blank line is not an error"
[ -e "$tmp/bad.ftz" ] && fail "nothing is written from bad data" || pass "nothing is written from bad data"
ls "$tmp" | grep -q '\.tmp$' && fail "no temporary files are left" || pass "no temporary files are left"
echo '{"lang": "en", "text": "only good", "tone": "positive"}' > "$tmp/one.jsonl"
expect_exit "tone train needs two tones" 2 $chorus tone train --data "$tmp/one.jsonl" --output "$tmp/one.ftz" --no-quantize
expect_exit "tone train of a missing file" 2 $chorus tone train --data "$tmp/nope.jsonl" --output "$tmp/x.ftz"
expect_exit "tone train without --output" 2 $chorus tone train --data "$tmp/own.jsonl"

# Bad models.
expect_exit "scan --tone-model of a missing file" 2 $chorus scan --tone-model "$tmp/nope.ftz" "$tmp/posts.jsonl"
grep -q "nope.ftz" "$tmp/err" && pass "the error names the model file" || fail "the error names the model file"
printf 'not a model' > "$tmp/junk.ftz"
expect_exit "scan --tone-model of a file that is no model" 2 $chorus scan --tone-model "$tmp/junk.ftz" "$tmp/posts.jsonl"
head -c 5000 "$tmp/own.ftz" > "$tmp/cut.ftz"
expect_exit "scan --tone-model of a model cut short" 2 $chorus scan --tone-model "$tmp/cut.ftz" "$tmp/posts.jsonl"

echo "$failures failure(s)"
[ "$failures" = 0 ]
