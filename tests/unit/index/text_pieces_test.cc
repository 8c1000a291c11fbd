// Tests for index/text_pieces and search/text_store: the documents' texts
// written in pieces and read back by their values, pieces cut where the
// documents say (a text that grows changes its own piece, one added last
// the last piece), and a damaged listing or piece named in the error.
#include "index/text_pieces.h"

#include <gtest/gtest.h>

#include <map>

#include <nlohmann/json.hpp>

#include "../test_support.h"
#include "search/text_store.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

std::vector<SearchDoc> documents(size_t count) {
  std::vector<SearchDoc> docs(count);
  for (size_t i = 0; i < count; ++i) {
    docs[i].key = "r" + std::to_string(i);
    docs[i].text = "第" + std::to_string(i) + "号报告\n" + std::string(40 + i % 50, 'x');
  }
  return docs;
}

// Reports, each followed by an issue whose description is in the report's
// text (kept there) and a measure whose description is not (kept apart).
std::vector<SearchDoc> reports_with_items(size_t reports) {
  std::vector<SearchDoc> docs;
  for (SearchDoc& report : documents(reports)) {
    std::string key = report.key;
    docs.push_back(std::move(report));
    SearchDoc issue, measure;
    issue.type = SearchType::kIssue;
    issue.key = key + "#I1";
    std::string description = docs.back().text.substr(docs.back().text.find('\n') + 1, 20);
    issue.text = "问题 " + key + "\n" + description;
    issue.title_line_size = issue.text.find('\n');
    issue.in_report = docs.back().text.find(description);
    measure.type = SearchType::kMeasure;
    measure.key = key + "#M1";
    measure.text = "措施 " + key + "\n另行说明";
    measure.title_line_size = measure.text.find('\n');
    docs.push_back(std::move(issue));
    docs.push_back(std::move(measure));
  }
  return docs;
}

std::string whole(const DocText& t) {
  return t.has_head ? std::string(t.head) + "\n" + std::string(t.body) : std::string(t.body);
}

// The whole text a value names.
std::string read(const TextStore& store, const std::string& value) {
  return whole(store.text(value));
}

struct Written {
  TextPieces pieces;
  std::map<std::string, std::string> files;  // path -> content
};

// Writes the pieces (of about 4 KiB) into a site below `dir`.
Written write(const fs::path& dir, const std::vector<SearchDoc>& docs) {
  Written w;
  auto site = SiteWriter::create(dir.string());
  EXPECT_TRUE(site.is_ok());
  Result<TextPieces> p = write_text_pieces(docs, *site.value(), 2, 4096);
  EXPECT_TRUE(p.is_ok()) << p.status().message();
  EXPECT_TRUE(site.value()->commit().is_ok());
  w.pieces = p.value();
  for (const auto& e : fs::directory_iterator(dir / "search/text"))
    w.files["search/text/" + e.path().filename().string()] = test::read_file(e.path());
  return w;
}

std::string range(size_t offset, size_t length) {
  return std::to_string(offset) + " " + std::to_string(length);
}

TEST(TextPieces, EveryTextReadsBackFromItsValue) {
  test::TempDir dir;
  std::vector<SearchDoc> docs = documents(300);
  Written w = write(dir / "site", docs);
  EXPECT_GT(w.files.size(), 5u) << "pieces of about 4 KiB";
  TextStore store;
  ASSERT_TRUE(store.open((dir / "site").string(), w.pieces.listing).is_ok());
  for (size_t i = 0; i < docs.size(); ++i) {
    std::string value = text_range_value(docs[i], w.pieces.offsets[i]);
    EXPECT_EQ(value, range(w.pieces.offsets[i], docs[i].text.size()));
    EXPECT_EQ(read(store, value), docs[i].text) << i;
  }
  EXPECT_EQ(read(store, "0"), "");
  EXPECT_EQ(read(store, "x 3"), "");
  EXPECT_EQ(read(store, "0 3x"), "");
  size_t total = w.pieces.offsets.back() + docs.back().text.size();
  EXPECT_EQ(read(store, range(total, 1)), "") << "past the end";
  // The first piece ends where the second begins: a range across the two
  // is no document's, while each side reads.
  size_t end = nlohmann::json::parse(w.pieces.listing)[0][1].get<size_t>();
  EXPECT_EQ(read(store, range(end - 1, 1)), "x");
  EXPECT_EQ(read(store, range(end, 3)), "第");
  EXPECT_EQ(read(store, range(end - 1, 2)), "");
}

