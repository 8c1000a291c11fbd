#!/usr/bin/env bash
# Runs one fuzz target under libFuzzer (README "Fuzzed input"):
#   scripts/fuzz.sh content|import|search|share [SECONDS]   (default 600)
# Builds the targets with clang, ASan and UBSan into build/fuzz. The corpus
# grows in build/fuzz/corpus/TARGET, seeded from tests/fuzz/TARGET and, for
# content and import, from the sample archive's files and the .docx
# fixtures. An input that fails is written to build/fuzz/crash-*: once
# fixed, it goes (minimised) into tests/fuzz/TARGET/, which ctest replays.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh content|import|search|share [SECONDS]}
seconds=${2:-600}
scripts/setup.sh --fuzz
cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DDOSSIER_FUZZ=ON -DDOSSIER_TESTS=ON >/dev/null
cmake --build build/fuzz --target "fuzz_$target"

corpus=build/fuzz/corpus/$target
mkdir -p "$corpus"
cp -n tests/fuzz/"$target"/* "$corpus"/
case $target in
  content)  # "path below content/", a line end, the file
    while IFS= read -r file; do
      { printf '%s\n' "${file#content/}"; cat "$file"; } >"$corpus/sample-$(basename "$file")"
    done < <(find content -type f)
    ;;
  import)  # 1 and a .docx, or 0 and text
    for file in tests/import-fixtures/*.docx; do
      { printf '\001'; cat "$file"; } >"$corpus/fixture-$(basename "$file")"
    done
    ;;
esac
cd build/fuzz
exec "./fuzz/fuzz_$target" "corpus/$target" -max_total_time="$seconds" -timeout=20 \
  -rss_limit_mb=4096 -print_final_stats=1
