// Tests for link/resolver: item references, and every kind of body link
// destination, on a small linked archive.
#include "link/resolver.h"

#include <gtest/gtest.h>

#include "../test_support.h"

namespace dossier {
namespace {

class ResolverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::ArchiveBuilder b;
    b.report("reports/2023/a.md",
             "---\ntitle: A\ndate: 2023-07-10\nunit: dangwei\n"
             "issues:\n  - {id: I1, title: 问题}\n"
             "measures:\n  - {id: M1, title: 措施, addresses: [I1]}\n---\n")
        .report("reports/2022/b.md",
                "---\ntitle: B\ndate: 2022-07-10\nunit: dangwei\n"
                "issues:\n  - {id: I3, title: 问题}\n"
                "measures:\n  - {id: M5, title: 措施}\n---\n")
        .regulation("baxiang-guiding", "---\ntitle: 中央八项规定\naliases: [八项规定]\n---\n")
        .regulation("dangzhang", "---\ntitle: 中国共产党章程\naliases: [党章]\n---\n")
        .unit("dangwei", "---\ntitle: 党委（党组）\n---\n")
        .topic("zuo-feng", "---\ntitle: 作风建设\n---\n")
        .asset("assets/附件/方案.pdf", "assets/fu-jian/fang-an.pdf");
    ASSERT_EQ(b.parse_text(), "");
    Diagnostics diags;
    archive_ = b.link(diags);
    ASSERT_EQ(test::text_of(diags), "");
    resolver_.emplace(archive_);
    a_ = test::report_index(archive_, "a");
    b_ = test::report_index(archive_, "b");
  }

  // "site:<path>", "external:<url>" or "error[code]: message", for a link in
  // report a's body (or in the registry file `source` when `from` is -1).
  std::string link(std::string_view url, int from = -2) const {
    std::string_view source = from == -1 ? "content/units/dangwei.md" : "content/reports/2023/a.md";
    LinkTarget t = resolver_->body_link(from == -2 ? a_ : from, source, url);
    switch (t.kind) {
      case LinkTarget::Kind::kSite:
        return "site:" + t.path;
      case LinkTarget::Kind::kExternal:
        return "external:" + t.path;
      case LinkTarget::Kind::kError:
        return "error[" + t.code + "]: " + t.error;
    }
    return "";
  }

  std::string item(std::string_view ref, ItemKind kind) const {
    std::string why;
    auto key = resolver_->item(a_, ref, kind, &why);
    if (!key) return "error: " + why;
    return archive_.reports[static_cast<size_t>(key->report)].id + "#" + archive_.item(*key).id;
  }

  Archive archive_;
  std::optional<Resolver> resolver_;
  int a_ = -1, b_ = -1;
};

TEST_F(ResolverTest, Names) {
  EXPECT_EQ(resolver_->regulation("八项规定"),
            test::index_of(archive_.regulations, "baxiang-guiding"));
  EXPECT_EQ(resolver_->regulation("dangzhang"), test::index_of(archive_.regulations, "dangzhang"));
  EXPECT_EQ(resolver_->regulation("中国共产党 章程"),
            test::index_of(archive_.regulations, "dangzhang"));
  EXPECT_EQ(resolver_->regulation("章程"), -1);
  EXPECT_EQ(resolver_->unit("党委(党组)"), test::index_of(archive_.units, "dangwei"));
  EXPECT_EQ(resolver_->topic("作风建设"), test::index_of(archive_.topics, "zuo-feng"));
  EXPECT_EQ(resolver_->report("b"), b_);
  EXPECT_EQ(resolver_->report("c"), -1);
}

TEST_F(ResolverTest, ItemReferences) {
  EXPECT_EQ(item("I1", ItemKind::kIssue), "a#I1");
  EXPECT_EQ(item("M1", ItemKind::kMeasure), "a#M1");
  EXPECT_EQ(item("b#I3", ItemKind::kIssue), "b#I3");
  EXPECT_EQ(item("a#I1", ItemKind::kIssue), "a#I1");
}

TEST_F(ResolverTest, ItemReferenceErrors) {
  EXPECT_EQ(item("I1", ItemKind::kMeasure), "error: 'I1' is an issue, not a measure");
  EXPECT_EQ(item("b#M5", ItemKind::kIssue), "error: 'b#M5' is a measure, not an issue");
  EXPECT_EQ(item("I9", ItemKind::kIssue), "error: unknown issue 'I9'");
  EXPECT_EQ(item("I3", ItemKind::kIssue), "error: unknown issue 'I3'");
  EXPECT_EQ(item("b#I9", ItemKind::kIssue), "error: report 'b' has no issue 'I9'");
  EXPECT_EQ(item("zz#I1", ItemKind::kMeasure), "error: unknown report 'zz' in 'zz#I1'");
}

TEST_F(ResolverTest, SchemeLinks) {
  EXPECT_EQ(link("report:b"), "site:reports/b/index.html");
  EXPECT_EQ(link("issue:I1"), "site:reports/a/index.html#I1");
  EXPECT_EQ(link("measure:M1"), "site:reports/a/index.html#M1");
  EXPECT_EQ(link("issue:b#I3"), "site:reports/b/index.html#I3");
  EXPECT_EQ(link("reg:八项规定"), "site:regulations/baxiang-guiding/index.html");
  EXPECT_EQ(link("reg:dangzhang"), "site:regulations/dangzhang/index.html");
  EXPECT_EQ(link("unit:党委(党组)"), "site:units/dangwei/index.html");
  EXPECT_EQ(link("topic:作风建设"), "site:topics/zuo-feng/index.html");
  // cmark hands over destinations as written; percent-encoded names work too.
  EXPECT_EQ(link("reg:%E5%85%9A%E7%AB%A0"), "site:regulations/dangzhang/index.html");
}

