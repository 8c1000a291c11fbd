// Cutting the long lists into packs, and naming the packs.
#include "index/static_packs.h"

#include <algorithm>
#include <bit>
#include <cstdint>

#include "index/static_format.h"

namespace dossier {

namespace {

// Where the packs of lists end, so that a list that grows or a term that is
// added changes its own pack and seldom another (a publish then copies a
// few packs, not all: docs/publish.md): once a pack holds half the size
// packs are meant to have, after a term whose hash says so (about one list
// in `every`, a quarter pack's worth), and before a list that would take
// it past 5/4 of that size. `every` is a power of two from the lists' mean
// size, so it changes only when that doubles or halves. (Packs cut at a
// size instead move every cut after a list that grows; cuts by hash alone
// make packs of all sizes, and a query then mostly lands in a large one.)
class PackCuts {
 public:
  explicit PackCuts(const std::vector<StaticTerm>& terms) {
    size_t bytes = 0, lists = 0;
    for (const auto& t : terms)
      if (t.payload.size() > kInlineList && t.payload.size() <= kPackSize) {
        bytes += t.payload.size();
        ++lists;
      }
    double wanted = bytes == 0 ? 1 : static_cast<double>(kPackSize / 4) * lists / bytes;
    while (every_ * 2 <= wanted) every_ *= 2;
  }
  // Whether a pack of `size` ends after `term`, its last list.
  bool after(std::u32string_view term, size_t size) const {
    return size >= kPackSize / 2 && static_format::term_hash(term) % every_ == every_ - 1;
  }
  // Whether a pack of `size` ends before a list of `length`.
  static bool before(size_t size, size_t length) { return size + length > kPackSize * 5 / 4; }

 private:
  uint32_t every_ = 1;
};

}  // namespace

// A pack's name is a hash of its first term, so that it keeps its name while
// the archive grows: below 2^16 (or four times the packs, so names are
// never short), the next free one when taken.
Packs plan_packs(const std::vector<StaticTerm>& terms) {
  Packs p;
  p.pack_of.assign(terms.size(), 0);
  p.offset_of.assign(terms.size(), 0);
  PackCuts cuts(terms);
  constexpr size_t kNone = SIZE_MAX;
  size_t open = kNone, size = 0;  // the pack being filled, and its size
  for (size_t i = 0; i < terms.size(); ++i) {
    size_t length = terms[i].payload.size();
    if (length <= kInlineList) continue;
    if (length > kPackSize) {  // a pack of its own, between the others
      p.pack_of[i] = p.terms.size();
      p.terms.push_back({i});
      continue;
    }
    if (open != kNone && PackCuts::before(size, length)) open = kNone;
    if (open == kNone) {
      open = p.terms.size();
      p.terms.emplace_back();
      size = 0;
    }
    p.pack_of[i] = open;
    p.offset_of[i] = size;
    p.terms[open].push_back(i);
    size += length;
    if (cuts.after(terms[i].term, size)) open = kNone;
  }
  std::vector<bool> named(std::max<size_t>(size_t{1} << 16, std::bit_ceil(4 * p.terms.size())));
  for (const auto& run : p.terms) {
    size_t n = static_format::term_hash(terms[run.front()].term) % named.size();
    while (named[n]) n = (n + 1) % named.size();
    named[n] = true;
    p.names.push_back(n);
  }
  return p;
}

}  // namespace dossier
