# Shared by the benchmark scripts (sourced): the common settings, logging,
# the synthetic corpora, GNU time and medians. Expects BENCH to be set.

REPO=$(cd "$BENCH/.." && pwd)
WORK=$BENCH/work
MAKE_CORPUS=${MAKE_CORPUS:-$REPO/tests/shared-corpus/corpus/make_corpus.py}
DOSSIER=${DOSSIER:-$REPO/build/release/dossier}
RUNS=${RUNS:-3}
JOBS=${JOBS:-$(nproc)}

log() { printf '%s\n' "$*" >&2; }
die() { log "$(basename "$0"): $*"; exit 1; }

GNU_TIME=/usr/bin/time

# install_packages PACKAGE...: the Debian packages that are missing, when root.
install_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${missing[*]} ..."
    apt-get install -y "${missing[@]}" >/dev/null ||
      { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
  else
    die "missing ${missing[*]}: install with 'sudo apt-get install -y ${missing[*]}'"
  fi
}

# make_corpus FLAVOR SIZE -> prints the corpus dir; generated only if missing
# (the generator is deterministic for a given seed, so a kept corpus is the same one).
make_corpus() {
  local flavor=$1 size=$2
  local dir=$WORK/corpus/$flavor-$size
  if [ ! -f "$dir/.complete" ]; then
    [ -f "$MAKE_CORPUS" ] || die "corpus generator not found: $MAKE_CORPUS (set MAKE_CORPUS)"
    log "generating $flavor corpus of $size reports in ${dir#"$REPO"/} ..."
    rm -rf "$dir"
    python3 "$MAKE_CORPUS" --reports "$size" --out "$dir" --flavor "$flavor" >&2
    touch "$dir/.complete"
  fi
  printf '%s\n' "$dir"
}

# check_sizes SIZE...: every corpus size a positive number.
check_sizes() {
  local size
  for size in "$@"; do
    [[ $size =~ ^[1-9][0-9]*$ ]] || die "size must be a positive number: $size"
  done
}

# bytes_of DIR, files_of DIR: what a folder holds.
bytes_of() { du -sb "$1" | cut -f1; }
files_of() { find "$1" -type f | wc -l; }

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The machine, for the results' last line.
machine_line() {
  local cpu mem
  cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
  mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  printf '%s cores (nproc), %s, %s RAM, %s' "$(nproc)" "${cpu:-unknown CPU}" "$mem" "$(uname -sr)"
}
