// The browser index (search/static/) on built sites (issue 3). Its engine,
// themes/default/static/search-engine.js, runs in node here
// (tests/js/static_search.js): it must find exactly the reports whose text
// holds the query (the substring scan of search_test.cc, same queries, same
// sites), rank the first ten as `dossier search` does with the same
// weights, snippets and facet counts, combine filters as OR within a facet
// and AND across facets, and load only the files a query needs. The site
// carries the scripts minified (terser, at compile time), not the sources.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <random>
#include <set>

#include <gtest/gtest.h>

#include "base/text.h"
#include "e2e/search_sites.h"

namespace dossier::e2e {
namespace {

class E2eBrowserIndex : public testing::Test {
 protected:
  void SetUp() override {
    if (have_node()) return;
    const char* require_all = std::getenv("DOSSIER_TESTS_REQUIRE_ALL");
    if (require_all && std::string(require_all) == "1") FAIL() << "node is not installed";
    GTEST_SKIP() << "node is not installed (scripts/setup.sh --test installs it)";
  }
};

std::vector<std::vector<std::string>> requests(const std::vector<std::string>& queries,
                                               const std::vector<std::string>& args) {
  std::vector<std::vector<std::string>> out;
  for (const auto& q : queries) {
    out.push_back(args);
    out.back().push_back(q);
  }
  return out;
}

void expect_exact(const SearchSite& s, const std::vector<std::string>& queries) {
  Json answers =
      s.browser(requests(queries, {"--type", "report", "--limit", "100000", "--no-snippets"}));
  ASSERT_EQ(answers.size(), queries.size());
  size_t with_hits = 0;
  for (size_t i = 0; i < queries.size(); ++i) {
    std::set<std::string> want = s.scan(queries[i], "report");
    EXPECT_EQ(result_keys(answers[i]), want) << "query " << queries[i];
    EXPECT_EQ(answers[i]["total"].get<size_t>(), want.size()) << "query " << queries[i];
    with_hits += !want.empty();
  }
  EXPECT_GE(with_hits, 20u);
}

TEST_F(E2eBrowserIndex, SampleArchiveFindsExactlyTheReportsContainingTheQuery) {
  expect_exact(sample_search_site(), kSampleQueries);
}

TEST_F(E2eBrowserIndex, SyntheticArchiveFindsExactlyTheReportsContainingTheQuery) {
  expect_exact(synthetic_search_site(), kSyntheticQueries);
}

TEST_F(E2eBrowserIndex, IssuesMeasuresAndOneCharacterWordsAsAScanFindsThem) {
  const SearchSite& s = sample_search_site();
  std::vector<std::pair<std::string, std::string>> cases;  // type, query
  for (std::string type : {"issue", "measure"})
    for (std::string q : {"学习", "责任", "整改", "监督"}) cases.emplace_back(type, q);
  for (std::string q : {"党", "廉", "馆", "党 整改"}) cases.emplace_back("report", q);
  std::vector<std::vector<std::string>> reqs;
  for (const auto& [type, q] : cases) reqs.push_back({"--type", type, "--limit", "1000", q});
  Json answers = s.browser(reqs);
  ASSERT_EQ(answers.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i)
    EXPECT_EQ(result_keys(answers[i]), s.scan(cases[i].second, cases[i].first))
        << cases[i].first << " " << cases[i].second;
}

// The first ten results, field by field, and the facet counts.
void expect_same_answer(const Json& cli, const Json& browser, const std::string& what) {
  EXPECT_EQ(browser["total"], cli["total"]) << what;
  EXPECT_EQ(browser["words"], cli["words"]) << what;
  const Json& mine = browser["results"];
  for (size_t i = 0; i < std::min<size_t>(10, cli["results"].size()); ++i) {
    ASSERT_LT(i, mine.size()) << what;
    const Json& a = cli["results"][i];
    const Json& b = mine[i];
    for (const char* field : {"key", "type", "title", "url", "units", "date", "snippet"})
      EXPECT_EQ(b[field], a[field]) << what << ": result " << i + 1 << " " << field;
    EXPECT_NEAR(b["weight"].get<double>(), a["weight"].get<double>(), 1e-9)
        << what << ": result " << i + 1;
  }
  for (const char* facet : {"type", "unit", "topic", "year", "kind", "regulation"})
    EXPECT_EQ(browser["facets"].value(facet, Json::array()),
              cli["facets"].value(facet, Json::array()))
        << what << ": facet " << facet;
}

TEST_F(E2eBrowserIndex, TheFirstTenAgreeWithDossierSearch) {
  const SearchSite& s = synthetic_search_site();
  std::vector<std::vector<std::string>> cases;
  for (const auto& q : kSyntheticQueries) cases.push_back({q});
  cases.push_back({"意识形态 整改"});
  cases.push_back({"工作 工作"});
  cases.push_back({"党 巡察"});
  cases.push_back({"--sort", "date", "巡察"});
  cases.push_back({"--type", "issue", "整改"});
  // Pages further down: the page kept while ranking, and a deep one, for
  // which the browser sorts every result.
  cases.push_back({"--sort", "date", "--offset", "150", "整改"});
  cases.push_back({"--offset", "300", "工作"});
  Json answers = s.browser(cases);
  ASSERT_EQ(answers.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    std::string what;
    for (const auto& arg : cases[i]) what += (what.empty() ? "" : " ") + arg;
    Json cli = s.search(cases[i]);
    if (cases[i][0] == "--type") {  // a chosen facet counts differently (next test)
      cli["facets"].erase("type");
      answers[i]["facets"].erase("type");
    }
    expect_same_answer(cli, answers[i], what);
  }
}

// A small archive in `dir`/content: site.yaml, the unit 市测试局, and
// `files` (path in content → text); built into `dir`/site.
RunResult build_small_archive(const TempDir& dir,
                              const std::vector<std::pair<std::string, std::string>>& files) {
  fs::path content = dir / "content";
  write_file(content / "site.yaml", "title: 测试档案\nlanguage: zh-CN\n");
  write_file(content / "units/ceshi-ju.md", "---\ntitle: 市测试局\n---\n");
  for (const auto& [path, text] : files) write_file(content / path, text);
  return run_dossier(dir.path(), {"build", content.string(), "-o", (dir / "site").string()});
}

// The site's meta.js, as JSON.
Json site_meta(const SearchSite& s) {
  std::string script = read_file(s.site / "search/static/meta.js");
  size_t from = script.find(',') + 1, to = script.rfind(')');
  return Json::parse(script.substr(from, to - from));
}

// Random requests, the same each run: one to three words cut from the
// documents' texts (one to eight characters, across punctuation and line
// ends at times) or taken from a few of other kinds, filters of every
// facet, sorts and pages. The page shown agrees field by field with
// `dossier search`, and so do the facet counts, a chosen facet's aside
// (the page counts it over the other facets' choices).
TEST_F(E2eBrowserIndex, RandomRequestsAnswerAsDossierSearchDoes) {
  const SearchSite& s = synthetic_search_site();
  Json meta = site_meta(s);
  std::map<std::string, std::vector<std::string>> values;
  for (const char* facet : {"unit", "topic", "regulation"})
    for (const auto& v : meta["facets"][facet]) values[facet].push_back(v[0]);
  for (const auto& k : meta["facets"]["kind"]) values["kind"].push_back(k);
  for (int y = 0; y < 12; ++y)
    values["year"].push_back(std::to_string(meta["firstYear"].get<int>() + y));
  values["type"] = {"report", "issue", "measure"};
  const std::vector<std::string> others = {"2023年", "GDP", "第3",    "ＡＢ",
                                           "党",     "的",  "“四风”", "x1"};
  std::mt19937 random(20261123);
  auto below = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random); };
  auto cut = [&]() {
    const std::string& text = s.docs[below(s.docs.size())].text;
    size_t at = below(text.size()), length = 1 + below(8);
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    size_t end = at;
    for (; end < text.size() && length > 0; --length) next_code_point(text, end);
    return text.substr(at, end - at);
  };
  std::vector<std::vector<std::string>> cases;
  for (int n = 0; n < 120; ++n) {
    std::vector<std::string> args;
    for (const auto& [facet, list] : values)
      if (below(100) < 12)
        for (size_t k = 1 + below(2); k > 0; --k)
          args.insert(args.end(), {"--" + facet, list[below(list.size())]});
    if (below(100) < 30) args.insert(args.end(), {"--sort", "date"});
    if (below(100) < 30)
      args.insert(args.end(), {"--offset", std::to_string(10 * (1 + below(40)))});
    std::string query;
    for (size_t w = 1 + below(3); w > 0; --w)
      query +=
          (query.empty() ? "" : " ") + (below(100) < 15 ? others[below(others.size())] : cut());
    if (query[0] == '-') query.insert(0, "党");  // not an option
    args.push_back(query);
    cases.push_back(args);
  }
  Json answers = s.browser(cases);
  ASSERT_EQ(answers.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    std::vector<std::string> command = {"search", "-d", s.site.string(), "--json"};
    command.insert(command.end(), cases[i].begin(), cases[i].end());
    RunResult r = run_dossier(s.dir.path(), command);
    std::string what = "request " + Json(cases[i]).dump();
    if (r.exit_code == 2) {  // a query of no letters or digits
      EXPECT_EQ(answers[i].value("error", ""), "no-words") << what << ": " << r.err;
      continue;
    }
    ASSERT_EQ(r.exit_code, 0) << what << ": " << r.err;
    Json cli = Json::parse(r.out);
    for (const auto& [facet, list] : values)
      if (std::find(cases[i].begin(), cases[i].end(), "--" + facet) != cases[i].end()) {
        cli["facets"].erase(facet);
        answers[i]["facets"].erase(facet);
      }
    expect_same_answer(cli, answers[i], what);
  }
}

