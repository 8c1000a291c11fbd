// Tests for index/search_text: normalisation, segments, terms and query
// words, which both search indexes and every query share.
#include "index/search_text.h"

#include <map>

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include "base/text.h"

namespace dossier {
namespace {

TEST(NormalizeSearchText, WordsNormalisedPunctuationKept) {
  EXPECT_EQ(normalize_search_text("ＡＢＣ２０２３年"), "abc2023年");  // full-width -> NFKC
  EXPECT_EQ(normalize_search_text("XAPIAN Search"), "xapian search");
  EXPECT_EQ(normalize_search_text("学习《党章》，落实。"), "学习《党章》，落实。");
  EXPECT_EQ(normalize_search_text("Ⅳ号"), "iv号");  // compatibility numeral, then lower case
  EXPECT_EQ(normalize_search_text(""), "");
}

// The ideographs' shortcut says what ICU says of each of them: a letter.
TEST(IsSearchWordChar, EveryCjkIdeographIsALetter) {
  for (char32_t c = 0x4E00; c <= 0x9FFF; ++c) {
    ASSERT_EQ(u_charType(static_cast<UChar32>(c)), U_OTHER_LETTER)
        << std::hex << static_cast<uint32_t>(c);
    ASSERT_TRUE(is_search_word_char(c));
  }
  EXPECT_FALSE(is_search_word_char(U'，'));
  EXPECT_FALSE(is_search_word_char(U'\u3000'));  // ideographic space
  EXPECT_TRUE(is_search_word_char(U'\u3400'));   // extension A: by ICU
}

TEST(SearchSegments, RunsOfLettersAndDigits) {
  std::string t = normalize_search_text("学习《中国共产党章程》，2023年 a1\n整改");
  std::vector<std::string_view> got = search_segments(t);
  EXPECT_EQ(got, (std::vector<std::string_view>{"学习", "中国共产党章程", "2023年", "a1", "整改"}));
}

TEST(SearchTerms, BigramsWithCountsAndLoneCharacters) {
  std::vector<TermCount> got = search_terms("工作工作，党。ab");
  EXPECT_EQ(got, (std::vector<TermCount>{{"ab", 1}, {"作工", 1}, {"党", 1}, {"工作", 2}}));
}

TEST(SearchTerms, SortedByTheirBytesWhateverTheirLength) {
  // One-byte, three-byte and four-byte characters (𠀀 is U+20000): a term
  // sorts before the longer terms it begins, as in Xapian's term order.
  std::vector<TermCount> got = search_terms("𠀀a a 工 ab 工𠀀 𠀀 工作");
  EXPECT_EQ(got,
            (std::vector<TermCount>{
                {"a", 1}, {"ab", 1}, {"工", 1}, {"工作", 1}, {"工𠀀", 1}, {"𠀀", 1}, {"𠀀a", 1}}));
}

TEST(SearchTerms, NoBigramCrossesASeparator) {
  for (const TermCount& t : search_terms("党章，党纪 国法"))
    EXPECT_TRUE(t.term == "党章" || t.term == "党纪" || t.term == "国法") << t.term;
}

// A text of thousands of distinct terms (more than the counting table's
// first size), counted against a plain map over its segments' bigrams.
TEST(SearchTerms, ALongTextCountedAsAMapCountsIt) {
  std::string text;
  std::map<std::string, unsigned> want;
  for (char32_t c = 0x4E00; c < 0x4E00 + 3000; ++c) {
    std::string pair;
    append_utf8(pair, c);
    append_utf8(pair, c + 1);
    text += pair + (c % 7 == 0 ? "，" : "");
  }
  text += "。𠀀";
  for (std::string_view segment : search_segments(text))
    if (segment_bigrams(segment).empty()) ++want[std::string(segment)];
  for (std::string_view segment : search_segments(text))
    for (size_t i = 0, next = 0; i < segment.size(); i = next) {
      next_code_point(segment, next);
      size_t end = next;
      if (end >= segment.size()) break;
      next_code_point(segment, end);
      ++want[std::string(segment.substr(i, end - i))];
    }
  std::vector<TermCount> expected;
  for (const auto& [term, count] : want) expected.push_back({term, count});
  EXPECT_GT(expected.size(), 3000u);
  EXPECT_EQ(search_terms(text), expected);
}

TEST(SegmentBigrams, DistinctInOrder) {
  EXPECT_EQ(segment_bigrams("工作作风"), (std::vector<std::string>{"工作", "作作", "作风"}));
  EXPECT_EQ(segment_bigrams("工作工作"), (std::vector<std::string>{"工作", "作工"}));
  EXPECT_EQ(segment_bigrams("党"), std::vector<std::string>{});
}

TEST(QueryWords, SplitAtSpacesAndPunctuation) {
  EXPECT_EQ(query_words("《党章》 2023年"), (std::vector<std::string>{"党章", "2023年"}));
  EXPECT_EQ(query_words("  ＡＰＰ，整改  "), (std::vector<std::string>{"app", "整改"}));
  EXPECT_EQ(query_words("《》，。"), std::vector<std::string>{});
}

}  // namespace
}  // namespace dossier
