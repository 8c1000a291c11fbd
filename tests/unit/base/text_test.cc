// Tests for base/text: UTF-8 checks, prefixes, display width, escaping.
#include "base/text.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

// The offset of the first invalid UTF-8 sequence, as find_text_problem reports it.
std::optional<size_t> find_invalid_utf8(std::string_view s) {
  TextProblem p = find_text_problem(s);
  if (p.kind == TextProblem::Kind::kNone) return std::nullopt;
  EXPECT_EQ(p.kind, TextProblem::Kind::kInvalidUtf8);
  return p.offset;
}

TEST(FindInvalidUtf8, AcceptsAsciiChineseAndAstral) {
  EXPECT_EQ(find_invalid_utf8(""), std::nullopt);
  EXPECT_EQ(find_invalid_utf8("title: 整改措施"), std::nullopt);
  EXPECT_EQ(find_invalid_utf8("《条例》😀"), std::nullopt);
  EXPECT_EQ(find_invalid_utf8("\xF4\x8F\xBF\xBF"), std::nullopt);  // U+10FFFF
}

TEST(FindInvalidUtf8, GivesTheOffsetOfTheFirstBadSequence) {
  // "整改" in GBK: 0xD5 0xFB is a lead byte without a continuation byte.
  EXPECT_EQ(find_invalid_utf8("ab\xD5\xFB\xB8\xC4"), 2u);
  EXPECT_EQ(find_invalid_utf8("中\xFF"), 3u);
  EXPECT_EQ(find_invalid_utf8("a\x80"), 1u);             // stray continuation byte
  EXPECT_EQ(find_invalid_utf8("ab\xE4\xB8"), 2u);        // "中" cut short at the end
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(find_invalid_utf8("\xE0\x80\xAF"), 0u);      // overlong, three bytes
  EXPECT_EQ(find_invalid_utf8("\xF0\x80\x80\xAF"), 0u);  // overlong, four bytes
  EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);     // UTF-16 surrogate
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(find_invalid_utf8("\xF5\x80\x80\x80"), 0u);
}

TEST(FindTextProblem, FindsControlCharactersHtmlForbids) {
  using Kind = TextProblem::Kind;
  EXPECT_EQ(find_text_problem("a\tb\nc\r\n\f").kind, Kind::kNone);
  for (std::string_view bad : {"ab\x01", "ab\x1b[0m", "ab\x7f", "ab\xC2\x85"}) {
    TextProblem p = find_text_problem(bad);
    EXPECT_EQ(p.kind, Kind::kControl) << bad;
    EXPECT_EQ(p.offset, 2u) << bad;
  }
  // A control character after a long run of ASCII (the eight-byte fast path).
  std::string long_line(37, 'x');
  EXPECT_EQ(find_text_problem(long_line + "\x02").offset, 37u);
  EXPECT_EQ(find_text_problem(long_line + "\x7f" + long_line).offset, 37u);
  EXPECT_EQ(find_text_problem(long_line + "\x1f" + long_line).kind, Kind::kControl);
  // After runs of CJK characters (the three-byte fast path) too.
  EXPECT_EQ(find_text_problem("整改措施\x01").offset, 12u);
  EXPECT_EQ(find_text_problem("整改措施\xE4\xB8").kind, Kind::kInvalidUtf8);
  EXPECT_EQ(find_text_problem("\xC2\xA0").kind, Kind::kNone);  // no-break space is fine
}

TEST(IsUtf8, AllowsControlCharactersButNoBrokenSequence) {
  EXPECT_TRUE(is_utf8(""));
  EXPECT_TRUE(is_utf8("党章 2023年 \U0001F600"));
  EXPECT_TRUE(is_utf8("\x01作\u0085风\x7F"));  // C0, C1 and DEL are UTF-8
  EXPECT_FALSE(is_utf8("\xE4\xBD"));           // 作 cut short
  EXPECT_FALSE(is_utf8("作风\xFF"));
  EXPECT_FALSE(is_utf8("\x01\xFF"));  // after a control character too
  EXPECT_FALSE(is_utf8("\u0085\xC0\x80"));
}

