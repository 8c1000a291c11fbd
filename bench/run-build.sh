#!/usr/bin/env bash
# Page-build benchmark: dossier against Hugo on the same synthetic corpus.
#
#   bench/run-build.sh [SIZE...]          default sizes: 1000 10000
#
# Environment:
#   DOSSIER      dossier binary        (default: build/release/dossier in the repo)
#   MAKE_CORPUS  corpus generator      (default: tests/shared-corpus/corpus/make_corpus.py)
#   HUGO         hugo binary           (default: hugo on PATH)
#   RUNS         timed runs per cell   (default: 3; the median wall time is reported)
#   JOBS         dossier --jobs        (default: nproc)
#   TOOLS        which tools to run    (default: "dossier hugo")
#
# Corpora, outputs, logs and build-results.txt go to bench/work/ (git-ignored).
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
HUGO=${HUGO:-hugo}
TOOLS=${TOOLS:-dossier hugo}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)

ROWS=()  # "size tool wall cpu pages pages_per_s peak_mib out_mib files" per cell

# GNU time and Hugo: install from Debian when missing and we are root.
need_tools() {
  local packages=(time)
  [[ " $TOOLS " == *" hugo "* ]] && ! command -v "$HUGO" >/dev/null 2>&1 && packages+=(hugo)
  install_packages "${packages[@]}"
}

# run_once SIZE TOOL RUN CMD... : one timed build; its figures go to
# logs/TOOL-SIZE/time.RUN. Each run writes a new output folder and nothing is
# deleted until all runs are done: on ext4, files created just after a large
# deletion cost several times more system time (the allocator skips recently
# freed inodes), which would make later runs slower than earlier ones.
run_once() {
  local size=$1 tool=$2 run=$3; shift 3
  local logs=$WORK/logs/$tool-$size
  mkdir -p "$logs"
  sync
  if ! "$GNU_TIME" -f '%e %M %U %S' -o "$logs/time.$run" "$@" >"$logs/stdout.$run" 2>"$logs/stderr.$run"; then
    log "$tool on $size reports failed (run $run); last lines of ${logs#"$REPO"/}/stderr.$run:"
    tail -n 20 "$logs/stderr.$run" >&2 || true
    echo failed >"$logs/time.$run"
    return 0
  fi
  local wall peak user sys
  read -r wall peak user sys < <(tail -n 1 "$logs/time.$run")
  log "  $tool $size run $run: ${wall}s wall, ${user}s user, ${sys}s sys, $((peak / 1024)) MiB"
}

# summarize SIZE TOOL OUT: median wall and CPU (user+sys) time over the runs,
# the highest peak RSS, and what the last run (OUT) wrote.
summarize() {
  local size=$1 tool=$2 out=$3 logs=$WORK/logs/$2-$1
  if grep -qs failed "$logs"/time.*; then ROWS+=("$size $tool failed - - - - - -"); return 0; fi
  local walls=() cpus=() peaks=() run wall peak user sys
  for run in $(seq 1 "$RUNS"); do
    read -r wall peak user sys < <(tail -n 1 "$logs/time.$run")
    walls+=("$wall"); peaks+=("$peak"); cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")
  done
  local wall_med cpu_med peak_max pages bytes files
  wall_med=$(printf '%s\n' "${walls[@]}" | median)
  cpu_med=$(printf '%s\n' "${cpus[@]}" | median)
  peak_max=$(printf '%s\n' "${peaks[@]}" | sort -n | tail -n 1)
  pages=$(find "$out" -type f -name '*.html' | wc -l)
  files=$(files_of "$out")
  bytes=$(bytes_of "$out")
  [ "$pages" -ge "$size" ] || log "warning: $tool wrote $pages pages for $size reports (reports skipped?)"
  ROWS+=("$(awk -v s="$size" -v t="$tool" -v w="$wall_med" -v c="$cpu_med" -v p="$pages" -v k="$peak_max" -v b="$bytes" -v f="$files" \
    'BEGIN { printf "%s %s %.2f %.2f %d %.0f %.0f %.1f %d", s, t, w, c, p, (w > 0 ? p / w : 0), k / 1024, b / 1048576, f }')")
}

