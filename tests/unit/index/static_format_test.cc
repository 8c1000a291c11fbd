// Tests for index/static_format: the browser index's numbers, term hash,
// string literals and UTF-16 files. tests/js/engine.test.js checks that
// search-engine.js reads the same vectors the same way.
#include "index/static_format.h"

#include <gtest/gtest.h>

namespace dossier::static_format {
namespace {

std::string number(uint64_t n) {
  std::string out;
  put_number(out, n);
  return out;
}

TEST(StaticFormat, NumbersUseOneDigitBelowFiftyAndSkipTheBackslash) {
  EXPECT_EQ(number(0), "#");
  EXPECT_EQ(number(49), "T");
  EXPECT_EQ(number(50), "U#");
  EXPECT_EQ(number(57), "]#");    // digit 57 would be '\' and is ']'
  EXPECT_EQ(number(2099), "~T");  // the largest of two digits
  EXPECT_EQ(number(2100).size(), 3u);
  for (char c : number(1234567890123)) EXPECT_TRUE(c >= '#' && c <= '~' && c != '\\') << c;
}

TEST(StaticFormat, NumbersReadBackInSequence) {
  std::vector<uint64_t> values = {0, 1, 49, 50, 51, 2099, 2100, 86149, 86150, 1ull << 40};
  std::string all;
  for (uint64_t v : values) put_number(all, v);
  size_t at = 0;
  for (uint64_t v : values) {
    uint64_t got = 0;
    ASSERT_TRUE(get_number(all, at, got));
    EXPECT_EQ(got, v);
  }
  EXPECT_EQ(at, all.size());
  uint64_t n = 0;
  size_t start = 0;
  EXPECT_FALSE(get_number("U", start, n)) << "a number cut short";
  start = 0;
  EXPECT_FALSE(get_number("\\", start, n)) << "not a digit";
}

TEST(StaticFormat, TermHashIsFnv1aOverCodePoints) {
  EXPECT_EQ(term_hash(U""), 2166136261u);
  EXPECT_EQ(term_hash(U"意识"), 4097009192u);
  EXPECT_EQ(term_hash(U"工作"), 3292947828u);
  EXPECT_EQ(term_hash(U"a"), 3826002220u);
}

TEST(StaticFormat, JavaScriptStringLiterals) {
  std::string out;
  put_js_string(out, "a\"b\\c\nd\x01 意\u2028");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\u0001 意\\u2028\"");
}

// Escapes at either end, side by side, and what only looks like a line
// separator; the plain text between them is copied whole.
TEST(StaticFormat, JavaScriptStringLiteralsAtTheEdges) {
  auto literal = [](std::string_view text) {
    std::string out = "x";
    put_js_string(out, text);
    return out;
  };
  EXPECT_EQ(literal(""), "x\"\"");
  EXPECT_EQ(literal("\n"), "x\"\\n\"");
  EXPECT_EQ(literal("\"\"ab\\"), "x\"\\\"\\\"ab\\\\\"");
  EXPECT_EQ(literal("\u2029意\x7f"), "x\"\\u2029意\\u007f\"");
  EXPECT_EQ(literal("a\xE2\x80"), "x\"a\xE2\x80\"");  // cut short: not a separator
  EXPECT_EQ(literal("\u2027b"), "x\"\u2027b\"");      // U+2027: as it is
}

TEST(StaticFormat, Utf16WithByteOrderMark) {
  EXPECT_EQ(utf16le_with_bom("a意"), std::string("\xFF\xFE"
                                                 "a\0\x0F\x61",
                                                 6));
  EXPECT_EQ(utf16le_with_bom("\xF0\x9F\x98\x80"), std::string("\xFF\xFE\x3D\xD8\x00\xDE", 6));
  EXPECT_EQ(utf16le_with_bom(""), "\xFF\xFE");
  // A four-byte sequence cut short is one code point below U+10000.
  EXPECT_EQ(utf16le_with_bom("\xF0\x9F"), std::string("\xFF\xFE\x1F\x00", 4));
}

}  // namespace
}  // namespace dossier::static_format
