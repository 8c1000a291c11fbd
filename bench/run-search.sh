#!/usr/bin/env bash
# Search benchmark: dossier's two indexes against Pagefind 1.6 on the same
# built site (bench/README.md).
#
#   bench/run-search.sh [SIZE...]          default sizes: 1000 10000
#
# Environment:
#   DOSSIER      dossier binary            (default: build/release/dossier in the repo)
#   MAKE_CORPUS  corpus generator          (default: tests/shared-corpus/corpus/make_corpus.py)
#   RUNS         timed dossier builds      (default: 3; the median is reported)
#   JOBS         dossier --jobs            (default: nproc)
#   PAGEFIND     1 to run Pagefind         (default: 1)
#   CHROMIUM     browser for the queries   (default: /usr/bin/chromium)
#
# Corpora, outputs, logs and search-results.txt go to bench/work/ (git-ignored).
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
PAGEFIND=${PAGEFIND:-1}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
PAGEFIND_VERSION=1.6.0
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)

# The queries: the first is the one whose exactness is shown (Pagefind's
# issue); the rest are the search tests' queries (tests/e2e/search_sites.cc).
QUERIES=(意识形态工作责任制 工作作风 党风廉政建设 中央八项规定 主体责任 民主集中制 全面从严治党
  一岗双责 警示教育 为民服务 红色文化 选人用人 干部队伍 整改措施 四风 廉政风险 巡察 基层党组织
  文化市场 营商环境 党的十九大 头雁效应 "意识形态 整改" 2022 党)

ROWS=()

need_tools() {
  install_packages time chromium nodejs
  [ -x "$DOSSIER" ] || die "dossier binary not found: $DOSSIER (scripts/site.sh builds it; or set DOSSIER)"
  [ -f "$REPO/node_modules/playwright-core/package.json" ] ||
    (cd "$REPO" && npm ci --no-audit --no-fund --silent)
  if ((PAGEFIND)) && [ ! -x "$WORK/tools/node_modules/.bin/pagefind" ]; then
    log "installing pagefind $PAGEFIND_VERSION from npm into bench/work/tools ..."
    mkdir -p "$WORK/tools"
    npm install --prefix "$WORK/tools" --no-audit --no-fund --silent "pagefind@$PAGEFIND_VERSION" >&2
  fi
}

# timed LOG CMD...: runs CMD under GNU time; prints "wall peak_kib".
timed() {
  local logfile=$1; shift
  "$GNU_TIME" -f '%e %M' -o "$logfile.time" "$@" >"$logfile.out" 2>"$logfile.err" ||
    { log "failed: $*; see ${logfile#"$REPO"/}.err"; tail -n 20 "$logfile.err" >&2; exit 1; }
  tail -n 1 "$logfile.time"
}

# stage_ms LOG STAGE: a stage's time from `dossier build --timings`.
stage_ms() { awk -v s="$2:" '$0 ~ "^  " s " " { print $(NF - 1) }' "$1.err"; }

mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

