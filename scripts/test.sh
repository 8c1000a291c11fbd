#!/usr/bin/env bash
# Set up and run every test: a release build with -Werror, then the same
# tests again under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
jobs=$(nproc)

run_suite() {  # name, build dir, extra cmake flags...
  local name=$1 dir=$2
  shift 2
  echo "== $name =="
  cmake -S . -B "$dir" -G Ninja -DDOSSIER_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
  (cd "$dir" && ctest --output-on-failure -j "$jobs" --timeout 900)
}

run_suite "release" build/release -DCMAKE_BUILD_TYPE=Release
run_suite "asan+ubsan" build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDOSSIER_SANITIZE=ON
