// Tests for index/static_postings: the browser index's lists of bigrams
// (with counts), characters and trigrams (with positions), and document
// lengths as Xapian counts them.
#include "index/static_postings.h"

#include <gtest/gtest.h>

#include "base/text.h"
#include "index/search_text.h"
#include "index/static_format.h"

namespace dossier {
namespace {

std::vector<SearchDoc> docs_of(const std::vector<std::string>& texts) {
  std::vector<SearchDoc> docs;
  for (const auto& t : texts) {
    SearchDoc d;
    d.text = normalize_search_text(t);
    docs.push_back(d);
  }
  return docs;
}

const StaticTerm* find(const StaticPostings& p, std::u32string_view term) {
  for (const auto& t : p.terms)
    if (t.term == term) return &t;
  return nullptr;
}

std::vector<uint64_t> numbers(const std::string& payload) {
  std::vector<uint64_t> out;
  size_t at = 0;
  uint64_t n = 0;
  while (at < payload.size() && static_format::get_number(payload, at, n)) out.push_back(n);
  return out;
}

// Each document of a list: its distance from the previous one, less one
// (the first counts from -1); then (bigrams, trigrams) a count, 1 to 3 as
// head % 4 + 1, 4 and more as a further number.
TEST(StaticPostings, BigramsListDocumentsWithCounts) {
  // Split over two cores: the lists of both halves join in document order.
  StaticPostings p =
      build_static_postings(docs_of({"党建工作", "无关", "工作工作，工作工作", "工作"}), 2);
  const StaticTerm* t = find(p, U"工作");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->df, 3u);
  // doc 0 (gap 1, count 1): 0; doc 2 (gap 2, count 4): 1*4+3, then 0; doc 3 (gap 1, count 1): 0.
  EXPECT_EQ(numbers(t->payload), (std::vector<uint64_t>{0, 7, 0, 0}));
}

TEST(StaticPostings, ThousandsOfTermsEachWithItsOwnList) {
  // 3,000 distinct characters, one per document, and their bigrams: far
  // more terms than the lists' table starts with, so it grows while filling.
  auto cp = [](uint32_t n) { return static_cast<char32_t>(0x4E00 + n); };
  std::vector<std::string> texts;
  for (uint32_t d = 0; d < 3000; ++d) {
    std::string text;
    append_utf8(text, cp(d));
    append_utf8(text, cp(d + 1));
    texts.push_back(text);
  }
  StaticPostings p = build_static_postings(docs_of(texts), 2);
  EXPECT_EQ(p.terms.size(), 3001u + 3000u);  // characters 4E00..4E00+3000, bigrams
  for (uint32_t d : {0u, 1499u, 2999u}) {
    const StaticTerm* bigram = find(p, std::u32string{cp(d), cp(d + 1)});
    ASSERT_TRUE(bigram);
    EXPECT_EQ(bigram->df, 1u);
    EXPECT_EQ(numbers(bigram->payload), (std::vector<uint64_t>{uint64_t{d} * 4}));
    const StaticTerm* shared = find(p, std::u32string{cp(d + 1)});  // in docs d and d + 1
    ASSERT_TRUE(shared);
    EXPECT_EQ(shared->df, d == 2999 ? 1u : 2u);
  }
}

TEST(StaticPostings, CharactersListDocumentsOnly) {
  StaticPostings p = build_static_postings(docs_of({"党", "无", "党章", "无", "无", "党"}), 1);
  const StaticTerm* t = find(p, U"党");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->df, 3u);
  EXPECT_EQ(numbers(t->payload), (std::vector<uint64_t>{0, 1, 2}));  // docs 0, 2, 5
}

TEST(StaticPostings, TrigramsListPositionsInCodePointsOfTheText) {
  // Positions count every code point of the text, separators too.
  StaticPostings p = build_static_postings(docs_of({"《党章》学党章，党章程", "x党章程"}), 1);
  const StaticTerm* t = find(p, U"党章程");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->df, 2u);
  // doc 0: count 1; 党章 two more times than the trigram, 章程 no more
  // (2 + 7 * 0); position 8. doc 1: gap 1, count 1, both bigrams no more
  // than it, position 1.
  EXPECT_EQ(numbers(t->payload), (std::vector<uint64_t>{0, 2, 8, 0, 0, 1}));
  EXPECT_TRUE(find(p, U"学党章"));
  EXPECT_FALSE(find(p, U"章》学")) << "no term crosses a separator";
  const StaticTerm* twice = find(p, U"党章");
  ASSERT_TRUE(twice);
  EXPECT_EQ(numbers(twice->payload),
            (std::vector<uint64_t>{2, 0}));  // doc 0 three times, doc 1 once
}

// A trigram's list counts its bigrams, so that a search for a long word
// can weigh them without their lists: a + 7b for a and b below 7 more
// than the trigram, else 49, a, b.
TEST(StaticPostings, TrigramsCountTheirBigrams) {
  StaticPostings p = build_static_postings(
      docs_of({"章程章程章程章程章程章程章程章程，党章程", "党章程党章程", "党章党章党章章程"}), 1);
  const StaticTerm* t = find(p, U"党章程");
  ASSERT_TRUE(t);
  // doc 0: count 1, 党章 once (0 more), 章程 nine times (8 more): 49, 0,
  // 8; position 17. doc 1: gap 1, count 2 (head 1), bigrams no more than
  // it, positions 0 and 3 (3 - 0 - 1).
  EXPECT_EQ(numbers(t->payload), (std::vector<uint64_t>{0, 49, 0, 8, 17, 1, 0, 0, 2}));
}

TEST(StaticPostings, DocumentLengthsAreXapians) {
  std::vector<SearchDoc> docs = docs_of({"党建工作，党。ab 1", "", "意识形态工作责任制"});
  StaticPostings p = build_static_postings(docs, 1);
  uint64_t total = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    uint32_t want = 0;
    for (const TermCount& t : search_terms(docs[i].text)) want += t.count;
    EXPECT_EQ(p.doc_lengths[i], want) << i;
    total += want;
  }
  EXPECT_EQ(p.total_length, total);
}

TEST(StaticPostings, TermsSortedAndEachOnce) {
  StaticPostings p = build_static_postings(docs_of({"党章党章", "章党"}), 2);
  for (size_t i = 1; i < p.terms.size(); ++i) EXPECT_LT(p.terms[i - 1].term, p.terms[i].term);
}

}  // namespace
}  // namespace dossier
