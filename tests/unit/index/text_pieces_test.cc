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
  for (size_t i = 0; i < docs.size(); ++i)
    EXPECT_EQ(store.text(range(w.pieces.offsets[i], docs[i].text.size())), docs[i].text) << i;
  EXPECT_EQ(store.text("0"), "");
  EXPECT_EQ(store.text("x 3"), "");
  size_t total = w.pieces.offsets.back() + docs.back().text.size();
  EXPECT_EQ(store.text(range(total, 1)), "") << "past the end";
  // The first piece ends where the second begins: a range across the two
  // is no document's, while each side reads.
  size_t end = nlohmann::json::parse(w.pieces.listing)[0][1].get<size_t>();
  EXPECT_EQ(store.text(range(end - 1, 1)), "x");
  EXPECT_EQ(store.text(range(end, 3)), "第");
  EXPECT_EQ(store.text(range(end - 1, 2)), "");
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
