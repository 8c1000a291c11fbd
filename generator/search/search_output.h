// How `dossier search` prints a response: a readable list, or JSON (the
// same fields and the facet counts; the server's API answers the same).
#pragma once

#include <iosfwd>
#include <string>

#include "search/searcher.h"

namespace dossier {

void print_search_text(const SearchRequest& request, const SearchResponse& response,
                       std::ostream& out);

// JSON: {query, words, total, offset, limit, sort, results: [{key, type,
// title, url, units, date, snippet, weight}], facets: {facet: [{value,
// label, count}]}}. The snippet marks matches with <mark> and is HTML-escaped.
std::string search_json(const SearchRequest& request, const SearchResponse& response);

}  // namespace dossier
