#!/usr/bin/env bash
# Contract tests of `chorus handles` and `chorus usage` (issue 11, sections 2 and 5): the exact
# JSON lines, order, bad input answered, exit codes, the false-positive list, the all-or-nothing
# import that deletes its logs, and the report's JSON and CSV.
# Usage: program_cli_test.sh PATH/TO/chorus PATH/TO/tests/data
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
py_check() {  # name python-expression over out (text of $tmp/out) and err
  if python3 -c "import json,sys; out=open('$tmp/out',encoding='utf-8',errors='replace').read(); err=open('$tmp/err').read(); sys.exit(0 if ($2) else 1)"; then pass "$1"; else fail "$1"; head -c 800 "$tmp/out"; head -c 400 "$tmp/err"; echo; fi
}

for sub in handles usage "usage import" "usage report"; do
  expect_exit "help: chorus $sub --help" 0 $chorus $sub --help
done
$chorus --help > "$tmp/out" 2>&1
py_check "chorus --help lists handles and usage" "'handles' in out and 'usage' in out"
$chorus usage import --help > "$tmp/out" 2>&1
py_check "usage import --help says the logs are deleted" "'DELETED' in out and 'skip-bad-lines' in out"

# ---- handles ----
printf '%s\n' '@dzintars' 'dzintars_support' 'https://x.com/AmberPay' 'Amber Pay' 'amber_rose' \
  'dz1ntars' 'dzintrs' > "$tmp/handles.txt"
expect_exit "handles: an impersonation exits 1" 1 $chorus handles --policy "$policy" "$tmp/handles.txt"
cat > "$tmp/want" <<'WANT'
{"handle":"@dzintars","verdict":"official","similar_to":"@dzintars","reason":"exact"}
{"handle":"dzintars_support","verdict":"impersonation","similar_to":"@dzintars","reason":"affix"}
{"handle":"https://x.com/AmberPay","verdict":"official","similar_to":"@amberpay","reason":"exact"}
{"handle":"Amber Pay","verdict":"impersonation","similar_to":"@amberpay","reason":"separator"}
{"handle":"amber_rose","verdict":"ok","similar_to":null,"reason":"none"}
{"handle":"dz1ntars","verdict":"impersonation","similar_to":"@dzintars","reason":"homoglyph"}
{"handle":"dzintrs","verdict":"impersonation","similar_to":"@dzintars","reason":"typo"}
WANT
if diff "$tmp/want" "$tmp/out" > /dev/null; then pass "handles: exact JSON lines in input order"; else fail "handles: exact JSON lines"; diff "$tmp/want" "$tmp/out" | head; fi
printf 'd\xd0\xb7intars\ndz\xd1\x96ntars\n' | $chorus handles --policy "$policy" - > "$tmp/out" 2> "$tmp/err"
py_check "handles: standard input; Cyrillic letters in a Latin name are mixed_script" \
  "[json.loads(l)['reason'] for l in out.splitlines()] == ['mixed_script', 'mixed_script']"
{ printf 'dzin\xfftars\n'; head -c 2000000 /dev/zero | tr '\0' 'a'; printf '\n\n@amberpay'; } > "$tmp/bad.txt"
expect_exit "handles: invalid UTF-8, a 2 MB line and an empty line are answered" 0 $chorus handles --policy "$policy" "$tmp/bad.txt"
py_check "handles: one answer per line, in order, with reasons" \
  "[(j['verdict'], j['reason']) for j in map(json.loads, out.splitlines())] == [('ok','invalid_utf8'), ('ok','too_long'), ('ok','empty'), ('official','exact')] and all(len(l) < 2000 for l in out.splitlines())"
$chorus handles --policy "$policy" "$data/unrelated_handles.txt" > "$tmp/out" 2> "$tmp/err"
py_check "handles: $(wc -l < "$data/unrelated_handles.txt") unrelated handles, one known false alarm (amberplay, one letter from amberpay)" \
  "len(out.splitlines()) == $(wc -l < "$data/unrelated_handles.txt") and [j['handle'] for j in map(json.loads, out.splitlines()) if j['verdict'] != 'ok'] == ['amberplay']"
expect_exit "handles: --policy is required" 2 $chorus handles "$tmp/handles.txt"
printf 'organization: X\nofficial_accounts:\n  - "@x"\n  - X Support Team\n' > "$tmp/policy.yaml"
expect_exit "handles: a policy with a bad official account is refused" 2 $chorus handles --policy "$tmp/policy.yaml" "$tmp/handles.txt"
expect_exit "policy lint: a bad official account is an error" 2 $chorus policy lint "$tmp/policy.yaml"
py_check "policy lint: the error has line and column" "':4:5: error: official_accounts' in out"

