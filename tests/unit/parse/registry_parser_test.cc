// Tests for parse/registry_parser: regulations, units, topics and site.yaml.
#include "parse/registry_parser.h"

#include <gtest/gtest.h>

#include "../test_support.h"

namespace dossier {
namespace {

using test::source;
using test::text_of;

TEST(ParseRegulation, ReadsEveryField) {
  Diagnostics diags;
  Regulation r = parse_regulation(source("content/regulations/jilv-chufen-tiaoli.md",
                                         "---\n"
                                         "title: 中国共产党纪律处分条例\n"
                                         "aliases: [纪律处分条例, 《条例》]\n"
                                         "issuer: 中共中央\n"
                                         "issued: 2023-12-08\n"
                                         "number: 中发〔2023〕1号\n"
                                         "status: in-force\n"
                                         "superseded_by: jilv-chufen-tiaoli-2024\n"
                                         "url: https://www.gov.cn/x.htm\n"
                                         "---\n\n摘要。\n"),
                                  "jilv-chufen-tiaoli", diags);
  EXPECT_EQ(text_of(diags), "");
  EXPECT_EQ(r.slug, "jilv-chufen-tiaoli");
  EXPECT_EQ(r.title, "中国共产党纪律处分条例");
  EXPECT_EQ(r.title_loc, (Loc{2, 8}));
  ASSERT_EQ(r.aliases.size(), 2u);
  EXPECT_EQ(r.aliases[0].name, "纪律处分条例");
  EXPECT_EQ(r.aliases[1].loc, (Loc{3, 19}));
  EXPECT_EQ(r.issuer, "中共中央");
  EXPECT_EQ(r.issued, (Date{2023, 12, 8}));
  EXPECT_EQ(r.number, "中发〔2023〕1号");
  EXPECT_EQ(r.status, "in-force");
  EXPECT_EQ(r.superseded_by.name, "jilv-chufen-tiaoli-2024");
  EXPECT_EQ(r.superseded_by.loc, (Loc{8, 16}));
  EXPECT_EQ(r.url, "https://www.gov.cn/x.htm");
  parse_registry_body(r, "regulations/jilv-chufen-tiaoli/index.html", nullptr, diags);
  EXPECT_EQ(r.body.html, "<p>摘要。</p>\n");
}

TEST(ParseRegulation, Errors) {
  Diagnostics diags;
  parse_regulation(source("content/regulations/Old_Rule.md",
                          "---\n"
                          "aliases: 旧规定\n"
                          "issued: 2023-02-29\n"
                          "status: 废止\n"
                          "url: www.gov.cn\n"
                          "summary: x\n"
                          "---\n"),
                   "Old_Rule", diags);
  EXPECT_EQ(text_of(diags),
            "content/regulations/Old_Rule.md:1:1: error: file name 'Old_Rule' is not a valid slug: "
            "use lower-case ASCII letters, digits and '-' (for example 'old-rule') [id]\n"
            "  ---\n"
            "  ^\n"
            "content/regulations/Old_Rule.md:2:1: error: missing required field 'title' "
            "[required]\n"
            "  aliases: 旧规定\n"
            "  ^\n"
            "content/regulations/Old_Rule.md:3:9: error: 'issued' is not a real date: 2023-02-29 "
            "[date]\n"
            "  issued: 2023-02-29\n"
            "          ^\n"
            "content/regulations/Old_Rule.md:4:9: error: unknown status '废止': use in-force, "
            "amended or repealed [status]\n"
            "  status: 废止\n"
            "          ^\n"
            "content/regulations/Old_Rule.md:5:6: error: 'url' must be a web address (https://… "
            "or http://…, no spaces or quotes) [url]\n"
            "  url: www.gov.cn\n"
            "       ^\n"
            "content/regulations/Old_Rule.md:6:1: warning: unknown key 'summary' in regulation is "
            "kept but shown nowhere [unknown-key]\n"
            "  summary: x\n"
            "  ^\n");
}

TEST(ParseRegulation, StatusValues) {
  for (std::string status : {"in-force", "amended", "repealed"}) {
    Diagnostics diags;
    Regulation r = parse_regulation(
        source("content/regulations/a.md", "---\ntitle: t\nstatus: " + status + "\n---\n"), "a",
        diags);
    EXPECT_EQ(text_of(diags), "");
    EXPECT_EQ(r.status, status);
  }
}

TEST(ParseUnit, Fields) {
  Diagnostics diags;
  Unit u = parse_unit(
      source("content/units/wenlv-ju.md",
             "---\ntitle: 市文化和旅游局\naliases: [市文旅局]\nparent: shi-zhengfu\n---\n"),
      "wenlv-ju", diags);
  EXPECT_EQ(text_of(diags), "");
  EXPECT_EQ(u.slug, "wenlv-ju");
  EXPECT_EQ(u.title, "市文化和旅游局");
  ASSERT_EQ(u.aliases.size(), 1u);
  EXPECT_EQ(u.aliases[0].name, "市文旅局");
  EXPECT_EQ(u.parent.name, "shi-zhengfu");
  EXPECT_EQ(u.parent.loc, (Loc{4, 9}));
  EXPECT_TRUE(u.registered);
}

TEST(ParseUnit, TitleRequiredAndUnknownKeys) {
  Diagnostics diags;
  parse_unit(source("content/units/a.md", "---\nname: 市委\n---\n"), "a", diags);
  EXPECT_EQ(text_of(diags),
            "content/units/a.md:2:1: warning: unknown key 'name' in unit is kept but shown "
            "nowhere [unknown-key]\n"
            "  name: 市委\n"
            "  ^\n"
            "content/units/a.md:2:1: error: missing required field 'title' [required]\n"
            "  name: 市委\n"
            "  ^\n");
}

TEST(ParseUnit, MissingFrontMatter) {
  Diagnostics diags;
  Unit u = parse_unit(source("content/units/a.md", "市委\n"), "a", diags);
  EXPECT_EQ(u.title, "");
  EXPECT_EQ(text_of(diags),
            "content/units/a.md:1:1: error: missing front matter: the file must begin with a line "
            "`---` [front-matter]\n"
            "  市委\n"
            "  ^\n");
}

TEST(ParseTopic, Fields) {
  Diagnostics diags;
  Topic t = parse_topic(source("content/topics/zuo-feng.md",
                               "---\ntitle: 作风建设\naliases: [作风]\nparent: x\n---\n说明\n"),
                        "zuo-feng", diags);
  EXPECT_EQ(t.title, "作风建设");
  EXPECT_EQ(t.aliases.size(), 1u);
  parse_registry_body(t, "topics/zuo-feng/index.html", nullptr, diags);
  EXPECT_EQ(t.body.html, "<p>说明</p>\n");
  EXPECT_EQ(text_of(diags),
            "content/topics/zuo-feng.md:4:1: warning: unknown key 'parent' in topic is kept but "
            "shown nowhere [unknown-key]\n"
            "  parent: x\n"
            "  ^\n");
}

TEST(ParseSiteSettings, Fields) {
  Diagnostics diags;
  SiteSettings s = parse_site_settings(SourceText("content/site.yaml",
                                                  "title: 整改档案\n"
                                                  "language: zh-Hans\n"
                                                  "description: 市文化和旅游局\n"
                                                  "as_of: 2024-03-01\n"
                                                  "base_url: https://intranet.example/dossier\n"
                                                  "replaceable_search_index: true\n"),
                                       diags);
  EXPECT_EQ(text_of(diags), "");
  EXPECT_TRUE(s.replaceable_search_index);
  EXPECT_EQ(s.title, "整改档案");
  EXPECT_EQ(s.language, "zh-Hans");
  EXPECT_EQ(s.description, "市文化和旅游局");
  EXPECT_EQ(s.as_of, (Date{2024, 3, 1}));
  EXPECT_EQ(s.base_url, "https://intranet.example/dossier/");
}

TEST(ParseSiteSettings, DefaultsForAnEmptyFile) {
  Diagnostics diags;
  SiteSettings s = parse_site_settings(SourceText("content/site.yaml", ""), diags);
  EXPECT_EQ(text_of(diags), "");
  EXPECT_EQ(s.title, "dossier");
  EXPECT_EQ(s.language, "zh-CN");
  EXPECT_EQ(s.base_url, "");
  EXPECT_EQ(s.as_of, std::nullopt);
  EXPECT_FALSE(s.replaceable_search_index);
}

TEST(ParseSiteSettings, Errors) {
  Diagnostics diags;
  SiteSettings s = parse_site_settings(SourceText("content/site.yaml",
                                                  "title: [a]\n"
                                                  "as_of: 2024-3-1\n"
                                                  "base_url: ftp://x/\n"
                                                  "theme: dark\n"
                                                  "replaceable_search_index: yes\n"),
                                       diags);
  EXPECT_EQ(s.base_url, "");
  EXPECT_EQ(text_of(diags),
            "content/site.yaml:1:8: error: 'title' must be text, not a list [type]\n"
            "  title: [a]\n"
            "         ^\n"
            "content/site.yaml:2:8: error: 'as_of' must be a date written YYYY-MM-DD, not "
            "'2024-3-1' [date]\n"
            "  as_of: 2024-3-1\n"
            "         ^\n"
            "content/site.yaml:3:11: error: 'base_url' must be a web address (https://… or "
            "http://…, no spaces or quotes) [url]\n"
            "  base_url: ftp://x/\n"
            "            ^\n"
            "content/site.yaml:4:1: warning: unknown key 'theme' in site.yaml is kept but shown "
            "nowhere [unknown-key]\n"
            "  theme: dark\n"
            "  ^\n"
            "content/site.yaml:5:27: error: 'replaceable_search_index' must be true or false, "
            "not 'yes' [type]\n"
            "  replaceable_search_index: yes\n"
            "                            ^\n");
  EXPECT_FALSE(s.replaceable_search_index);
}

TEST(ParseSiteSettings, NotAMap) {
  Diagnostics diags;
  parse_site_settings(SourceText("content/site.yaml", "整改档案\n"), diags);
  EXPECT_EQ(text_of(diags),
            "content/site.yaml:1:1: error: front matter must be `key: value` lines, not a single "
            "value or a list [yaml]\n"
            "  整改档案\n"
            "  ^\n");
}

}  // namespace
}  // namespace dossier
