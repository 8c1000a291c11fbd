// `dossier search` on built sites (issue 3): a query finds exactly the
// documents whose text contains it (checked against a plain substring scan
// of the same texts, over the sample archive and a 1,000-report synthetic
// one), filters combine as OR within a facet and AND across facets, facet
// counts cover the whole result set, and bad input gets a clear message.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/search_sites.h"

namespace dossier::e2e {
namespace {

// For each query, the reports found are exactly those a scan finds.
void expect_exact(const SearchSite& s, const std::vector<std::string>& queries, size_t min_hits) {
  size_t with_hits = 0;
  for (const auto& q : queries) {
    std::set<std::string> want = s.scan(q, "report");
    Json got = s.search({"--type", "report", q});
    EXPECT_EQ(result_keys(got), want) << "query " << q;
    EXPECT_EQ(got["total"].get<size_t>(), want.size()) << "query " << q;
    if (!want.empty()) ++with_hits;
  }
  EXPECT_GE(with_hits, min_hits) << "the queries should find something";
}

const SearchSite& sample() {
  return sample_search_site();
}
const SearchSite& synthetic() {
  return synthetic_search_site();
}

TEST(E2eSearch, SampleArchiveFindsExactlyTheReportsContainingTheQuery) {
  expect_exact(sample(), kSampleQueries, 20);
}

TEST(E2eSearch, SyntheticArchiveFindsExactlyTheReportsContainingTheQuery) {
  expect_exact(synthetic(), kSyntheticQueries, 20);
}

TEST(E2eSearch, IssuesAndMeasuresAreFoundByTheirOwnText) {
  const SearchSite& s = sample();
  for (std::string_view type : {"issue", "measure"}) {
    for (std::string q : {"学习", "责任", "整改", "监督"}) {
      Json got = s.search({"--type", std::string(type), q});
      EXPECT_EQ(result_keys(got), s.scan(q, type)) << type << " " << q;
    }
  }
}

TEST(E2eSearch, SingleCharacterQueries) {
  const SearchSite& s = sample();
  for (std::string q : {"党", "廉", "馆"})
    EXPECT_EQ(result_keys(s.search({"--type", "report", q})), s.scan(q, "report")) << q;
}

TEST(E2eSearch, FiltersAreOrWithinAFacetAndAcrossFacets) {
  const SearchSite& s = synthetic();
  auto count = [&](std::vector<std::string> args) {
    return s.search(std::move(args))["total"].get<size_t>();
  };
  // Two units without subordinate units (so no document is in both).
  size_t a = count({"--unit", "市财政局", "整改"}), b = count({"--unit", "市交通运输局", "整改"});
  EXPECT_GT(a, 0u);
  EXPECT_GT(b, 0u);
  EXPECT_EQ(count({"--unit", "市财政局", "--unit", "市交通运输局", "整改"}), a + b);
  size_t y = count({"--year", "2020", "整改"});
  Json both = s.search({"--unit", "市财政局", "--year", "2020", "整改"});
  EXPECT_GT(both["total"].get<size_t>(), 0u);
  EXPECT_LT(both["total"].get<size_t>(), std::min(a, y));
  for (const auto& r : both["results"]) {
    EXPECT_TRUE(r["date"].get<std::string>().starts_with("2020")) << r;
    EXPECT_EQ(r["units"], Json::array({"市财政局"})) << r;
  }
}

TEST(E2eSearch, AParentUnitFindsItsChildUnitsDocuments) {
  const SearchSite& s = synthetic();
  Json parent = s.search({"--unit", "wenlv", "--type", "report", "整改"});
  std::set<std::string> units;
  for (const auto& r : parent["results"])
    for (const auto& u : r["units"]) units.insert(u.get<std::string>());
  EXPECT_TRUE(units.contains("市文化和旅游局"));
  EXPECT_TRUE(units.contains("市图书馆")) << "a child of 市文化和旅游局";
  size_t child =
      s.search({"--unit", "市图书馆", "--type", "report", "整改"})["total"].get<size_t>();
  EXPECT_GT(parent["total"].get<size_t>(), child);
}

TEST(E2eSearch, FacetCountsCoverTheWholeResultSet) {
  const SearchSite& s = synthetic();
  Json r = s.search({"意识形态"});
  size_t total = r["total"].get<size_t>(), by_type = 0;
  for (const auto& f : r["facets"]["type"]) by_type += f["count"].get<size_t>();
  EXPECT_EQ(by_type, total);
  // A facet's count is what filtering on it finds.
  for (const char* facet : {"year", "kind", "topic", "regulation", "unit"}) {
    const Json& first = r["facets"][facet].at(0);
    std::string option = std::string("--") + facet;
    Json filtered = s.search({option, first["value"].get<std::string>(), "意识形态"});
    EXPECT_EQ(filtered["total"], first["count"]) << facet << " " << first;
  }
}

TEST(E2eSearch, SortByDateAndPaging) {
  const SearchSite& s = synthetic();
  Json all = s.search({"--sort", "date", "巡察"});
  std::string previous = "9999";
  for (const auto& r : all["results"]) {
    EXPECT_LE(r["date"].get<std::string>(), previous);
    previous = r["date"].get<std::string>();
  }
  RunResult page = run_dossier(s.dir.path(), {"search", "-d", s.site.string(), "--json", "--sort",
                                              "date", "--offset", "5", "--limit", "5", "巡察"});
  ASSERT_EQ(page.exit_code, 0) << page.err;
  Json second = Json::parse(page.out)["results"];
  ASSERT_EQ(second.size(), 5u);
  for (size_t i = 0; i < 5; ++i) EXPECT_EQ(second[i]["key"], all["results"][5 + i]["key"]);
}

TEST(E2eSearch, ReadableOutputMarksTheMatch) {
  const SearchSite& s = sample();
  RunResult r =
      run_dossier(s.dir.path(), {"search", "-d", s.site.string(), "--limit", "1", "民主集中制"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "条结果：民主集中制"));
  EXPECT_TRUE(Contains(r.out, "【民主集中制】"));
  EXPECT_TRUE(Contains(r.out, "reports/"));
  Json j = s.search({"民主集中制"});
  size_t total = j["total"].get<size_t>();
  ASSERT_GT(total, 1u);
  EXPECT_TRUE(Contains(r.out, "显示第 1–1 条；更多结果：--offset 1")) << r.out;
  // Past the last result: no list, and where the last page (not full) starts.
  size_t all = s.search({"整改"})["total"].get<size_t>();
  ASSERT_NE(all % 3, 0u) << "the case needs a last page of fewer than 3";
  RunResult past = run_dossier(
      s.dir.path(), {"search", "-d", s.site.string(), "--limit", "3", "--offset", "1000", "整改"});
  ASSERT_EQ(past.exit_code, 0) << past.err;
  EXPECT_EQ(past.out, "共 " + std::to_string(all) +
                          " 条结果：整改\n\n第 1001 条起没有结果；最后一页：--offset " +
                          std::to_string(all / 3 * 3) + "\n");
  EXPECT_TRUE(Contains(j["results"][0]["snippet"].get<std::string>(), "<mark>民主集中制</mark>"));
}

// The texts are in pieces the index lists (docs/search.md, "Files"): one
// gone or replaced is named, not read as another's text.
TEST(E2eSearch, AMissingOrChangedTextPieceIsNamed) {
  TempDir dir;
  fs::copy(sample().site, dir / "site", fs::copy_options::recursive);
  fs::path piece = fs::directory_iterator(dir / "site/search/text")->path();
  std::string name = "site/search/text/" + piece.filename().string();
  write_file(piece, "不是原来的文字");
  RunResult changed = run_dossier(dir.path(), {"search", "-d", "site", "整改"});
  EXPECT_EQ(changed.exit_code, 3);
  EXPECT_EQ(changed.err, "dossier: " + name +
                             " is not the text piece the search index was written with: build "
                             "the site again\n");
  fs::remove(piece);
  RunResult gone = run_dossier(dir.path(), {"search", "-d", "site", "整改"});
  EXPECT_EQ(gone.exit_code, 3);
  EXPECT_EQ(gone.err, "dossier: cannot read " + name + "\n");
}

TEST(E2eSearch, ClearErrors) {
  const SearchSite& s = sample();
  TempDir empty;
  RunResult none = run_dossier(empty.path(), {"search", "-d", "site", "党章"});
  EXPECT_EQ(none.exit_code, 3);
  EXPECT_TRUE(Contains(none.err, "no search index in site/search/xapian: build the site first"));
  auto error = [&](std::vector<std::string> args) {
    std::vector<std::string> command = {"search", "-d", s.site.string()};
    command.insert(command.end(), args.begin(), args.end());
    return run_dossier(s.dir.path(), command);
  };
  RunResult punctuation = error({"《》，。"});
  EXPECT_EQ(punctuation.exit_code, 2);
  EXPECT_EQ(punctuation.err, "dossier: the query has no letters or digits to search for\n");
  RunResult unit = error({"--unit", "不存在的单位", "党章"});
  EXPECT_EQ(unit.exit_code, 2);
  EXPECT_EQ(unit.err, "dossier: unknown unit '不存在的单位'\n");
  // Half a character (作 is E4 BD 9C) is no text: it must not match inside 作 and 体.
  for (auto args : {std::vector<std::string>{"\xE4\xBD"}, {"--json", "作风\xFF"}}) {
    RunResult broken = error(args);
    EXPECT_EQ(broken.exit_code, 2);
    EXPECT_EQ(broken.err, "dossier: the query is not UTF-8 text\n");
    EXPECT_EQ(broken.out, "");
  }
  RunResult broken_unit = error({"--unit", "\xFF", "党章"});
  EXPECT_EQ(broken_unit.exit_code, 2);
  EXPECT_EQ(broken_unit.err, "dossier: a filter value is not UTF-8 text\n");
  EXPECT_EQ(error({"--year", "23", "党章"}).exit_code, 2);
  EXPECT_EQ(error({"--type", "page", "党章"}).exit_code, 2);
  EXPECT_EQ(error({}).exit_code, 2) << "a query is required";
}

}  // namespace
}  // namespace dossier::e2e