TEST_F(ResolverTest, RegLinksNameTheirRegulation) {
  const char* source = "content/reports/2023/a.md";
  LinkTarget t = resolver_->body_link(a_, source, "reg:党章");
  EXPECT_EQ(t.regulation, test::index_of(archive_.regulations, "dangzhang"));
  EXPECT_EQ(resolver_->body_link(a_, source, "report:b").regulation, -1);
}

TEST_F(ResolverTest, SchemeLinkErrors) {
  EXPECT_EQ(link("report:zz"), "error[ref]: unknown report 'zz'");
  EXPECT_EQ(link("issue:M1"), "error[ref]: 'M1' is a measure, not an issue");
  EXPECT_EQ(link("measure:zz#M1"), "error[ref]: unknown report 'zz' in 'zz#M1'");
  EXPECT_EQ(link("issue:b#I9"), "error[ref]: report 'b' has no issue 'I9'");
  EXPECT_EQ(link("reg:中央九项规定"), "error[ref]: unknown regulation '中央九项规定'");
  EXPECT_EQ(link("unit:市委"), "error[ref]: unknown unit '市委'");
  EXPECT_EQ(link("topic:廉政"), "error[ref]: unknown topic '廉政'");
}

// Everything that is not an archive link is left as written.
TEST_F(ResolverTest, ExternalAndSamePageLinks) {
  EXPECT_EQ(link("https://www.gov.cn/x"), "external:https://www.gov.cn/x");
  EXPECT_EQ(link("mailto:office@example.org"), "external:mailto:office@example.org");
  EXPECT_EQ(link("//cdn.example.com/x.js"), "external://cdn.example.com/x.js");
  EXPECT_EQ(link("javascript:alert(1)"), "external:javascript:alert(1)");
  EXPECT_EQ(link("#I1"), "external:#I1");
  EXPECT_EQ(link(""), "external:");
}

TEST_F(ResolverTest, RelativeMarkdownLinksBecomeReportPages) {
  EXPECT_EQ(link("../2022/b.md"), "site:reports/b/index.html");
  EXPECT_EQ(link("../2022/b.md#I3"), "site:reports/b/index.html#I3");
  EXPECT_EQ(link("./../2022/./b.md?plain=1"), "site:reports/b/index.html");
  EXPECT_EQ(link("a.md"), "site:reports/a/index.html");
  EXPECT_EQ(link("/reports/2022/b.md"), "site:reports/b/index.html");
  EXPECT_EQ(link("../2022/c.md"),
            "error[ref]: link target not found: 'reports/2022/c.md' (attachments belong in the "
            "content folder's assets/)");
}

TEST_F(ResolverTest, AssetLinks) {
  EXPECT_EQ(link("../../assets/附件/方案.pdf"), "site:assets/fu-jian/fang-an.pdf");
  EXPECT_EQ(link("/assets/附件/方案.pdf"), "site:assets/fu-jian/fang-an.pdf");
  EXPECT_EQ(link("/assets/%E9%99%84%E4%BB%B6/%E6%96%B9%E6%A1%88.pdf#page=2"),
            "site:assets/fu-jian/fang-an.pdf#page=2");
  EXPECT_EQ(link("../../assets/none.pdf"),
            "error[ref]: link target not found: 'assets/none.pdf' (attachments belong in the "
            "content folder's assets/)");
}

TEST_F(ResolverTest, LinksLeavingTheContentFolder) {
  EXPECT_EQ(link("../../../etc/passwd"),
            "error[path]: link '../../../etc/passwd' leads outside the content folder");
  EXPECT_EQ(link("/../secret.md"),
            "error[path]: link '/../secret.md' leads outside the content folder");
  EXPECT_EQ(link("../../assets/../../x.pdf"),
            "error[path]: link '../../assets/../../x.pdf' leads outside the content folder");
}

// Regression: these indexed Archive::reports with -1 (a crash, or garbage).
TEST_F(ResolverTest, SchemeLinksFromARegistryBody) {
  EXPECT_EQ(link("report:b", -1), "site:reports/b/index.html");
  EXPECT_EQ(link("issue:b#I3", -1), "site:reports/b/index.html#I3");
  EXPECT_EQ(link("issue:I3", -1),
            "error[ref]: 'I3' names no report: write issue:<report-id>#I3 outside a report");
  EXPECT_EQ(link("measure:zz#M1", -1), "error[ref]: unknown report 'zz' in 'zz#M1'");
  EXPECT_EQ(link("reg:党章", -1), "site:regulations/dangzhang/index.html");
}

// README "Links in bodies": a relative link resolves from the Markdown
// file's folder, registry files included.
TEST_F(ResolverTest, LinksFromARegistryBodyResolveFromItsFolder) {
  auto from_unit = [&](std::string_view url) {
    LinkTarget t = resolver_->body_link(-1, "content/units/dangwei.md", url);
    return t.kind == LinkTarget::Kind::kError ? "error[" + t.code + "]: " + t.error : t.path;
  };
  EXPECT_EQ(from_unit("../assets/附件/方案.pdf"), "assets/fu-jian/fang-an.pdf");
  EXPECT_EQ(from_unit("../reports/2022/b.md#I3"), "reports/b/index.html#I3");
  EXPECT_EQ(from_unit("/reports/2022/b.md"), "reports/b/index.html");
  EXPECT_EQ(from_unit("assets/附件/方案.pdf"),
            "error[ref]: link target not found: 'units/assets/附件/方案.pdf' (attachments belong "
            "in the content folder's assets/)");
  EXPECT_EQ(from_unit("../../x.pdf"),
            "error[path]: link '../../x.pdf' leads outside the content folder");
}

}  // namespace
}  // namespace dossier
