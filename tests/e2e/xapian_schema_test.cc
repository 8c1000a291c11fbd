// The Xapian index of the built sample site as a program that opens
// site/search/xapian sees it (docs/search.md, "Terms", "Values, data and
// metadata"): one document per report, issue and measure, found by its
// id term; its filter terms (a child unit's document under its parent
// too); its values, the record a hit shows among them; the metadata.
#include <string>

#include <gtest/gtest.h>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include "e2e/search_sites.h"

namespace dossier::e2e {
namespace {

const SearchSite& sample() {
  return sample_search_site();
}

Xapian::Database open_index() {
  return Xapian::Database((sample().site / "search" / "xapian").string());
}

// The docid of the document whose key is `key` (its id term Q<key>).
Xapian::docid doc_of(const Xapian::Database& db, const std::string& key) {
  EXPECT_EQ(db.get_termfreq("Q" + key), 1u) << key;
  auto it = db.postlist_begin("Q" + key);
  return it == db.postlist_end("Q" + key) ? 0 : *it;
}

// Whether document `id` is indexed under `term`.
bool has_term(const Xapian::Database& db, Xapian::docid id, const std::string& term) {
  auto it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return false;
  it.skip_to(id);
  return it != db.postlist_end(term) && *it == id;
}

const SearchDoc& search_doc(const std::string& key) {
  for (const SearchDoc& d : sample().docs)
    if (d.key == key) return d;
  ADD_FAILURE() << "no search document " << key;
  return sample().docs.front();
}

TEST(E2eXapianSchema, OneDocumentPerReportIssueAndMeasure) {
  Xapian::Database db = open_index();
  EXPECT_EQ(db.get_doccount(), sample().docs.size());
  EXPECT_EQ(db.get_termfreq("XTreport") + db.get_termfreq("XTissue") + db.get_termfreq("XTmeasure"),
            sample().docs.size());
  for (const SearchDoc& d : sample().docs) EXPECT_EQ(db.get_termfreq("Q" + d.key), 1u) << d.key;
}

TEST(E2eXapianSchema, AReportHasItsFilterTermsValuesAndRecord) {
  Xapian::Database db = open_index();
  const std::string key = "2023-wenlv-ganbu-duiwu-baogao";
  Xapian::docid id = doc_of(db, key);
  ASSERT_NE(id, 0u);
  for (const char* term : {"XTreport", "XUwenlv", "XY2023", "XK自查报告", "XOganbu-duiwu-jianshe"})
    EXPECT_TRUE(has_term(db, id, term)) << term;
  EXPECT_FALSE(has_term(db, id, "XTissue"));
  EXPECT_FALSE(has_term(db, id, "XY2022"));
  // Its text's bigrams, as terms with their counts.
  EXPECT_TRUE(has_term(db, id, "干部"));

  Xapian::Document doc = db.get_document(id);
  EXPECT_EQ(doc.get_value(0), "20231120");
  std::string facets = doc.get_value(1);
  EXPECT_NE(facets.find("XTreport\n"), std::string::npos) << facets;
  EXPECT_NE(facets.find("XUwenlv\n"), std::string::npos) << facets;
  EXPECT_EQ(facets.find("Q"), std::string::npos) << "the id term is not a facet";
  const SearchDoc& d = search_doc(key);
  std::string text = doc.get_value(2);
  EXPECT_EQ(text.substr(text.find(' ') + 1), std::to_string(d.text.size()));

  nlohmann::json record = nlohmann::json::parse(doc.get_value(3));
  EXPECT_EQ(record["key"], key);
  EXPECT_EQ(record["type"], "report");
  EXPECT_EQ(record["title"], "市文化和旅游局关于领导班子和干部队伍建设情况的报告");
  EXPECT_EQ(record["url"], "reports/2023-wenlv-ganbu-duiwu-baogao/index.html");
  EXPECT_EQ(record["date"], "2023-11-20");
  EXPECT_EQ(record["units"], nlohmann::json::array({"市文化和旅游局"}));
  EXPECT_EQ(doc.get_data(), "") << "the record is a value, not the data";
}

TEST(E2eXapianSchema, IssuesAndMeasuresHaveTheirTypeStatusAndAnchor) {
  Xapian::Database db = open_index();
  Xapian::docid issue = doc_of(db, "2023-wenlv-ganbu-duiwu-baogao#I1");
  Xapian::docid measure = doc_of(db, "2023-wenlv-ganbu-duiwu-baogao#M1");
  ASSERT_NE(issue, 0u);
  ASSERT_NE(measure, 0u);
  EXPECT_TRUE(has_term(db, issue, "XTissue"));
  EXPECT_TRUE(has_term(db, measure, "XTmeasure"));
  EXPECT_TRUE(has_term(db, measure, "XSin-progress"));  // status: in-progress
  size_t issue_statuses = 0;
  for (const char* s : {"XSopen", "XSin-progress", "XSrectified", "XSoverdue"})
    issue_statuses += has_term(db, issue, s);
  EXPECT_EQ(issue_statuses, 1u) << "an issue has one status";
  nlohmann::json record = nlohmann::json::parse(db.get_document(measure).get_value(3));
  EXPECT_EQ(record["type"], "measure");
  EXPECT_EQ(record["url"], "reports/2023-wenlv-ganbu-duiwu-baogao/index.html#M1");
}

// "<offset> <length>" and what follows, of a document's text value.
struct TextValue {
  size_t offset = 0, length = 0;
  std::string head;
};
TextValue text_value(const Xapian::Database& db, const std::string& key) {
  std::string v = db.get_document(doc_of(db, key)).get_value(2);
  size_t space = v.find(' '), second = v.find(' ', space + 1);
  TextValue t;
  t.offset = std::stoul(v.substr(0, space));
  t.length = std::stoul(v.substr(space + 1, second - space - 1));
  if (second != std::string::npos) t.head = v.substr(second + 1);
  return t;
}

TEST(E2eXapianSchema, AnItemsDescriptionIsReadFromItsReportsText) {
  Xapian::Database db = open_index();
  TextValue report = text_value(db, "2023-wenlv-ganbu-duiwu-baogao");
  TextValue issue = text_value(db, "2023-wenlv-ganbu-duiwu-baogao#I1");
  const SearchDoc& d = search_doc("2023-wenlv-ganbu-duiwu-baogao#I1");
  EXPECT_EQ(report.head, "") << "a report's text is its own";
  EXPECT_EQ(issue.head + "\n", d.text.substr(0, issue.head.size() + 1)) << "the title line";
  EXPECT_EQ(issue.head.size() + 1 + issue.length, d.text.size());
  EXPECT_GE(issue.offset, report.offset);
  EXPECT_LE(issue.offset + issue.length, report.offset + report.length) << "within the report's";
  // So the pieces hold only the texts no report's text holds.
  uintmax_t pieces = 0, own = 0;
  for (const auto& p : nlohmann::json::parse(db.get_metadata("dossier.text")))
    pieces += p[1].get<uintmax_t>();
  for (const SearchDoc& doc : sample().docs) own += doc.in_report == kOwnText ? doc.text.size() : 0;
  EXPECT_EQ(pieces, own);
  EXPECT_NE(d.in_report, kOwnText) << "the issue's is not among them";
}

TEST(E2eXapianSchema, AChildUnitsDocumentIsFiledUnderItsParentToo) {
  Xapian::Database db = open_index();
  Xapian::docid id = doc_of(db, "2022-wenlv-jiguan-dangjian-huibao");
  ASSERT_NE(id, 0u);
  EXPECT_TRUE(has_term(db, id, "XUwenlv-jiguan-dangwei"));
  EXPECT_TRUE(has_term(db, id, "XUwenlv"));
  EXPECT_EQ(nlohmann::json::parse(db.get_document(id).get_value(3))["units"],
            nlohmann::json::array({"市文化和旅游局机关党委"}))
      << "the record names the unit as written, not its parents";
}

TEST(E2eXapianSchema, MetadataNamesTheSchemaFacetsAndTextPieces) {
  Xapian::Database db = open_index();
  EXPECT_EQ(db.get_metadata("dossier.schema"), "7");
  nlohmann::json facets = nlohmann::json::parse(db.get_metadata("dossier.facets"));
  bool found = false;
  for (const auto& u : facets["units"])
    if (u["slug"] == "wenlv-jiguan-dangwei") {
      found = true;
      EXPECT_EQ(u["title"], "市文化和旅游局机关党委");
      EXPECT_EQ(u["parent"], "wenlv");
    }
  EXPECT_TRUE(found);
  nlohmann::json pieces = nlohmann::json::parse(db.get_metadata("dossier.text"));
  ASSERT_FALSE(pieces.empty());
  for (const auto& p : pieces) {
    std::string path = p[0];
    EXPECT_EQ(path.rfind("search/text/", 0), 0u) << path;
    EXPECT_EQ(fs::file_size(sample().site / path), p[1].get<uintmax_t>()) << path;
  }
}

// site.yaml's replaceable_search_index: the index keeps its termlist, so
// that a program can replace one document by its id term, as Xapian's
// replace_document(unique_term, ...) does; `dossier search` then finds the
// new text and still answers for the rest. Without it Xapian does not
// open the index for writing at all.
TEST(E2eXapianSchema, AReplaceableIndexLetsAProgramReplaceOneDocumentByItsIdTerm) {
  TempDir dir;
  fs::copy(sample_content(), dir / "content", fs::copy_options::recursive);
  const std::string site_yaml = read_file(dir / "content" / "site.yaml");
  write_file(dir / "content" / "site.yaml", site_yaml + "replaceable_search_index: true\n");
  RunResult built = run_dossier(dir.path(), {"build", "content", "-o", "site"});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  const std::string path = (dir / "site" / "search" / "xapian").string();
  const std::string key = "2023-wenlv-ganbu-duiwu-baogao";
  {
    Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
    Xapian::doccount before = db.get_doccount();
    Xapian::Document doc = db.get_document(*db.postlist_begin("Q" + key));
    doc.add_term("替换");  // the bigram of a word the archive does not hold
    db.replace_document("Q" + key, doc);
    db.commit();
    EXPECT_EQ(db.get_doccount(), before);
    EXPECT_EQ(db.get_termfreq("Q" + key), 1u);
  }
  RunResult found = run_dossier(dir.path(), {"search", "-d", "site", "--json", "替换"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  nlohmann::json answer = nlohmann::json::parse(found.out);
  ASSERT_EQ(answer["results"].size(), 1u) << found.out;
  EXPECT_EQ(answer["results"][0]["key"], key);
  RunResult rest = run_dossier(dir.path(), {"search", "-d", "site", "--json", "干部队伍"});
  EXPECT_EQ(rest.exit_code, 0) << rest.err;
  EXPECT_GT(nlohmann::json::parse(rest.out)["total"].get<int>(), 0);

  write_file(dir / "content" / "site.yaml", site_yaml);
  built = run_dossier(dir.path(), {"build", "content", "-o", "site"});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  EXPECT_THROW(Xapian::WritableDatabase(path, Xapian::DB_OPEN), Xapian::DatabaseOpeningError);
}

}  // namespace
}  // namespace dossier::e2e
