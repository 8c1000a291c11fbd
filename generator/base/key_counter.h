// Counting keys (non-zero 64-bit numbers) without sorting: an
// open-addressing table small enough to stay in the cache, emptied and
// reused from one text to the next. Both search indexes count a
// document's terms so (index/search_text.cc, index/static_postings.cc).
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace dossier {

class KeyCounter {
 public:
  struct Entry {
    uint64_t key;
    uint32_t count;
  };

  // Empties it for at most `most_keys` distinct keys: the table is then
  // never more than three quarters full.
  void clear(size_t most_keys) {
    entries_.clear();
    size_t size = 1024;
    while (size * 3 < most_keys * 4) size *= 2;
    slots_.assign(size, 0);
    shift_ = 64 - std::countr_zero(size);
  }

  // Counts `key` once more; returns the index of its entry.
  uint32_t add(uint64_t key) {
    uint32_t e = find(key);
    ++entries_[e].count;
    return e;
  }

  // The distinct keys with their counts, in order of first use.
  const std::vector<Entry>& entries() const { return entries_; }

  // Sorts the entries by key, in place; only entries() and clear() may
  // follow.
  void sort_by_key() {
    std::sort(entries_.begin(), entries_.end(),
              [](const Entry& a, const Entry& b) { return a.key < b.key; });
  }

 private:
  uint32_t find(uint64_t key) {
    size_t mask = slots_.size() - 1;
    for (size_t i = (key * 0x9E3779B97F4A7C15ull) >> shift_;; i = (i + 1) & mask) {
      if (slots_[i] == 0) {
        entries_.push_back({key, 0});
        slots_[i] = static_cast<uint32_t>(entries_.size());
        return slots_[i] - 1;
      }
      if (entries_[slots_[i] - 1].key == key) return slots_[i] - 1;
    }
  }
  std::vector<uint32_t> slots_;  // index + 1 into entries_, 0: empty
  int shift_ = 54;
  std::vector<Entry> entries_;
};

}  // namespace dossier
