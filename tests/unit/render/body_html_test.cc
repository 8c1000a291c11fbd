// Tests for render/body_html: item sections, scheme and citation links with
// relative hrefs, outside images, and hostile input that must never reach a
// page.
#include "render/body_html.h"

#include <gtest/gtest.h>

#include <cctype>

#include "../test_support.h"
#include "base/site_paths.h"
#include "render/body_html.h"

namespace dossier {
namespace {

// The page HTML of report a's body, written as `markdown`: parsed (parse
// stage), linked (link stage), markers filled (render stage); item boxes
// show the item's id.
class BodyHtml : public ::testing::Test {
 protected:
  std::string html(const std::string& markdown) {
    test::ArchiveBuilder b;
    b.unit("dangwei", "---\ntitle: 党委\n---\n")
        .regulation("dangzhang", "---\ntitle: 中国共产党章程\naliases: [党章]\n---\n")
        .report("reports/2023/a.md",
                "---\ntitle: A\ndate: 2023-07-10\nunit: dangwei\n"
                "issues:\n  - {id: I1, title: 问题}\n  - {id: I2, title: 问题二}\n"
                "measures:\n  - {id: M1, title: 措施, addresses: [I1]}\n"
                "  - {id: M2, title: 措施二}\n---\n" +
                    markdown)
        .report("reports/2022/b.md", "---\ntitle: B\ndate: 2022-07-10\nunit: dangwei\n---\n")
        .asset("assets/附件/方案.pdf", "assets/fu-jian/fang-an.pdf");
    parse_text_ = b.parse_text();
    Diagnostics diags;
    archive_ = b.link(diags);
    link_text_ = test::text_of(diags);
    const Report& a = archive_.reports[static_cast<size_t>(test::report_index(archive_, "a"))];
    BodyParts parts = body_parts(a.body, site_path::report("a"));
    std::string out;
    for (const auto& part : parts.parts) {
      out += parts.text(part);
      if (part.anchor >= 0)
        out +=
            "<div class=\"box\">" + a.body.anchors[static_cast<size_t>(part.anchor)].id + "</div>";
    }
    return out;
  }