TEST(TextPieces, ADescriptionInItsReportsTextIsKeptThereOnce) {
  test::TempDir dir;
  std::vector<SearchDoc> docs = reports_with_items(100);
  Written w = write(dir / "site", docs);
  size_t stored = 0, own = 0;
  for (const auto& [path, content] : w.files) stored += content.size();
  for (const SearchDoc& d : docs) own += d.in_report == kOwnText ? d.text.size() : 0;
  EXPECT_EQ(stored, own) << "the issues' texts are not written";
  TextStore store;
  ASSERT_TRUE(store.open((dir / "site").string(), w.pieces.listing).is_ok());
  for (size_t i = 0; i < docs.size(); ++i) {
    std::string value = text_range_value(docs[i], w.pieces.offsets[i]);
    DocText t = store.text(value);
    EXPECT_EQ(whole(t), docs[i].text) << i;
    EXPECT_EQ(t.has_head, docs[i].type == SearchType::kIssue) << i;
  }
  std::string issue_value = text_range_value(docs[1], w.pieces.offsets[1]);
  DocText issue = store.text(issue_value);
  EXPECT_EQ(issue.head, "问题 r0");
  EXPECT_TRUE(issue.contains("r0")) << "in the head";
  EXPECT_TRUE(issue.contains("xxx")) << "in the body";
  EXPECT_FALSE(issue.contains("号报告")) << "in the report's text, not the issue's";
  EXPECT_FALSE(issue.contains("r0\nx")) << "no word holds a line break";
}

// Pieces written for `docs` and for `changed`: how many of the second set's
// files are new or differ.
size_t differing(const std::vector<SearchDoc>& docs, const std::vector<SearchDoc>& changed) {
  test::TempDir dir;
  Written a = write(dir / "a", docs), b = write(dir / "b", changed);
  size_t n = 0;
  for (const auto& [path, content] : b.files) {
    auto it = a.files.find(path);
    n += it == a.files.end() || it->second != content;
  }
  return n;
}

TEST(TextPieces, ATextThatGrowsChangesItsOwnPieceAndOneAddedLastTheLast) {
  std::vector<SearchDoc> docs = documents(600);
  std::vector<SearchDoc> grown = docs;
  grown[300].text += std::string(30, 'y');
  EXPECT_LE(differing(docs, grown), 2u) << "its piece, and the next when a cut moved";
  std::vector<SearchDoc> added = docs;
  added.push_back({});
  added.back().key = "r600";
  added.back().text = "新报告";
  EXPECT_LE(differing(docs, added), 2u) << "the last piece, or it and a new one";
  std::vector<SearchDoc> removed(docs.begin() + 1, docs.end());
  EXPECT_LE(differing(docs, removed), 2u) << "the first piece is named by its first document";
}

TEST(TextStore, ADamagedListingOrPieceIsNamed) {
  test::TempDir dir;
  Written w = write(dir / "site", documents(50));
  TextStore a;
  Status s = a.open((dir / "site").string(), "{\"not\": \"a list\"}");
  EXPECT_NE(s.message().find("list of text pieces is damaged"), std::string::npos) << s.message();
  std::string first = w.files.begin()->first;
  test::write_file(dir / "site" / first, "short");
  TextStore b;
  s = b.open((dir / "site").string(), w.pieces.listing);
  EXPECT_NE(s.message().find(first + " is not the text piece"), std::string::npos) << s.message();
  fs::remove(dir / "site" / first);
  TextStore c;
  s = c.open((dir / "site").string(), w.pieces.listing);
  EXPECT_NE(s.message().find("cannot read"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find(first), std::string::npos) << s.message();
}

}  // namespace
}  // namespace dossier
