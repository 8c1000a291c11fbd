// Search documents: what both search indexes hold, collected once from the
// linked archive. One document per report (its title and body), per issue
// and per measure (its title and the description its `{#ID}` section
// gives), with the facets filters and counts use (docs/search.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/archive.h"

namespace dossier {

enum class SearchType { kReport, kIssue, kMeasure };
std::string_view search_type_name(SearchType t);  // report | issue | measure

// SearchDoc::in_report of a text that is not part of its report's.
inline constexpr size_t kOwnText = std::string_view::npos;

struct SearchDoc {
  SearchType type = SearchType::kReport;
  std::string key;  // report id, or "<report id>#<item id>"
  std::string title;
  std::string url;           // site path, with #ID for items
  std::optional<Date> date;  // the report's
  // Sets of indexes into the archive's lists, ascending without repeats.
  std::vector<int> units;  // the report's units
  std::vector<int>
      unit_tree;  // those and their ancestors (a filter on a unit finds its children's)
  std::vector<int> topics;
  std::vector<int> regulations;  // the report's, or the item's own
  std::string kind;              // the report's kind
  std::string status;            // items: status name (an overdue measure: "overdue")
  std::string text;              // normalised (search_text.h): title, a line break, body
  // An issue's or measure's text is its title line (`title_line_size`
  // bytes), a line break and its description. When its report's text holds
  // that description (nearly always), `in_report` is where (a byte offset
  // there): the texts both indexes keep hold it once, in the report's text.
  size_t title_line_size = 0;
  size_t in_report = kOwnText;
};

// In order: each report (oldest first: no date, then by date, then by id),
// then its issues, then its measures.
// Reports are collected on `jobs` threads.
std::vector<SearchDoc> collect_search_docs(const Archive& archive, int jobs = 1);

// A report with its issues and measures: docs [first, end).
struct SearchGroup {
  size_t first = 0, end = 0;
};
std::vector<SearchGroup> search_groups(const std::vector<SearchDoc>& docs);

}  // namespace dossier
