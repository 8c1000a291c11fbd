// MatchValues: the two values a search reads of every document that
// matches its terms (where its text is, and its filter terms,
// which facets count), read once from the index and kept in memory. A
// server answering many searches over one site keeps them: reading them
// from the index for each match, and counting facets by name, was nearly
// half of its search time (docs/search.md, "Values, data and metadata").
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

namespace dossier {

// Calls f(term) for each filter term of a value of kSlotFacets.
template <typename F>
void for_each_facet_term(std::string_view facets_value, F&& f) {
  for (size_t end; (end = facets_value.find('\n')) != std::string_view::npos;
       facets_value.remove_prefix(end + 1))
    f(facets_value.substr(0, end));
}

class MatchValues {
 public:
  // Reads the values of every document of `db`. Throws Xapian::Error.
  explicit MatchValues(const Xapian::Database& db);

  // The value of kSlotText of document `id`.
  std::string_view text_range(Xapian::docid id) const {
    return id < text_ranges_.size() ? std::string_view(text_ranges_[id]) : std::string_view();
  }
  // The filter terms of document `id`, as numbers that term() names.
  std::span<const uint32_t> facet_terms(Xapian::docid id) const {
    if (id + 1 >= facet_starts_.size()) return {};
    return std::span(facet_ids_)
        .subspan(facet_starts_[id], facet_starts_[id + 1] - facet_starts_[id]);
  }
  const std::string& term(uint32_t n) const { return terms_[n]; }
  size_t term_count() const { return terms_.size(); }

 private:
  std::vector<std::string> text_ranges_;  // by document id
  std::vector<uint32_t> facet_starts_;    // by document id, into facet_ids_; one more at the end
  std::vector<uint32_t> facet_ids_;
  std::vector<std::string> terms_;  // every filter term, by number
};

}  // namespace dossier
