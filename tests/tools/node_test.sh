#!/usr/bin/env bash
# Runs a JavaScript test file with node for ctest (tests/js/*.test.js,
# tests/browser/*.test.js). Without node it exits 77 (ctest: skipped), or 1
# when DOSSIER_TESTS_REQUIRE_ALL=1 (scripts/test.sh sets it: there a missing
# tool is a failure, not a skip).
# Usage: node_test.sh FILE.test.js
set -euo pipefail
if ! command -v node >/dev/null; then
  echo "SKIPPED: node is not installed (scripts/setup.sh --test installs it)"
  [[ ${DOSSIER_TESTS_REQUIRE_ALL:-0} == 1 ]] && exit 1
  exit 77
fi
exec node --test-reporter=spec "$1"
