#!/usr/bin/env bash
# Contract tests of the `chorus` command line: exit codes, formats, the JSON-lines scan
# contract and bad input. Usage: cli_test.sh PATH/TO/chorus PATH/TO/tests/data
set -uo pipefail
chorus=$1
data=$2
root=$(cd "$data/../.." && pwd)
policy=$root/packs/demo/policy.yaml
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
json_check() {  # name python-expression-over-j (file $tmp/out parsed as j)
  if python3 -c "import json,sys; j=json.load(open('$tmp/out')); sys.exit(0 if ($2) else 1)"; then pass "$1"; else fail "$1"; head -c 600 "$tmp/out"; echo; fi
}

# Help on every subcommand.
for sub in "" check scan "policy" "policy init" "policy lint" demo; do
  expect_exit "help: chorus $sub --help" 0 $chorus $sub --help
done
expect_exit "no subcommand is a usage error" 2 $chorus
expect_exit "unknown option is a usage error" 2 $chorus check --no-such-flag x

# check: verdicts and exit codes.
expect_exit "clean post exits 0" 0 $chorus check --policy "$policy" --lang en "Lovely sunset at the beach today"
expect_exit "confidential post exits 1" 1 $chorus check --policy "$policy" --format json --lang en \
  "Project Nightingale launches next month and our Q3 revenue was 4.2 million EUR"
json_check "json: block verdict with confidential and financial findings" \
  "j['verdict']=='block' and {'confidential','financial'} <= {f['category'] for f in j['findings']}"
json_check "json: finding fields and offsets" \
  "all(set(f) >= {'category','clause','severity','start','end','text','message','advice'} for f in j['findings']) and j['findings'][0]['text']=='Project Nightingale' and j['findings'][0]['start']==0"
expect_exit "caution only exits 0 under --fail-on review" 0 $chorus check --policy "$policy" --lang he "מחר הבחירות לכנסת"
expect_exit "caution exits 1 under --fail-on caution" 1 $chorus check --policy "$policy" --lang he --fail-on caution "מחר הבחירות לכנסת"
expect_exit "review finding passes --fail-on block" 0 $chorus check --policy "$policy" --fail-on block --lang en "We met the Riga Dairy team"
printf 'Rīgas Pienam paldies par sadarbību' | $chorus check --policy "$policy" --format json - > "$tmp/out" 2>&1
json_check "stdin and language detection: Latvian client in dative" \
  "j['language']=='lv' and any(f['category']=='client_info' and f['text']=='Rīgas Pienam' for f in j['findings'])"
$chorus check --policy "$policy" --lang pl --format json "Dla Gdańskiej Logistyki Portowej, a PayWave Polska to banda oszustów" > "$tmp/out"
json_check "Polish inflection and disparagement of a competitor" \
  "{'client_info','disparagement'} <= {f['category'] for f in j['findings']} and j['language']=='pl'"
$chorus check --policy "$policy" --format text --lang en "Project Nightingale is coming" > "$tmp/out"
if grep -q '\^~~~~' "$tmp/out" && grep -q 'post:1:1' "$tmp/out"; then pass "text format underlines the span"; else fail "text format underlines the span"; cat "$tmp/out"; fi
$chorus check --policy "$policy" --format sarif --lang en "Project Nightingale is coming" > "$tmp/out"
json_check "sarif 2.1.0 with a result per finding" \
  "j['version']=='2.1.0' and j['runs'][0]['results'][0]['ruleId']=='confidential.codenames' and j['runs'][0]['results'][0]['level']=='error'"

# Bad input.
printf 'Baltpay \xff\xfe are scammers \xc3' | $chorus check --policy "$policy" --format json - > "$tmp/out" 2> "$tmp/err"
code=$?
if [ $code -le 1 ] && python3 -c "import json; json.load(open('$tmp/out'))"; then pass "invalid UTF-8 is checked, output stays valid JSON"; else fail "invalid UTF-8 (exit $code)"; fi
head -c 10485760 /dev/zero | tr '\0' 'a' > "$tmp/huge.txt"
expect_exit "a 10 MB post is refused with a clear error" 2 $chorus check --policy "$policy" - < "$tmp/huge.txt"
grep -q "limit" "$tmp/err" && pass "the error names the limit" || fail "the error names the limit"
expect_exit "missing policy file" 2 $chorus check --policy "$tmp/nope.yaml" "hi"
printf 'organization: {name: X}\nclients: [a, b\n' > "$tmp/broken.yaml"
expect_exit "broken policy is a usage error" 2 $chorus check --policy "$tmp/broken.yaml" "hi"
grep -qE ':[0-9]+:[0-9]+:' "$tmp/err" && pass "broken policy error has line and column" || fail "broken policy error has line and column"