// A result chunk gives an item's title line (its title as search
// normalises it) only when it differs from the title; the snippet of an
// item whose match is in that line is the same either way.
TEST_F(E2eBrowserIndex, AnItemsTitleLineIsWrittenOnlyWhenNormalisingChangesIt) {
  TempDir dir;
  fs::path content = dir / "content";
  RunResult built = build_small_archive(
      dir, {{"reports/2023-kaohe.md",
             "---\ntitle: 考核工作报告\ndate: 2023-11-01\nunit: 市测试局\nissues:\n"
             "  - id: I1\n    title: 落实ＫＰＩ考核不到位\n"
             "  - id: I2\n    title: 考核结果运用不够\n---\n\n"
             "## 存在的问题\n\n### 一、ＫＰＩ {#I1}\n\n指标考核流于形式。\n\n"
             "### 二、运用 {#I2}\n\n考核结果没有用于评先。\n"}});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  std::string chunk = read_file(dir / "site/search/static/r/0.js");
  EXPECT_TRUE(Contains(chunk, "\"落实ＫＰＩ考核不到位\","));
  EXPECT_TRUE(Contains(chunk, ",\"落实kpi考核不到位\"]")) << "normalised: a line of its own";
  EXPECT_TRUE(Contains(chunk, "\"考核结果运用不够\",")) << chunk;
  EXPECT_FALSE(Contains(chunk, "\"考核结果运用不够\"]")) << "already normal: not twice";

  SearchSite s(content, dir / "site");
  std::vector<std::string> args = {"--type", "issue", "考核"};
  Json answers = s.browser({args});
  ASSERT_EQ(answers.size(), 1u);
  Json cli = s.search(args);
  ASSERT_EQ(cli["total"], 2);
  cli["facets"].erase("type");
  answers[0]["facets"].erase("type");
  expect_same_answer(cli, answers[0], "考核");
  EXPECT_EQ(cli["results"][0]["snippet"], "落实kpi<mark>考核</mark>不到位");
}

