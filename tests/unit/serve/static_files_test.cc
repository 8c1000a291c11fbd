// Answering file requests (serve/static_files.h) over a small site folder:
// what is served (the file the answer opened, whatever happens to the
// path since), what is refused, folders, 404s, conditional requests,
// content types and HTTP dates.
#include "serve/static_files.h"

#include <gtest/gtest.h>

#include "../test_support.h"

namespace dossier {
namespace {

using test::TempDir;
using test::write_file;

// What a 200 answer sends: its file's bytes, read now.
std::string body_of(const FileAnswer& a) {
  if (!a.file) return "(no file)";
  std::string body;
  return a.file->read_all(&body) ? body : "(unreadable)";
}

// The SHA-256 the test manifest gives ledger/index.html.
const std::string kSha(64, 'a');
const std::string kTag = "\"" + kSha + "\"";

class StaticFilesTest : public testing::Test {
 protected:
  void SetUp() override {
    write_file(dir_ / "site/index.html", "<p>home</p>");
    write_file(dir_ / "site/404.html", "<head></head><p>not here</p>");
    write_file(dir_ / "site/ledger/index.html", "<p>ledger</p>");
    write_file(dir_ / "site/search/static/meta.js", "meta");
    write_file(dir_ / "site/manifest.json",
               R"({"generator": "dossier", "files": [{"path": "ledger/index.html", "size": 13,)"
               R"( "sha256": ")" +
                   kSha + R"("}]})");
    write_file(dir_ / "outside.txt", "secret");
    std::filesystem::create_symlink(dir_ / "outside.txt", dir_ / "site/link.txt");
    auto opened = SiteGeneration::open((dir_ / "site").string());
    ASSERT_TRUE(opened.is_ok()) << opened.status().message();
    site_ = opened.value();
  }
  FileAnswer get(const std::string& path, const std::string& if_none_match = "",
                 const std::string& if_modified_since = "") {
    return answer_file(*site_, {path, if_none_match, if_modified_since});
  }

  TempDir dir_;
  std::shared_ptr<SiteGeneration> site_;
};

