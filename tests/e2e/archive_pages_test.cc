// The built pages of small valid archives (tests/sites/valid/), read with an
// HTML parser: issue <-> measure links across reports, citations by alias,
// and the unit hierarchy (SPEC §2.1-§2.3, §4).
#include <gtest/gtest.h>

#include "e2e/harness.h"

namespace dossier::e2e {
namespace {

using Page = HtmlPage;

// The single <a> below `under` whose text contains `text`; fails the test if
// there is not exactly one.
const GumboNode* only_link(const Page& page, std::string_view text, const GumboNode* under) {
  auto links = page.links_with_text(text, under);
  EXPECT_EQ(links.size(), 1u) << "links with text '" << text << "'";
  return links.empty() ? nullptr : links.front();
}

// Asserts that `href` on page `from` leads to `to_page` (site-relative) and
// that the target page has an element with id `fragment`.
void expect_link_works(const fs::path& site, std::string_view from, const std::string& href,
                       std::string_view to_page, std::string_view fragment) {
  auto target = resolve_href(from, href);
  ASSERT_TRUE(target.has_value()) << href;
  EXPECT_EQ(*target, to_page) << href;
  EXPECT_EQ(fragment_of(href), fragment) << href;
  ASSERT_TRUE(fs::is_regular_file(site / *target)) << *target;
  if (!fragment.empty()) {
    Page page(read_file(site / *target));
    EXPECT_NE(page.by_id(fragment), nullptr) << "#" << fragment << " on " << *target;
  }
}

class E2eCrossReport : public testing::Test {
 protected:
  void SetUp() override {
    RunResult r = build_fixture(dir_, "valid", "cross-report");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
  }
  fs::path site() const { return dir_ / "site"; }

