#!/usr/bin/env bash
# Load test of `dossier serve` on loopback (bench/README.md): wrk with many
# connections against pages and against the search API of a built corpus.
#
#   bench/run-serve.sh [SIZE]          default size: 1000 reports
#
# Environment:
#   DOSSIER      dossier binary            (default: build/release/dossier in the repo)
#   MAKE_CORPUS  corpus generator          (default: tests/shared-corpus/corpus/make_corpus.py)
#   CONNECTIONS  open connections          (default: 50)
#   DURATION     seconds per run           (default: 20)
#
# The corpus, site, logs and serve-results.txt go to bench/work/ (git-ignored).
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
SIZE=${1:-1000}
CONNECTIONS=${CONNECTIONS:-50}
DURATION=${DURATION:-20}
check_sizes "$SIZE"

install_packages wrk python3
[ -x "$DOSSIER" ] || die "dossier binary not found: $DOSSIER (scripts/site.sh builds it; or set DOSSIER)"
corpus=$(make_corpus dossier "$SIZE")
out=$WORK/serve-$SIZE
mkdir -p "$out"
log "$SIZE reports: building the site ..."
"$DOSSIER" build "$corpus" -o "$out/site" --jobs "$JOBS" 2>"$out/build.log" || die "build failed: see $out/build.log"

# What the clients ask for: every page of the site but the reports, and
# 500 report pages; searches: the search benchmark's queries, alone, with a
# unit, with a year and by date.
(cd "$out/site" && find . -name index.html -not -path './reports/*' | sed 's|^\.||; s|index\.html$||') >"$out/pages.txt"
(cd "$out/site" && find ./reports -mindepth 2 -name index.html | sort | awk 'NR <= 500' | sed 's|^\.||; s|index\.html$||') >>"$out/pages.txt"
python3 - "$out/searches.txt" <<'PY'
import sys, urllib.parse
queries = ['意识形态工作责任制', '工作作风', '党风廉政建设', '中央八项规定', '主体责任', '民主集中制',
           '全面从严治党', '一岗双责', '警示教育', '为民服务', '整改措施', '四风', '巡察', '基层党组织']
with open(sys.argv[1], 'w') as f:
    for q in queries:
        base = '/api/search?q=' + urllib.parse.quote(q)
        for extra in ['', '&year=2023', '&type=issue', '&sort=date', '&page=2']:
            f.write(base + extra + '\n')
PY

rm -f "$out/serve.log"  # the background start truncates it later than the loop may read it
"$DOSSIER" serve -d "$out/site" --port 0 >"$out/access.log" 2>"$out/serve.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  port=$(grep -o 'http://127.0.0.1:[0-9]*' "$out/serve.log" | head -n 1 | sed 's/.*://') || true
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || die "dossier serve did not start: $(cat "$out/serve.log")"

# run NAME LIST: one wrk run; prints "NAME requests/s p99_ms requests failed".
run() {
  local name=$1 list=$2 result
  result=$(wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" -s "$BENCH/serve-paths.lua" \
    "http://127.0.0.1:$port" -- "$list" 2>&1) || die "wrk failed: $result"
  printf '%s\n' "$result" >"$out/wrk-$name.txt"
  local rps p99 total failed socket
  rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$result")
  p99=$(awk '/^p99_ms/ { print $2 }' <<<"$result")
  total=$(awk '/requests in/ { print $1 }' <<<"$result")
  failed=$(awk '/Non-2xx or 3xx/ { print $NF }' <<<"$result")
  socket=$(awk -F'[ ,]+' '/Socket errors/ { print $4 + $6 + $8 + $10 }' <<<"$result")
  printf '%-8s %10s %8s %9s %7s\n' "$name" "$rps" "$p99" "$total" "$((${failed:-0} + ${socket:-0}))"
}

log "wrk: $CONNECTIONS connections, ${DURATION}s each, 2 threads, on the same machine as the server"
{
  printf '%-8s %10s %8s %9s %7s\n' what requests/s p99_ms requests failed
  run pages "$out/pages.txt"
  run search "$out/searches.txt"
  echo "$SIZE reports; $(wc -l <"$out/pages.txt") pages and $(wc -l <"$out/searches.txt") searches in turn; wrk $CONNECTIONS connections, ${DURATION}s, 2 threads"
  machine_line
  echo
} | tee "$WORK/serve-results.txt"
