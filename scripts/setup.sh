#!/usr/bin/env bash
# Installs what dossier needs on Debian 12: the build's libraries, and with
# --test the test tools (Java for the Nu Html Checker; Node, and from npm
# vnu-jar and playwright-core; Chromium for the browser tests), with --fuzz
# clang and its libFuzzer (scripts/fuzz.sh).
# Only what is missing is installed. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_PACKAGES=(g++ cmake ninja-build pkg-config libgtest-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libctemplate-dev
  libcli11-dev nlohmann-json3-dev libicu-dev libssl-dev libmimalloc-dev
  libxapian-dev libcpp-httplib-dev libzip-dev libpugixml-dev terser)
TEST_PACKAGES=(libgumbo-dev python3 clang-format chromium)
FUZZ_PACKAGES=(libgumbo-dev clang libclang-rt-dev)

with_tests=0 with_fuzz=0
[[ "${1:-}" == "--test" ]] && with_tests=1
[[ "${1:-}" == "--fuzz" ]] && with_fuzz=1

packages=("${BUILD_PACKAGES[@]}")
((with_tests)) && packages+=("${TEST_PACKAGES[@]}")
((with_fuzz)) && packages+=("${FUZZ_PACKAGES[@]}")
command -v java >/dev/null || { ((with_tests)) && packages+=(default-jre-headless); }
command -v npm >/dev/null || { ((with_tests)) && packages+=(nodejs npm); }

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ((with_tests)) && [[ ! -f node_modules/vnu-jar/build/dist/vnu.jar ||
  ! -f node_modules/playwright-core/package.json ]]; then
  echo "setup: installing test tools from npm (vnu-jar, playwright-core)"
  npm ci --no-audit --no-fund --silent
fi
