// The browser index's document blocks (search/static/d/): for each report
// with its issues and measures, what a query's ranking and facet counts
// need: the lengths BM25 weighs; the date, kind, units and topics, and the
// regulations. docs/search.md ("Browser index") has the encoding.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "index/search_docs.h"
#include "index/static_postings.h"

namespace dossier {

// What all blocks share, and meta.js gives the search page.
struct BlockShape {
  std::vector<std::string> kinds;  // the reports' kinds, sorted
  int first_year = 0;              // dates count from its first day
  uint64_t count_base = 1;         // a report's counts: issues * count_base + measures
};
BlockShape block_shape(const std::vector<SearchDoc>& docs, const std::vector<SearchGroup>& groups);

// A block's data, in two halves: what ranking needs (the lengths), and
// what facets need, which the search page reads only to count, filter or
// sort by date (so that the results show sooner).
struct BlockData {
  std::string ranking;
  std::string facets;
};

// The data of the block of groups [first, end). Fails only when the
// documents are not numbered oldest first, or a set of units, topics or
// regulations is not ascending, as collect_search_docs leaves them.
Result<BlockData> block_data(const std::vector<SearchDoc>& docs,
                             const std::vector<SearchGroup>& groups, size_t first, size_t end,
                             const StaticPostings& postings, const BlockShape& shape);

}  // namespace dossier
