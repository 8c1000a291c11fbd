// Template values for reports, items, units, topics and regulations.
#include "render/views.h"

#include <algorithm>

#include "base/site_paths.h"
#include "render/template_keys.h"

namespace dossier {

using namespace keys;

std::string Views::href(std::string_view site_path) const {
  return relative_url(page_, site_path);
}

void Views::report(Dict* d, int r) const {
  const Report& rep = archive_.reports[static_cast<size_t>(r)];
  d->SetValue(k_id, rep.id);
  d->SetValue(k_title, rep.title);
  d->SetValue(k_href, href(site_path::report(rep.id)));
  d->SetValue(k_date, rep.date ? rep.date->iso() : "");
  d->SetValue(k_kind, rep.kind);
  d->SetIntValue(k_issues, static_cast<long>(rep.issues.size()));
  d->SetIntValue(k_measures, static_cast<long>(rep.measures.size()));
  units(d, k_units, rep.unit_ids);
}

void Views::item(Dict* d, const ItemKey& k) const {
  const Report& rep = archive_.reports[static_cast<size_t>(k.report)];
  const Item& it = archive_.item(k);
  d->SetValue(k_id, it.id);
  d->SetValue(k_kind, tv(kind_name(it.kind)));
  d->SetValue(k_title, it.title);
  if (k.report == page_report_) {
    d->SetValue(k_href, "#" + it.id);  // on this page
  } else {
    std::string report_href = href(site_path::report(rep.id));
    d->SetValue(k_href, report_href + "#" + it.id);
    d->SetValue(k_report_title, rep.title);
    d->SetValue(k_report_href, report_href);
    d->SetValue(k_report_date, rep.date ? rep.date->iso() : "");
    d->ShowSection(k_other_report);
  }
  if (it.kind == ItemKind::kIssue) {
    d->SetValue(k_status, tv(status_name(it.issue_status)));
    d->SetValue(k_status_label, tv(status_label(it.issue_status)));
    return;
  }
  d->SetValue(k_status, it.overdue ? "overdue" : tv(status_name(it.status)));
  d->SetValue(k_status_label, it.overdue ? std::string(status_label(it.status)) + "（已逾期）"
                                         : std::string(status_label(it.status)));
  if (!it.owner.empty()) d->SetValueAndShowSection(k_owner, it.owner, k_has_owner);
  if (it.due) d->SetValueAndShowSection(k_due, it.due->iso(), k_has_due);
}

void Views::unit(Dict* d, int u) const {
  const Unit& x = archive_.units[static_cast<size_t>(u)];
  d->SetValue(k_slug, x.slug);
  d->SetValue(k_title, x.title);
  d->SetValue(k_href, href(site_path::unit(x.slug)));
}

void Views::topic(Dict* d, int t) const {
  const Topic& x = archive_.topics[static_cast<size_t>(t)];
  d->SetValue(k_slug, x.slug);
  d->SetValue(k_title, x.title);
  d->SetValue(k_href, href(site_path::topic(x.slug)));
}

void Views::regulation(Dict* d, int g) const {
  const Regulation& x = archive_.regulations[static_cast<size_t>(g)];
  d->SetValue(k_slug, x.slug);
  d->SetValue(k_title, x.title);
  d->SetValue(k_href, href(site_path::regulation(x.slug)));
  if (!x.status.empty()) {
    d->SetValueAndShowSection(k_status, x.status, k_has_status);
    d->SetValue(k_status_label, tv(regulation_status_label(x.status)));
  }
}

void Views::units(Dict* d, Key name, const std::vector<int>& ids) const {
  for (int u : ids) unit(d->AddSectionDictionary(name), u);
}
void Views::topics(Dict* d, Key name, const std::vector<int>& ids) const {
  for (int t : ids) topic(d->AddSectionDictionary(name), t);
}
void Views::regulations(Dict* d, Key name, const std::vector<int>& ids) const {
  for (int g : ids) regulation(d->AddSectionDictionary(name), g);
}
void Views::items(Dict* d, Key name, const std::vector<ItemKey>& keys) const {
  for (const ItemKey& k : keys) item(d->AddSectionDictionary(name), k);
}

void Views::report_list(Dict* d, Key name, const std::vector<int>& ids) const {
  Dict* list = d->AddIncludeDictionary(name);
  list->SetFilename("report_list");
  if (ids.empty()) list->ShowSection(k_none);
  Dict* table = ids.empty() ? nullptr : list->AddSectionDictionary(k_table);
  for (int r : ids) report(table->AddSectionDictionary(k_reports), r);
}

void Views::item_list(Dict* d, Key name, const std::vector<ItemKey>& keys) const {
  Dict* list = d->AddIncludeDictionary(name);
  list->SetFilename("item_list");
  if (keys.empty()) list->ShowSection(k_none);
  if (std::any_of(keys.begin(), keys.end(),
                  [&](const ItemKey& k) { return k.report != page_report_; }))
    list->ShowSection(k_with_report);
  Dict* table = keys.empty() ? nullptr : list->AddSectionDictionary(k_table);
  for (const ItemKey& k : keys) item(table->AddSectionDictionary(k_items), k);
}

void Views::item_box(Dict* d, const ItemKey& k) const {
  const Item& it = archive_.item(k);
  // The item's own values live in section "self", so that the rows of its
  // links (which a ctemplate lookup would let inherit them) do not see them.
  item(d->AddSectionDictionary(k_self), k);
  d->ShowSection(it.kind == ItemKind::kIssue ? k_is_issue : k_is_measure);
  if (!it.regulation_ids.empty())
    regulations(d->AddSectionDictionary(k_has_regulations), k_regulations, it.regulation_ids);
  if (it.counterparts.empty()) {
    d->ShowSection(k_no_links);
  } else {
    items(d->AddSectionDictionary(k_has_links), k_links, it.counterparts);
  }
}

std::vector<int> newest_first(const Archive& archive, std::vector<int> reports) {
  std::sort(reports.begin(), reports.end(), [&](int a, int b) {
    const Report& x = archive.reports[static_cast<size_t>(a)];
    const Report& y = archive.reports[static_cast<size_t>(b)];
    if (x.date != y.date) return x.date > y.date;
    return x.id < y.id;
  });
  return reports;
}

std::vector<ItemKey> issues_of(const Archive& archive, const std::vector<int>& reports) {
  std::vector<ItemKey> out;
  for (int r : reports) {
    size_t n = archive.reports[static_cast<size_t>(r)].issues.size();
    for (size_t i = 0; i < n; ++i) out.push_back({r, ItemKind::kIssue, static_cast<int>(i)});
  }
  return out;
}

std::vector<ItemKey> all_issues(const Archive& archive) {
  std::vector<int> all(archive.reports.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  return issues_of(archive, newest_first(archive, std::move(all)));
}

}  // namespace dossier