// A report's result chunk gives its title line (its title as search
// normalises it, when that differs), so a snippet whose match is in a
// title reads no text piece; a match further on reads the text.
TEST_F(E2eBrowserIndex, ASnippetInATitleReadsNoTextPiece) {
  TempDir dir;
  fs::path content = dir / "content";
  RunResult built = build_small_archive(
      dir, {{"reports/2023-kpi.md",
             "---\ntitle: 关于ＫＰＩ考核的报告\ndate: 2023-11-01\nunit: 市测试局\n---\n\n"
             "考核工作总体平稳。\n\n考核结果没有用于评先。\n"},
            {"reports/2023-zuofeng.md",
             "---\ntitle: 作风建设报告\ndate: 2023-10-01\nunit: 市测试局\n---\n\n"
             "作风建设取得成效，考核结果用于评先。\n"}});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  // Groups are numbered oldest first: 2023-zuofeng is r/0.
  EXPECT_TRUE(Contains(read_file(dir / "site/search/static/r/1.js"), ",\"关于kpi考核的报告\"]]"))
      << "normalised: a line of its own";
  std::string normal = read_file(dir / "site/search/static/r/0.js");
  EXPECT_EQ(normal.find("作风建设报告"), normal.rfind("作风建设报告"))
      << "already normal: not twice";

  SearchSite s(content, dir / "site");
  std::vector<std::vector<std::string>> cases = {{"kpi"}, {"作风建设"}, {"评先"}};
  Json answers = s.browser(cases);
  ASSERT_EQ(answers.size(), cases.size());
  auto pieces = [](const Json& answer) {
    size_t n = 0;
    for (const auto& f : answer["loaded"]) n += f["name"].get<std::string>().starts_with("x/");
    return n;
  };
  for (size_t i = 0; i < cases.size(); ++i)
    expect_same_answer(s.search(cases[i]), answers[i], cases[i][0]);
  EXPECT_EQ(answers[0]["results"][0]["snippet"], "关于<mark>kpi</mark>考核的报告");
  EXPECT_EQ(pieces(answers[0]), 0u);
  EXPECT_EQ(answers[1]["results"][0]["snippet"], "<mark>作风建设</mark>报告");
  EXPECT_EQ(pieces(answers[1]), 0u);
  ASSERT_EQ(answers[2]["total"], 2);
  EXPECT_EQ(answers[2]["results"][0]["snippet"],
            "作风建设取得成效，考核结果用于<mark>评先</mark>。");
  EXPECT_GT(pieces(answers[2]), 0u);
}