TEST_F(StaticFilesTest, ServesFilesAndFolderPages) {
  FileAnswer home = get("/");
  EXPECT_EQ(home.status, 200);
  ASSERT_TRUE(home.file);
  EXPECT_EQ(home.file->size(), 11u);
  EXPECT_EQ(body_of(home), "<p>home</p>");
  EXPECT_EQ(home.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(body_of(get("/ledger/")), "<p>ledger</p>");
  EXPECT_EQ(get("/search/static/meta.js").content_type, "text/javascript; charset=utf-8");
  FileAnswer bare = get("/ledger");
  EXPECT_EQ(bare.status, 301);
  EXPECT_EQ(bare.location, "/ledger/");
  EXPECT_FALSE(bare.file);
  EXPECT_FALSE(get("/ledger/", kTag).file);  // a 304 sends nothing
}

// An answer holds its file open: a new file renamed over the path after
// the answer (as a rebuild's files replace a generation's) leaves it the
// old bytes, read in pieces at any offset.
TEST_F(StaticFilesTest, AnswerReadsTheFileItOpened) {
  FileAnswer home = get("/index.html");
  ASSERT_EQ(home.status, 200);
  write_file(dir_ / "new.html", "<p>a new home, longer than the old</p>");
  std::filesystem::rename(dir_ / "new.html", dir_ / "site/index.html");
  EXPECT_EQ(body_of(get("/index.html")), "<p>a new home, longer than the old</p>");
  EXPECT_EQ(home.file->size(), 11u);
  EXPECT_EQ(body_of(home), "<p>home</p>");
  char piece[8];
  ASSERT_EQ(home.file->read_at(3, piece, 4), 4);
  EXPECT_EQ(std::string(piece, 4), "home");
  EXPECT_EQ(home.file->read_at(11, piece, 8), 0);  // the end
}

TEST_F(StaticFilesTest, RefusesWhatIsNotAFileOfTheSite) {
  for (const char* path :
       {"/search/static/", "/nothing", "/../outside.txt", "/ledger/../index.html", "/./index.html",
        "/.hidden", "//index.html", "/link.txt", "/ledger\\index.html", "relative", ""}) {
    FileAnswer a = get(path);
    EXPECT_EQ(a.status, 404) << path;
    EXPECT_EQ(a.body, "<head>\n<base href=\"/\"></head><p>not here</p>") << path;
  }
  EXPECT_EQ(get(std::string("/index.html\0/x", 14)).status, 404);
}

// The 404 page is read once per generation: a 404.html changed since is
// not read again, and a site without one answers plain text.
TEST_F(StaticFilesTest, NotFoundPageReadOncePerGeneration) {
  const std::string page = "<head>\n<base href=\"/\"></head><p>not here</p>";
  EXPECT_EQ(get("/nothing").body, page);
  write_file(dir_ / "site/404.html", "<head></head><p>changed</p>");
  EXPECT_EQ(get("/nothing").body, page);
  std::filesystem::remove(dir_ / "site/404.html");
  FileAnswer kept = get("/nothing");
  EXPECT_EQ(kept.body, page);
  EXPECT_EQ(kept.content_type, "text/html; charset=utf-8");
  auto next = SiteGeneration::open((dir_ / "site").string());
  ASSERT_TRUE(next.is_ok());
  FileAnswer plain = answer_file(*next.value(), {"/nothing", "", ""});
  EXPECT_EQ(plain.status, 404);
  EXPECT_EQ(plain.body, "404 Not Found\n");
  EXPECT_EQ(plain.content_type, "text/plain; charset=utf-8");
}

TEST_F(StaticFilesTest, EtagsFromTheManifestAndConditionalRequests) {
  FileAnswer ledger = get("/ledger/");
  EXPECT_EQ(ledger.etag, kTag);
  EXPECT_EQ(get("/ledger/", kTag).status, 304);
  EXPECT_EQ(get("/ledger/", "W/" + kTag + ", \"other\"").status, 304);
  EXPECT_EQ(get("/ledger/", gzip_etag(kTag)).status,
            304);  // the gzip copy's tag
  EXPECT_EQ(get("/ledger/", "*").status, 304);
  EXPECT_EQ(get("/ledger/", "\"" + kSha.substr(1) + "\"").status, 200);
  // Not in the manifest: size and time.
  FileAnswer home = get("/");
  EXPECT_TRUE(home.etag.starts_with("\"b-")) << home.etag;  // 11 bytes
  EXPECT_EQ(get("/", "", home.last_modified).status, 304);
  EXPECT_EQ(get("/", "", "Thu, 01 Jan 1970 00:00:00 GMT").status, 200);
  EXPECT_EQ(get("/", "", "yesterday").status, 200);
}

TEST(HttpDates, FormatAndParse) {
  EXPECT_EQ(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(http_date(1795375800), "Sun, 22 Nov 2026 19:30:00 GMT");
  EXPECT_EQ(parse_http_date("Sun, 22 Nov 2026 19:30:00 GMT"), 1795375800);
  EXPECT_EQ(parse_http_date("Sun, 22 Nov 2026 19:30:00 GMT trailing"), -1);
  EXPECT_EQ(parse_http_date(""), -1);
}

TEST(ContentTypes, TextIsUtf8) {
  EXPECT_EQ(content_type_for("a/b.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("ledger/ledger.csv"), "text/csv; charset=utf-8");
  EXPECT_EQ(content_type_for("manifest.json"), "application/json");
  EXPECT_EQ(content_type_for("sitemap.xml"), "application/xml");
  EXPECT_EQ(content_type_for("search/xapian/postlist.glass"), "application/octet-stream");
  EXPECT_EQ(gzip_etag("\"abc\""), "\"abc-gz\"");
}

}  // namespace
}  // namespace dossier
