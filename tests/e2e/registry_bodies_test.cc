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

// BUG: a registry body's relative links resolve from the content folder
// (link/resolver.cc, Resolver::file_link with from == -1; render/pages.cc,
// PageRenderer::registry_body passes no source path), not from the file's
// folder: `../assets/x.pdf` written in regulations/y.md "leaves the content
// folder" and the link is silently dropped from the page (no diagnostic,
// see RefInARegistryBodyIsAnError below).
TEST_F(E2eRegistryBodies, RelativeLinksInARegulationSummary) {
  std::string page = "regulations/baxiang-guiding/index.html";
  EXPECT_EQ(target_of(page, "八项规定原文"), pdf_);
  EXPECT_EQ(target_of(page, "学习报告"), report_);
}

// BUG: as above, for a unit's description (the reg: link works).
TEST_F(E2eRegistryBodies, LinksInAUnitDescription) {
  std::string page = "units/ceshi-ju/index.html";
  EXPECT_EQ(target_of(page, "八项规定"), "regulations/baxiang-guiding/index.html");
  EXPECT_EQ(target_of(page, "学习报告"), report_ + "#I1");
}

// BUG: as above, for a topic's description (the citation works).
TEST_F(E2eRegistryBodies, LinksInATopicDescription) {
  std::string page = "topics/zuofeng-jianshe/index.html";
  EXPECT_EQ(target_of(page, "《八项规定》"), "regulations/baxiang-guiding/index.html");
  EXPECT_EQ(target_of(page, "学习报告"), report_);
}

// BUG: a `reg:` link inside an anchored section counts for the report but
// not for the issue: parse/body_facts.cc records the section of each
// citation (Citation::anchor) but not of each link (BodyLink has none), so
// link/linker.cc (link_body) cannot add it to the item's regulations.
TEST_F(E2eRegistryBodies, RegLinkInASectionCountsForTheIssue) {
  Page page(read_file(site() / "regulations/baxiang-guiding/index.html"));
  auto reports = page.select_class("table", "report-list");
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(page.links_named("市测试局学习八项规定情况报告", reports.front()).size(), 1u);
  EXPECT_EQ(page.links_named("公务接待不规范").size(), 1u) << "I1 cites it by reg: link";
}

// BUG: links in registry bodies are never checked (only report bodies are,
// in link/linker.cc link_body; parse/registry_parser.cc keeps no body
// facts), so a dangling one is dropped from the page without a diagnostic.
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
