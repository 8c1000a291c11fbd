// Template data for reports, items, units, topics and regulations.
#include "render/views.h"

#include <algorithm>

#include "base/site_paths.h"

namespace dossier {

using kainjow::mustache::data;

std::string Views::href(std::string_view site_path) const { return relative_url(page_, site_path); }

TemplateData Views::report(int r) const {
  const Report& rep = archive_.reports[static_cast<size_t>(r)];
  TemplateData d;
  d.set("id", rep.id);
  d.set("title", rep.title);
  d.set("href", href(site_path::report(rep.id)));
  d.set("date", rep.date ? rep.date->iso() : "");
  d.set("year", std::to_string(rep.year()));
  d.set("kind", rep.kind);
  d.set("units", units(rep.unit_ids));
  d.set("issues", std::to_string(rep.issues.size()));
  d.set("measures", std::to_string(rep.measures.size()));
  return d;
}

TemplateData Views::item(const ItemKey& k) const {
  const Report& rep = archive_.reports[static_cast<size_t>(k.report)];
  const Item& it = archive_.item(k);
  TemplateData d;
  d.set("id", it.id);
  d.set("key", rep.id + "#" + it.id);
  d.set("kind", std::string(kind_name(it.kind)));
  d.set("title", it.title);
  d.set("href", href(site_path::report(rep.id)) + "#" + it.id);
  d.set("report_title", rep.title);
  d.set("report_href", href(site_path::report(rep.id)));
  d.set("report_date", rep.date ? rep.date->iso() : "");
  if (it.kind == ItemKind::kIssue) {
    d.set("status", std::string(status_name(it.issue_status)));
    d.set("status_label", std::string(status_label(it.issue_status)));
  } else {
    bool late = it.overdue;
    d.set("status", late ? "overdue" : std::string(status_name(it.status)));
    d.set("status_label",
          late ? std::string(status_label(it.status)) + "（已逾期）" : std::string(status_label(it.status)));
    d.set("owner", it.owner);
    d.set("due", it.due ? it.due->iso() : "");
  }
  d.set("overdue", it.kind == ItemKind::kIssue ? it.issue_status == IssueStatus::kOverdue : it.overdue);
  return d;
}

TemplateData Views::unit(int u) const {
  const Unit& unit = archive_.units[static_cast<size_t>(u)];
  TemplateData d;
  d.set("slug", unit.slug);
  d.set("title", unit.title);
  d.set("href", href(site_path::unit(unit.slug)));
  return d;
}

TemplateData Views::topic(int t) const {
  const Topic& topic = archive_.topics[static_cast<size_t>(t)];
  TemplateData d;
  d.set("slug", topic.slug);
  d.set("title", topic.title);
  d.set("href", href(site_path::topic(topic.slug)));
  return d;
}

TemplateData Views::regulation(int g) const {
  const Regulation& reg = archive_.regulations[static_cast<size_t>(g)];
  TemplateData d;
  d.set("slug", reg.slug);
  d.set("title", reg.title);
  d.set("href", href(site_path::regulation(reg.slug)));
  d.set("status", reg.status);
  return d;
}

TemplateData Views::item_box(const ItemKey& k) const {
  const Item& it = archive_.item(k);
  TemplateData d = item(k);
  d.set("is_issue", it.kind == ItemKind::kIssue);
  d.set("regulations", regulations(it.regulation_ids));
  d.set("has_links", !it.counterparts.empty());
  d.set("links", item_rows(it.counterparts));
  return d;
}

template <typename F>
static TemplateData list_of(size_t n, F&& f) {
  TemplateData list{TemplateData::type::list};
  for (size_t i = 0; i < n; ++i) list.push_back(f(i));
  return list;
}

TemplateData Views::report_rows(const std::vector<int>& ids) const {
  return list_of(ids.size(), [&](size_t i) { return report(ids[i]); });
}

TemplateData Views::item_rows(const std::vector<ItemKey>& keys) const {
  return list_of(keys.size(), [&](size_t i) {
    TemplateData d = item(keys[i]);
    // An item of another report than the page's: the page names that report.
    d.set("other_report",
          page_ != site_path::report(archive_.reports[static_cast<size_t>(keys[i].report)].id));
    return d;
  });
}

TemplateData Views::report_block(const std::vector<int>& ids) const {
  TemplateData d;
  d.set("reports", report_rows(ids));
  d.set("has_reports", !ids.empty());
  d.set("count", std::to_string(ids.size()));
  return d;
}

TemplateData Views::item_block(const std::vector<ItemKey>& keys) const {
  TemplateData d;
  d.set("items", item_rows(keys));
  d.set("has_items", !keys.empty());
  d.set("count", std::to_string(keys.size()));
  return d;
}
TemplateData Views::units(const std::vector<int>& ids) const {
  return list_of(ids.size(), [&](size_t i) { return unit(ids[i]); });
}
TemplateData Views::topics(const std::vector<int>& ids) const {
  return list_of(ids.size(), [&](size_t i) { return topic(ids[i]); });
}
TemplateData Views::regulations(const std::vector<int>& ids) const {
  return list_of(ids.size(), [&](size_t i) { return regulation(ids[i]); });
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

std::vector<ItemKey> all_issues(const Archive& archive) {
  std::vector<int> order(archive.reports.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::vector<ItemKey> out;
  for (int r : newest_first(archive, std::move(order))) {
    const auto& issues = archive.reports[static_cast<size_t>(r)].issues;
    for (size_t i = 0; i < issues.size(); ++i) out.push_back({r, ItemKind::kIssue, static_cast<int>(i)});
  }
  return out;
}

}  // namespace dossier