  Archive archive_;
  std::string parse_text_, link_text_;
};

TEST_F(BodyHtml, AnchoredSectionWrapsHeadingAndDescription) {
  EXPECT_EQ(html("## 问题 {#I1}\n\n说明。\n\n## 其他\n\n尾。\n"),
            "<section class=\"item item-issue\" id=\"I1\">\n"
            "<h2>问题</h2>\n"
            "<div class=\"box\">I1</div>\n"
            "<p>说明。</p>\n"
            "</section>\n"
            "<h2>其他</h2>\n"
            "<p>尾。</p>\n");
}

TEST_F(BodyHtml, LowerHeadingsStayInsideAndHigherOnesClose) {
  EXPECT_EQ(html("### 措施 {#M1}\n\n#### 小节\n\n内容\n\n## 上级\n"),
            "<section class=\"item item-measure\" id=\"M1\">\n"
            "<h3>措施</h3>\n"
            "<div class=\"box\">M1</div>\n"
            "<h4>小节</h4>\n"
            "<p>内容</p>\n"
            "</section>\n"
            "<h2>上级</h2>\n");
}

TEST_F(BodyHtml, NestedSectionsCloseInnermostFirst) {
  EXPECT_EQ(html("## 问题 {#I1}\n\n甲\n\n### 措施 {#M1}\n\n乙\n\n## 问题二 {#I2}\n\n丙\n"),
            "<section class=\"item item-issue\" id=\"I1\">\n"
            "<h2>问题</h2>\n"
            "<div class=\"box\">I1</div>\n"
            "<p>甲</p>\n"
            "<section class=\"item item-measure\" id=\"M1\">\n"
            "<h3>措施</h3>\n"
            "<div class=\"box\">M1</div>\n"
            "<p>乙</p>\n"
            "</section>\n"
            "</section>\n"
            "<section class=\"item item-issue\" id=\"I2\">\n"
            "<h2>问题二</h2>\n"
            "<div class=\"box\">I2</div>\n"
            "<p>丙</p>\n"
            "</section>\n");
}

TEST_F(BodyHtml, SectionsOpenAtTheEndCloseAtTheEnd) {
  EXPECT_EQ(html("## 问题二 {#I2}\n\n### 措施二 {#M2}\n\n丁\n"),
            "<section class=\"item item-issue\" id=\"I2\">\n"
            "<h2>问题二</h2>\n"
            "<div class=\"box\">I2</div>\n"
            "<section class=\"item item-measure\" id=\"M2\">\n"
            "<h3>措施二</h3>\n"
            "<div class=\"box\">M2</div>\n"
            "<p>丁</p>\n"
            "</section>\n"
            "</section>\n");
}

TEST_F(BodyHtml, AnchorNamingNoItemIsStrippedWithoutASection) {
  EXPECT_EQ(html("## 标题 {#I9}\n"), "<h2>标题</h2>\n");
}

TEST_F(BodyHtml, RegLinksAndCitationsGetRelativeHrefs) {
  EXPECT_EQ(
      html("见[章程](reg:党章)，学习《党章》和《某通知》。\n"),
      "<p>见<a href=\"../../regulations/dangzhang/index.html\">章程</a>，学习"
      "<a href=\"../../regulations/dangzhang/index.html\" title=\"中国共产党章程\">《党章》</a>"
      "和《某通知》。</p>\n");
}

TEST_F(BodyHtml, CitationInsideALinkIsLeftAlone) {
  EXPECT_EQ(html("[《党章》全文](https://www.12371.cn/)\n"),
            "<p><a href=\"https://www.12371.cn/\">《党章》全文</a></p>\n");
}

TEST_F(BodyHtml, CitationInAnAnchoredHeading) {
  EXPECT_EQ(html("## 违反《党章》 {#I1}\n"),
            "<section class=\"item item-issue\" id=\"I1\">\n"
            "<h2>违反<a href=\"../../regulations/dangzhang/index.html\" title=\"中国共产党章程\">"
            "《党章》</a></h2>\n"
            "<div class=\"box\">I1</div>\n"
            "</section>\n");
}

TEST_F(BodyHtml, SchemeAndFileLinks) {
  EXPECT_EQ(
      html("[B](report:b) [I](issue:I1) [B2](../2022/b.md#x) [附件](/assets/附件/方案.pdf)\n"),
      "<p><a href=\"../../reports/b/index.html\">B</a> "
      "<a href=\"../../reports/a/index.html#I1\">I</a> "
      "<a href=\"../../reports/b/index.html#x\">B2</a> "
      "<a href=\"../../assets/fu-jian/fang-an.pdf\">附件</a></p>\n");
}

TEST_F(BodyHtml, BrokenLinksAreErrorsOfTheLinkStage) {
  html("见[旧报告](report:zz)和[外部](../../../x.md)。\n");
  EXPECT_EQ(link_text_,
            "content/reports/2023/a.md:12:2: error: unknown report 'zz' [ref]\n"
            "  见[旧报告](report:zz)和[外部](../../../x.md)。\n"
            "    ^\n"
            "content/reports/2023/a.md:12:19: error: link '../../../x.md' leads outside the "
            "content folder [path]\n"
            "  见[旧报告](report:zz)和[外部](../../../x.md)。\n"
            "                         ^\n");
}

TEST_F(BodyHtml, ExternalImagesBecomeLinks) {
  EXPECT_EQ(html("![现场照片](https://example.com/a.jpg) ![](http://example.com/b.png)\n"),
            "<p><a href=\"https://example.com/a.jpg\">现场照片</a> "
            "<a href=\"http://example.com/b.png\">http://example.com/b.png</a></p>\n");
}

TEST_F(BodyHtml, ArchiveImagesStayImages) {
  EXPECT_EQ(html("![图](/assets/附件/方案.pdf)\n"),
            "<p><img src=\"../../assets/fu-jian/fang-an.pdf\" alt=\"图\" /></p>\n");
}

TEST_F(BodyHtml, ExternalLinksStay) {
  EXPECT_EQ(html("[中国政府网](https://www.gov.cn/ \"标题\")\n"),
            "<p><a href=\"https://www.gov.cn/\" title=\"标题\">中国政府网</a></p>\n");
}

TEST_F(BodyHtml, HostileInputNeverReachesThePage) {
  const char* const inputs[] = {
      "<script>alert(1)</script>\n",
      "段落<script>alert(1)</script>文字\n",
      "<img src=x onerror=alert(1)>\n",
      "文字 <img src=x onerror=alert(1)> 文字\n",
      "<div onmouseover=\"alert(1)\">x</div>\n",
      "<iframe src=\"https://evil.example\"></iframe>\n",
      "<style>body{display:none}</style>\n",
      "[点击](javascript:alert(1))\n",
      "[点击](JaVaScRiPt:alert(1))\n",
      "[点击](&#106;avascript:alert(1))\n",
      "[点击](vbscript:msgbox(1))\n",
      "[点击](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n",
      "![图](javascript:alert(1))\n",
      "<javascript:alert(1)>\n",
      "[a]: javascript:alert(1)\n\n[点击][a]\n",
      "## 标题 <script>alert(1)</script> {#I1}\n",
      "| 表 |\n|---|\n| <script>alert(1)</script> |\n",
  };
  for (const char* input : inputs) {
    std::string out = html(input);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Dangerous URLs may remain as link text, never as an href or src.
    for (std::string_view bad : {"<script", "=\"javascript:", "=\"vbscript:", "=\"data:text",
                                 "onerror=", "onmouseover=", "<iframe", "<style"})
      EXPECT_EQ(out.find(bad), std::string::npos) << bad << " in " << input << "\n" << out;
  }
}

TEST_F(BodyHtml, RawHtmlIsDroppedVisibly) {
  EXPECT_EQ(html("<script>alert(1)</script>\n"), "<!-- raw HTML omitted -->\n");
  EXPECT_EQ(html("[点击](javascript:alert(1))\n"), "<p><a href=\"\">点击</a></p>\n");
}

TEST_F(BodyHtml, TextIsEscaped) {
  EXPECT_EQ(html("a < b & \"c\"\n"), "<p>a &lt; b &amp; &quot;c&quot;</p>\n");
}

TEST(RegistryBodyHtml, LinksResolveFromTheFilesFolder) {
  test::ArchiveBuilder b;
  b.unit("dangwei", "---\ntitle: 党委\n---\n")
      .regulation("dangzhang",
                  "---\ntitle: 中国共产党章程\naliases: [党章]\n---\n"
                  "[附件](../assets/附件/方案.pdf) [A](../reports/2023/a.md#I1) 《党章》\n")
      .report("reports/2023/a.md",
              "---\ntitle: A\ndate: 2023-07-10\nunit: dangwei\n"
              "issues:\n  - {id: I1, title: 问题}\n---\n")
      .asset("assets/附件/方案.pdf", "assets/fu-jian/fang-an.pdf");
  Diagnostics diags;
  Archive archive = b.link(diags);
  EXPECT_EQ(test::text_of(diags), "");
  const Regulation& reg = archive.regulations[0];
  EXPECT_EQ(
      body_html(reg.body, site_path::regulation("dangzhang")),
      "<p><a href=\"../../assets/fu-jian/fang-an.pdf\">附件</a> "
      "<a href=\"../../reports/a/index.html#I1\">A</a> "
      "<a href=\"../../regulations/dangzhang/index.html\" title=\"中国共产党章程\">《党章》</a>"
      "</p>\n");
}

}  // namespace
}  // namespace dossier
