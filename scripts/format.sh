#!/usr/bin/env bash
# Formats the C++ sources with clang-format (--check: only report).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=(-i)
[[ "${1:-}" == "--check" ]] && mode=(--dry-run --Werror)
git ls-files -co --exclude-standard -- '*.cc' '*.h' | xargs clang-format "${mode[@]}"