TEST(Utf8Length, CountsCodePoints) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("I1 整改"), 5u);
  EXPECT_EQ(utf8_length("😀"), 1u);
  // Longer than one eight-byte word, every length and start: one, two,
  // three and four-byte characters mixed.
  std::string text;
  std::vector<size_t> starts;  // byte offset of each code point
  for (int k = 0; k < 40; ++k) {
    starts.push_back(text.size());
    text += k % 4 == 0 ? "a" : k % 4 == 1 ? "é" : k % 4 == 2 ? "整" : "😀";
  }
  starts.push_back(text.size());
  for (size_t i = 0; i < starts.size(); ++i)
    for (size_t j = i; j < starts.size(); ++j)
      ASSERT_EQ(utf8_length(std::string_view(text).substr(starts[i], starts[j] - starts[i])),
                j - i);
}

TEST(Utf8Prefix, CutsAtCodePoints) {
  EXPECT_EQ(utf8_prefix("整改措施", 2), "整改");
  EXPECT_EQ(utf8_prefix("a整b", 2), "a整");
  EXPECT_EQ(utf8_prefix("整改", 0), "");
  EXPECT_EQ(utf8_prefix("整改", 5), "整改");
  EXPECT_EQ(utf8_prefix("", 3), "");
}

TEST(DisplayWidth, CountsWideCharactersTwice) {
  EXPECT_EQ(display_width(""), 0);
  EXPECT_EQ(display_width("abc"), 3);
  EXPECT_EQ(display_width("整改"), 4);
  EXPECT_EQ(display_width("I1 问题"), 7);
  EXPECT_EQ(display_width("，。《》"), 8);  // full-width punctuation
  EXPECT_EQ(display_width("ＡＢ"), 4);      // full-width letters
  EXPECT_EQ(display_width("…"), 1);         // ambiguous width: narrow
  EXPECT_EQ(display_width("\t"), 1);
}

// Regression: zero-width characters pasted from word processors moved the
// caret one column to the right each.
TEST(DisplayWidth, ZeroWidthCharactersTakeNoColumn) {
  EXPECT_EQ(display_width("整\u200B改"), 4);  // zero-width space
  EXPECT_EQ(display_width("\uFEFF标题"), 4);  // a BOM in the middle of the text
  EXPECT_EQ(display_width("e\u0301"), 1);     // e + combining acute accent
}

TEST(HtmlEscape, EscapesTheFiveCharacters) {
  EXPECT_EQ(html_escape("<a href=\"x\" title='y'>&</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  EXPECT_EQ(html_escape("《条例》第3条"), "《条例》第3条");
  std::string out = "x";
  html_escape_append(out, "<b>");
  EXPECT_EQ(out, "x&lt;b&gt;");
}

TEST(Trim, RemovesAsciiBlanksOnly) {
  EXPECT_EQ(trim("  a b \t\r\n"), "a b");
  EXPECT_EQ(trim(" \n "), "");
  EXPECT_EQ(trim("　整改　"), "　整改　");  // U+3000 is content, not a blank
}

TEST(NextCodePoint, DecodesAndAdvances) {
  std::string_view s = "a整😀";
  size_t i = 0;
  EXPECT_EQ(next_code_point(s, i), U'a');
  EXPECT_EQ(i, 1u);
  EXPECT_EQ(next_code_point(s, i), U'整');
  EXPECT_EQ(i, 4u);
  EXPECT_EQ(next_code_point(s, i), U'😀');
  EXPECT_EQ(i, 8u);
}

TEST(FindBytes, FindsTheFirstOccurrenceOrNone) {
  std::string_view text = "整改措施：整改到位，措施有效";
  EXPECT_EQ(find_bytes(text, "措施"), std::string_view("整改").size());
  EXPECT_EQ(find_bytes(text, "到位"), text.find("到位"));
  EXPECT_EQ(find_bytes(text, "整改措施有效"), std::string_view::npos);
  EXPECT_EQ(find_bytes("措", "措施"), std::string_view::npos);  // longer than the text
  EXPECT_EQ(find_bytes(text, ""), 0u);                          // as string_view::find
  EXPECT_EQ(find_bytes(std::string_view(), ""), 0u);
  EXPECT_EQ(find_bytes(std::string_view(), "措"), std::string_view::npos);
}

}  // namespace
}  // namespace dossier