// A document block writes a report's items by 25 behind a mask, and an
// item's regulations as bits over its report's first 25 (a list when one is
// further on): a report with 30 issues and 27 regulations needs both ways.
TEST_F(E2eBrowserIndex, AReportWithManyItemsAndRegulationsCountsAsInDossierSearch) {
  TempDir dir;
  fs::path content = dir / "content";
  std::vector<std::pair<std::string, std::string>> files;
  auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  std::string cited, issues, sections;
  for (int n = 1; n <= 27; ++n) {
    files.push_back(
        {"regulations/guiding-" + two(n) + ".md", "---\ntitle: 测试规定第" + two(n) + "号\n---\n"});
    cited += "《测试规定第" + two(n) + "号》";
  }
  for (int n = 1; n <= 30; ++n) {
    issues += "  - id: I" + two(n) + "\n    title: 整改问题" + two(n) + "\n";
    std::string text = n == 2 ? "依照《测试规定第03号》整改。"
                       : n == 28 ? "依照《测试规定第27号》和《测试规定第02号》整改。"
                       : n == 29 ? std::string(40, 'x') + "整改落实情况需要长期跟踪。"
                                 : "整改。";
    sections += "### 问题" + two(n) + " {#I" + two(n) + "}\n\n" + text + "\n\n";
  }
  files.push_back({"reports/2023-guiding.md",
                   "---\ntitle: 法规执行情况报告\ndate: 2023-11-01\nunit: 市测试局\nissues:\n" +
                       issues + "---\n\n本报告引用" + cited + "。\n\n## 存在的问题\n\n" +
                       sections});
  RunResult built = build_small_archive(dir, files);
  ASSERT_EQ(built.exit_code, 0) << built.err;

  SearchSite s(content, dir / "site");
  std::vector<std::vector<std::string>> cases = {{"整改"},
                                                 {"--regulation", "guiding-27", "整改"},
                                                 {"--regulation", "guiding-03", "整改"},
                                                 {"--regulation", "guiding-02", "整改"}};
  Json answers = s.browser(cases);
  ASSERT_EQ(answers.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    Json cli = s.search(cases[i]);
    if (i > 0) {  // a chosen facet counts differently (AChosenFacetCountsItsOtherValues)
      cli["facets"].erase("regulation");
      answers[i]["facets"].erase("regulation");
    }
    expect_same_answer(cli, answers[i], cases[i].front() + " " + cases[i].back());
  }
  EXPECT_EQ(answers[0]["total"], 31);
  EXPECT_EQ(result_keys(answers[1]), (std::set<std::string>{"2023-guiding", "2023-guiding#I28"}));
  EXPECT_EQ(result_keys(answers[2]), (std::set<std::string>{"2023-guiding", "2023-guiding#I02"}));
  EXPECT_EQ(result_keys(answers[3]), (std::set<std::string>{"2023-guiding", "2023-guiding#I28"}));
}

