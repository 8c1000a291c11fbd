// Collecting the search documents from the archive.
#include "index/search_docs.h"

#include <algorithm>
#include <iterator>
#include <numeric>

#include "base/parallel.h"
#include "base/site_paths.h"
#include "base/text.h"
#include "index/search_text.h"

namespace dossier {

std::string_view search_type_name(SearchType t) {
  switch (t) {
    case SearchType::kReport:
      return "report";
    case SearchType::kIssue:
      return "issue";
    case SearchType::kMeasure:
      return "measure";
  }
  return "report";
}

static std::vector<int> with_ancestors(const Archive& a, const std::vector<int>& units) {
  std::vector<int> out;
  for (int u : units)
    for (int at = u; at >= 0 && std::find(out.begin(), out.end(), at) == out.end();
         at = a.units[static_cast<size_t>(at)].parent_id)
      out.push_back(at);
  std::sort(out.begin(), out.end());
  return out;
}

// The documents of one report: itself, then its issues, then its measures.
static std::vector<SearchDoc> report_docs(const Archive& a, const Report& r) {
  std::vector<SearchDoc> docs;
  SearchDoc base;
  base.date = r.date;
  base.units = r.unit_ids;
  base.unit_tree = with_ancestors(a, r.unit_ids);
  base.topics = r.topic_ids;
  base.kind = r.kind;
  std::string page = site_path::report(r.id);

  SearchDoc report = base;
  report.type = SearchType::kReport;
  report.key = r.id;
  report.title = r.title;
  report.url = page;
  report.regulations = r.regulation_ids;
  report.text = normalize_search_text(r.title + "\n" + r.body.text);
  docs.push_back(std::move(report));

  for (ItemKind kind : {ItemKind::kIssue, ItemKind::kMeasure}) {
    for (const Item& it : r.items(kind)) {
      SearchDoc d = base;
      d.type = kind == ItemKind::kIssue ? SearchType::kIssue : SearchType::kMeasure;
      d.key = r.id + "#" + it.id;
      d.title = it.title;
      d.url = page + "#" + it.id;
      d.regulations = it.regulation_ids;
      d.status = kind == ItemKind::kIssue ? std::string(status_name(it.issue_status))
                 : it.overdue             ? "overdue"
                                          : std::string(status_name(it.status));
      // Normalised apart, as the line break between them is no word's.
      std::string line = normalize_search_text(it.title);
      std::string description = normalize_search_text(
          it.anchor >= 0 ? r.body.anchors[static_cast<size_t>(it.anchor)].text : "");
      d.title_line_size = line.size();
      d.in_report = find_bytes(docs.front().text, description);
      d.text = std::move(line) + "\n" + description;
      docs.push_back(std::move(d));
    }
  }
  return docs;
}

// Reports on `jobs` threads (normalising the texts is most of the work),
// then joined oldest first (undated ones first, then by date, then by id):
// a report added to the archive is usually its newest, so its documents
// come last and the others keep their numbers, and with them most of the
// browser index's files (docs/publish.md).
std::vector<SearchDoc> collect_search_docs(const Archive& a, int jobs) {
  std::vector<std::vector<SearchDoc>> by_report(a.reports.size());
  parallel_for(a.reports.size(), jobs,
               [&](size_t i) { by_report[i] = report_docs(a, a.reports[i]); });
  std::vector<size_t> order(a.reports.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const Report &p = a.reports[x], &q = a.reports[y];  // no date sorts first
    return p.date != q.date ? p.date < q.date : p.id < q.id;
  });
  std::vector<SearchDoc> docs;
  for (size_t i : order)
    std::move(by_report[i].begin(), by_report[i].end(), std::back_inserter(docs));
  return docs;
}

std::vector<SearchGroup> search_groups(const std::vector<SearchDoc>& docs) {
  std::vector<SearchGroup> groups;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (docs[i].type == SearchType::kReport || groups.empty()) groups.push_back({i, i});
    groups.back().end = i + 1;
  }
  return groups;
}

}  // namespace dossier
