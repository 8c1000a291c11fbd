// Hostile input (SPEC §2.3, README "Hostile input"): the fixture
// tests/sites/valid/hostile puts markup, event handlers, template syntax and
// javascript: URLs in every front-matter value and body; every produced page
// is walked with gumbo to prove none of it became live, and the hostile text
// is shown as text. Also: ledger.csv cells Excel would run are defused.
#include <gtest/gtest.h>

#include "e2e/harness.h"
#include "e2e/live_markup.h"

namespace dossier::e2e {
namespace {

using Page = HtmlPage;

constexpr std::string_view kScript = "<script>alert(1)</script>";

class E2eHostile : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    result_ = new RunResult(build_fixture(*dir_, "valid", "hostile"));
  }
  static void TearDownTestSuite() {
    delete result_;
    delete dir_;
  }
  void SetUp() override { ASSERT_EQ(result_->exit_code, 0) << result_->err; }
  static fs::path site() { return *dir_ / "site"; }
  static Page page(std::string_view path) { return Page(read_file(site() / path)); }

  static TempDir* dir_;
  static RunResult* result_;
};

TempDir* E2eHostile::dir_ = nullptr;
RunResult* E2eHostile::result_ = nullptr;

TEST_F(E2eHostile, NoPageRunsOrLoadsAnything) {
  auto pages = load_pages(site());
  ASSERT_GE(pages.size(), 15u);
  for (const SitePage& p : pages) {
    SCOPED_TRACE(p.path);
    EXPECT_EQ(live_markup(p), std::vector<std::string>{});
  }
}

// The checker itself: each of these eight must be caught.
TEST(E2eHostileChecker, FlagsWhatItMust) {
  SitePage p{"bad.html",
             std::make_unique<Page>(
                 "<p onclick=x><script></script><style></style><iframe></iframe>"
                 "<a href=' JaVa&#x09;script:alert(1)'>x</a><a href='https://ok.example/'>x</a>"
                 "<img src='https://evil.example/t.png'><img src='data:image/svg+xml,x'>"
                 "<link rel=stylesheet href='//evil.example/x.css'>")};
  EXPECT_EQ(live_markup(p).size(), 8u) << testing::PrintToString(live_markup(p));
}

// The theme's search markup is let through only as the theme writes it.
TEST(E2eHostileChecker, AllowsOnlyTheThemesOwnSearchMarkup) {
  SitePage ok{"search/index.html",
              std::make_unique<Page>(
                  "<header><div><form class=site-search><input><button></button></form></div>"
                  "</header><main><form id=search-form><input><button></button></form>"
                  "<script src=../theme/search-engine.js></script></main>")};
  EXPECT_EQ(live_markup(ok), std::vector<std::string>{});
  SitePage bad{"search/index.html",
               std::make_unique<Page>(
                   "<main><form class=site-search><input></form><script>alert(1)</script>"
                   "<script src=../theme/other.js></script><form id=search-form><textarea>"
                   "</textarea></form><noscript>x</noscript></main>")};
  EXPECT_EQ(live_markup(bad).size(), 6u) << testing::PrintToString(live_markup(bad));
}

TEST_F(E2eHostile, TitlesAreShownAsText) {
  Page report = page("reports/2024-eyi/index.html");
  ASSERT_EQ(report.select("h1").size(), 1u);
  EXPECT_EQ(Page::text(report.select("h1").front()), kScript);
  EXPECT_EQ(report.title(), std::string(kScript) + " · " + std::string(kScript) + "档案");
  // Item titles, unit and topic names, kind: all as written.
  EXPECT_EQ(report.links_named("\" onmouseover=\"x").size(), 1u);
  EXPECT_EQ(report.links_named("{{title}}").size(), 3u);  // measure M1, unit, topic
  EXPECT_EQ(report.links_named(std::string(kScript) + "局").size(), 1u);
  EXPECT_EQ(report.links_named("<b onmouseover=\"x\">主题</b>").size(), 1u);
  EXPECT_TRUE(Contains(report.main_text(), "<img src=x onerror=alert(1)>"));
  // A heading's raw HTML is dropped; its text stays.
  const GumboNode* i1 = report.by_id("I1");
  ASSERT_NE(i1, nullptr);
  EXPECT_TRUE(Contains(Page::text(report.select("h2", i1).front()), "alert(1)问题"));
  // Template syntax in a body heading stays as written.
  const GumboNode* m1 = report.by_id("M1");
  ASSERT_NE(m1, nullptr);
  EXPECT_EQ(Page::text(report.select("h2", m1).front()), "{{title}}");
  // The html element's lang attribute holds the whole hostile value.
  EXPECT_EQ(Page::attr(report.select("html").front(), "lang"), "zh-CN\" onload=\"alert(1)");
}

