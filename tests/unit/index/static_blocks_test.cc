// Tests for index/static_blocks: a document block's numbers as docs/search.md
// gives them (tests/js/engine.test.js decodes the same by hand), and the
// shape meta.js shares with the search page.
#include "index/static_blocks.h"

#include <gtest/gtest.h>

#include "index/static_format.h"

namespace dossier {
namespace {

SearchDoc doc(SearchType type, std::optional<Date> date, std::string kind = "") {
  SearchDoc d;
  d.type = type;
  d.date = date;
  d.kind = std::move(kind);
  return d;
}

std::vector<uint64_t> numbers_of(const std::string& data) {
  std::vector<uint64_t> out;
  size_t at = 0;
  uint64_t n = 0;
  while (static_format::get_number(data, at, n)) out.push_back(n);
  EXPECT_EQ(at, data.size()) << "a bad digit";
  return out;
}

// Three reports: undated, then two a few days apart; the second with two
// issues and a measure, the first of them cited regulations and long.
struct Fixture {
  std::vector<SearchDoc> docs;
  StaticPostings postings;
  Fixture() {
    docs.push_back(doc(SearchType::kReport, std::nullopt));
    docs.push_back(doc(SearchType::kReport, Date{2022, 3, 1}, "讲话"));
    docs.back().unit_tree = {2, 5};
    docs.back().topics = {1};
    docs.back().regulations = {4, 9};
    docs.push_back(doc(SearchType::kIssue, Date{2022, 3, 1}));
    docs.back().regulations = {9};
    docs.push_back(doc(SearchType::kIssue, Date{2022, 3, 1}));
    docs.push_back(doc(SearchType::kMeasure, Date{2022, 3, 1}));
    docs.back().regulations = {3};
    docs.push_back(doc(SearchType::kReport, Date{2022, 3, 4}, "工作汇报"));
    // Lengths: the average is 40, so BM25 clamps those below 20.
    postings.doc_lengths = {60, 100, 30, 5, 5, 40};
    postings.total_length = 240;
  }
};

TEST(StaticBlocks, ShapeGivesKindsFirstYearAndTheCountsBase) {
  Fixture f;
  BlockShape shape = block_shape(f.docs, search_groups(f.docs));
  EXPECT_EQ(shape.kinds, (std::vector<std::string>{"工作汇报", "讲话"}));
  EXPECT_EQ(shape.first_year, 2022);
  EXPECT_EQ(shape.count_base, 2u);  // at most one measure
}

TEST(StaticBlocks, ABlockWritesLengthsApartFromFacetsSetsAsGapsAndDatesAsDistances) {
  Fixture f;
  std::vector<SearchGroup> groups = search_groups(f.docs);
  ASSERT_EQ(groups.size(), 3u);
  BlockShape shape = block_shape(f.docs, groups);
  Result<BlockData> data = block_data(f.docs, groups, 0, groups.size(), f.postings, shape);
  ASSERT_TRUE(data.is_ok()) << data.status().message();
  std::vector<uint64_t> ranking = {// No items; length 60, no regulations.
                                   0, 60 * 2,
                                   // Two issues and a measure; length 100, citing regulations.
                                   2 * 2 + 1, 100 * 2 + 1,
                                   // Items: the first and third have entries. Issue 1: length 30,
                                   // citing; measure: clamped length, citing.
                                   0b101, 30 * 2 + 1, 1,
                                   // No items; length 40.
                                   0, 40 * 2};
  EXPECT_EQ(numbers_of(data.value().ranking), ranking);
  uint64_t march1 = 1 + 2 * 31, march4 = march1 + 3;
  std::vector<uint64_t> facets = {// Undated, no kind, no units, no topics.
                                  0, 0, 0,
                                  // The date from 0 times three kinds' worth, kind 讲话 (index 1,
                                  // written 2); units {2, 5}; topic {1}; regulations {4, 9}.
                                  march1 * 3 + 2, (2 + 1) * 2, (5 - 2 - 1) * 2 + 1, (1 + 1) * 2 + 1,
                                  4 * 2, (9 - 4 - 1) * 2 + 1,
                                  // Issue 1: the report's second regulation as bits; the measure:
                                  // regulation 3 (not the report's) as a set.
                                  0b10, 0, 3 * 2 + 1,
                                  // Three days later, kind 工作汇报 (written 1).
                                  (march4 - march1) * 3 + 1, 0, 0};
  EXPECT_EQ(numbers_of(data.value().facets), facets);
}

TEST(StaticBlocks, EachBlockCountsDatesFromItsOwnFirstReport) {
  Fixture f;
  std::vector<SearchGroup> groups = search_groups(f.docs);
  BlockShape shape = block_shape(f.docs, groups);
  Result<BlockData> last = block_data(f.docs, groups, 2, 3, f.postings, shape);
  ASSERT_TRUE(last.is_ok());
  EXPECT_EQ(numbers_of(last.value().ranking), (std::vector<uint64_t>{0, 80}));
  EXPECT_EQ(numbers_of(last.value().facets),
            (std::vector<uint64_t>{(1 + 2 * 31 + 3) * 3 + 1, 0, 0}));
}

TEST(StaticBlocks, DocumentsOutOfDateOrderFailTheBlock) {
  Fixture f;
  std::swap(f.docs[0], f.docs[5]);  // the latest report first
  std::vector<SearchGroup> groups = search_groups(f.docs);
  Result<BlockData> data =
      block_data(f.docs, groups, 0, groups.size(), f.postings, block_shape(f.docs, groups));
  EXPECT_FALSE(data.is_ok());
}

TEST(StaticBlocks, SetsOutOfOrderFailTheBlock) {
  Fixture f;
  f.docs[1].unit_tree = {5, 2};  // search documents' sets are ascending
  std::vector<SearchGroup> groups = search_groups(f.docs);
  Result<BlockData> data =
      block_data(f.docs, groups, 0, groups.size(), f.postings, block_shape(f.docs, groups));
  EXPECT_FALSE(data.is_ok());
}

}  // namespace
}  // namespace dossier