  TempDir dir_;
  const std::string a_ = "reports/2023-jiancha/index.html";
  const std::string b_ = "reports/2024-zhenggai/index.html";
};

// Report B's measure M1 addresses `2023-jiancha#I1`: A's page shows it under
// I1 with owner, due date and status, and links to B's page #M1.
TEST_F(E2eCrossReport, IssueShowsTheMeasureOfALaterReport) {
  Page a(read_file(site() / a_));
  const GumboNode* i1 = a.by_id("I1");
  ASSERT_NE(i1, nullptr);
  EXPECT_EQ(Page::tag(i1), "section");
  const GumboNode* link = only_link(a, "M1 压实主体责任清单", i1);
  ASSERT_NE(link, nullptr);
  expect_link_works(site(), a_, Page::attr(link, "href").value_or(""), b_, "M1");

  std::string row = Page::text(Page::closest(link, "li"));
  EXPECT_TRUE(Contains(row, "局党组")) << "owner";
  EXPECT_TRUE(Contains(row, "2024-06-30")) << "due date";
  EXPECT_TRUE(Contains(row, "进行中")) << "measure status";
  EXPECT_TRUE(Contains(row, "市测试局关于监督检查反馈问题的整改情况报告")) << "B's title";
  // I1's own status follows from M1.
  EXPECT_TRUE(Contains(Page::text(i1), "整改中"));
  // I1's description stays in its section.
  EXPECT_TRUE(Contains(Page::text(i1), "个别领导干部对分管领域的党风廉政建设过问不多。"));
}

TEST_F(E2eCrossReport, MeasureShowsTheIssueOfAnEarlierReport) {
  Page b(read_file(site() / b_));
  const GumboNode* m1 = b.by_id("M1");
  ASSERT_NE(m1, nullptr);
  const GumboNode* link = only_link(b, "I1 主体责任落实不到位", m1);
  ASSERT_NE(link, nullptr);
  expect_link_works(site(), b_, Page::attr(link, "href").value_or(""), a_, "I1");
  std::string meta = Page::text(m1);
  EXPECT_TRUE(Contains(meta, "责任单位：局党组"));
  EXPECT_TRUE(Contains(meta, "完成时限：2024-06-30"));
}

// The link declared on the issue's side (`measures: [2024-zhenggai#M2]`) is
// the same link: both pages show it. M2 has no body anchor, so it gets a card.
TEST_F(E2eCrossReport, LinkDeclaredOnTheIssueSideShowsOnBothPages) {
  Page a(read_file(site() / a_));
  const GumboNode* i2 = a.by_id("I2");
  ASSERT_NE(i2, nullptr);
  const GumboNode* to_m2 = only_link(a, "M2 规范会议记录", i2);
  ASSERT_NE(to_m2, nullptr);
  expect_link_works(site(), a_, Page::attr(to_m2, "href").value_or(""), b_, "M2");
  EXPECT_TRUE(Contains(Page::text(Page::closest(to_m2, "li")), "已完成"));
  EXPECT_TRUE(Contains(Page::text(i2), "已整改"));

  Page b(read_file(site() / b_));
  const GumboNode* m2 = b.by_id("M2");
  ASSERT_NE(m2, nullptr);
  const GumboNode* to_i2 = only_link(b, "I2 会议记录不完整", m2);
  ASSERT_NE(to_i2, nullptr);
  expect_link_works(site(), b_, Page::attr(to_i2, "href").value_or(""), a_, "I2");
}

TEST_F(E2eCrossReport, LedgerRowsLinkBothReports) {
  std::string path = "ledger/index.html";
  Page ledger(read_file(site() / path));
  const GumboNode* issue = only_link(ledger, "I1 主体责任落实不到位", nullptr);
  ASSERT_NE(issue, nullptr);
  expect_link_works(site(), path, Page::attr(issue, "href").value_or(""), a_, "I1");
  const GumboNode* row = Page::closest(issue, "tr");
  const GumboNode* measure = only_link(ledger, "M1 压实主体责任清单", row);
  ASSERT_NE(measure, nullptr);
  expect_link_works(site(), path, Page::attr(measure, "href").value_or(""), b_, "M1");
}

// Body links to another report's .md file and to attachments (relative to
// the file, or from the content folder with '/') become site links.
TEST_F(E2eCrossReport, BodyLinksToReportFilesAndAssets) {
  Page b(read_file(site() / b_));
  std::string pdf = "assets/yuan-jian/jian-cha-bao-gao-yuan-jian.pdf";
  ASSERT_TRUE(fs::is_regular_file(site() / pdf)) << "attachment copied to its pinyin path";
  EXPECT_EQ(read_file(site() / pdf), read_file(dir_ / "content/assets/原件/检查报告原件.pdf"));
  const GumboNode* md = only_link(b, "检查报告的问题一", nullptr);
  ASSERT_NE(md, nullptr);
  expect_link_works(site(), b_, Page::attr(md, "href").value_or(""), a_, "I1");
  for (std::string_view text : {"检查报告原件", "原件"}) {
    auto links = b.links_named(text);
    ASSERT_EQ(links.size(), 1u) << text;
    expect_link_works(site(), b_, Page::attr(links.front(), "href").value_or(""), pdf, "");
  }
  auto scheme = b.links_named("检查报告");
  ASSERT_EQ(scheme.size(), 1u);
  expect_link_works(site(), b_, Page::attr(scheme.front(), "href").value_or(""), a_, "");
}

// `《条例》` (an alias) links to the regulation; the regulation page lists the
// report and the items in whose sections the citations stand, and no other.
TEST(E2eCitations, AliasCitationLinksToTheRegulation) {
  TempDir dir;
  RunResult r = build_fixture(dir, "valid", "citations");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  fs::path site = dir / "site";
  std::string report = "reports/2023-xuexi/index.html";
  std::string regulation = "regulations/jilv-chufen-tiaoli/index.html";
  Page page(read_file(site / report));

  const GumboNode* i1 = page.by_id("I1");
  ASSERT_NE(i1, nullptr);
  const GumboNode* cite = only_link(page, "《条例》", i1);
  ASSERT_NE(cite, nullptr);
  EXPECT_EQ(Page::text(cite), "《条例》");
  expect_link_works(site, report, Page::attr(cite, "href").value_or(""), regulation, "");
  EXPECT_EQ(Page::attr(cite, "title"), "中国共产党纪律处分条例");

  // Another alias, outside any item section, and one with inner spaces.
  for (std::string_view text : {"《纪律处分条例》", "《 条例 》"}) {
    const GumboNode* other = only_link(page, text, nullptr);
    ASSERT_NE(other, nullptr);
    expect_link_works(site, report, Page::attr(other, "href").value_or(""), regulation, "");
  }
  // A title matching no regulation stays text.
  EXPECT_TRUE(page.links_with_text("关于某某事项的通知").empty());
  EXPECT_TRUE(Contains(page.main_text(), "《关于某某事项的通知》"));
}

TEST(E2eCitations, RegulationPageListsCitingReportAndItems) {
  TempDir dir;
  RunResult r = build_fixture(dir, "valid", "citations");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  fs::path site = dir / "site";
  std::string path = "regulations/jilv-chufen-tiaoli/index.html";
  Page page(read_file(site / path));
  std::string report = "reports/2023-xuexi/index.html";

  // Its first table lists the citing reports.
  auto report_lists = page.select_class("table", "report-list");
  ASSERT_EQ(report_lists.size(), 1u);
  const GumboNode* to_report =
      only_link(page, "市测试局学习贯彻纪律处分条例情况报告", report_lists.front());
  ASSERT_NE(to_report, nullptr);
  expect_link_works(site, path, Page::attr(to_report, "href").value_or(""), report, "");

  // I1 and M1 cite it in their sections; I2 cites only 《八项规定》.
  const GumboNode* issue = only_link(page, "学习《条例》不够深入", nullptr);
  ASSERT_NE(issue, nullptr);
  expect_link_works(site, path, Page::attr(issue, "href").value_or(""), report, "I1");
  const GumboNode* measure = only_link(page, "组织专题学习", nullptr);
  ASSERT_NE(measure, nullptr);
  expect_link_works(site, path, Page::attr(measure, "href").value_or(""), report, "M1");
  EXPECT_TRUE(page.links_with_text("公务接待不规范").empty());

  Page other(read_file(site / "regulations/baxiang-guiding/index.html"));
  EXPECT_EQ(other.links_with_text("公务接待不规范").size(), 1u);
  EXPECT_TRUE(other.links_with_text("学习《条例》不够深入").empty());
}

TEST(E2eCitations, UnregisteredCitationIsANoteOfCheckOnly) {
  TempDir dir;
  copy_fixture(dir, "valid", "citations");
  RunResult check = run_dossier(dir.path(), {"check"});
  EXPECT_EQ(diagnostic_lines(check.out),
            std::vector<std::string>{"content/reports/2023-xuexi.md:25:22: note: unregistered "
                                     "citation 《关于某某事项的通知》 [citation]"});
  EXPECT_EQ(check.exit_code, 0);
  RunResult build = run_dossier(dir.path(), {"build", "-o", "site"});
  EXPECT_EQ(build.exit_code, 0);
  EXPECT_EQ(build.err, "");
}

class E2eUnits : public testing::Test {
 protected:
  void SetUp() override {
    RunResult r = build_fixture(dir_, "valid", "units");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // Names by title, alias, slug, and `局办公室(党建办)` (NFKC) all resolve.
    EXPECT_EQ(r.err, "") << "no unknown-unit warning";
  }
  fs::path site() const { return dir_ / "site"; }
  TempDir dir_;
};

// The parent's page lists each child unit (linked) with the reports of the
// child and of the child's own children.
TEST_F(E2eUnits, ParentPageListsChildrenAndTheirReports) {
  std::string path = "units/ceshi-ju/index.html";
  Page page(read_file(site() / path));
  std::map<std::string, std::vector<std::string>> children;  // child -> report titles
  for (const GumboNode* section : page.select("section")) {
    if (Page::attr(section, "class") != "child-unit") continue;
    auto heading = page.select("h3", section);
    ASSERT_EQ(heading.size(), 1u);
    auto link = page.select("a", heading.front());
    ASSERT_EQ(link.size(), 1u);
    std::string name = Page::text(link.front());
    std::string href = Page::attr(link.front(), "href").value_or("");
    auto target = resolve_href(path, href);
    ASSERT_TRUE(target && fs::is_regular_file(site() / *target)) << href;
    Page child(read_file(site() / *target));
    EXPECT_TRUE(Contains(child.title(), name));
    for (const GumboNode* a : page.select("a", section))
      if (resolve_href(path, Page::attr(a, "href").value_or(""))->starts_with("reports/"))
        children[name].push_back(Page::text(a));
  }
  using Titles = std::vector<std::string>;
  EXPECT_EQ(children, (std::map<std::string, Titles>{
                          {"局办公室（党建办）", Titles{"局办公室工作汇报"}},
                          {"市博物馆", Titles{"市博物馆工作汇报"}},
                          {"市图书馆", Titles{"东城分馆自查报告", "市图书馆自查报告"}},
                      }));
  // Its own report first, and issues of the whole tree.
  auto report_lists = page.select_class("table", "report-list");
  ASSERT_FALSE(report_lists.empty());
  EXPECT_EQ(page.links_named("市测试局年度工作报告", report_lists.front()).size(), 1u);
  EXPECT_EQ(page.links_named("图书馆的问题").size(), 1u);
}

TEST_F(E2eUnits, ChildPageLinksToItsParent) {
  std::string path = "units/tushuguan-fenguan/index.html";
  Page page(read_file(site() / path));
  auto parents = page.links_named("市图书馆");
  ASSERT_EQ(parents.size(), 1u);
  const GumboNode* parent = parents.front();
  expect_link_works(site(), path, Page::attr(parent, "href").value_or(""),
                    "units/tushuguan/index.html", "");
}

TEST_F(E2eUnits, IndexShowsTheTreeInOrderWithDepths) {
  Page page(read_file(site() / "units/index.html"));
  std::vector<std::string> tree;
  for (const GumboNode* li : page.select("li")) {
    std::string cls = Page::attr(li, "class").value_or("");
    if (!cls.starts_with("depth-")) continue;
    tree.push_back(cls + " " + Page::text(page.select("a", li).front()));
  }
  EXPECT_EQ(tree, (std::vector<std::string>{"depth-0 市测试局", "depth-1 局办公室（党建办）",
                                            "depth-1 市博物馆", "depth-1 市图书馆",
                                            "depth-2 市图书馆东城分馆", "depth-0 市其他局"}));
}

}  // namespace
}  // namespace dossier::e2e
