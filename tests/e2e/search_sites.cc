// The search test sites: building, scanning, and running both searches.
#include "e2e/search_sites.h"

#include <algorithm>
#include <stdexcept>

#include "base/file_system.h"
#include "build.h"
#include "index/search_text.h"

namespace dossier::e2e {

namespace {

void build(const fs::path& content, const fs::path& site) {
  RunResult r = run_dossier(site.parent_path(), {"build", content.string(), "-o", site.string()});
  if (r.exit_code != 0) throw std::runtime_error("build failed: " + r.err);
}

}  // namespace

SearchSite::SearchSite(const fs::path& content, fs::path built) : site(std::move(built)) {
  RealFileSystem fs;
  BuildOptions options;
  options.content_dir = content.string();
  Diagnostics diags;
  docs = collect_search_docs(load_archive(fs, options, diags, nullptr));
}

Json SearchSite::search(std::vector<std::string> args) const {
  std::vector<std::string> command = {"search", "-d", site.string(), "--json", "--limit", "100000"};
  command.insert(command.end(), args.begin(), args.end());
  RunResult r = run_dossier(dir.path(), command);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.exit_code == 0 ? Json::parse(r.out) : Json::object();
}

Json SearchSite::browser(const std::vector<std::vector<std::string>>& requests) const {
  fs::path file = dir / "requests.json";
  write_file(file, Json(requests).dump());
  fs::path tool = fs::path(DOSSIER_SOURCE_DIR) / "tests/js/static_search.js";
  RunResult r =
      run_command(dir.path(), {"node", tool.string(), site.string(), "--batch", file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.exit_code == 0 ? Json::parse(r.out) : Json::array();
}

std::set<std::string> SearchSite::scan(const std::string& query, std::string_view type) const {
  std::set<std::string> out;
  std::vector<std::string> words = query_words(query);
  for (const auto& d : docs) {
    if (search_type_name(d.type) != type) continue;
    if (std::all_of(words.begin(), words.end(),
                    [&](const std::string& w) { return d.text.find(w) != std::string::npos; }))
      out.insert(d.key);
  }
  return out;
}

const SearchSite& sample_search_site() {
  static const SearchSite site(sample_content(),
                               cached_dir("search-sample", [](const fs::path& dir) {
                                 build(sample_content(), dir / "site");
                               }) / "site");
  return site;
}

// The corpus and its site, made once for all test processes.
static const fs::path& synthetic_dir() {
  static const fs::path dir = cached_dir("search-c1k", [](const fs::path& d) {
    fs::path script = fs::path(DOSSIER_SOURCE_DIR) / "tests/shared-corpus/corpus/make_corpus.py";
    RunResult r = run_command(
        d, {"python3", script.string(), "--reports", "1000", "--out", (d / "c1k").string()});
    if (r.exit_code != 0) throw std::runtime_error("make_corpus.py failed: " + r.err);
    build(d / "c1k", d / "site");
  });
  return dir;
}

fs::path synthetic_content() {
  return synthetic_dir() / "c1k";
}

const SearchSite& synthetic_search_site() {
  static const SearchSite site(synthetic_content(), synthetic_dir() / "site");
  return site;
}

const std::vector<std::string> kSampleQueries = {
    "意识形态", "主体责任", "党风廉政",   "廉政建设",     "中央八项规定",
    "一岗双责", "四风",     "民主集中制", "干部队伍",     "整改",
    "作风建设", "2022年",   "形态工作",   "党章",         "巡察",
    "警示教育", "三重一大", "责任制",     "清廉",         "模范机关",
    "党建品牌", "红色引擎", "文旅为民",   "不存在的说法", "意识形态 整改"};

const std::vector<std::string> kSyntheticQueries = {"意识形态工作责任制",
                                                    "工作作风",
                                                    "党风廉政建设",
                                                    "中央八项规定",
                                                    "主体责任",
                                                    "民主集中制",
                                                    "全面从严治党",
                                                    "一岗双责",
                                                    "警示教育",
                                                    "为民服务",
                                                    "红色文化",
                                                    "选人用人",
                                                    "干部队伍",
                                                    "整改措施",
                                                    "四风",
                                                    "廉政风险",
                                                    "巡察",
                                                    "基层党组织",
                                                    "文化市场",
                                                    "营商环境",
                                                    "作作",
                                                    "态工",
                                                    "2022",
                                                    "党的十九大",
                                                    "头雁效应"};

std::set<std::string> result_keys(const Json& answer) {
  std::set<std::string> out;
  for (const auto& r : answer["results"]) out.insert(r["key"].get<std::string>());
  return out;
}

bool have_node() {
  TempDir dir;
  return run_command(dir.path(), {"node", "--version"}).exit_code == 0;
}

}  // namespace dossier::e2e
