// Cutting the long lists into packs, and naming the packs.
#include "index/static_packs.h"

#include <cstdint>

#include "base/content_cuts.h"
#include "index/static_format.h"

namespace dossier {

namespace {

// Packs cut where their terms say (base/content_cuts.h), from the mean
// size of the lists that go into shared packs.
ContentCuts pack_cuts(const std::vector<StaticTerm>& terms) {
  size_t bytes = 0, lists = 0;
  for (const auto& t : terms)
    if (t.payload.size() > kInlineList && t.payload.size() <= kPackSize) {
      bytes += t.payload.size();
      ++lists;
    }
  return ContentCuts(kPackSize, lists == 0 ? 0 : static_cast<double>(bytes) / lists);
}

}  // namespace

Packs plan_packs(const std::vector<StaticTerm>& terms) {
  Packs p;
  p.pack_of.assign(terms.size(), 0);
  p.offset_of.assign(terms.size(), 0);
  ContentCuts cuts = pack_cuts(terms);
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
    if (open != kNone && cuts.before(size, length)) open = kNone;
    if (open == kNone) {
      open = p.terms.size();
      p.terms.emplace_back();
      size = 0;
    }
    p.pack_of[i] = open;
    p.offset_of[i] = size;
    p.terms[open].push_back(i);
    size += length;
    if (cuts.after(static_format::term_hash(terms[i].term), size)) open = kNone;
  }
  std::vector<uint32_t> firsts;
  for (const auto& run : p.terms)
    firsts.push_back(static_format::term_hash(terms[run.front()].term));
  p.names = names_by_first_item(firsts);
  return p;
}

}  // namespace dossier
