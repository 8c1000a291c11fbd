// Built sites for the search tests (tests/e2e/search_test.cc for `dossier
// search`, browser_index_test.cc for the browser index): the sample archive
// and a 1,000-report synthetic one, each built once for all test processes,
// with the search documents of their content (the texts a plain substring
// scan reads) and the queries both searches are checked with.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "e2e/harness.h"
#include "index/search_docs.h"

namespace dossier::e2e {

using Json = nlohmann::json;

struct SearchSite {
  TempDir dir;
  fs::path site;
  std::vector<SearchDoc> docs;

  // `site`: a site built from `content` already.
  SearchSite(const fs::path& content, fs::path built);

  // `dossier search -d SITE --json --limit 100000 ARGS...`, parsed.
  Json search(std::vector<std::string> args) const;

  // The browser index's engine in node (tests/js/static_search.js --batch):
  // one answer (the JSON of `dossier search --json`, plus the files loaded)
  // per argument list. Filters take slugs, as the search page's URL does.
  Json browser(const std::vector<std::vector<std::string>>& requests) const;

  // Keys of the documents of `type` whose text holds every word of `query`.
  std::set<std::string> scan(const std::string& query, std::string_view type) const;
};

const SearchSite& sample_search_site();
const SearchSite& synthetic_search_site();  // 1,000 reports of tests/shared-corpus
fs::path synthetic_content();               // its content folder (not to be changed)

// At least 20 queries of 2 to 8 characters for each site, some with no hits.
extern const std::vector<std::string> kSampleQueries;
extern const std::vector<std::string> kSyntheticQueries;

// The keys of a search answer's results.
std::set<std::string> result_keys(const Json& answer);

// Whether node can run (the browser index tests need it).
bool have_node();

}  // namespace dossier::e2e