TEST_F(E2eHostile, OwnersAreShownAsText) {
  Page report = page("reports/2024-eyi/index.html");
  const GumboNode* m1 = report.by_id("M1");
  ASSERT_NE(m1, nullptr);
  EXPECT_TRUE(Contains(Page::text(m1), "责任单位：" + std::string(kScript)));
  const GumboNode* m3 = report.by_id("M3");
  ASSERT_NE(m3, nullptr);
  EXPECT_TRUE(Contains(Page::text(m3), "责任单位：\" onmouseover=\"x"));
  Page ledger = page("ledger/index.html");
  EXPECT_TRUE(Contains(ledger.main_text(), "，" + std::string(kScript) + "，"));
}

TEST_F(E2eHostile, RegistryValuesAreShownAsText) {
  Page unit = page("units/eyi-danwei/index.html");
  EXPECT_EQ(Page::text(unit.select("h1").front()), std::string(kScript) + "局");
  Page regulation = page("regulations/eyi-fagui/index.html");
  EXPECT_EQ(Page::text(regulation.select("h1").front()), "条例\" onmouseover=\"alert(1)");
  EXPECT_TRUE(Contains(regulation.main_text(), "<img src=x onerror=alert(1)>"));
  EXPECT_TRUE(Contains(regulation.main_text(), "{{title}}"));  // 文号
  // A url with a quote is refused by check (see E2eDiagnosticCodes.Url); & and ' are escaped.
  auto url = regulation.links_named("https://example.com/a?x=1&y='z'&onmouseover=alert(1)");
  ASSERT_EQ(url.size(), 1u);
  EXPECT_EQ(Page::attr(url.front(), "href"),
            "https://example.com/a?x=1&y='z'&onmouseover=alert(1)");
  EXPECT_FALSE(Page::attr(url.front(), "onmouseover").has_value());
  Page topic = page("topics/eyi-zhuti/index.html");
  EXPECT_EQ(Page::text(topic.select("h1").front()), "{{title}}");
}

// Citation links carry the regulation's title in a title attribute.
TEST_F(E2eHostile, CitationTitleAttributeIsEscaped) {
  Page report = page("reports/2024-eyi/index.html");
  auto cites = report.links_named("《恶意条例》");
  ASSERT_EQ(cites.size(), 1u);
  EXPECT_EQ(Page::attr(cites.front(), "title"), "条例\" onmouseover=\"alert(1)");
  EXPECT_FALSE(Page::attr(cites.front(), "onmouseover").has_value());
}

// Images from outside are shown as plain links, so nothing is fetched.
TEST_F(E2eHostile, RemoteImagesBecomeLinks) {
  Page report = page("reports/2024-eyi/index.html");
  for (std::string_view url :
       {"http://evil.example/t.png", "https://evil.example/t.png", "//evil.example/t.png"}) {
    bool found = false;
    for (const GumboNode* a : report.select("a"))
      if (Page::attr(a, "href") == std::string(url)) found = true;
    EXPECT_TRUE(found) << url;
  }
  for (const GumboNode* img : report.select("img"))
    EXPECT_FALSE(is_remote(Page::attr(img, "src").value_or(""))) << *Page::attr(img, "src");
}

TEST_F(E2eHostile, BuildWarnsAboutRemoteImages) {
  auto lines = diagnostic_lines(result_->err);
  EXPECT_EQ(std::count_if(lines.begin(), lines.end(),
                          [](const std::string& l) { return l.ends_with("[image]"); }),
            4);
}

// Cells starting with = + - @ get a leading ' so Excel shows them as text.
TEST_F(E2eHostile, LedgerCsvDefusesFormulas) {
  auto rows = parse_csv(read_file(site() / "ledger/ledger.csv").substr(3));
  ASSERT_EQ(rows.size(), 5u);
  for (const auto& row : rows)
    for (const auto& cell : row)
      EXPECT_TRUE(cell.empty() || std::string_view("=+-@\t\r").find(cell[0]) == std::string::npos)
          << cell;
  // Rows: header, I1+M1, I1+M3, I2+M1, I2+M2.
  EXPECT_EQ(rows[3][1], "'=HYPERLINK(\"http://evil.example\",\"点击\")");
  EXPECT_EQ(rows[2][8], "'-2+3");
  EXPECT_EQ(rows[4][8], "'+cmd|' /C calc'!A0");
  EXPECT_EQ(rows[4][9], "'@SUM(1+1)");
  EXPECT_EQ(rows[1][3], kScript);  // the report title, as text
}

}  // namespace
}  // namespace dossier::e2e
