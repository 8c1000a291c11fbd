// Reading the values searches need of every document into memory.
#include "search/match_values.h"

#include <unordered_map>

#include "index/search_schema.h"

namespace dossier {

namespace schema = search_schema;

MatchValues::MatchValues(const Xapian::Database& db) {
  size_t ids = size_t{db.get_lastdocid()} + 1;
  text_ranges_.resize(ids);
  for (auto it = db.valuestream_begin(schema::kSlotText);
       it != db.valuestream_end(schema::kSlotText); ++it)
    text_ranges_[it.get_docid()] = *it;

  // Value streams go in document order, so each document's terms follow
  // the last one's.
  std::unordered_map<std::string, uint32_t> numbers;
  facet_starts_.assign(ids + 1, 0);
  Xapian::docid next = 0;
  for (auto it = db.valuestream_begin(schema::kSlotFacets);
       it != db.valuestream_end(schema::kSlotFacets); ++it) {
    for (; next <= it.get_docid(); ++next) facet_starts_[next] = facet_ids_.size();
    for_each_facet_term(*it, [&](std::string_view term) {
      auto [found, added] = numbers.try_emplace(std::string(term), terms_.size());
      if (added) terms_.push_back(found->first);
      facet_ids_.push_back(found->second);
    });
  }
  for (; next <= ids; ++next) facet_starts_[next] = facet_ids_.size();
}

}  // namespace dossier
