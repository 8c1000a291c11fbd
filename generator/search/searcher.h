// Searcher: answers a query over the Xapian index of a built site
// (search/xapian and search/text/; docs/search.md). Words must all
// occur as written (after normalisation); filters combine as OR within a
// facet and AND across facets; results are ranked by BM25 over the words'
// terms, or by date. Used by `dossier search` and the server.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"

namespace dossier {

struct SearchRequest {
  std::string query;
  // Filter values as a user writes them: names, titles, aliases or slugs.
  std::vector<std::string> units, topics, years, kinds, types, regulations;
  bool sort_by_date = false;
  size_t offset = 0;
  size_t limit = 10;
};

struct SearchHit {
  std::string key;   // report id, or "<report id>#<item id>"
  std::string type;  // report | issue | measure
  std::string title;
  std::string url;  // relative to the site
  std::string date;
  std::vector<std::string> units;
  std::string snippet;  // plain text, each match between 【 and 】
  double weight = 0;
};

struct FacetCount {
  std::string value;  // slug, year, kind or type, as filters take it
  std::string label;  // what to show
  size_t count = 0;
};

struct SearchResponse {
  std::vector<std::string> words;  // the query's words, normalised
  size_t total = 0;                // every result, not just this page
  std::vector<SearchHit> hits;
  // Counts over all results: "type", "unit", "topic", "year", "kind", "regulation".
  std::map<std::string, std::vector<FacetCount>> facets;
};

// A query or filter the searcher cannot take: the user must change it.
struct SearchQueryError {
  std::string message;
};

class MatchValues;  // search/match_values.h

class Searcher {
 public:
  // Opens SITE/search. Fails when the site has no search index.
  static Result<std::unique_ptr<Searcher>> open(const std::string& site_dir);
  ~Searcher();

  // An error is the query's or a filter's fault (SearchQueryError) or the
  // index's (Status): see `search` in docs/search.md. One search at a time:
  // a Searcher is not shared between threads (dossier serve keeps a pool).
  Result<SearchResponse> search(const SearchRequest& request, SearchQueryError* query_error) const;

  // For a server: reads what every search needs of each document into
  // memory (at 10,000 reports about 30 ms and 13 MB, once) and returns it,
  // to give to the other Searchers of the same site with use_values(). A
  // search then takes about half the time. Null if it cannot be read.
  std::shared_ptr<const MatchValues> keep_values();
  void use_values(std::shared_ptr<const MatchValues> values);

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dossier
