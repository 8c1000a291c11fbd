// GET /api/search (SPEC §3): the query string to a SearchRequest, answered
// with the JSON of `dossier search --json`. Filters repeat to OR their
// values; page N (from 1) holds results 10(N-1)+1 to 10N.
#pragma once

#include <map>
#include <string>

#include "serve/site_generation.h"

namespace dossier {

inline constexpr size_t kApiPageSize = 10;

struct ApiAnswer {
  int status = 200;  // 200; 400 for a query or parameter to change; 503 without an index
  std::string json;
};

// `params`: the decoded query string, a name once per value.
ApiAnswer answer_search(SiteGeneration& site,
                        const std::multimap<std::string, std::string>& params);

}  // namespace dossier