# ---- usage ----
dir=$tmp/data
for i in 1 2 3 4 5; do
  $chorus user add --data "$dir" --email "s$i@dzintars.lv" --role employee --team Sales > /dev/null 2>&1
done
$chorus user add --data "$dir" --email "=cmd@dzintars.lv" --role employee --team "=HYPERLINK(1)" > /dev/null 2>&1
# Two days ago at 10:00 UTC: a week still open for imports (weeks close 14 days after their end).
t=$(( ($(date +%s) / 86400 - 2) * 86400 + 36000 ))
read -r monday sunday < <(python3 -c "
import datetime; d = datetime.datetime.fromtimestamp($t, datetime.timezone.utc).date()
m = d - datetime.timedelta(days=d.weekday()); print(m, m + datetime.timedelta(days=6))")
line() { echo "$1.000 10 10.0.0.1 TCP_TUNNEL/200 1 CONNECT $3:443 $2 HIER_DIRECT/1.1.1.1 -"; }
{
  for i in 1 2 3 4 5; do line $t "s$i%40dzintars.lv" www.facebook.com; line $((t + 300)) "s$i" www.facebook.com; done
  line $t s1 twitter.com; line $((t + 301)) s1 x.com          # two sessions of 60 s
  line $t ghost x.com; line $t - x.com; line $t s2 example.com
  line $t "%3Dcmd" x.com
} > "$tmp/a.log"
printf '%s\n' "$(line $t s1 x.com)" "not squid" "$(line $t s2 x.com)" > "$tmp/bad.log"
cp "$tmp/a.log" "$tmp/a-copy.log"
expect_exit "usage import: a bad line fails the import" 2 $chorus usage import --data "$dir" "$tmp/a.log" "$tmp/bad.log"
py_check "usage import: the bad line is named FILE:LINE" "'bad.log:2: has 2 fields' in err and 'nothing was imported' in err"
[ -f "$tmp/a.log" ] && [ -f "$tmp/bad.log" ] && pass "usage import: a failed import deletes nothing" || fail "usage import deleted files after a failure"
expect_exit "usage report: nothing was stored" 0 $chorus usage report --data "$dir"
py_check "usage report: empty" "json.loads(out) == {'from': None, 'to': None, 'min_group': 5, 'teams': [], 'suppressed_teams': 0}"
expect_exit "usage import: good file" 0 $chorus usage import --data "$dir" "$tmp/a.log"
[ ! -e "$tmp/a.log" ] && pass "usage import: the log is deleted" || fail "usage import kept the log"
py_check "usage import: unknown users counted, not stored" "'1 lines of 1 unknown users' in out and '1 lines without a user' in out"
expect_exit "usage import: the same log again is refused" 2 $chorus usage import --data "$dir" "$tmp/a-copy.log"
[ -f "$tmp/a-copy.log" ] && pass "usage import: a refused log is kept" || fail "usage import deleted a refused log"
expect_exit "usage report json" 0 $chorus usage report --data "$dir" --format json
py_check "usage report: exact JSON (Sales 5 people: 5 x 360 s facebook, 120 s x; the one-person team suppressed)" \
  "out.strip() == '{\"from\":\"$monday\",\"to\":\"$sunday\",\"min_group\":5,\"teams\":[{\"team\":\"Sales\",\"people\":5,\"minutes\":{\"facebook\":30,\"x\":2,\"linkedin\":0,\"instagram\":0,\"tiktok\":0,\"youtube\":0,\"mastodon\":0,\"threads\":0,\"reddit\":0,\"total\":32}}],\"suppressed_teams\":1}'"
expect_exit "usage report csv with min_group 1 not allowed" 2 $chorus usage report --data "$dir" --format csv --min-group 1
expect_exit "usage report csv" 0 $chorus usage report --data "$dir" --format csv --min-group 2 --from $monday --to $sunday
py_check "usage report csv: the header and Sales; the one-person team (named like a formula) stays out" \
  "out.splitlines()[0] == 'team,people,facebook,x,linkedin,instagram,tiktok,youtube,mastodon,threads,reddit,total' and len(out.splitlines()) == 2"
printf 'organization: X\nusage: {min_group: 2}\n' > "$tmp/p2.yaml"
expect_exit "usage report: min_group from --policy" 0 $chorus usage report --data "$dir" --format csv --policy "$tmp/p2.yaml"
expect_exit "usage report: a bad date is a usage error" 2 $chorus usage report --data "$dir" --from 2025-13-01
expect_exit "usage report: an unknown format is a usage error" 2 $chorus usage report --data "$dir" --format xml
expect_exit "usage import: skipping bad lines imports the rest" 0 $chorus usage import --data "$dir" --skip-bad-lines "$tmp/bad.log"
py_check "usage import: skipped lines are listed" "'bad.log:2:' in err and '(skipped)' in err"

echo "$failures failure(s)"
[ "$failures" = 0 ]
