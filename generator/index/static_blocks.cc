// Writing the browser index's document blocks (docs/search.md, "Browser
// index"): numbers in the index's digits, per report and per item.
#include "index/static_blocks.h"

#include <algorithm>
#include <functional>

#include "index/search_schema.h"
#include "index/static_format.h"

namespace dossier {

namespace {

namespace schema = search_schema;
using static_format::put_number;

// Dates as one number that sorts like them: 1 + (y - first year)*372 +
// (m-1)*31 + (d-1); 0 for none.
uint64_t date_number(const std::optional<Date>& d, int first_year) {
  if (!d) return 0;
  return 1 + static_cast<uint64_t>(d->year - first_year) * 372 +
         static_cast<uint64_t>(d->month - 1) * 31 + static_cast<uint64_t>(d->day - 1);
}

// A set of indexes (of units, topics or regulations), ascending: each as
// its distance from the one before less one (the first's from -1), times
// two, plus one for the last. A set that may be empty counts the first from
// -2, so that 0 is the empty set. One number per index, and no count.
enum class MayBeEmpty { kNo, kYes };
void put_index_set(std::string& data, const std::vector<int>& set, MayBeEmpty may_be_empty) {
  if (set.empty()) {  // only a set that may be empty is
    put_number(data, 0);
    return;
  }
  int64_t previous = may_be_empty == MayBeEmpty::kYes ? -2 : -1;
  for (size_t k = 0; k < set.size(); ++k) {
    put_number(data, static_cast<uint64_t>(set[k] - previous - 1) * 2 + (k + 1 == set.size()));
    previous = set[k];
  }
}

// Whether a set is ascending without repeats, as search documents' sets are
// (search_docs.h) and put_index_set needs.
bool ascending(const std::vector<int>& set) {
  return std::adjacent_find(set.begin(), set.end(), std::greater_equal<>()) == set.end();
}

// Items per presence mask in a block: the mask's bits stay below 2^25,
// which JavaScript's bit operations hold.
constexpr size_t kMaskBits = 25;

// An item's regulations as bits over its report's (bit j: the report's
// j-th), as nearly every item cites some of its report's; 0 when one of
// them is not among the report's first kMaskBits.
uint64_t regulation_bits(const std::vector<int>& item, const std::vector<int>& report) {
  uint64_t bits = 0;
  for (int r : item) {
    auto at = std::find(report.begin(), report.end(), r);
    if (at == report.end() || static_cast<size_t>(at - report.begin()) >= kMaskBits) return 0;
    bits |= uint64_t{1} << (at - report.begin());
  }
  return bits;
}

size_t issue_count(const std::vector<SearchDoc>& docs, const SearchGroup& group) {
  size_t issues = 0;
  for (size_t i = group.first; i < group.end; ++i) issues += docs[i].type == SearchType::kIssue;
  return issues;
}

}  // namespace

BlockShape block_shape(const std::vector<SearchDoc>& docs, const std::vector<SearchGroup>& groups) {
  BlockShape shape;
  for (const auto& d : docs) {
    if (!d.kind.empty()) shape.kinds.push_back(d.kind);
    if (d.date && (shape.first_year == 0 || d.date->year < shape.first_year))
      shape.first_year = d.date->year;
  }
  std::sort(shape.kinds.begin(), shape.kinds.end());
  shape.kinds.erase(std::unique(shape.kinds.begin(), shape.kinds.end()), shape.kinds.end());
  size_t most = 0;  // measures
  for (const SearchGroup& g : groups)
    most = std::max(most, g.end - g.first - 1 - issue_count(docs, g));
  shape.count_base = most + 1;
  return shape;
}

// Two strings. The first, what ranking needs: per report its issue and
// measure counts as one number and its length times two, plus one when it
// cites regulations; then its items, by 25: a mask of those with a length or
// regulations (most issues and measures are short and cite none), and for
// each of them its length times two, plus one when it cites regulations. A
// length BM25 treats as half the average (every length below it) is written
// as 0. The second, what facets need: per report its date (as the distance
// from the block's report before, reports being numbered oldest first) with
// its kind, its units (with their ancestors) and its topics, as sets, and
// the set of its regulations if it cites any; then, for each of its items
// that cites regulations, their bits among the report's (0: their set
// follows).
Result<BlockData> block_data(const std::vector<SearchDoc>& docs,
                             const std::vector<SearchGroup>& groups, size_t first, size_t end,
                             const StaticPostings& postings, const BlockShape& shape) {
  // As Xapian's BM25Weight computes the normalised length.
  double len_factor =
      postings.total_length == 0
          ? 0
          : 1 / (static_cast<double>(postings.total_length) / static_cast<double>(docs.size()));
  auto length_of = [&](size_t i) -> uint64_t {
    uint64_t length = postings.doc_lengths[i];
    return static_cast<double>(length) * len_factor < schema::kBm25MinNormLen ? 0 : length;
  };
  const std::vector<std::string>& kinds = shape.kinds;
  BlockData data;
  std::string &ranking = data.ranking, &facets = data.facets;
  uint64_t previous_date = 0;
  for (size_t g = first; g < end; ++g) {
    const SearchGroup& group = groups[g];
    const SearchDoc& report = docs[group.first];
    size_t issues = issue_count(docs, group);
    put_number(ranking, issues * shape.count_base + (group.end - group.first - 1 - issues));
    uint64_t date = date_number(report.date, shape.first_year);
    if (date < previous_date) return Status::error("search documents out of date order");
    auto kind = std::find(kinds.begin(), kinds.end(), report.kind);
    put_number(facets,
               (date - previous_date) * (kinds.size() + 1) +
                   (kind == kinds.end() ? 0 : static_cast<uint64_t>(kind - kinds.begin()) + 1));
    previous_date = date;
    const std::vector<int>& regulations = report.regulations;
    if (!ascending(report.unit_tree) || !ascending(report.topics) || !ascending(regulations))
      return Status::error("a search document's units, topics or regulations out of order");
    put_index_set(facets, report.unit_tree, MayBeEmpty::kYes);
    put_index_set(facets, report.topics, MayBeEmpty::kYes);
    put_number(ranking, length_of(group.first) * 2 + (regulations.empty() ? 0 : 1));
    if (!regulations.empty()) put_index_set(facets, regulations, MayBeEmpty::kNo);
    for (size_t k = group.first + 1; k < group.end; k += kMaskBits) {
      size_t stop = std::min(group.end, k + kMaskBits);
      // An item's entry: its length times two, plus one when it cites
      // regulations; an item whose entry would be 0 has none (its mask bit
      // is 0).
      uint64_t entries[kMaskBits], present = 0;
      for (size_t i = k; i < stop; ++i) {
        entries[i - k] = length_of(i) * 2 + (docs[i].regulations.empty() ? 0 : 1);
        if (entries[i - k] != 0) present |= uint64_t{1} << (i - k);
      }
      put_number(ranking, present);
      for (size_t i = k; i < stop; ++i) {
        if (entries[i - k] == 0) continue;
        put_number(ranking, entries[i - k]);
        const std::vector<int>& cited = docs[i].regulations;
        if (cited.empty()) continue;
        uint64_t bits = regulation_bits(cited, regulations);
        put_number(facets, bits);
        if (bits != 0) continue;
        if (!ascending(cited)) return Status::error("a search document's regulations out of order");
        put_index_set(facets, cited, MayBeEmpty::kNo);
      }
    }
  }
  return data;
}

}  // namespace dossier