# bench_size SIZE: the runs of every tool, interleaved (dossier, hugo,
# dossier, ...) so that both meet the same state of the machine.
bench_size() {
  local size=$1 run tool dossier_corpus hugo_corpus site=$WORK/hugo-site out=$WORK/out
  local have_dossier=0
  if [[ " $TOOLS " == *" dossier "* ]]; then
    if [ -x "$DOSSIER" ]; then have_dossier=1; dossier_corpus=$(make_corpus dossier "$size")
    else log "dossier binary not found: $DOSSIER (set DOSSIER); skipping"; ROWS+=("$size dossier missing - - - - - -"); fi
  fi
  if [[ " $TOOLS " == *" hugo "* ]]; then
    hugo_corpus=$(make_corpus hugo "$size")
    # A private copy of bench/hugo so Hugo writes nothing (resources/, locks) into the repo.
    rm -rf "$site"; cp -r "$BENCH/hugo" "$site"
  fi
  log "$size reports: $RUNS runs of: $TOOLS (dossier --jobs $JOBS)"
  rm -rf "$WORK/logs/dossier-$size" "$WORK/logs/hugo-$size"
  for run in $(seq 1 "$RUNS"); do
    for tool in $TOOLS; do
      case $tool in
        dossier) ((have_dossier)) && run_once "$size" dossier "$run" \
          "$DOSSIER" build "$dossier_corpus" -o "$out/dossier-$size.$run" --jobs "$JOBS" ;;
        hugo) run_once "$size" hugo "$run" "$HUGO" --quiet --noBuildLock --source "$site" \
          --contentDir "$hugo_corpus/content" --destination "$out/hugo-$size.$run" \
          --cacheDir "$WORK/hugo-cache" ;;
      esac
    done
  done
  for tool in $TOOLS; do
    [ "$tool" = dossier ] && ! ((have_dossier)) && continue
    summarize "$size" "$tool" "$out/$tool-$size.$RUNS"
  done
}

machine() {
  local hugo_v
  hugo_v=$("$HUGO" version 2>/dev/null | awk '{ print $2 }' || true)
  printf 'machine: %s; hugo %s; dossier --jobs %s; median of %s runs, peak = max over runs; %s\n' \
    "$(machine_line)" "${hugo_v:-n/a}" "$JOBS" "$RUNS" "$(date -u +%Y-%m-%d)"
}

# report: the table, ratio line and machine line, to stdout and build-results.txt.
report() {
  local last=${SIZES[${#SIZES[@]} - 1]} d h
  {
    printf '%-8s %-8s %8s %8s %7s %8s %9s %8s %7s\n' corpus tool wall_s cpu_s pages pages/s peak_MiB out_MiB files
    local row
    for row in "${ROWS[@]}"; do
      # shellcheck disable=SC2086
      printf '%-8s %-8s %8s %8s %7s %8s %9s %8s %7s\n' $row
    done
    d=$(printf '%s\n' "${ROWS[@]}" | awk -v s="$last" '$1 == s && $2 == "dossier" && $3 ~ /^[0-9.]+$/ { print $3, $7 }')
    h=$(printf '%s\n' "${ROWS[@]}" | awk -v s="$last" '$1 == s && $2 == "hugo" && $3 ~ /^[0-9.]+$/ { print $3, $7 }')
    if [ -n "$d" ] && [ -n "$h" ]; then
      awk -v s="$last" -v d="$d" -v h="$h" 'BEGIN { split(d, a); split(h, b);
        printf "ratio hugo/dossier at %s: wall %.1fx, peak memory %.1fx\n", s, (a[1] > 0 ? b[1] / a[1] : 0), (a[2] > 0 ? b[2] / a[2] : 0) }'
    fi
    machine
  } | tee "$WORK/build-results.txt"
}

main() {
  check_sizes "${SIZES[@]}"
  [[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number: $RUNS"
  need_tools
  mkdir -p "$WORK"
  if [ -d "$WORK/out" ]; then
    log "removing the outputs of an earlier run; wait a few minutes before timing on ext4 (see run_once)"
    rm -rf "$WORK/out"
  fi
  for size in "${SIZES[@]}"; do bench_size "$size"; done
  report
  rm -rf "$WORK/out"
  # A tool that failed makes the whole run fail (after the table is printed).
  if printf '%s\n' "${ROWS[@]}" | awk '$3 == "failed" { bad = 1 } END { exit !bad }'; then exit 1; fi
}

main
