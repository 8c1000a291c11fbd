#!/usr/bin/env bash
# Set up, build dossier (release), and build the sample archive content/ into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DDOSSIER_TESTS=OFF >/dev/null
cmake --build build/release --target dossier
build/release/dossier build content -o site
echo "site: built content/ into site/ (open site/index.html)"