size_t total(const Json& answer) {
  return answer["total"].get<size_t>();
}

const Json* facet_value(const Json& answer, const std::string& facet, const std::string& value) {
  for (const auto& v : answer["facets"][facet])
    if (v["value"] == value) return &v;
  return nullptr;
}

TEST_F(E2eBrowserIndex, FiltersAreOrWithinAFacetAndAndAcrossFacets) {
  const SearchSite& s = synthetic_search_site();
  Json a = s.browser({{"--unit", "caizheng", "整改"},
                      {"--unit", "jiaotong", "整改"},
                      {"--unit", "caizheng", "--unit", "jiaotong", "整改"},
                      {"--unit", "caizheng", "--year", "2020", "整改"},
                      {"--unit", "wenlv", "--type", "report", "整改"},
                      {"--unit", "tushuguan", "--type", "report", "整改"}});
  ASSERT_EQ(a.size(), 6u);
  EXPECT_GT(total(a[0]), 0u);
  EXPECT_GT(total(a[1]), 0u);
  EXPECT_EQ(total(a[2]), total(a[0]) + total(a[1]));
  EXPECT_GT(total(a[3]), 0u);
  EXPECT_LT(total(a[3]), total(a[0]));
  for (const auto& r : a[3]["results"]) {
    EXPECT_TRUE(r["date"].get<std::string>().starts_with("2020")) << r;
    EXPECT_EQ(r["units"], Json::array({"市财政局"})) << r;
  }
  EXPECT_GT(total(a[4]), total(a[5])) << "市图书馆 is a child of 市文化和旅游局";
  // The same filters give `dossier search` the same results.
  Json cli = s.search({"--unit", "caizheng", "--year", "2020", "整改"});
  EXPECT_EQ(total(a[3]), total(cli));
  EXPECT_EQ(result_keys(a[3]), result_keys(cli));
}

