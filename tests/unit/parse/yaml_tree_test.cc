// Tests for parse/yaml_tree: the plain tree built from yaml-cpp events,
// with marks, alias copies and the bounds on hostile documents.
#include "parse/yaml_tree.h"

#include <gtest/gtest.h>
#include <yaml-cpp/exceptions.h>

namespace dossier {
namespace {

// "line:column" of a node's mark (both 0-based, as yaml-cpp gives them).
std::string mark(const YamlNode& n) {
  return std::to_string(n.mark.line) + ":" + std::to_string(n.mark.column);
}

TEST(ParseYaml, MapOfScalarsAndListsWithMarks) {
  YamlNode root = parse_yaml("title: 标题\nunit: [市委, 市政府]\nkind:\n");
  ASSERT_TRUE(root.is_map());
  ASSERT_EQ(root.entries.size(), 3u);
  const auto& [title_key, title] = root.entries[0];
  EXPECT_EQ(title_key.scalar, "title");
  EXPECT_EQ(mark(title_key), "0:0");
  EXPECT_TRUE(title.is_scalar());
  EXPECT_EQ(title.scalar, "标题");
  EXPECT_EQ(mark(title), "0:7");
  const YamlNode& unit = root.entries[1].value;
  ASSERT_TRUE(unit.is_sequence());
  EXPECT_EQ(mark(unit), "1:6");
  ASSERT_EQ(unit.items.size(), 2u);
  EXPECT_EQ(unit.items[0].scalar, "市委");
  EXPECT_EQ(mark(unit.items[0]), "1:7");
  EXPECT_EQ(unit.items[1].scalar, "市政府");
  EXPECT_EQ(mark(unit.items[1]), "1:15");  // columns count bytes: "市委, " is 8
  EXPECT_EQ(root.entries[2].key.scalar, "kind");
  EXPECT_TRUE(root.entries[2].value.is_null());
}

TEST(ParseYaml, BlockListOfMaps) {
  YamlNode root = parse_yaml("issues:\n  - id: I1\n    title: 问题\n  - id: I2\n");
  const YamlNode& issues = root.entries[0].value;
  ASSERT_TRUE(issues.is_sequence());
  ASSERT_EQ(issues.items.size(), 2u);
  ASSERT_TRUE(issues.items[0].is_map());
  EXPECT_EQ(mark(issues.items[0]), "1:4");
  EXPECT_EQ(issues.items[0].entries[1].value.scalar, "问题");
  EXPECT_EQ(mark(issues.items[0].entries[1].value), "2:11");
  EXPECT_EQ(issues.items[1].entries[0].value.scalar, "I2");
  EXPECT_EQ(mark(issues.items[1].entries[0].value), "3:8");
}

TEST(ParseYaml, KeepsDocumentOrderAndDuplicateKeys) {
  YamlNode root = parse_yaml("b: 1\na: 2\nb: 3\n");
  ASSERT_EQ(root.entries.size(), 3u);
  EXPECT_EQ(root.entries[0].key.scalar, "b");
  EXPECT_EQ(root.entries[1].key.scalar, "a");
  EXPECT_EQ(root.entries[2].value.scalar, "3");
}

TEST(ParseYaml, EmptyDocumentIsNull) {
  EXPECT_TRUE(parse_yaml("").is_null());
  EXPECT_TRUE(parse_yaml("# only a comment\n").is_null());
}

TEST(ParseYaml, ScalarAndListDocuments) {
  EXPECT_TRUE(parse_yaml("just text").is_scalar());
  EXPECT_TRUE(parse_yaml("- a\n- b\n").is_sequence());
}

TEST(ParseYaml, AliasCopiesItsAnchorsNodeAtTheAliasMark) {
  YamlNode root = parse_yaml("a: &x {k: 值, list: [1, 2]}\nb: *x\n");
  const YamlNode& a = root.entries[0].value;
  const YamlNode& b = root.entries[1].value;
  ASSERT_TRUE(b.is_map());
  ASSERT_EQ(b.entries.size(), 2u);
  EXPECT_EQ(b.entries[0].key.scalar, "k");
  EXPECT_EQ(b.entries[0].value.scalar, "值");
  EXPECT_EQ(b.entries[1].value.items.size(), 2u);
  EXPECT_EQ(mark(b), "1:3");
  EXPECT_EQ(mark(a), "0:3");
  YamlNode scalar = parse_yaml("- &n 市委\n- *n\n");
  EXPECT_EQ(scalar.items[1].scalar, "市委");
  EXPECT_EQ(mark(scalar.items[1]), "1:2");
}

TEST(ParseYaml, AliasBombHitsTheCap) {
  // Each line holds ten aliases of the one before: 10^6 values once expanded.
  std::string doc = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char name = 'b'; name <= 'f'; ++name) {
    std::string prev(1, static_cast<char>(name - 1));
    doc += std::string(1, name) + ": &" + name + " [";
    for (int i = 0; i < 10; ++i) doc += (i ? ", *" : "*") + prev;
    doc += "]\n";
  }
  try {
    parse_yaml(doc);
    FAIL() << "no exception";
  } catch (const YAML::ParserException& e) {
    EXPECT_EQ(e.msg, "too many values (aliases expand too far)");
    EXPECT_FALSE(e.mark.is_null());
  }
}

TEST(ParseYaml, ModerateAliasUseIsFine) {
  std::string doc =
      "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a]\nc: [*b, *b]\n";
  YamlNode root = parse_yaml(doc);
  EXPECT_EQ(root.entries[2].value.items[1].items[4].items.size(), 10u);
}

TEST(ParseYaml, DeepNestingDoesNotCrash) {
  const size_t depth = 100000;
  for (std::string doc : {std::string(depth, '[') + std::string(depth, ']'),
                          [&] {
                            std::string d;
                            for (size_t i = 0; i < depth; ++i) d += "{a: ";
                            return d + "x" + std::string(depth, '}');
                          }(),
                          [&] {
                            std::string d;
                            for (size_t i = 0; i < depth; ++i) d += "- ";
                            return d + "x\n";
                          }()}) {
    EXPECT_THROW(parse_yaml(doc), YAML::ParserException);
  }
}

TEST(ParseYaml, NestingWithinTheLimitParses) {
  const size_t depth = 400;  // yaml-cpp refuses flow nesting from 500 levels on
  YamlNode root = parse_yaml(std::string(depth, '[') + std::string(depth, ']'));
  size_t levels = 0;
  for (const YamlNode* n = &root; n->is_sequence(); n = n->items.empty() ? nullptr : &n->items[0]) {
    ++levels;
    if (n->items.empty()) break;
  }
  EXPECT_EQ(levels, depth);
}

TEST(ParseYaml, SyntaxErrorCarriesItsMark) {
  try {
    parse_yaml("title: 标题\nunit: [a, b\n");
    FAIL() << "no exception";
  } catch (const YAML::ParserException& e) {
    EXPECT_EQ(e.msg, "end of sequence flow not found");
    EXPECT_FALSE(e.mark.is_null());
  }
}

}  // namespace
}  // namespace dossier
