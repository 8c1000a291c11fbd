#!/usr/bin/env bash
# Checks that every page dossier writes is valid HTML: builds each content
# folder given into a temporary folder and runs the Nu Html Checker
# (node_modules/vnu-jar, installed by `scripts/setup.sh --test`) over all
# pages with --errors-only. Registered in tests/CMakeLists.txt.
# Usage: vnu_check.sh DOSSIER VNU_JAR CONTENT...
# Exit 0: no errors; 1: errors or a failed build; 77 (ctest: skipped): no
# java, unless DOSSIER_TESTS_REQUIRE_ALL=1 (scripts/test.sh), which fails.
set -euo pipefail
dossier=$1 jar=$2
shift 2

if ! command -v java >/dev/null; then
  echo "SKIPPED: java is not installed, so the Nu Html Checker cannot run" \
    "(scripts/setup.sh --test installs it)"
  [[ ${DOSSIER_TESTS_REQUIRE_ALL:-0} == 1 ]] && exit 1
  exit 77
fi
if [[ ! -f $jar ]]; then
  echo "FAILED: $jar is missing: run scripts/setup.sh --test (npm ci installs vnu-jar)"
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pages=()
n=0
for content in "$@"; do
  n=$((n + 1))
  "$dossier" build "$content" -o "$tmp/site-$n"
  while IFS= read -r -d '' page; do pages+=("$page"); done \
    < <(find "$tmp/site-$n" -name '*.html' -print0 | sort -z)
done
if ((${#pages[@]} == 0)); then
  echo "FAILED: no pages were built"
  exit 1
fi
status=0
java -jar "$jar" --errors-only --format gnu "${pages[@]}" 2>&1 | sed "s|$tmp/||g" || status=$?
if ((status != 0)); then
  echo "FAILED: the Nu Html Checker found errors (above) in ${#pages[@]} pages"
  exit 1
fi
echo "OK: ${#pages[@]} pages of $# sites, no HTML errors"