// A chosen facet's other values count what choosing them too would add (the
// results of the query and of the other facets' filters); the other facets
// count the results.
TEST_F(E2eBrowserIndex, AChosenFacetCountsItsOtherValues) {
  const SearchSite& s = synthetic_search_site();
  Json a = s.browser({{"--unit", "caizheng", "--limit", "1", "整改"}, {"--limit", "1", "整改"}});
  ASSERT_EQ(a.size(), 2u);
  const Json* jiaotong = facet_value(a[0], "unit", "jiaotong");
  const Json* unfiltered = facet_value(a[1], "unit", "jiaotong");
  ASSERT_TRUE(jiaotong && unfiltered);
  EXPECT_EQ((*jiaotong)["count"], (*unfiltered)["count"]);
  Json cli = s.search({"--unit", "caizheng", "整改"});
  for (const char* facet : {"type", "topic", "year", "kind", "regulation"})
    EXPECT_EQ(a[0]["facets"].value(facet, Json::array()), cli["facets"].value(facet, Json::array()))
        << facet;
}

TEST_F(E2eBrowserIndex, AQueryLoadsOnlyTheShardsAndResultsItNeeds) {
  const SearchSite& s = synthetic_search_site();
  Json a = s.browser({{"民主集中制"}, {"--offset", "10", "民主集中制"}, {"不存在的说法"}});
  ASSERT_EQ(a.size(), 3u);
  size_t index_files = 0;
  for (const auto& f : fs::recursive_directory_iterator(s.site / "search" / "static"))
    index_files += f.is_regular_file();
  for (const Json& answer : a) {
    std::map<std::string, size_t> by_kind;
    for (const auto& f : answer["loaded"]) {
      std::string name = f["name"];
      ++by_kind[name.substr(0, name.find('/'))];
    }
    EXPECT_EQ(by_kind["meta"], 1u);
    // A word's trigrams sit with the bigrams they start with, and count
    // the others: 民主集中制 needs the shards of its three trigrams,
    // 不存在的说法 of its four.
    EXPECT_LE(by_kind["t"], answer["query"] == "民主集中制" ? 3u : 4u) << answer["query"];
    EXPECT_LE(by_kind["r"], 10u) << "one result chunk per result shown at most";
    EXPECT_LE(answer["loaded"].size(), 60u);
    EXPECT_LT(answer["loaded"].size() * 50, index_files);
  }
  EXPECT_EQ(a[2]["total"], 0);
  // A word no shard holds ends the search: meta.js, the shards, and the
  // archive's one document block, which is asked for with them.
  EXPECT_LE(a[2]["loaded"].size(), 7u);
  for (const auto& f : a[2]["loaded"]) {
    std::string name = f["name"];
    EXPECT_TRUE(name == "meta" || name.starts_with("t/") || name == "d/0") << name;
  }
}

TEST_F(E2eBrowserIndex, AQueryWithoutLettersOrDigitsIsAnError) {
  Json a = sample_search_site().browser({{"《》，。"}});
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0]["error"], "no-words");
}

// Every script of themes/default/static/ reaches the site's theme/ minified:
// well under its source's size, and no comment lines left.
TEST(E2eThemeScripts, TheSiteCarriesThemMinified) {
  fs::path sources = fs::path(DOSSIER_SOURCE_DIR) / "themes/default/static";
  size_t scripts = 0;
  for (const auto& entry : fs::directory_iterator(sources)) {
    if (entry.path().extension() != ".js") continue;
    ++scripts;
    std::string name = entry.path().filename().string();
    fs::path built = sample_search_site().site / "theme" / name;
    ASSERT_TRUE(fs::is_regular_file(built)) << built;
    std::string source = read_file(entry.path()), minified = read_file(built);
    EXPECT_LT(minified.size() * 10, source.size() * 6)
        << name << ": " << minified.size() << " of " << source.size() << " bytes";
    std::string comment;  // the first line that is a // comment
    for (const std::string& line : lines_of(minified)) {
      size_t start = line.find_first_not_of(" \t");
      if (start != std::string::npos && line.compare(start, 2, "//") == 0) {
        comment = line;
        break;
      }
    }
    EXPECT_EQ(comment, "") << name << " keeps its comments";
  }
  EXPECT_GE(scripts, 4u);
}

}  // namespace
}  // namespace dossier::e2e
