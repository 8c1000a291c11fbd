// Derived issue status (SPEC §2.4) with `as_of` from site.yaml, as shown on
// the report page, the ledger page and ledger.csv (tests/sites/valid/status).
#include <gtest/gtest.h>

#include "e2e/harness.h"

namespace dossier::e2e {
namespace {

using Page = HtmlPage;
using Row = std::vector<std::string>;

// Expected status of each issue of the fixture at as_of 2024-03-01:
// class suffix and label.
const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> kStatuses = {
    {"I1", {"open", "待整改"}},         // no measure
    {"I2", {"in-progress", "整改中"}},  // a planned measure, due later
    {"I3", {"rectified", "已整改"}},    // its only measure done (after its due date passed)
    {"I4", {"overdue", "已逾期"}},      // one measure past due, another done
    {"I5", {"in-progress", "整改中"}},  // a measure without status is planned
    {"I6", {"in-progress", "整改中"}},  // due on as_of itself: not yet overdue
};

// The status <span> of an issue's card or section on its report page.
const GumboNode* status_span(const Page& page, const GumboNode* item) {
  for (const GumboNode* p : page.select("p", item)) {
    if (Page::attr(p, "class") != "item-meta") continue;
    for (const GumboNode* span : page.select("span", p))
      if (Page::attr(span, "class").value_or("").starts_with("status ")) return span;
  }
  return nullptr;
}

class E2eStatus : public testing::Test {
 protected:
  void SetUp() override {
    RunResult r = build_fixture(dir_, "valid", "status");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  fs::path site() const { return dir_ / "site"; }
  // Rebuilds with another as_of in site.yaml.
  void rebuild_as_of(std::string_view date) {
    fs::path yaml = dir_ / "content/site.yaml";
    std::string text = read_file(yaml);
    size_t at = text.find("as_of: ");
    ASSERT_NE(at, std::string::npos);
    text.replace(at + 7, 10, date);
    write_file(yaml, text);
    RunResult r = run_dossier(dir_.path(), {"build", "content", "-o", "site"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  // Issue id -> "class label" from the report page.
  std::map<std::string, std::string> report_page_statuses() {
    Page page(read_file(site() / "reports/2023-xunshi-fankui/index.html"));
    std::map<std::string, std::string> out;
    for (int i = 1; i <= 6; ++i) {
      std::string id = "I" + std::to_string(i);
      const GumboNode* item = page.by_id(id);
      if (!item) continue;
      const GumboNode* span = status_span(page, item);
      if (span) out[id] = Page::attr(span, "class").value_or("") + " " + Page::text(span);
    }
    return out;
  }

  TempDir dir_;
};

std::map<std::string, std::string> expected(
    const std::vector<std::pair<std::string, std::pair<std::string, std::string>>>& statuses) {
  std::map<std::string, std::string> out;
  for (const auto& [id, s] : statuses) out[id] = "status status-" + s.first + " " + s.second;
  return out;
}

TEST_F(E2eStatus, ReportPageShowsEachDerivedStatus) {
  EXPECT_EQ(report_page_statuses(), expected(kStatuses));
}

TEST_F(E2eStatus, MeasureStatusShowsOverdue) {
  Page page(read_file(site() / "reports/2023-xunshi-fankui/index.html"));
  const GumboNode* m3 = page.by_id("M3");
  ASSERT_NE(m3, nullptr);
  const GumboNode* span = status_span(page, m3);
  ASSERT_NE(span, nullptr);
  EXPECT_EQ(Page::attr(span, "class"), "status status-overdue");
  EXPECT_EQ(Page::text(span), "进行中（已逾期）");
  const GumboNode* m5 = page.by_id("M5");
  ASSERT_NE(m5, nullptr);
  EXPECT_EQ(Page::text(status_span(page, m5)), "计划中");
}

TEST_F(E2eStatus, LedgerPageShowsEachDerivedStatus) {
  Page page(read_file(site() / "ledger/index.html"));
  std::map<std::string, std::string> shown;
  // Ledger rows are plain: the row's class names the status, the first cell says it.
  for (const GumboNode* row : page.select("tr")) {
    auto cells = page.select("td", row);
    if (cells.empty()) continue;
    auto links = page.select("a", cells[1]);
    ASSERT_FALSE(links.empty());
    std::string issue = Page::text(links.front());
    std::string id = issue.substr(0, issue.find(' '));
    std::string row_class = Page::attr(row, "class").value_or("");
    ASSERT_TRUE(row_class.starts_with("st-")) << row_class;
    shown[id] = "status status-" + row_class.substr(3) + " " + Page::text(cells[0]);
  }
  EXPECT_EQ(shown, expected(kStatuses));
  EXPECT_TRUE(Contains(page.main_text(), "截至 2024-03-01"));
}

TEST_F(E2eStatus, OverviewCountsIssuesByStatus) {
  Page page(read_file(site() / "index.html"));
  std::map<std::string, std::string> counts;
  for (const GumboNode* li : page.select("li")) {
    auto spans = page.select("span", li);
    if (spans.size() != 2 || Page::attr(spans[1], "class") != "n") continue;
    counts[Page::text(spans[0])] = Page::text(spans[1]);
  }
  EXPECT_EQ(counts, (std::map<std::string, std::string>{
                        {"已逾期", "1"}, {"待整改", "1"}, {"整改中", "3"}, {"已整改", "1"}}));
}

TEST_F(E2eStatus, LedgerCsvHasOneRowPerIssueAndMeasure) {
  std::string csv = read_file(site() / "ledger/ledger.csv");
  ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBF")) << "UTF-8 BOM for Excel";
  for (size_t at = csv.find('\n'); at != std::string::npos; at = csv.find('\n', at + 1))
    ASSERT_EQ(csv[at - 1], '\r') << "CRLF line ends";
  ASSERT_TRUE(csv.ends_with("\r\n"));
  auto rows = parse_csv(std::string_view(csv).substr(3));
  const std::string r = "2023-xunshi-fankui", title = "巡察反馈问题整改方案", date = "2023-11-01",
                    unit = "市测试局";
  std::vector<Row> want = {
      {"问题编号", "问题", "问题状态", "报告", "报告日期", "单位", "涉及法规", "措施编号",
       "整改措施", "责任单位", "完成时限", "措施状态"},
      {r + "#I1", "尚无措施的问题", "待整改", title, date, unit, "", "", "", "", "", ""},
      {r + "#I2", "措施计划中的问题", "整改中", title, date, unit, "", r + "#M1", "计划中的措施",
       "办公室", "2024-12-31", "计划中"},
      {r + "#I3", "措施全部完成的问题", "已整改", title, date, unit, "", r + "#M2", "已完成的措施",
       "财务科", "2023-12-31", "已完成"},
      {r + "#I4", "措施逾期的问题", "已逾期", title, date, unit, "", r + "#M3", "逾期的措施",
       "人事科", "2024-01-31", "进行中（已逾期）"},
      {r + "#I4", "措施逾期的问题", "已逾期", title, date, unit, "", r + "#M4", "按期完成的措施",
       "人事科", "2024-01-31", "已完成"},
      {r + "#I5", "措施未写状态的问题", "整改中", title, date, unit, "", r + "#M5",
       "未写状态的措施", "纪检组", "", "计划中"},
      {r + "#I6", "措施今天到期的问题", "整改中", title, date, unit, "", r + "#M6",
       "今天到期的措施", "办公室", "2024-03-01", "进行中"},
  };
  EXPECT_EQ(rows, want);
}

// "Today" is as_of, not the build date: moving it moves the statuses.
TEST_F(E2eStatus, AsOfDecidesWhatIsOverdue) {
  rebuild_as_of("2024-01-01");
  auto before = kStatuses;
  before[3].second = {"in-progress", "整改中"};  // I4: M3 not yet due
  EXPECT_EQ(report_page_statuses(), expected(before));

  rebuild_as_of("2025-01-01");
  auto after = kStatuses;
  after[1].second = {"overdue", "已逾期"};      // I2: M1 was due 2024-12-31
  after[4].second = {"in-progress", "整改中"};  // I5: M5 has no due date
  after[5].second = {"overdue", "已逾期"};      // I6
  EXPECT_EQ(report_page_statuses(), expected(after));
  Page ledger(read_file(site() / "ledger/index.html"));
  EXPECT_TRUE(Contains(ledger.main_text(), "截至 2025-01-01"));
}

}  // namespace
}  // namespace dossier::e2e
