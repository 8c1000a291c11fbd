// Tests for parse/front_matter: splitting front matter from the body, YAML
// errors positioned in the file, and the typed field reader.
#include "parse/front_matter.h"

#include <gtest/gtest.h>

#include "../test_support.h"

namespace dossier {
namespace {

using test::text_of;

TEST(ParseFrontMatter, SplitsYamlAndBody) {
  SourceText src("a.md", "---\ntitle: 标题\n---\n\n正文第一段\n");
  Diagnostics diags;
  FrontMatter fm = parse_front_matter(src, true, diags);
  EXPECT_EQ(text_of(diags), "");
  EXPECT_TRUE(fm.ok);
  EXPECT_EQ(fm.yaml_line, 2);
  EXPECT_EQ(fm.yaml_offset, 4u);
  EXPECT_EQ(fm.body_line, 4);
  EXPECT_EQ(src.text().substr(fm.body_offset), "\n正文第一段\n");
  ASSERT_TRUE(fm.root.is_map());
  EXPECT_EQ(fm.root.entries[0].value.scalar, "标题");
}

TEST(ParseFrontMatter, CrlfAndBom) {
  SourceText src("a.md", "\xEF\xBB\xBF---\r\ntitle: 标题\r\n---\r\n正文\r\n");
  Diagnostics diags;
  FrontMatter fm = parse_front_matter(src, true, diags);
  EXPECT_EQ(text_of(diags), "");
  EXPECT_TRUE(fm.ok);
  EXPECT_EQ(fm.root.entries[0].value.scalar, "标题");
  EXPECT_EQ(fm.body_line, 4);
  EXPECT_EQ(src.text().substr(fm.body_offset), "正文\n");
}

TEST(ParseFrontMatter, DotsCloseAndTrailingBlanksAreAllowed) {
  SourceText src("a.md", "--- \ntitle: x\n...\nbody");
  Diagnostics diags;
  FrontMatter fm = parse_front_matter(src, true, diags);
  EXPECT_TRUE(fm.ok);
  EXPECT_EQ(src.text().substr(fm.body_offset), "body");
}

TEST(ParseFrontMatter, IndentedDashesInsideABlockScalarDoNotClose) {
  // Regression: an indented `---` inside a block scalar closed the front matter.
  SourceText src("a.md", "---\ntitle: |\n  甲\n  ---\n  乙\n---\n正文\n");
  Diagnostics diags;
  FrontMatter fm = parse_front_matter(src, true, diags);
  EXPECT_EQ(text_of(diags), "");
  ASSERT_TRUE(fm.ok);
  EXPECT_EQ(fm.root.entries[0].value.scalar, "甲\n---\n乙\n");
  EXPECT_EQ(src.text().substr(fm.body_offset), "正文\n");
}

TEST(ParseFrontMatter, ClosingLineAtTheEndOfTheFile) {
  SourceText src("a.md", "---\ntitle: x\n---");
  Diagnostics diags;
  FrontMatter fm = parse_front_matter(src, true, diags);
  EXPECT_TRUE(fm.ok);
  EXPECT_EQ(fm.body_offset, src.text().size());
  EXPECT_EQ(fm.body_line, 4);
}

TEST(ParseFrontMatter, EmptyFrontMatterIsAnEmptyMap) {
  SourceText src("a.md", "---\n---\nbody\n");
  Diagnostics diags;
  FrontMatter fm = parse_front_matter(src, true, diags);
  EXPECT_EQ(text_of(diags), "");
  EXPECT_TRUE(fm.ok);
  EXPECT_TRUE(fm.root.is_map());
  EXPECT_TRUE(fm.root.entries.empty());
}

TEST(ParseFrontMatter, Missing) {
  SourceText src("content/reports/a.md", "title: 标题\n\n正文\n");
  Diagnostics diags;
  FrontMatter fm = parse_front_matter(src, true, diags);
  EXPECT_FALSE(fm.ok);
  EXPECT_EQ(fm.body_offset, 0u);
  EXPECT_EQ(text_of(diags),
            "content/reports/a.md:1:1: error: missing front matter: the file must begin with a "
            "line `---` [front-matter]\n"
            "  title: 标题\n"
            "  ^\n");
}

TEST(ParseFrontMatter, MissingIsFineWhenNotRequired) {
  SourceText src("a.md", "正文\n");
  Diagnostics diags;
  FrontMatter fm = parse_front_matter(src, false, diags);
  EXPECT_FALSE(fm.ok);
  EXPECT_EQ(fm.body_offset, 0u);
  EXPECT_EQ(text_of(diags), "");
}

TEST(ParseFrontMatter, EmptyFile) {
  SourceText src("a.md", "");
  Diagnostics diags;
  parse_front_matter(src, true, diags);
  EXPECT_EQ(text_of(diags),
            "a.md:1:1: error: missing front matter: the file must begin with a line `---` "
            "[front-matter]\n");
}

TEST(ParseFrontMatter, NotClosed) {
  SourceText src("content/reports/a.md", "---\ntitle: 标题\n\n正文\n");
  Diagnostics diags;
  FrontMatter fm = parse_front_matter(src, true, diags);
  EXPECT_FALSE(fm.ok);
  EXPECT_EQ(text_of(diags),
            "content/reports/a.md:1:1: error: front matter is not closed: add a line `---` after "
            "it [front-matter]\n"
            "  ---\n"
            "  ^\n");
}

TEST(ParseFrontMatter, YamlSyntaxErrorPointsIntoTheFile) {
  SourceText src("content/reports/a.md", "---\ntitle: 标题\nunit: 市委: 办公室\n---\n");
  Diagnostics diags;
  FrontMatter fm = parse_front_matter(src, true, diags);
  EXPECT_FALSE(fm.ok);
  EXPECT_EQ(text_of(diags),
            "content/reports/a.md:3:9: error: YAML syntax error: illegal map value [yaml]\n"
            "  unit: 市委: 办公室\n"
            "            ^\n");
}

TEST(ParseFrontMatter, YamlSyntaxErrorAfterCrlfLines) {
  SourceText src("a.md", "---\r\ntitle: 标题\r\nunit: 市委: 办公室\r\n---\r\n");
  Diagnostics diags;
  parse_front_matter(src, true, diags);
  EXPECT_EQ(text_of(diags),
            "a.md:3:9: error: YAML syntax error: illegal map value [yaml]\n"
            "  unit: 市委: 办公室\n"
            "            ^\n");
}

TEST(ParseFrontMatter, UnclosedListIsReportedWhereYamlCppGivesUp) {
  // yaml-cpp's mark is the end of the YAML text: the closing `---` line.
  SourceText src("a.md", "---\ntitle: 标题\ntopics: [作风建设\n---\n");
  Diagnostics diags;
  parse_front_matter(src, true, diags);
  EXPECT_EQ(text_of(diags),
            "a.md:4:1: error: YAML syntax error: end of sequence flow not found [yaml]\n"
            "  ---\n"
            "  ^\n");
}

TEST(ParseFrontMatter, NotAMap) {
  SourceText src("a.md", "---\n- 标题\n---\n");
  Diagnostics diags;
  FrontMatter fm = parse_front_matter(src, true, diags);
  EXPECT_FALSE(fm.ok);
  EXPECT_EQ(text_of(diags),
            "a.md:2:1: error: front matter must be `key: value` lines, not a single value or a "
            "list [yaml]\n"
            "  - 标题\n"
            "  ^\n");
}

TEST(ParseYamlFile, SiteYamlPositionsStartAtLineOne) {
  SourceText src("content/site.yaml", "title: 档案\nbase_url: a: b\n");
  Diagnostics diags;
  FrontMatter fm = parse_yaml_file(src, diags);
  EXPECT_FALSE(fm.ok);
  EXPECT_EQ(text_of(diags),
            "content/site.yaml:2:12: error: YAML syntax error: illegal map value [yaml]\n"
            "  base_url: a: b\n"
            "             ^\n");
}

// A FieldReader over the front matter of `text`.
struct Fields {
  explicit Fields(std::string text) : src("a.md", std::move(text)) {
    fm = parse_front_matter(src, true, diags);
    reader.emplace(src, fm, fm.root, diags);
  }
  SourceText src;
  Diagnostics diags;
  FrontMatter fm;
  std::optional<FieldReader> reader;
};

TEST(FieldReader, TextWithPosition) {
  Fields f("---\ntitle:  关于整改的报告 \n---\n");
  auto title = f.reader->scalar("title", true);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->name, "关于整改的报告");
  EXPECT_EQ(title->loc, (Loc{2, 9}));
  EXPECT_EQ(f.reader->key_loc("title"), (Loc{2, 1}));
  EXPECT_TRUE(f.reader->has("title"));
  EXPECT_FALSE(f.reader->has("date"));
  EXPECT_EQ(text_of(f.diags), "");
}

TEST(FieldReader, DuplicateKey) {
  Fields f("---\ntitle: a\nkind: 讲话\ntitle: b\n---\n");
  EXPECT_EQ(text_of(f.diags),
            "a.md:4:1: error: duplicate key 'title' (first at line 2) [yaml]\n"
            "  title: b\n"
            "  ^\n");
  EXPECT_EQ(f.reader->text("title", true), "a");
}

TEST(FieldReader, Names) {
  Fields f("---\nunit: 市委\ntopics: [作风建设, 全面从严治党]\n---\n");
  auto unit = f.reader->names("unit", true);
  ASSERT_EQ(unit.size(), 1u);
  EXPECT_EQ(unit[0].name, "市委");
  EXPECT_EQ(unit[0].loc, (Loc{2, 7}));
  auto topics = f.reader->names("topics", false);
  ASSERT_EQ(topics.size(), 2u);
  EXPECT_EQ(topics[1].name, "全面从严治党");
  EXPECT_EQ(topics[1].loc, (Loc{3, 16}));
  EXPECT_TRUE(f.reader->names("regulations", false).empty());
  EXPECT_EQ(text_of(f.diags), "");
}

TEST(FieldReader, FinishWarnsAboutKeysNotRead) {
  Fields f("---\ntitle: a\n作者: 张三\n---\n");
  f.reader->text("title", true);
  f.reader->finish("report front matter");
  EXPECT_EQ(text_of(f.diags),
            "a.md:3:1: warning: unknown key '作者' in report front matter is kept but shown "
            "nowhere [unknown-key]\n"
            "  作者: 张三\n"
            "  ^\n");
}

}  // namespace
}  // namespace dossier
