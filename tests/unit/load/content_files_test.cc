// Tests for load/content_files: sorting the content folder's files into
// kinds, and reading them as checked UTF-8, over an in-memory tree.
#include "load/content_files.h"

#include <gtest/gtest.h>

#include "../test_support.h"

namespace dossier {
namespace {

using test::text_of;

using Paths = std::vector<std::string>;

TEST(ListContent, SortsFilesIntoKinds) {
  MemoryFileSystem mem;
  mem.add("content/site.yaml", "title: x\n");
  mem.add("content/reports/2023/b.md", "");
  mem.add("content/reports/a.md", "");
  mem.add("content/regulations/dangzhang.md", "");
  mem.add("content/units/shi-wei.md", "");
  mem.add("content/topics/zuo-feng.md", "");
  mem.add("content/assets/附件.pdf", "");
  mem.add("content/assets/2023/scan.jpg", "");
  mem.add("content/README.md", "");
  mem.add("content/reports/.draft.md", "");
  Diagnostics diags;
  ContentFiles files = list_content(mem, "content/", diags);
  EXPECT_EQ(text_of(diags), "");
  EXPECT_EQ(files.root, "content");
  EXPECT_TRUE(files.has_site_yaml);
  EXPECT_EQ(files.reports, (Paths{"reports/2023/b.md", "reports/a.md"}));
  EXPECT_EQ(files.regulations, (Paths{"regulations/dangzhang.md"}));
  EXPECT_EQ(files.units, (Paths{"units/shi-wei.md"}));
  EXPECT_EQ(files.topics, (Paths{"topics/zuo-feng.md"}));
  EXPECT_EQ(files.assets, (Paths{"assets/2023/scan.jpg", "assets/附件.pdf"}));
  EXPECT_EQ(files.display_path("reports/a.md"), "content/reports/a.md");
}

TEST(ListContent, WarnsAboutFilesThatCannotBeContent) {
  MemoryFileSystem mem;
  mem.add("content/reports/2023/整改报告.docx", "PK");
  mem.add("content/reports/b.txt", "");
  mem.add("content/reports/c.pdf", "");
  mem.add("content/regulations/old/x.md", "");
  mem.add("content/reports/a.md", "");
  Diagnostics diags;
  ContentFiles files = list_content(mem, "content", diags);
  EXPECT_EQ(files.reports, (Paths{"reports/a.md"}));
  EXPECT_TRUE(files.regulations.empty());
  EXPECT_FALSE(files.has_site_yaml);
  EXPECT_EQ(text_of(diags),
            "content/regulations/old/x.md:1:1: warning: registry files belong directly in "
            "regulations/: ignored [file]\n"
            "content/reports/2023/整改报告.docx:1:1: warning: not a Markdown report: ignored "
            "(convert it with `dossier import`) [file]\n"
            "content/reports/b.txt:1:1: warning: not a Markdown report: ignored (convert it with "
            "`dossier import`) [file]\n"
            "content/reports/c.pdf:1:1: warning: not a .md file: ignored [file]\n");
}

TEST(ListContent, MissingFolderIsAnError) {
  MemoryFileSystem mem;
  mem.add("elsewhere/reports/a.md", "");
  Diagnostics diags;
  ContentFiles files = list_content(mem, "content", diags);
  EXPECT_TRUE(files.reports.empty());
  EXPECT_EQ(text_of(diags), "content: error: content folder not found [io]\n");
  EXPECT_TRUE(diags.has_errors());
}

TEST(ReadSource, ReadsUtf8WithBomAndCrlf) {
  MemoryFileSystem mem;
  mem.add("content/reports/a.md", "\xEF\xBB\xBF---\r\ntitle: 标题\r\n---\r\n");
  Diagnostics diags;
  ContentFiles files = list_content(mem, "content", diags);
  auto src = read_source(mem, files, "reports/a.md", diags);
  ASSERT_NE(src, nullptr);
  EXPECT_EQ(src->path(), "content/reports/a.md");
  EXPECT_EQ(src->text(), "---\ntitle: 标题\n---\n");
  EXPECT_EQ(text_of(diags), "");
}

TEST(ReadSource, GbkIsAnEncodingErrorAtTheFirstBadByte) {
  MemoryFileSystem mem;
  // "---\ntitle: 关于整改情况的报告\ndate: 2023-07-10\n---\n\n一、存在的问题\n" in GBK.
  mem.add("content/reports/a.md",
          "---\ntitle: \xB9\xD8\xD3\xDA\xD5\xFB\xB8\xC4\xC7\xE9\xBF\xF6\xB5\xC4\xB1\xA8\xB8\xE6\n"
          "date: 2023-07-10\n---\n\n"
          "\xD2\xBB\xA1\xA2\xB4\xE6\xD4\xDA\xB5\xC4\xCE\xCA\xCC\xE2\n");
  Diagnostics diags;
  ContentFiles files = list_content(mem, "content", diags);
  EXPECT_EQ(read_source(mem, files, "reports/a.md", diags), nullptr);
  EXPECT_EQ(text_of(diags),
            "content/reports/a.md:2:8: error: file is not UTF-8 (byte 0xB9; it looks like "
            "GB18030): convert it with `dossier import` [encoding]\n"
            "  title: \n"
            "         ^\n");
}

TEST(ReadSource, BadByteAfterChineseTextCountsCodePoints) {
  MemoryFileSystem mem;
  mem.add("content/units/a.md", "---\r\ntitle: 市委\xFF\r\n");
  Diagnostics diags;
  ContentFiles files = list_content(mem, "content", diags);
  EXPECT_EQ(read_source(mem, files, "units/a.md", diags), nullptr);
  ASSERT_EQ(diags.sorted().size(), 1u);
  Diagnostic d = diags.sorted()[0];
  EXPECT_EQ(d.loc, (Loc{2, 10}));
  EXPECT_EQ(d.code, "encoding");
  EXPECT_EQ(d.excerpt, "title: 市委");
}

TEST(ReadSource, Utf16IsNamed) {
  MemoryFileSystem mem;
  mem.add("content/site.yaml", std::string("\xFF\xFEt\0i\0", 6));
  Diagnostics diags;
  ContentFiles files = list_content(mem, "content", diags);
  EXPECT_EQ(read_source(mem, files, "site.yaml", diags), nullptr);
  EXPECT_EQ(text_of(diags),
            "content/site.yaml:1:1: error: file is not UTF-8 (byte 0xFF; it looks like UTF-16): "
            "convert it with `dossier import` [encoding]\n");
}

TEST(ReadSource, UnreadableFileIsAnIoError) {
  MemoryFileSystem mem;
  mem.add("content/site.yaml", "");
  Diagnostics diags;
  ContentFiles files = list_content(mem, "content", diags);
  EXPECT_EQ(read_source(mem, files, "reports/gone.md", diags), nullptr);
  EXPECT_EQ(text_of(diags),
            "content/reports/gone.md: error: cannot read content/reports/gone.md: No such file "
            "[io]\n");
}

TEST(FileStem, Paths) {
  EXPECT_EQ(file_stem("reports/2023/a-b.md"), "a-b");
  EXPECT_EQ(file_stem("a.md"), "a");
  EXPECT_EQ(file_stem("reports/x.tar.gz"), "x.tar");
  EXPECT_EQ(file_stem("reports/.hidden"), ".hidden");
  EXPECT_EQ(file_stem("reports/noext"), "noext");
}

}  // namespace
}  // namespace dossier