bench_size() {
  local size=$1 corpus out logs run walls=() peaks=() xapians=() browsers=()
  corpus=$(make_corpus dossier "$size")
  out=$WORK/out/search-$size
  logs=$WORK/logs/search-$size
  rm -rf "$out" "$logs"
  mkdir -p "$out" "$logs"
  log "$size reports: $RUNS dossier builds (pages, Xapian index, browser index; --jobs $JOBS)"
  for run in $(seq 1 "$RUNS"); do
    local wall peak
    read -r wall peak < <(timed "$logs/build.$run" "$DOSSIER" build "$corpus" -o "$out/site.$run" --jobs "$JOBS" --timings)
    walls+=("$wall"); peaks+=("$peak")
    xapians+=("$(stage_ms "$logs/build.$run" 'index: xapian')")
    browsers+=("$(stage_ms "$logs/build.$run" 'index: browser')")
    log "  build $run: ${wall}s, $((peak / 1024)) MiB, xapian ${xapians[-1]} ms, browser index ${browsers[-1]} ms"
  done
  local site=$out/site.$RUNS
  local build_s peak_mib xapian_s browser_s
  build_s=$(printf '%s\n' "${walls[@]}" | median)
  peak_mib=$(( $(printf '%s\n' "${peaks[@]}" | sort -n | tail -n 1) / 1024 ))
  xapian_s=$(printf '%s\n' "${xapians[@]}" | median | awk '{ printf "%.1f", $1 / 1000 }')
  browser_s=$(printf '%s\n' "${browsers[@]}" | median | awk '{ printf "%.1f", $1 / 1000 }')

  local pagefind_dir=$out/pagefind pf_wall="-" pf_peak="-"
  if ((PAGEFIND)); then
    log "  pagefind $PAGEFIND_VERSION over the built site ..."
    read -r pf_wall pf_peak < <(timed "$logs/pagefind" "$WORK/tools/node_modules/.bin/pagefind" \
      --site "$site" --output-path "$pagefind_dir")
    pf_peak=$((pf_peak / 1024))
    log "  pagefind: ${pf_wall}s, ${pf_peak} MiB"
  fi

  log "  ${#QUERIES[@]} cold queries in chromium (and dossier search) ..."
  local args=(--site "$site" --dossier "$DOSSIER" --chromium "$CHROMIUM")
  ((PAGEFIND)) && args+=(--pagefind "$pagefind_dir")
  node "$BENCH/search-queries.js" "${args[@]}" "${QUERIES[@]}" >"$logs/queries.json" 2>"$logs/queries.err" ||
    { tail -n 20 "$logs/queries.err" >&2; die "the query benchmark failed"; }

  # Medians and maxima over the queries.
  local q
  q=$(node -e '
    const rows = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const stat = (xs) => { xs = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
      return xs.length ? [xs[xs.length >> 1], xs[xs.length - 1]] : ["-", "-"]; };
    const line = (tool) => {
      if (!rows[0][tool]) return "- - - - - - - -";
      const of = (field, scale = 1) => rows[0][tool][field] === undefined ? "-/-"
        : stat(rows.map((r) => r[tool][field] / scale)).map((x) => x.toFixed(0)).join("/");
      const first = rows[0];
      const found = tool === "pagefind" ? (first.pagefind.reports + "/" + first.pagefind.total) : first.reports;
      return [of("bytes", 1024), of("gzipBytes", 1024), of("httpMs"), of("fileMs"), of("httpPageMs"), of("cliMs"), found].join(" ");
    };
    console.log(line("dossier"));
    console.log(line("serve"));
    console.log(line("pagefind"));
    console.log(rows[0].reports);
  ' "$logs/queries.json")
  local dq sq pq exact
  { read -r dq; read -r sq; read -r pq; read -r exact; } <<<"$q"

  ROWS+=("$size dossier $build_s $xapian_s+$browser_s $peak_mib $(mib "$(bytes_of "$site/search/xapian")") $(mib "$(bytes_of "$site/search/static")") $(files_of "$site/search/static") $dq $exact")
  ROWS+=("$size serve - - - - - - $sq $exact")
  if ((PAGEFIND)); then
    ROWS+=("$size pagefind - $pf_wall $pf_peak - $(mib "$(bytes_of "$pagefind_dir")") $(files_of "$pagefind_dir") $pq $exact")
  fi
}

report() {
  {
    printf '%-6s %-9s %8s %12s %9s %10s %11s %7s %9s %9s %9s %9s %9s %7s %9s %6s\n' \
      corpus tool build_s index_s peak_MiB xapian_MiB browser_MiB files q_KiB q_KiB_gz q_ms_http q_ms_file page_ms cli_ms found exact
    local row
    for row in "${ROWS[@]}"; do
      # shellcheck disable=SC2086
      printf '%-6s %-9s %8s %12s %9s %10s %11s %7s %9s %9s %9s %9s %9s %7s %9s %6s\n' $row
    done
    printf 'queries: %s cold queries (%s first); q_KiB, *_ms: median/max over them; q_KiB_gz: as a server sends them that compresses where it helps\n' \
      "${#QUERIES[@]}" "${QUERIES[0]}"
    printf 'q_ms: from the start of the search to the results shown (dossier: before the snippets); page_ms: from the navigation\n'
    printf 'serve: the same site through dossier serve, whose search page asks its API (theme scripts and API answers counted)\n'
    printf 'machine: %s; dossier --jobs %s, median of %s builds; pagefind %s; %s\n' \
      "$(machine_line)" "$JOBS" "$RUNS" "$PAGEFIND_VERSION" "$(date -u +%Y-%m-%d)"
  } | tee "$WORK/search-results.txt"
}

main() {
  check_sizes "${SIZES[@]}"
  need_tools
  mkdir -p "$WORK"
  for size in "${SIZES[@]}"; do bench_size "$size"; done
  report
  rm -rf "$WORK/out"
}

main
