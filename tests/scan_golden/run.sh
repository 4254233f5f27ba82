#!/usr/bin/env bash
# The scan safety net: `chorus scan` over a generated corpus of 4,000 posts (four languages,
# names, identifiers, insults, broken lines) must write exactly tests/scan_golden/expected.jsonl,
# and over edge_lines.jsonl (ids of every JSON kind, duplicate keys, escapes, CRLF, a last line
# without a line break, numbers the JSON library refuses) exactly edge_expected.jsonl.
# Any change of a finding, a span, a message or an error line shows as a diff.
#
# usage: run.sh CHORUS_BINARY WORK_DIR [--update]
# When a change of findings is intended (a lexicon, folding or identifier fix), regenerate
# the expected file with `make golden` and commit it with the change; the diff is the review.
set -euo pipefail
chorus=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
python3 "$here/make_corpus.py" "$work" 4000
scan() {  # input, output, more options
  CHORUS_CACHE_DIR=${CHORUS_CACHE_DIR:-$work/cache} "$chorus" scan --no-progress --threads 2 \
    --policy "$work/policy.yaml" "$1" "${@:3}" > "$2" 2> "$work/scan.log" || true
}
scan "$work/posts.jsonl" "$work/actual.jsonl"
scan "$here/edge_lines.jsonl" "$work/edge_actual.jsonl"
if [ "${3:-}" = "--update" ]; then
  cp "$work/actual.jsonl" "$here/expected.jsonl"
  cp "$work/edge_actual.jsonl" "$here/edge_expected.jsonl"
  echo "updated $here/expected.jsonl ($(wc -l < "$here/expected.jsonl") lines) and edge_expected.jsonl"
  exit 0
fi
status=0
# The compact format must say the same as the full one.
scan "$work/posts.jsonl" "$work/compact.jsonl" --format compact
python3 "$here/same_findings.py" "$work/actual.jsonl" "$work/compact.jsonl" || status=1
for pair in "expected.jsonl actual.jsonl" "edge_expected.jsonl edge_actual.jsonl"; do
  set -- $pair
  if ! cmp -s "$here/$1" "$work/$2"; then
    echo "chorus scan output differs from tests/scan_golden/$1:"
    diff "$here/$1" "$work/$2" | head -60
    echo "changed lines: $(diff "$here/$1" "$work/$2" | grep -c '^>' || true)"
    status=1
  else
    echo "scan output identical to $1 ($(wc -l < "$work/$2") lines)"
  fi
done
[ $status = 0 ] || echo "(if the change is intended, run 'make golden' and commit the new expected files)"
exit $status
