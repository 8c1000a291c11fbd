// Tests for index/static_packs: every long list in one pack at its offset,
// packs of bounded size with unique names, and few packs changed when a list
// grows or a term is added (what a publish then copies).
#include "index/static_packs.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

namespace dossier {
namespace {

// `count` terms in order, with lists of random lengths: short ones (in the
// dictionary), packed ones and a few of packs of their own.
std::vector<StaticTerm> terms_of(size_t count, uint32_t seed) {
  std::mt19937 random(seed);
  std::vector<StaticTerm> terms(count);
  for (size_t i = 0; i < count; ++i) {
    terms[i].term = {U'一' + static_cast<char32_t>(i / 100),
                     U'一' + static_cast<char32_t>(i % 100)};
    size_t kind = random() % 10;
    size_t length = kind < 3   ? 1 + random() % kInlineList
                    : kind < 9 ? kInlineList + 1 + random() % 1500
                               : kPackSize + 1 + random() % 5000;
    terms[i].payload.assign(length, static_cast<char>('#' + i % 90));
  }
  return terms;
}

// Each pack by name: its terms, and each one's offset and length.
using Layout = std::map<size_t, std::vector<std::tuple<std::u32string, size_t, size_t>>>;

Layout layout_of(const std::vector<StaticTerm>& terms, const Packs& packs) {
  Layout out;
  for (size_t k = 0; k < packs.terms.size(); ++k)
    for (size_t i : packs.terms[k])
      out[packs.names[k]].emplace_back(terms[i].term, packs.offset_of[i], terms[i].payload.size());
  return out;
}

// The names of the packs that differ between two layouts (or are in one only).
size_t packs_changed(const Layout& a, const Layout& b) {
  size_t changed = 0;
  for (const auto& [name, lists] : b) changed += !a.contains(name) || a.at(name) != lists;
  for (const auto& [name, lists] : a) changed += !b.contains(name);
  return changed;
}

TEST(StaticPacks, EveryLongListSitsInOnePackAtItsOffset) {
  std::vector<StaticTerm> terms = terms_of(3000, 1);
  Packs packs = plan_packs(terms);
  ASSERT_EQ(packs.names.size(), packs.terms.size());
  std::set<size_t> placed, names(packs.names.begin(), packs.names.end());
  EXPECT_EQ(names.size(), packs.names.size()) << "names are unique";
  for (size_t k = 0; k < packs.terms.size(); ++k) {
    EXPECT_LT(packs.names[k], size_t{1} << 16);
    size_t size = 0;
    for (size_t i : packs.terms[k]) {
      EXPECT_EQ(packs.pack_of[i], k);
      EXPECT_EQ(packs.offset_of[i], size) << "lists follow one another";
      size += terms[i].payload.size();
      placed.insert(i);
    }
    if (packs.terms[k].size() > 1) {
      EXPECT_LE(size, kPackSize * 5 / 4);
    }
  }
  for (size_t i = 0; i < terms.size(); ++i)
    EXPECT_EQ(placed.contains(i), terms[i].payload.size() > kInlineList) << i;
}

TEST(StaticPacks, PacksAreNeitherTinyNorHuge) {
  std::vector<StaticTerm> terms = terms_of(3000, 2);
  Packs packs = plan_packs(terms);
  size_t shared = 0, bytes = 0;
  for (const auto& run : packs.terms) {
    if (run.size() == 1 && terms[run[0]].payload.size() > kPackSize) continue;
    ++shared;
    for (size_t i : run) bytes += terms[i].payload.size();
  }
  ASSERT_GT(shared, 0u);
  EXPECT_GT(bytes / shared, kPackSize / 2);
  EXPECT_LE(bytes / shared, kPackSize * 5 / 4);
}

// As a report added to the archive does: a tenth of the lists grow.
TEST(StaticPacks, ListsThatGrowChangeTheirOwnPacksAndFewOthers) {
  std::vector<StaticTerm> terms = terms_of(3000, 3);
  Layout before = layout_of(terms, plan_packs(terms));
  std::vector<StaticTerm> grown = terms;
  std::set<std::u32string> changed_terms;
  for (size_t i = 0; i < grown.size(); i += 10) {
    grown[i].payload += std::string(30, '#');
    changed_terms.insert(grown[i].term);
  }
  Packs packs = plan_packs(grown);
  Layout after = layout_of(grown, packs);
  size_t holding = 0;  // packs holding a list that grew
  for (const auto& run : packs.terms)
    holding += std::any_of(run.begin(), run.end(),
                           [&](size_t i) { return changed_terms.contains(grown[i].term); });
  size_t changed = packs_changed(before, after);
  EXPECT_GE(changed, holding / 2);
  EXPECT_LE(changed, holding + holding / 4) << changed << " changed, " << holding << " holding";
  EXPECT_LT(changed, after.size() * 3 / 4) << changed << " of " << after.size();
}

TEST(StaticPacks, ATermAddedChangesItsPackAndFewOthers) {
  std::vector<StaticTerm> terms = terms_of(3000, 4);
  Layout before = layout_of(terms, plan_packs(terms));
  size_t at = 1200;
  while (terms[at].payload.size() <= kInlineList || terms[at].payload.size() > kPackSize) ++at;
  StaticTerm extra = terms[at];
  extra.term += U'x';  // sorts right after terms[at]
  std::vector<StaticTerm> added = terms;
  added.insert(added.begin() + static_cast<std::ptrdiff_t>(at) + 1, extra);
  EXPECT_LE(packs_changed(before, layout_of(added, plan_packs(added))), 3u);
}

}  // namespace
}  // namespace dossier
