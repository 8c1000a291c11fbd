#!/usr/bin/env bash
# Set up and run every test: a release build with -Werror, then the same
# tests again under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
jobs=$(nproc)
# Everything is installed now: a test that finds a tool missing fails
# instead of skipping itself.
export DOSSIER_TESTS_REQUIRE_ALL=1

run_suite() {  # name, build dir, extra cmake flags...
  local name=$1 dir=$2
  shift 2
  echo "== $name =="
  cmake -S . -B "$dir" -G Ninja -DDOSSIER_WERROR=ON -DDOSSIER_TESTS=ON "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
  (cd "$dir" && ctest --output-on-failure --no-tests=error -j "$jobs" --timeout 900)
}

echo "== clang-format =="
if command -v clang-format >/dev/null; then
  scripts/format.sh --check && echo "all C++ sources are formatted"
else
  echo "clang-format not installed: formatting not checked"
fi

run_suite "release" build/release -DCMAKE_BUILD_TYPE=Release
run_suite "asan+ubsan" build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDOSSIER_SANITIZE=ON
