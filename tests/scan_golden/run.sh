#!/usr/bin/env bash
# The scan safety net: `chorus scan` over a generated corpus of 4,000 posts (four languages,
# names, identifiers, insults, broken lines) must write exactly tests/scan_golden/expected.jsonl.
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
CHORUS_CACHE_DIR=${CHORUS_CACHE_DIR:-$work/cache} "$chorus" scan --no-progress --threads 2 \
  --policy "$work/policy.yaml" "$work/posts.jsonl" > "$work/actual.jsonl" 2> "$work/scan.log" || true
if [ "${3:-}" = "--update" ]; then
  cp "$work/actual.jsonl" "$here/expected.jsonl"
  echo "updated $here/expected.jsonl ($(wc -l < "$here/expected.jsonl") lines)"
  exit 0
fi
if ! cmp -s "$here/expected.jsonl" "$work/actual.jsonl"; then
  echo "chorus scan output differs from tests/scan_golden/expected.jsonl:"
  diff "$here/expected.jsonl" "$work/actual.jsonl" | head -60
  echo "changed lines: $(diff "$here/expected.jsonl" "$work/actual.jsonl" | grep -c '^>' || true)"
  echo "(if the change is intended, run 'make golden' and commit the new expected file)"
  exit 1
fi
echo "scan output identical to the expected file ($(wc -l < "$work/actual.jsonl") lines)"