# policy init / lint.
for lang in en lv pl he; do
  expect_exit "policy init --lang $lang" 0 $chorus policy init --lang $lang --output "$tmp/p-$lang.yaml"
  expect_exit "starter policy ($lang) passes lint" 0 $chorus policy lint "$tmp/p-$lang.yaml"
  # The commands its comments tell the reader to run exist and accept the file.
  mentioned=$(grep -o '`chorus [a-z ]*`' "$tmp/p-$lang.yaml" | tr -d '`' | sort -u)
  [ -n "$mentioned" ] && pass "starter policy ($lang) names a command" || fail "starter policy ($lang) names a command"
  while read -r command; do
    [ -n "$command" ] && expect_exit "starter policy ($lang) comment: $command FILE" 0 \
      $chorus ${command#chorus } "$tmp/p-$lang.yaml"
  done <<<"$mentioned"
done
expect_exit "policy init refuses to overwrite" 2 $chorus policy init --lang en --output "$tmp/p-en.yaml"
expect_exit "policy init unknown language" 2 $chorus policy init --lang xx
printf 'organization: {name: X, brandz: [Y]}\ncategories:\n  politic: off\nclauses:\n  - id: custom.x\n    category: secrets\n' > "$tmp/bad.yaml"
printf 'organization: {name: Solo}\nclients: [Only One]\n' > "$tmp/one.yaml"
expect_exit "a one-client policy passes lint" 0 $chorus policy lint "$tmp/one.yaml"
grep -q "1 client, 0 competitors, 0 confidential terms" "$tmp/out" && pass "lint counts in the singular" || fail "lint singular: $(cat "$tmp/out")"
expect_exit "lint reports errors with exit 2" 2 $chorus policy lint "$tmp/bad.yaml"
if [ "$(grep -c 'error:' "$tmp/out")" -ge 3 ] && grep -q "bad.yaml:1:" "$tmp/out" && grep -q 'did you mean "brands"' "$tmp/out"; then
  pass "lint lists every error with line, column and a suggestion"; else fail "lint output"; cat "$tmp/out"; fi
expect_exit "lint of the demo policy" 0 $chorus policy lint "$policy"
expect_exit "lint refuses an endless file" 2 timeout 60 $chorus policy lint /dev/zero
grep -q "larger than the limit of 512 KiB" "$tmp/err" && pass "the lint error names the limit" || fail "the lint error names the limit"
expect_exit "lint reads standard input" 0 sh -c "$chorus policy lint - < '$policy'"
expect_exit "lint refuses endless standard input" 2 sh -c "timeout 60 $chorus policy lint - < /dev/zero"
expect_exit "check refuses an endless policy file" 2 timeout 60 $chorus check --policy /dev/zero "hi"

# scan: the JSON-lines contract.
{
  echo '{"id": 1, "text": "Lovely sunset at the beach"}'
  echo '{"id": "b", "text": "Project Nightingale is late", "lang": "en"}'
  echo '{"id": 3, "text": broken json'
  echo ''
  printf '{"id": 5, "text": "bad \xff bytes"}\n'
  echo '{"id": 6}'
  echo '[1,2]'
  echo '{"id": 8, "text": "Mans personas kods ir 061193-06460", "lang": "lv"}'
} > "$tmp/in.jsonl"
expect_exit "scan with broken lines exits 2" 2 $chorus scan --policy "$policy" --threads 2 "$tmp/in.jsonl"
python3 - "$tmp/out" <<'PY' && pass "scan: one line per input line, in order, errors with line numbers" || fail "scan output contract"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert len(lines) == 8, len(lines)
assert lines[0]["id"] == 1 and lines[0]["verdict"] == "ok" and lines[0]["findings"] == []
assert lines[1]["id"] == "b" and lines[1]["verdict"] == "block"
assert lines[2]["line"] == 3 and "error" in lines[2]
assert lines[3]["line"] == 4 and "empty" in lines[3]["error"]
assert lines[4]["line"] == 5 and "UTF-8" in lines[4]["error"]
assert lines[5]["line"] == 6 and lines[5]["id"] == 6
assert lines[6]["line"] == 7
assert lines[7]["id"] == 8 and any(f["category"] == "personal_data" for f in lines[7]["findings"])
PY
grep -q "8 posts\|6 posts\|errors" "$tmp/err" && pass "scan prints a summary on stderr" || fail "scan summary"
# Counted messages follow the plural rule: "1 post, 1 error", never "1 errors".
printf '{"id": 1, "text": "Sunny"}\n{"id": 2}\n' > "$tmp/one.jsonl"
expect_exit "scan with one broken line exits 2" 2 $chorus scan --policy "$policy" --threads 1 "$tmp/one.jsonl"
grep -q "chorus scan: 1 post, 1 error, .*1 thread)" "$tmp/err" && pass "scan counts in the singular" || fail "scan singular: $(head -1 "$tmp/err")"
for i in $(seq 1 3000); do echo "{\"id\": $i, \"text\": \"post $i about Baltpay and Project Nightingale\"}"; done > "$tmp/many.jsonl"
expect_exit "scan of 3000 posts exits 1 (findings)" 1 $chorus scan --policy "$policy" - < "$tmp/many.jsonl"
python3 -c "
import json,sys
ids=[json.loads(l)['id'] for l in open('$tmp/out')]
sys.exit(0 if ids==list(range(1,3001)) else 1)" && pass "scan keeps input order across threads" || fail "scan order"

# Photos.
expect_exit "geotagged photo gives a location finding" 1 $chorus check --policy "$policy" --format json --image "$data/geotagged.jpg" "Morning view"
json_check "location finding with coordinates" "any(f['category']=='location' and '56.94960' in f['text'] for f in j['findings'])"
expect_exit "photo without metadata is clean" 0 $chorus check --policy "$policy" --image "$data/plain.jpg" "Morning view"
expect_exit "not an image is an input error" 2 $chorus check --policy "$policy" --image "$policy" "x"

# make run's demo.
expect_exit "demo runs" 0 $chorus demo

echo "$failures failure(s)"
[ "$failures" = 0 ]
