// Links in the bodies of registry entries (regulation summaries, unit and
// topic descriptions) and `reg:` links in item sections
// (tests/sites/valid/registry-bodies, tests/sites/invalid/registry-body-ref).
// README "Links in bodies": a relative link resolves from the Markdown file's
// folder, so links that work in an editor's preview work in the site;
// SPEC §2.3: scheme links are resolved and checked; README "Citations":
// `reg:` links count as citations like `《…》`.
#include <gtest/gtest.h>

#include "e2e/harness.h"

namespace dossier::e2e {
namespace {

using Page = HtmlPage;

class E2eRegistryBodies : public testing::Test {
 protected:
  void SetUp() override {
    RunResult r = build_fixture(dir_, "valid", "registry-bodies");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  fs::path site() const { return dir_ / "site"; }

  // The site path (and #fragment) the link named `text` on `page` leads
  // to, or "(no link)".
  std::string target_of(const std::string& page, std::string_view text) {
    Page html(read_file(site() / page));
    auto links = html.links_named(text);
    if (links.size() != 1) return "(" + std::to_string(links.size()) + " links)";
    std::string href = Page::attr(links.front(), "href").value_or("");
    std::string fragment = fragment_of(href);
    return resolve_href(page, href).value_or("(outside)") + (fragment.empty() ? "" : "#") +
           fragment;
  }

  TempDir dir_;
  const std::string pdf_ = "assets/baxiang-guiding.pdf";
  const std::string report_ = "reports/2023-xuexi/index.html";
};

TEST_F(E2eRegistryBodies, SchemeAndRootLinksInARegulationSummary) {
  std::string page = "regulations/baxiang-guiding/index.html";
  EXPECT_EQ(target_of(page, "八项规定原文二"), pdf_);
  EXPECT_EQ(target_of(page, "学习报告二"), report_);
}

// A registry body's relative links resolve from its file's folder, as a
// report's do (README "Links in bodies").
TEST_F(E2eRegistryBodies, RelativeLinksInARegulationSummary) {
  std::string page = "regulations/baxiang-guiding/index.html";
  EXPECT_EQ(target_of(page, "八项规定原文"), pdf_);
  EXPECT_EQ(target_of(page, "学习报告"), report_);
}

// As above, for a unit's description.
TEST_F(E2eRegistryBodies, LinksInAUnitDescription) {
  std::string page = "units/ceshi-ju/index.html";
  EXPECT_EQ(target_of(page, "八项规定"), "regulations/baxiang-guiding/index.html");
  EXPECT_EQ(target_of(page, "学习报告"), report_ + "#I1");
}

// As above, for a topic's description; its 《…》 link too.
TEST_F(E2eRegistryBodies, LinksInATopicDescription) {
  std::string page = "topics/zuofeng-jianshe/index.html";
  EXPECT_EQ(target_of(page, "《八项规定》"), "regulations/baxiang-guiding/index.html");
  EXPECT_EQ(target_of(page, "学习报告"), report_);
}

// A `reg:` link inside an anchored section counts for the issue, not only
// for the report.
TEST_F(E2eRegistryBodies, RegLinkInASectionCountsForTheIssue) {
  Page page(read_file(site() / "regulations/baxiang-guiding/index.html"));
  auto reports = page.select_class("table", "report-list");
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(page.links_named("市测试局学习八项规定情况报告", reports.front()).size(), 1u);
  EXPECT_EQ(page.links_named("公务接待不规范").size(), 1u) << "I1 cites it by reg: link";
}

// Links in registry bodies are checked like a report's: a dangling one is
// an error with its position.
TEST(E2eRegistryBodyRefs, RefInARegistryBodyIsAnError) {
  TempDir dir;
  copy_fixture(dir, "invalid", "registry-body-ref");
  RunResult r = run_dossier(dir.path(), {"check"});
  EXPECT_EQ(diagnostic_lines(r.out),
            (std::vector<std::string>{
                "content/units/ceshi-ju.md:5:2: error: unknown report 'meiyou' [ref]",
                "content/units/ceshi-ju.md:5:26: error: link target not found: "
                "'assets/meiyou.pdf' (attachments belong in the content folder's assets/) [ref]"}))
      << r.out;
  EXPECT_EQ(r.exit_code, 1);
}

}  // namespace
}  // namespace dossier::e2e
